import {
  DEFAULT_CADENCE,
  DEFAULT_CONTACT_DAYS,
  type CadenceDays,
  type ContactDays,
} from "./cadence";
import type { SchemeKey, Serial, StrategyFamily } from "./types";

/**
 * Every rule a sales manager may change. The defaults are the product's rules (PRODUCT.md);
 * the settings sheet of the workbook overrides them. This file is the one place for bin edges,
 * thresholds and weights.
 */

/** Five-point fixed bins (seed 003). Each list runs from score 5 down to score 2; anything else scores 1. */
export interface Fixed5Settings {
  /** Upper bounds in days for R scores 5,4,3,2: R <= 30 scores 5, <= 60 scores 4, ... > 180 scores 1. */
  recencyMaxDays: [number, number, number, number];
  /** Lower bounds in orders for F scores 5,4,3,2: F >= 12 scores 5, >= 8 scores 4, ... <= 1 scores 1. */
  frequencyMin: [number, number, number, number];
  /** Lower bounds in yuan for M scores 5,4,3,2: M >= 10000 scores 5, ... < 1000 scores 1. */
  monetaryMin: [number, number, number, number];
  /** Lowest total (R+F+M, 3..15) for each tier; below `general` is churn risk. */
  tierMinTotal: { high_value: number; potential: number; general: number };
}

/** 100-point percentile scores (seed 000). */
export interface Pct100Settings {
  /** High value: R, F and M all >= this. */
  high: number;
  /** Potential, first rule: R >= potentialR and F >= potentialF and M < high. */
  potentialR: number;
  potentialF: number;
  /** Potential, second rule: R < high and F >= high and M >= potentialM. */
  potentialM: number;
  /** General: R, F and M all >= this. Otherwise churn risk. */
  general: number;
}

export { ABC_COMBINES, type AbcCombine } from "./types";
import type { AbcCombine } from "./types";

/** The criteria of ABC grading, in sheet order; the annual purchase always first (amount_only). */
export const ABC_CRITERIA = ["annualAmount", "ordersPerYear", "profit", "clv"] as const;
export type AbcCriterion = (typeof ABC_CRITERIA)[number];

/** ABC grading (seed 002). Each pair is [A lower bound, B lower bound]; below B is C. */
export type AbcSettings = Record<AbcCriterion, [number, number]> & {
  /**
   * How the criteria combine into one grade. Default all (seed 002 grades A a customer who meets every
   * A criterion, B one who meets every B criterion): A only when every criterion is A, C when any is C.
   */
  combine: AbcCombine;
};

export interface ClvSettings {
  /** Gross margin used when the orders carry no profit column (0..1). */
  margin: number;
  /** Expected retention in years (seed 003's formula). */
  retentionYears: number;
  /** Annual discount rate for predicted CLV. */
  discountRate: number;
  /** Horizon in days for expected purchases. */
  horizonDays: number;
}

export interface Settings {
  scheme: SchemeKey;
  /** Fixed as-of date; null means today. */
  asOf: Serial | null;
  /** Window for F and M, in days ending on the as-of date (inclusive). */
  windowDays: number;
  /** Weighted score = r*R + f*F + m*M. */
  weights: { r: number; f: number; m: number };
  fixed5: Fixed5Settings;
  pct100: Pct100Settings;
  abc: AbcSettings;
  clv: ClvSettings;
  /** Mask phone numbers in output sheets (138****5678). */
  maskPhones: boolean;
  /** User corrections of header recognition: "kind.field" (e.g. "orders.amount") -> header text. */
  columnMapping: Record<string, string>;
  /** Strategy texts per playbook family typed into the settings sheet; missing ones use the defaults of the language. */
  playbooks: Partial<Record<StrategyFamily, string>>;
  /**
   * Longest gap in days between follow-ups per intent class (seed 004: A at least weekly); a customer
   * left longer goes on the follow-up watchlist.
   */
  cadenceDays: CadenceDays;
  /**
   * Marketing spend (yuan) over the window, for CAC = spend ÷ customers whose first purchase falls in
   * the window. null: not entered, so CAC is "not available" (never 0).
   */
  marketingSpend: number | null;
  /**
   * Share (0..1) of each strategy's customers held back as the control group: no playbook actions,
   * so the review can tell the strategy's effect from the season (docs/review.md). 0 turns it off.
   */
  controlShare: number;
  /** Weeks at the end of the history kept out of the lifetime-value fit to check its predictions. */
  holdoutWeeks: number;
  /**
   * Longest gap in days between contacts with a scored customer, per playbook of their tier (high
   * value monthly): a customer left longer goes on the follow-up watchlist.
   */
  contactDays: ContactDays;
}

/** Weighted score = r*R + f*F + m*M with the settings' weights, to two decimals (every scheme's). */
export function weighted(settings: Settings, r: number, f: number, m: number): number {
  const w = settings.weights;
  return Math.round((w.r * r + w.f * f + w.m * m) * 100) / 100;
}

export function defaultSettings(): Settings {
  return {
    scheme: "fixed5",
    asOf: null,
    windowDays: 365,
    weights: { r: 0.4, f: 0.3, m: 0.3 },
    fixed5: {
      recencyMaxDays: [30, 60, 90, 180],
      frequencyMin: [12, 8, 4, 2],
      monetaryMin: [10000, 5000, 3000, 1000],
      tierMinTotal: { high_value: 12, potential: 8, general: 4 },
    },
    pct100: { high: 80, potentialR: 60, potentialF: 60, potentialM: 60, general: 40 },
    abc: {
      annualAmount: [500000, 200000],
      ordersPerYear: [10, 5],
      profit: [100000, 50000],
      clv: [1000000, 500000],
      combine: "all",
    },
    clv: { margin: 0.3, retentionYears: 3, discountRate: 0.1, horizonDays: 365 },
    maskPhones: true,
    columnMapping: {},
    playbooks: {},
    cadenceDays: { ...DEFAULT_CADENCE },
    marketingSpend: null,
    controlShare: 0.15,
    holdoutWeeks: 26,
    contactDays: { ...DEFAULT_CONTACT_DAYS },
  };
}
