import { formatMoney, REASON, scorePart } from "../../i18n/tiers";
import type { Settings } from "../settings";
import type { Lang, RfmInput } from "../types";

/** Weighted score with the settings' weights, to two decimals. */
export function weightedScore(settings: Settings, r: number, f: number, m: number): number {
  const { weights } = settings;
  return Math.round((weights.r * r + weights.f * f + weights.m * m) * 100) / 100;
}

/** Scores and tiers use the positive part of M: a net refund is not "less than nothing". */
export function scoringMonetary(monetary: number): number {
  return monetary > 0 ? monetary : 0;
}

/** 5 for a value at or above the first bound, 4 for the second, ... 1 below the last. */
export function scoreAtLeast(value: number, bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (value >= bounds[i]) return 5 - i;
  return 5 - bounds.length;
}

/** 5 for a value at or below the first bound, 4 for the second, ... 1 above the last. */
export function scoreAtMost(value: number, bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]) return 5 - i;
  return 5 - bounds.length;
}

/**
 * For each value, how many values are strictly worse (smaller when higher is better).
 * Sorting once keeps it O(n log n); equal values get the same count, so ties share a score.
 */
export function countStrictlyWorse(values: Float64Array, higherIsBetter: boolean): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sign = higherIsBetter ? 1 : -1;
  order.sort((a, b) => sign * (values[a] - values[b]));
  const worse = new Int32Array(n);
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || values[order[i]] !== values[order[start]]) {
      for (let k = start; k < i; k++) worse[order[k]] = start;
      start = i;
    }
  }
  return worse;
}

/** R (days), F and M (positive part) as typed arrays, for the schemes that rank customers. */
export function rfmColumns(inputs: readonly RfmInput[]): {
  recency: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
} {
  const n = inputs.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  inputs.forEach((input, i) => {
    recency[i] = input.recencyDays;
    frequency[i] = input.frequency;
    monetary[i] = scoringMonetary(input.monetary);
  });
  return { recency, frequency, monetary };
}

/** "R 5 (12 days), F 4 (9 orders), M 3 (¥4,200)": each score with the figure behind it. */
export function scoreParts(lang: Lang, input: RfmInput, r: number, f: number, m: number): string {
  return [
    scorePart(lang, "R", r, REASON.days[lang](input.recencyDays)),
    scorePart(lang, "F", f, REASON.orders[lang](input.frequency)),
    scorePart(lang, "M", m, formatMoney(input.monetary)),
  ].join(REASON.sep[lang]);
}
