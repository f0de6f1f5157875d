/**
 * Does the scheme separate this workbook's customers? Fixed bins written for one trade (seed 003's
 * retail example, seed 002's large-account bounds) can put most customers of another trade in one
 * tier, and then every tier's playbook goes to the wrong people. This module finds such a lopsided
 * result and derives thresholds from the workbook's own figures that would separate them.
 *
 * Codes and numbers only: the words are added where the sheets are planned.
 */
import { grade, combineGrades } from "./schemes/abc";
import { atLeast, atMost } from "./schemes/fixed5";
import {
  ABC_CRITERIA,
  type AbcCombine,
  type AbcCriterion,
  type AbcSettings,
  type Fixed5Settings,
  type Settings,
} from "./settings";
import { ABC_KEYS, FOUR_TIER_KEYS } from "./tiers";
import type { AbcKey, RfmInput, SchemeKey, TierKey, TierResult } from "./types";

/** One tier holding more than this share of the tiered customers makes the result lopsided. */
export const DOMINANT_SHARE = 0.6;
/** Fewer tiered customers than this are too few to judge a scheme by. */
export const MIN_TIERED = 20;

export type BalanceCode =
  /** One tier holds more than DOMINANT_SHARE of the tiered customers. */
  | "tier_dominates"
  /** A tier the scheme expects to fill holds nobody. */
  | "tier_empty";

export interface BalanceFinding {
  code: BalanceCode;
  tier: TierKey;
  count: number;
  /** count ÷ tiered, 0..1. */
  share: number;
}

/** Thresholds derived from this workbook (only those of the scheme in use). */
export interface BalanceSuggestion {
  fixed5?: Fixed5Settings;
  abc?: Pick<AbcSettings, AbcCriterion>;
}

export interface TierBalance {
  scheme: SchemeKey;
  /** Customers with a tier. */
  tiered: number;
  /** Empty when the scheme separates the customers (or too few were tiered to judge). */
  findings: BalanceFinding[];
  /** Present when there are findings and the scheme has thresholds to derive. */
  suggestion: BalanceSuggestion | null;
}

/** Tiers a scheme is expected to fill; quintile11's segments may be empty by design. */
function expectedTiers(scheme: SchemeKey): readonly TierKey[] {
  if (scheme === "abc") return ABC_KEYS;
  if (scheme === "quintile11") return [];
  return FOUR_TIER_KEYS;
}

/** Findings on a tier count: one dominating tier, tiers left empty. */
export function balanceFindings(
  scheme: SchemeKey,
  tiers: readonly TierKey[]
): { tiered: number; findings: BalanceFinding[] } {
  const counts = new Map<TierKey, number>();
  for (const t of tiers) counts.set(t, (counts.get(t) ?? 0) + 1);
  const tiered = tiers.length;
  const findings: BalanceFinding[] = [];
  if (tiered < MIN_TIERED) return { tiered, findings };
  for (const [tier, count] of counts) {
    if (count / tiered > DOMINANT_SHARE)
      findings.push({ code: "tier_dominates", tier, count, share: count / tiered });
  }
  for (const tier of expectedTiers(scheme)) {
    if (!counts.has(tier)) findings.push({ code: "tier_empty", tier, count: 0, share: 0 });
  }
  return { tiered, findings };
}

/** The value at quantile q (0..1) of ascending `sorted`, nearest rank. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function ascending(values: Iterable<number>): number[] {
  return [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Two significant digits (12,345 -> 12,000): a threshold a manager can read and type. */
function roundNice(v: number): number {
  // Below one yuan (or one order) is no threshold anyone types.
  if (!(v >= 1) || !Number.isFinite(v)) return v >= 1 ? Number.MAX_SAFE_INTEGER : 0;
  const step = Math.pow(10, Math.floor(Math.log10(v)) - 1);
  return Math.round(v / step) * step;
}

/** Strictly increasing integers from at least `min`. */
function increasing(v: number[], min: number): number[] {
  const out = v.map((x) => Math.max(min, Math.ceil(x)));
  for (let i = 1; i < out.length; i++) if (out[i] <= out[i - 1]) out[i] = out[i - 1] + 1;
  return out;
}

/** Strictly decreasing (first largest) with each at least `min` and `step` apart. */
function decreasing(v: number[], min: number, step: number): number[] {
  const out = v.map((x) => Math.max(min, x));
  for (let i = out.length - 2; i >= 0; i--)
    if (out[i] < out[i + 1] + step) out[i] = out[i + 1] + step;
  return out;
}

/**
 * Five-point bins at this workbook's quintiles of R, F and M (score 5 for the best fifth), and tier
 * totals at its own 80th, 50th and 20th percentile of the total under those bins: high value about
 * the best fifth, churn risk about the worst fifth (ties can make a tier larger, never split).
 */
