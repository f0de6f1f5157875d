import type { Settings } from "../core/settings";
import type { SchemeKey, StrategyFamily } from "../core/types";
import type { Lang } from "./lang";

/** The four playbook families in the order sheets list them. */
export const STRATEGY_FAMILIES: readonly StrategyFamily[] = [
  "maintain",
  "develop",
  "keep",
  "win_back",
];

/**
 * Default strategy texts (seed 000 step 3, PRODUCT.md "Playbooks"). The settings sheet shows them and
 * a manager may replace them; an empty cell brings the default back.
 */
export const DEFAULT_PLAYBOOKS: Record<StrategyFamily, Record<Lang, string>> = {
  maintain: {
    "zh-CN":
      "维护：配备专属客户经理，每月上门拜访1次，提供定制化服务方案（如库存管理优化建议），优先保障供货，赠送增值服务（如免费市场数据分析）。",
    "en-US":
      "Maintain: a dedicated account manager, one visit a month, a custom service plan (e.g. inventory advice), priority supply, value-added services (e.g. free market data analysis).",
  },
  develop: {
    "zh-CN":
      "开发：每季度推送1次新品信息，提供阶段性折扣（如满额返利），联合开展促销活动（如新品首发试销），安排技术团队对接具体需求。",
    "en-US":
      "Develop: new-product news once a quarter, staged discounts (e.g. rebates above a spend), joint promotions (e.g. new-product trial sales), a technical team to follow up specific needs.",
  },
  keep: {
    "zh-CN":
      "保持：标准化售后服务（24小时内响应问题），每半年发送1次产品目录，收集基础需求反馈，纳入常规客户关怀名单（如节日问候）。",
    "en-US":
      "Keep: standard after-sales service (answer within 24 hours), a product catalogue every six months, collect basic needs, put on the routine care list (e.g. holiday greetings).",
  },
  win_back: {
    "zh-CN":
      "挽回：由销售主管带队在1周内回访，分析流失原因（价格、服务、竞品），针对性提出改进方案（如价格优惠、服务升级），挽回失败则记录经验教训。",
    "en-US":
      "Win back: a supervisor-led visit within one week, find the reason (price, service, competitors), a targeted offer (e.g. a price discount, a service upgrade); if it fails, record the lessons.",
  },
};

/** Strategy types on the tracking sheet (seed 000 table 3: 需求开发 for a potential customer). */
export const STRATEGY_TYPES: Record<StrategyFamily, Record<Lang, string>> = {
  maintain: { "zh-CN": "重点维护", "en-US": "Key account care" },
  develop: { "zh-CN": "需求开发", "en-US": "Needs development" },
  keep: { "zh-CN": "基础保持", "en-US": "Basic retention" },
  win_back: { "zh-CN": "流失挽回", "en-US": "Win-back" },
};

/**
 * Schemes whose own document words its tiers' playbooks: the five-point bins come from seed 003's
 * table (运营策略 per tier), the ABC grades from seed 002's step 5. A family such a document does not
 * word (ABC has no win-back grade) keeps seed 000's text; pct100 and quintile11 use seed 000's.
 */
export const SCHEME_PLAYBOOKS: Partial<
  Record<SchemeKey, Partial<Record<StrategyFamily, Record<Lang, string>>>>
> = {
  fixed5: {
    maintain: {
      "zh-CN": "维护（高价值客户）：专属VIP服务（如生日礼、优先发货），高端产品推荐。",
      "en-US":
        "Maintain (high value): exclusive VIP service (e.g. birthday gifts, priority shipping), recommend premium products.",
    },
    develop: {
      "zh-CN": "开发（潜力客户）：个性化推荐（如根据购买记录推互补产品），会员权益升级。",
      "en-US":
        "Develop (potential): personal recommendations (e.g. complementary products from the purchase history), upgraded member benefits.",
    },
    keep: {
      "zh-CN": "保持（一般客户）：促销活动触达（如满减优惠），培育其购买习惯。",
      "en-US":
        "Keep (general): reach them with promotions (e.g. spend-and-save offers), build their buying habit.",
    },
    win_back: {
      "zh-CN": "挽回（流失风险客户）：流失原因调查（如问卷），针对性挽回（如20%折扣）。",
      "en-US":
        "Win back (churn risk): find out why they left (e.g. a questionnaire), a targeted offer to win them back (e.g. 20% off).",
    },
  },
  abc: {
    maintain: {
      "zh-CN":
        "A类客户：重点进行资源投入和个性化服务，提供高端产品和快速配送，制定专属的营销推广计划和推荐激励政策。",
      "en-US":
        "Grade A: the most resources and personal service, premium products and fast delivery, a dedicated marketing plan and referral incentives.",
    },
    develop: {
      "zh-CN":
        "B类客户：适当的资源投入和标准化服务，提供性价比高的产品和定期配送，制定常规的营销推广计划和推荐激励政策。",
      "en-US":
        "Grade B: moderate resources and standard service, good-value products and scheduled delivery, a regular marketing plan and referral incentives.",
    },
    keep: {
      "zh-CN":
        "C类客户：基础的资源投入和标准化服务，提供普通产品和标准化配送，制定基础的营销推广计划和推荐激励政策。",
      "en-US":
        "Grade C: basic resources and standard service, regular products and standard delivery, a basic marketing plan and referral incentives.",
    },
  },
};

/** The default text of a family: the scheme's own document's wording where it has one, else seed 000's. */
export function defaultPlaybook(family: StrategyFamily, lang: Lang, scheme?: SchemeKey): string {
  const own = scheme ? SCHEME_PLAYBOOKS[scheme]?.[family] : undefined;
  return (own ?? DEFAULT_PLAYBOOKS[family])[lang];
}

/**
 * The strategy text in use: the settings' text when it is not blank, else the default of the
 * language for the settings' scheme.
 */
export function playbookText(
  settings: Pick<Settings, "playbooks"> & Partial<Pick<Settings, "scheme">>,
  family: StrategyFamily,
  lang: Lang
): string {
  const own = settings.playbooks[family];
  return typeof own === "string" && own.trim().length > 0
    ? own
    : defaultPlaybook(family, lang, settings.scheme);
}

/**
 * True when a text is a default of its family in any language and for any scheme. The settings sheet
 * shows the default texts; reading them back must not turn them into overrides (a sheet written in
 * English would otherwise pin English texts for a Chinese run, and a change of scheme would keep the
 * old scheme's texts).
 */
export function isDefaultPlaybook(family: StrategyFamily, text: string): boolean {
  const t = text.trim();
  const texts = [
    DEFAULT_PLAYBOOKS[family],
    ...Object.values(SCHEME_PLAYBOOKS).map((p) => p?.[family]),
  ];
  return texts.some(
    (byLang) => byLang !== undefined && (t === byLang["zh-CN"] || t === byLang["en-US"])
  );
}

export function strategyTypeName(family: StrategyFamily, lang: Lang): string {
  return STRATEGY_TYPES[family][lang];
}

/** The family of a strategy type name in either language (to read back an earlier tracking sheet). */
export function strategyTypeOf(name: string): StrategyFamily | null {
  const t = name.trim();
  for (const family of STRATEGY_FAMILIES) {
    const names = STRATEGY_TYPES[family];
    if (names["zh-CN"] === t || names["en-US"] === t) return family;
  }
  return null;
}
