import type { Lang, StrategyFamily, TierKey } from "../core/types";

type Labelled = TierKey | "no_purchases";

const TIER_LABELS: Record<Labelled, Record<Lang, string>> = {
  high_value: { "zh-CN": "高价值客户", "en-US": "High value" },
  potential: { "zh-CN": "潜力客户", "en-US": "Potential" },
  general: { "zh-CN": "一般客户", "en-US": "General" },
  churn_risk: { "zh-CN": "流失风险客户", "en-US": "Churn risk" },
  champions: { "zh-CN": "冠军客户", "en-US": "Champions" },
  loyal_customers: { "zh-CN": "忠诚客户", "en-US": "Loyal Customers" },
  potential_loyalist: { "zh-CN": "潜在忠诚客户", "en-US": "Potential Loyalist" },
  new_customers: { "zh-CN": "新客户", "en-US": "New Customers" },
  promising: { "zh-CN": "有潜力客户", "en-US": "Promising" },
  need_attention: { "zh-CN": "需要关注", "en-US": "Need Attention" },
  about_to_sleep: { "zh-CN": "即将沉睡", "en-US": "About To Sleep" },
  at_risk: { "zh-CN": "有流失风险", "en-US": "At Risk" },
  cant_lose_them: { "zh-CN": "不能失去", "en-US": "Can't Lose Them" },
  hibernating: { "zh-CN": "休眠客户", "en-US": "Hibernating" },
  lost: { "zh-CN": "已流失", "en-US": "Lost" },
  A: { "zh-CN": "A类客户", "en-US": "Grade A" },
  B: { "zh-CN": "B类客户", "en-US": "Grade B" },
  C: { "zh-CN": "C类客户", "en-US": "Grade C" },
  no_purchases: { "zh-CN": "无购买记录", "en-US": "No purchases" },
};

export function tierLabel(tier: Labelled, lang: Lang): string {
  return TIER_LABELS[tier][lang];
}

/** The tier key of a label in either language (to read back an earlier run's sheet). */
export function tierOfLabel(label: string): Labelled | null {
  for (const [key, texts] of Object.entries(TIER_LABELS)) {
    if (texts["zh-CN"] === label || texts["en-US"] === label) return key as Labelled;
  }
  return null;
}

const FAMILY_LABELS: Record<StrategyFamily, Record<Lang, string>> = {
  maintain: { "zh-CN": "维护", "en-US": "Maintain" },
  develop: { "zh-CN": "开发", "en-US": "Develop" },
  keep: { "zh-CN": "保持", "en-US": "Keep" },
  win_back: { "zh-CN": "挽回", "en-US": "Win back" },
};

export function familyLabel(family: StrategyFamily, lang: Lang): string {
  return FAMILY_LABELS[family][lang];
}

/** ¥4,200 or ¥4,200.50: money as a sales manager writes it. (Hand-made: toLocaleString is 50× slower, and this runs per customer.) */
export function formatMoney(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = cents % 100;
  return (
    (amount < 0 && cents > 0 ? "-¥" : "¥") +
    whole +
    (fraction ? "." + String(fraction).padStart(2, "0") : "")
  );
}

/** Wording of the one-line reasons, per language. */
export const REASON = {
  days: { "zh-CN": (n: number) => `${n}天`, "en-US": (n: number) => `${n} days` },
  orders: { "zh-CN": (n: number) => `${n}单`, "en-US": (n: number) => `${n} orders` },
  total: { "zh-CN": "总分", "en-US": "total" },
  open: { "zh-CN": "（", "en-US": " (" },
  close: { "zh-CN": "）", "en-US": ")" },
  sep: { "zh-CN": "、", "en-US": ", " },
  code: { "zh-CN": "代码", "en-US": "code" },
} as const;

/** "R 5 (12 days)" / "R 5（12天）" */
export function scorePart(lang: Lang, metric: string, score: number, value: string): string {
  return `${metric} ${score}${REASON.open[lang]}${value}${REASON.close[lang]}`;
}