export function suggestFixed5(inputs: readonly RfmInput[]): Fixed5Settings {
  const r = ascending(inputs.map((i) => i.recencyDays));
  const f = ascending(inputs.map((i) => i.frequency));
  const m = ascending(inputs.map((i) => Math.max(0, i.monetary)));
  const recencyMaxDays = increasing(
    [0.2, 0.4, 0.6, 0.8].map((q) => quantile(r, q)),
    1
  ) as Fixed5Settings["recencyMaxDays"];
  // Score 5 needs at least the 80th percentile's orders, ... score 2 the 20th percentile's.
  const frequencyMin = decreasing(
    [0.8, 0.6, 0.4, 0.2].map((q) => Math.max(1, Math.round(quantile(f, q)))),
    1,
    1
  ) as Fixed5Settings["frequencyMin"];
  const mins = [0.8, 0.6, 0.4, 0.2].map((q) => roundNice(quantile(m, q)));
  const monetaryMin = decreasing(mins, Math.max(1, roundNice(mins[3])), 1).map((x) =>
    Math.round(x)
  ) as Fixed5Settings["monetaryMin"];
  const totals = ascending(
    inputs.map(
      (i) =>
        atMost(i.recencyDays, recencyMaxDays) +
        atLeast(i.frequency, frequencyMin) +
        atLeast(Math.max(0, i.monetary), monetaryMin)
    )
  );
  // general >= 4 keeps a churn-risk tier; high value <= 15 keeps it reachable.
  let [high, potential, general] = [0.8, 0.5, 0.2].map((q) => quantile(totals, q + 1e-9));
  general = Math.min(13, Math.max(4, general));
  potential = Math.min(14, Math.max(general + 1, potential));
  high = Math.min(15, Math.max(potential + 1, high));
  return {
    recencyMaxDays,
    frequencyMin,
    monetaryMin,
    tierMinTotal: { high_value: high, potential, general },
  };
}

type AbcBounds = Pick<AbcSettings, AbcCriterion>;

function criterionValue(input: RfmInput, c: AbcCriterion): number | null {
  switch (c) {
    case "annualAmount":
      return Math.max(0, input.monetary);
    case "ordersPerYear":
      return input.frequency;
    case "profit":
      return input.profit;
    default:
      return input.clv;
  }
}

/** Grades of every customer under `bounds` with `combine`, counted A, B, C. */
function gradeCounts(
  inputs: readonly RfmInput[],
  bounds: AbcBounds,
  combine: AbcCombine
): Record<AbcKey, number> {
  const counts: Record<AbcKey, number> = { A: 0, B: 0, C: 0 };
  const used = ABC_CRITERIA.map((criterion) => ({
    criterion: criterion as never,
    value: 0,
    grade: "C" as AbcKey,
  }));
  for (const input of inputs) {
    let n = 0;
    for (const c of ABC_CRITERIA) {
      const v = criterionValue(input, c);
      if (v === null) continue;
      if (combine === "amount_only" && c !== "annualAmount") continue;
      used[n].value = v;
      used[n].grade = grade(v, bounds[c]);
      n++;
    }
    counts[combineGrades(combine, used, n)]++;
  }
  return counts;
}

/**
 * ABC bounds from this workbook: each criterion's A bound at one common percentile level of its own
 * values and its B bound at another, the levels found by bisection so that, with the combine rule in
 * force, about 20% of the customers grade A and about half grade A or B.
 */
export function suggestAbc(inputs: readonly RfmInput[], current: AbcSettings): AbcBounds {
  const sorted = Object.fromEntries(
    ABC_CRITERIA.map((c) => [
      c,
      ascending(inputs.map((i) => criterionValue(i, c)).filter((v): v is number => v !== null)),
    ])
  ) as Record<(typeof ABC_CRITERIA)[number], number[]>;
  const nice = (c: (typeof ABC_CRITERIA)[number], v: number) =>
    c === "ordersPerYear" ? Math.max(1, Math.ceil(v)) : roundNice(v);
  const boundsAt = (levelA: number, levelB: number): AbcBounds => {
    const out = {} as AbcBounds;
    for (const c of ABC_CRITERIA) {
      const values = sorted[c];
      if (values.length === 0) {
        out[c] = [...current[c]];
        continue;
      }
      const b = nice(c, quantile(values, levelB));
      let a = nice(c, quantile(values, levelA));
      // A must stay above B (the settings sheet refuses equal bounds).
      if (a <= b) a = c === "ordersPerYear" ? b + 1 : Math.max(b + 1, roundNice(b * 1.2));
      out[c] = [a, b];
    }
    return out;
  };
  const n = inputs.length;
  // The share graded at least `g` falls as the level rises: bisect for the level giving `target`.
  const levelFor = (target: number, share: (level: number) => number): number => {
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 30; k++) {
      const mid = (lo + hi) / 2;
      if (share(mid) > target) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  const combine = current.combine;
  const levelB = levelFor(0.5, (level) => {
    const c = gradeCounts(inputs, boundsAt(Math.min(1, level + 0.3), level), combine);
    return (c.A + c.B) / n;
  });
  const levelA = levelFor(0.2, (level) => {
    const c = gradeCounts(inputs, boundsAt(Math.max(level, levelB), levelB), combine);
    return c.A / n;
  });
  return boundsAt(Math.max(levelA, levelB), levelB);
}

/** The balance of one run: findings on its tiers and, when lopsided, thresholds derived from its figures. */
export function tierBalance(
  scheme: SchemeKey,
  inputs: readonly RfmInput[],
  results: readonly TierResult[],
  settings: Settings
): TierBalance {
  const { tiered, findings } = balanceFindings(
    scheme,
    results.map((r) => r.tier)
  );
  let suggestion: BalanceSuggestion | null = null;
  if (findings.length > 0) {
    if (scheme === "fixed5") suggestion = { fixed5: suggestFixed5(inputs) };
    else if (scheme === "abc") suggestion = { abc: suggestAbc(inputs, settings.abc) };
  }
  return { scheme, tiered, findings, suggestion };
}
