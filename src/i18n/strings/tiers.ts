import type { AbcCombine } from "../../core/settings";
import type { AbcCriterion, Metric, Pct100Rule, StrategyFamily, TierKey } from "../../core/types";

/**
 * Tier, segment and playbook names, and the words of the schemes' reasons and notes (the schemes
 * return codes: `TierReason`, `SchemeNote`). Figures arrive already formatted (money as ¥4,200).
 */
export interface TierStrings {
  /** Tier, segment and grade names, and the customers without purchases. */
  label: Record<TierKey | "no_purchases", string>;
  /** The four playbooks' names. */
  family: Record<StrategyFamily, string>;
  /** ABC criteria as reasons and notes name them. */
  criterion: Record<AbcCriterion, string>;
  /** How ABC grades combine, as a reason names it: "majority". */
  combine: Record<AbcCombine, string>;
  /** How ABC grades combine, as the note explains it. */
  combineRule: Record<AbcCombine, string>;
  reason: ReasonStrings;
  note: SchemeNoteStrings;
}

/** The pieces of a one-line reason; a reason is built from them once per customer. */
export interface ReasonStrings {
  /** "12 days" / "12天" */
  days: (p: { days: number }) => string;
  /** "9 orders" / "9单" */
  orders: (p: { orders: number }) => string;
  /** A score or grade with its figure opened: "R 5 (" / "R 5（", "annual purchase A (". */
  scoreHead: (p: { name: string; score: number | string }) => string;
  /** Closes the figure: ")" / "）". */
  close: string;
  /** Between two scores: ", " / "、". */
  sep: string;
  /** fixed5's middle step: "total 12". */
  total: (p: { total: number }) => string;
  /** pct100's middle step: the rule that matched, "R, F and M all ≥ 80". */
  pct100Rule: (rule: Pct100Rule) => string;
  /** After the last closed figure: " → total 12 → High value". */
  verdict: (p: { step: string; tier: string }) => string;
  /** quintile11: "R 5 F 4 M 4 (code 544) → Champions". */
  quintile: (p: { r: string; f: string; m: string; code: string; tier: string }) => string;
}

/** The schemes' notes about a run. */
export interface SchemeNoteStrings {
  pct100Rule: string;
  quintileRule: string;
  /** The metric as the breakpoints note names it: "F (orders)". */
  metricHead: Record<Metric, string>;
  /** A quintile that holds nobody. */
  emptyQuintile: string;
  /** One quintile's values: "5 = 4–5". */
  quintileRange: (p: { quintile: number; values: string }) => string;
  /** "F (orders) by quintile: 5 = 4–5, 4 = 2–3, ..." (`head` from `metricHead`). */
  quintileRanges: (p: { head: string; ranges: readonly string[] }) => string;
  /** Quintiles emptied by one group of equal values. */
  quintileGap: (p: {
    metric: Metric;
    empty: readonly number[];
    share: number;
    count: number;
    value: string;
  }) => string;
  /** A criterion graded for only some customers: "profit (for 3 of 5 customers)". */
  criterionForSome: (p: { criterion: string; used: number; customers: number }) => string;
  abcCriteria: (p: { rule: string; used: readonly string[]; unused: readonly string[] }) => string;
  abcProfitSkipped: (p: { skipped: number }) => string;
  abcClvSkipped: (p: { skipped: number }) => string;
}
