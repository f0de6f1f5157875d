/**
 * Shared vocabulary of the pure core. Nothing here knows about Office.js, ExcelJS or the DOM, and
 * nothing here is worded: reasons and notes are codes with parameters, worded at the edge.
 */

/** One cell as Office.js `range.values` delivers it (ExcelJS cells are converted to the same shape). */
export type Cell = string | number | boolean | null | undefined;

/** A sheet's used range, row-major. Row 0 is the sheet's first row unless `origin` says otherwise. */
export type Grid = ReadonlyArray<ReadonlyArray<Cell>>;

export interface SheetGrid {
  name: string;
  values: Grid;
  /** 0-based sheet row and column of values[0][0] (a used range need not start at A1). */
  origin?: { row: number; col: number };
}

/** Excel serial day number, 1900 date system (2000-01-01 = 36526). Integer days in the core. */
export type Serial = number;

/** How ABC criteria combine into one grade, in the order lists offer them (see schemes/abc.ts). */
export const ABC_COMBINES = ["majority", "all", "any", "amount_only"] as const;
export type AbcCombine = (typeof ABC_COMBINES)[number];

/** Every sheet the add-in writes, by stable key whatever its localised name. */
export type SheetKey =
  | "tiers"
  | "tracking"
  | "review"
  | "summary"
  | "watchlist"
  | "settings"
  | "calls"
  | "modelcheck"
  | "owners"
  | "history";

/** Every scoring scheme, in the order menus list them. */
export const SCHEME_KEYS = ["fixed5", "pct100", "quintile11", "abc"] as const;
export type SchemeKey = (typeof SCHEME_KEYS)[number];

/** Tier keys of the four-tier schemes (fixed5, pct100). */
export type FourTierKey = "high_value" | "potential" | "general" | "churn_risk";

/** The 11 named segments of quintile11. */
export type SegmentKey =
  | "champions"
  | "loyal_customers"
  | "potential_loyalist"
  | "new_customers"
  | "promising"
  | "need_attention"
  | "about_to_sleep"
  | "at_risk"
  | "cant_lose_them"
  | "hibernating"
  | "lost";

export type AbcKey = "A" | "B" | "C";

export type TierKey = FourTierKey | SegmentKey | AbcKey;

/** A customer without any purchase on or before the as-of date is listed, never tiered. */
export const NO_PURCHASES = "no_purchases";

/** Every tier feeds one of four playbooks on the strategy sheet. */
export type StrategyFamily = "maintain" | "develop" | "keep" | "win_back";

/** What a scheme needs of one customer who has purchased at least once (on or before the as-of date). */
export interface RfmInput {
  /** Days from the latest purchase to the as-of date (>= 0). */
  recencyDays: number;
  /** Purchase orders in the window. */
  frequency: number;
  /** Net amount in the window (returns subtracted); may be negative. Schemes score max(0, monetary). */
  monetary: number;
  /** Net profit in the window when the orders carry a profit column, else null. */
  profit: number | null;
  /** Simple CLV (seed 003) when it could be computed, else null. Used by ABC grading. */
  clv: number | null;
}

/** One scored customer, in the same order as the scheme's input. */
export interface TierResult {
  /** Scheme-specific scores; null where a scheme has no such score (ABC has no recency score). */
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  /** The scheme's total (R+F+M for fixed5 and pct100, sum of quintiles for quintile11, grade points for abc). */
  total: number;
  /** Weighted score (weights from settings), where the scheme defines one. */
  weighted: number | null;
  tier: TierKey;
  family: StrategyFamily;
  /** Why this tier, as a code; the line a sales manager reads is worded where sheets are planned. */
  reason: TierReason;
}

/** The three RFM metrics, as the notes and rules name them. */
export type Metric = "R" | "F" | "M";

/** The criteria ABC grading can use, in the order a reason lists them (amount always first). */
export type AbcCriterion = "amount" | "orders" | "profit" | "clv";

/** The pct100 tier rule that matched, with the thresholds of the settings. */
export type Pct100Rule =
  | { rule: "high"; high: number }
  | { rule: "potential_recent"; r: number; f: number; high: number }
  | { rule: "potential_frequent"; high: number; m: number }
  | { rule: "general"; general: number }
  | { rule: "churn"; general: number; below: readonly Metric[] };

/**
 * Why a customer landed in a tier. A scheme shares these objects between customers (one per rule,
 * code or grade combination, never one per customer); the figures a reason shows (days, orders,
 * amounts) are the customer's own RFM figures and the scores of the `TierResult`.
 */
export type TierReason =
  /** The three scores and their total against the tier thresholds. */
  | { scheme: "fixed5" }
  /** The tier rule that matched. */
  | { scheme: "pct100"; rule: Pct100Rule }
  /** The R-F-M quintile code, e.g. "544". */
  | { scheme: "quintile11"; code: string }
  /** The criteria graded (with their grades) and how they combine. */
  | {
      scheme: "abc";
      combine: AbcCombine;
      criteria: ReadonlyArray<{ criterion: AbcCriterion; grade: AbcKey }>;
    };

/** Empty quintiles caused by one group of equal values. */
export interface QuintileGap {
  empty: readonly number[];
  /** The shared value and how many customers share it. */
  value: number;
  count: number;
}

/** What a scheme tells about the run as a whole (breakpoints used, ties, skipped criteria), as a code. */
export type SchemeNote =
  | { key: "pct100_rule" }
  | { key: "quintile_tie_rule" }
  | {
      key: "quintile_breakpoints_R" | "quintile_breakpoints_F" | "quintile_breakpoints_M";
      metric: Metric;
      /** [lowest, highest] value of each quintile 1..5 (index 0 unused), in the metric's units; null when empty. */
      ranges: ReadonlyArray<readonly [number, number] | null>;
      gaps: readonly QuintileGap[];
      customers: number;
    }
  | {
      key: "abc_criteria";
      combine: AbcCombine;
      /** How many customers each criterion graded. */
      usedBy: Readonly<Record<AbcCriterion, number>>;
      customers: number;
    }
  | { key: "abc_profit_skipped" | "abc_clv_skipped"; skipped: number };

export interface SchemeOutput {
  results: TierResult[];
  notes: SchemeNote[];
}

export type QualityKind =
  | "missing_id"
  | "unknown_customer"
  | "duplicate_customer"
  | "bad_date"
  | "missing_date"
  | "bad_amount"
  | "missing_amount"
  | "bad_number"
  | "after_as_of"
  | "order_id_conflict"
  | "stale_record";

/** A skipped or doubtful cell, always with the address a user can click. */
export interface QualityIssue {
  kind: QualityKind;
  sheet: string;
  /** 0-based sheet row/column of the cell. */
  row: number;
  col: number;
  /** e.g. `销售订单!C57` */
  address: string;
  /** The raw value as text, for display. */
  value: string;
  /** true when the whole row was excluded from the computation. */
  excluded: boolean;
}
