import type { AbcCombine } from "../core/settings";
import type { AbcKey, Lang, StrategyFamily, TierKey } from "../core/types";

/**
 * Tier, segment and playbook labels, and every sentence the schemes write (reasons and notes),
 * in both languages. The schemes compute; this file words.
 */

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
  return labelled().get(label) ?? null;
}

/** Tier keys by label in either language (the first key in TIER_LABELS wins), built once. */
let byLabel: Map<string, Labelled> | null = null;
function labelled(): Map<string, Labelled> {
  if (byLabel) return byLabel;
  byLabel = new Map();
  for (const [key, texts] of Object.entries(TIER_LABELS))
    for (const text of [texts["zh-CN"], texts["en-US"]])
      if (!byLabel.has(text)) byLabel.set(text, key as Labelled);
  return byLabel;
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

// ---------------------------------------------------------------------------------------------
// Figures

/** 0 -> "000", 7 -> "007", 42 -> "042", 512 -> "512" */
function threeDigits(group: number): string {
  return group < 10 ? "00" + group : group < 100 ? "0" + group : String(group);
}

/**
 * ¥4,200 or ¥4,200.50 or -¥300: money as a sales manager writes it. Hand-made because it runs once
 * or more per customer (toLocaleString is some 50× slower).
 */
export function formatMoney(amount: number): string {
  // Beyond 1e15 yuan cents are below a double's precision; such a figure is only ever a data error.
  if (!(Math.abs(amount) < 1e15)) return "¥" + String(amount);
  const cents = Math.round(Math.abs(amount) * 100);
  let whole = Math.floor(cents / 100);
  const fraction = cents - whole * 100;
  let text = "";
  while (whole >= 1000) {
    const rest = Math.floor(whole / 1000);
    text = "," + threeDigits(whole - rest * 1000) + text;
    whole = rest;
  }
  text = whole + text;
  if (fraction > 0) text += fraction < 10 ? ".0" + fraction : "." + fraction;
  return (amount < 0 && cents > 0 ? "-¥" : "¥") + text;
}

/** "1 day" / "12 days" / "12天" */
function days(n: number, lang: Lang): string {
  return lang === "zh-CN" ? n + "天" : n === 1 ? "1 day" : n + " days";
}

/** "1 order" / "9 orders" / "9单" */
function orders(n: number, lang: Lang): string {
  return lang === "zh-CN" ? n + "单" : n === 1 ? "1 order" : n + " orders";
}

/** Wording pieces of the one-line reasons, per language. */
export const REASON = {
  days: { "zh-CN": (n: number) => days(n, "zh-CN"), "en-US": (n: number) => days(n, "en-US") },
  orders: {
    "zh-CN": (n: number) => orders(n, "zh-CN"),
    "en-US": (n: number) => orders(n, "en-US"),
  },
  total: { "zh-CN": "总分", "en-US": "total" },
  open: { "zh-CN": "（", "en-US": " (" },
  close: { "zh-CN": "）", "en-US": ")" },
  sep: { "zh-CN": "、", "en-US": ", " },
  code: { "zh-CN": "代码", "en-US": "code" },
} as const;

/** "R 5 (12 days)" / "R 5（12天）" */
export function scorePart(lang: Lang, metric: string, score: number, value: string): string {
  return lang === "zh-CN" ? `${metric} ${score}（${value}）` : `${metric} ${score} (${value})`;
}

// ---------------------------------------------------------------------------------------------
// Reasons
//
// A run writes one reason per customer, up to a million of them. The builders below word the
// pieces that repeat (a score with its days, a score with its orders, the tail naming the tier)
// once per run and join them per customer: 100k reasons take some 20–40 ms instead of 80–150.

/** What a reason says about one customer's R, F and M figures. */
export interface Figures {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

/**
 * Makes V8 copy a string built by joining pieces into one block now, while the pieces are still
 * young: a reason then lives as one string instead of a tree of a dozen, which halves the garbage
 * collector's work on 100k reasons. (Reading a character is what triggers the copy.)
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** A small cache of texts keyed by a whole number (days, orders), checked against the score. */
class PieceCache {
  private readonly texts: string[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly make: (value: number, score: number) => string) {}
  get(value: number, score: number): string {
    if (value >= 0 && value < 65536 && (value | 0) === value) {
      if (this.scores[value] === score) return this.texts[value];
      const text = this.make(value, score);
      this.texts[value] = text;
      this.scores[value] = score;
      return text;
    }
    return this.make(value, score);
  }
}

/**
 * "R 5 (12 days), F 4 (9 orders), M 3 (¥4,200) → total 12 → High value" and the pct100 line
 * "R 92 (3 days), F 85 (14 orders), M 81 (¥52,000) → R, F and M all ≥ 80 → High value".
 * One builder per run and language.
 */
export class RfmReasons {
  private readonly r: PieceCache;
  private readonly f: PieceCache;
  private readonly mHeads = new Map<number, string>();
  private readonly tails = new Map<number | string, Map<TierKey, string>>();

  constructor(private readonly lang: Lang) {
    this.r =
      lang === "zh-CN"
        ? new PieceCache((d, score) => `R ${score}（${d}天）、`)
        : new PieceCache((d, score) => `R ${score} (${days(d, lang)}), `);
    this.f =
      lang === "zh-CN"
        ? new PieceCache((n, score) => `F ${score}（${n}单）、`)
        : new PieceCache((n, score) => `F ${score} (${orders(n, lang)}), `);
  }

  private mHead(score: number): string {
    let head = this.mHeads.get(score);
    if (head === undefined) {
      head = this.lang === "zh-CN" ? `M ${score}（` : `M ${score} (`;
      this.mHeads.set(score, head);
    }
    return head;
  }

  /** The end of the line after M's figure: ") → total 12 → High value" or ") → <rule> → Potential". */
  private tail(what: number | string, tier: TierKey): string {
    let byTier = this.tails.get(what);
    if (byTier === undefined) {
      byTier = new Map();
      this.tails.set(what, byTier);
    }
    let tail = byTier.get(tier);
    if (tail === undefined) {
      const zh = this.lang === "zh-CN";
      const middle = typeof what === "number" ? (zh ? `总分 ${what}` : `total ${what}`) : what;
      const label = TIER_LABELS[tier][this.lang];
      tail = zh ? `）→ ${middle} → ${label}` : `) → ${middle} → ${label}`;
      byTier.set(tier, tail);
    }
    return tail;
  }

  private line(x: Figures, r: number, f: number, m: number, tail: string): string {
    return flat(
      this.r.get(x.recencyDays, r) +
        this.f.get(x.frequency, f) +
        this.mHead(m) +
        formatMoney(x.monetary) +
        tail
    );
  }

  /** fixed5: the three scores with their figures, the total and the tier. */
  fixed5(x: Figures, r: number, f: number, m: number, tier: TierKey): string {
    return this.line(x, r, f, m, this.tail(r + f + m, tier));
  }

  /** pct100: the three percentiles with their figures, the rule that matched and the tier. */
  pct100(x: Figures, r: number, f: number, m: number, rule: string, tier: TierKey): string {
    return this.line(x, r, f, m, this.tail(rule, tier));
  }
}

/** fixed5, one customer: "R 5 (12 days), F 4 (9 orders), M 3 (¥4,200) → total 12 → High value" */
export function fixed5Reason(
  lang: Lang,
  x: Figures,
  r: number,
  f: number,
  m: number,
  tier: TierKey
): string {
  return new RfmReasons(lang).fixed5(x, r, f, m, tier);
}

/** The pct100 tier rule that matched, with the thresholds of the settings. */
export type Pct100Rule =
  | { rule: "high"; high: number }
  | { rule: "potential_recent"; r: number; f: number; high: number }
  | { rule: "potential_frequent"; high: number; m: number }
  | { rule: "general"; general: number }
  | { rule: "churn"; general: number; below: readonly Metric[] };

/** "R, F and M all ≥ 80", "R ≥ 60, F ≥ 60, M < 80", "F, M < 40" etc. */
export function pct100RuleText(lang: Lang, rule: Pct100Rule): string {
  const zh = lang === "zh-CN";
  switch (rule.rule) {
    case "high":
      return zh ? `R、F、M 均 ≥ ${rule.high}` : `R, F and M all ≥ ${rule.high}`;
    case "potential_recent":
      return zh
        ? `R ≥ ${rule.r}、F ≥ ${rule.f}、M < ${rule.high}`
        : `R ≥ ${rule.r}, F ≥ ${rule.f}, M < ${rule.high}`;
    case "potential_frequent":
      return zh
        ? `R < ${rule.high}、F ≥ ${rule.high}、M ≥ ${rule.m}`
        : `R < ${rule.high}, F ≥ ${rule.high}, M ≥ ${rule.m}`;
    case "general":
      return zh ? `R、F、M 均 ≥ ${rule.general}` : `R, F and M all ≥ ${rule.general}`;
    case "churn":
      return `${rule.below.join(zh ? "、" : ", ")} < ${rule.general}`;
  }
}

/** quintile11: "R 5 F 4 M 4 (code 544) → Champions" / "R 5 F 4 M 4（代码 544）→ 冠军客户" */
export function quintileReason(lang: Lang, code: string, tier: TierKey): string {
  const scores = `R ${code[0]} F ${code[1]} M ${code[2]}`;
  return lang === "zh-CN"
    ? `${scores}（代码 ${code}）→ ${TIER_LABELS[tier][lang]}`
    : `${scores} (code ${code}) → ${TIER_LABELS[tier][lang]}`;
}

export type AbcCriterion = "amount" | "orders" | "profit" | "clv";

const CRITERION_LABELS: Record<AbcCriterion, Record<Lang, string>> = {
  amount: { "zh-CN": "年采购额", "en-US": "annual purchase" },
  orders: { "zh-CN": "年订单数", "en-US": "orders per year" },
  profit: { "zh-CN": "利润", "en-US": "profit" },
  clv: { "zh-CN": "终身价值", "en-US": "CLV" },
};

export function criterionLabel(criterion: AbcCriterion, lang: Lang): string {
  return CRITERION_LABELS[criterion][lang];
}

const COMBINE_LABELS: Record<AbcCombine, Record<Lang, string>> = {
  majority: { "zh-CN": "多数决", "en-US": "majority" },
  all: { "zh-CN": "全部达标", "en-US": "all criteria" },
  any: { "zh-CN": "任一达标", "en-US": "best criterion" },
  amount_only: { "zh-CN": "仅看年采购额", "en-US": "amount only" },
};

const COMBINE_RULES: Record<AbcCombine, Record<Lang, string>> = {
  majority: {
    "zh-CN": "多数决：取多数标准给出的等级，票数相同时取较低等级",
    "en-US": "majority: the grade most criteria give; a tie goes to the lower grade",
  },
  all: {
    "zh-CN": "全部达标：所有标准均为 A 才是 A，任一为 C 即为 C，其余为 B",
    "en-US": "all criteria: A only when every criterion is A, C when any is C, otherwise B",
  },
  any: {
    "zh-CN": "任一达标：取各标准中最好的等级",
    "en-US": "best criterion: the best grade any criterion gives",
  },
  amount_only: {
    "zh-CN": "仅看年采购额：只按年采购额评级",
    "en-US": "amount only: the annual purchase alone decides",
  },
};

/** One graded criterion as the reason shows it. */
export interface GradedCriterion {
  criterion: AbcCriterion;
  value: number;
  grade: AbcKey;
}

/**
 * abc: "annual purchase A (¥600,000), orders per year C (2 orders) → majority → Grade C"
 * zh:  "年采购额 A（¥600,000）、年订单数 C（2单）→ 多数决 → C类客户". One builder per run and language.
 */
export class AbcReasons {
  /** "annual purchase A (" for every criterion and grade. */
  private readonly heads: Record<AbcCriterion, Record<AbcKey, string>>;
  private readonly orderParts: Record<AbcKey, PieceCache>;
  private readonly tails = new Map<AbcCombine, Partial<Record<AbcKey, string>>>();
  private readonly sep: string;
  private readonly close: string;

  constructor(private readonly lang: Lang) {
    const zh = lang === "zh-CN";
    this.sep = zh ? "、" : ", ";
    this.close = zh ? "）" : ")";
    const heads = (criterion: AbcCriterion): Record<AbcKey, string> => {
      const label = CRITERION_LABELS[criterion][lang];
      const head = (g: AbcKey) => (zh ? `${label} ${g}（` : `${label} ${g} (`);
      return { A: head("A"), B: head("B"), C: head("C") };
    };
    this.heads = {
      amount: heads("amount"),
      orders: heads("orders"),
      profit: heads("profit"),
      clv: heads("clv"),
    };
    const orderPart = (g: AbcKey) =>
      new PieceCache((n) => this.heads.orders[g] + orders(n, lang) + this.close);
    this.orderParts = { A: orderPart("A"), B: orderPart("B"), C: orderPart("C") };
  }

  private part(c: GradedCriterion): string {
    if (c.criterion === "orders") return this.orderParts[c.grade].get(c.value, 0);
    return this.heads[c.criterion][c.grade] + formatMoney(c.value) + this.close;
  }

  private tail(combine: AbcCombine, tier: AbcKey): string {
    let byTier = this.tails.get(combine);
    if (byTier === undefined) {
      byTier = {};
      this.tails.set(combine, byTier);
    }
    let tail = byTier[tier];
    if (tail === undefined) {
      tail = `${arrow(this.lang)}${COMBINE_LABELS[combine][this.lang]} → ${TIER_LABELS[tier][this.lang]}`;
      byTier[tier] = tail;
    }
    return tail;
  }

  /** The reason from the first `count` criteria of `used` (default all). */
  line(
    used: readonly GradedCriterion[],
    combine: AbcCombine,
    tier: AbcKey,
    count: number = used.length
  ): string {
    let text = this.part(used[0]);
    for (let i = 1; i < count; i++) text += this.sep + this.part(used[i]);
    return flat(text + this.tail(combine, tier));
  }
}

/** The arrow after a phrase: Chinese text closes with a full-width bracket, which needs no space. */
function arrow(lang: Lang): string {
  return lang === "zh-CN" ? "→ " : " → ";
}

// ---------------------------------------------------------------------------------------------
// Notes

export function pct100RuleNote(lang: Lang): string {
  return lang === "zh-CN"
    ? "百分制：每项得分 = 四舍五入(100 × 比该客户差的客户数 ÷ (客户数 − 1))，R 天数越少越好；数值相同的客户得分相同；只有一个客户时得 100 分。"
    : "100-point scores: each score = round(100 × customers strictly worse ÷ (customers − 1)); for R fewer days is better; equal values share a score; a single customer scores 100.";
}

export function quintileRuleNote(lang: Lang): string {
  return lang === "zh-CN"
    ? "五等分规则：档位 = 1 + ⌊5 × 比该客户差的客户数 ÷ 客户数⌋，5 档最好（R 天数越少越好）；数值相同的客户总在同一档，绝不随机拆分，因此大量并列可能使某些档为空。"
    : "Quintile rule: quintile = 1 + ⌊5 × customers strictly worse ÷ customers⌋, 5 is best (for R fewer days is better); equal values always share a quintile and are never split at random, so a large tie can leave a quintile empty.";
}

export type Metric = "R" | "F" | "M";

/** A value of one metric as the notes show it: "30 days", "1", "¥0". */
export function metricValue(metric: Metric, value: number, lang: Lang): string {
  return metric === "R" ? days(value, lang) : metric === "M" ? formatMoney(value) : String(value);
}

function rangeText(metric: Metric, lo: number, hi: number): string {
  if (metric === "M") return lo === hi ? formatMoney(lo) : `${formatMoney(lo)}–${formatMoney(hi)}`;
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** "2 and 3", "2, 3 and 4" / "2、3、4" */
function listOf(items: readonly number[], lang: Lang): string {
  if (lang === "zh-CN") return items.join("、");
  if (items.length === 1) return String(items[0]);
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Empty quintiles caused by one group of equal values. */
export interface QuintileGap {
  empty: readonly number[];
  /** The shared value and how many customers share it. */
  value: number;
  count: number;
}

const METRIC_HEADS: Record<Metric, Record<Lang, string>> = {
  R: { "zh-CN": "R（距最近一次消费天数）", "en-US": "R (days since last purchase)" },
  F: { "zh-CN": "F（订单数）", "en-US": "F (orders)" },
  M: { "zh-CN": "M（金额）", "en-US": "M (amount)" },
};

/**
 * "F (orders): 5 = 4–5, 4 = 2–3, 3 = empty, 2 = empty, 1 = 1. F: quintiles 2 and 3 are empty because
 * 60% of customers share F = 1." `ranges[q]` is the [lowest, highest] value of quintile q, or null.
 */
export function quintileBreakpointsNote(
  lang: Lang,
  metric: Metric,
  ranges: ReadonlyArray<readonly [number, number] | null>,
  gaps: readonly QuintileGap[],
  customers: number
): string {
  const zh = lang === "zh-CN";
  const parts: string[] = [];
  for (let q = 5; q >= 1; q--) {
    const range = ranges[q];
    const text = range ? rangeText(metric, range[0], range[1]) : zh ? "空" : "empty";
    parts.push(zh ? `${q} 档 ${text}` : `${q} = ${text}`);
  }
  let note = zh
    ? `${METRIC_HEADS[metric][lang]}各档取值：${parts.join("，")}。`
    : `${METRIC_HEADS[metric][lang]} by quintile: ${parts.join(", ")}.`;
  for (const gap of gaps) {
    const share = Math.round((100 * gap.count) / customers);
    const value = metricValue(metric, gap.value, lang);
    note += zh
      ? `${metric}：第 ${listOf(gap.empty, lang)} 档为空，因为 ${share}% 的客户（${gap.count} 个）${metric} 同为 ${value}（并列值不拆分）。`
      : ` ${metric}: ${gap.empty.length > 1 ? "quintiles" : "quintile"} ${listOf(gap.empty, lang)} ${gap.empty.length > 1 ? "are" : "is"} empty because ${share}% of customers (${gap.count}) share ${metric} = ${value} (ties are never split).`;
  }
  return note;
}

/** Which ABC criteria graded the customers, how they combine, and which were skipped. */
export function abcCriteriaNote(
  lang: Lang,
  combine: AbcCombine,
  usedBy: Record<AbcCriterion, number>,
  customers: number
): string {
  const zh = lang === "zh-CN";
  const all: AbcCriterion[] = ["amount", "orders", "profit", "clv"];
  const used = all
    .filter((c) => usedBy[c] > 0)
    .map((c) => {
      const label = CRITERION_LABELS[c][lang];
      if (usedBy[c] === customers) return label;
      return zh
        ? `${label}（${customers} 个客户中的 ${usedBy[c]} 个）`
        : `${label} (for ${usedBy[c]} of ${customers} customers)`;
    });
  const unused = all.filter((c) => usedBy[c] === 0).map((c) => CRITERION_LABELS[c][lang]);
  let note = zh
    ? `ABC 分级按“${COMBINE_RULES[combine][lang]}”。使用的标准：${used.join("、") || "无"}。`
    : `ABC grades combine by ${COMBINE_RULES[combine][lang]}. Criteria used: ${used.join(", ") || "none"}.`;
  if (unused.length > 0)
    note += zh ? `未使用：${unused.join("、")}。` : ` Not used: ${unused.join(", ")}.`;
  return note;
}

/** A criterion left out for some customers because they lack its figure. */
export function abcSkippedNote(lang: Lang, criterion: "profit" | "clv", skipped: number): string {
  if (criterion === "profit")
    return lang === "zh-CN"
      ? `${skipped} 个客户没有利润数据（订单表无“毛利/利润”列或无数值），利润标准未参与其评级。`
      : `${skipped} ${skipped === 1 ? "customer has" : "customers have"} no profit figure (no profit column in the orders): profit was not used for them.`;
  return lang === "zh-CN"
    ? `${skipped} 个客户无法计算终身价值，终身价值标准未参与其评级。`
    : `${skipped} ${skipped === 1 ? "customer has" : "customers have"} no CLV: that criterion was not used for them.`;
}
