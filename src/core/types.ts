/**
 * Shared vocabulary of the pure core. Nothing here knows about Office.js, ExcelJS or the DOM.
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

export type Lang = "zh-CN" | "en-US";

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
  /** One line a sales manager can read: why this tier. */
  reason: string;
}

/** What a scheme tells about the run as a whole (breakpoints used, ties, skipped criteria). */
export interface SchemeNote {
  key: string;
  text: string;
}

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
