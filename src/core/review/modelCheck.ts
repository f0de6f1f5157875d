import {
  bgnbdConditionalExpected,
  bgnbdConditionalExpectedRows,
  bgnbdHistories,
  bgnbdPAliveRows,
  DAYS_PER_WEEK,
  fitBgNbdHistories,
  summarizePurchases,
  type BgNbdHistories,
  type BgNbdParams,
  type BtydData,
  type DegenerateReason,
  type FitResult,
} from "../clv";

/**
 * Can the lifetime-value predictions be trusted on this workbook? BG/NBD is fitted on the purchases
 * up to the as-of date minus a holdout period, predicts each customer's purchases in the holdout,
 * and is compared with what they bought (the calibration/holdout check of Fader, Hardie & Lee 2005,
 * fig. 4: mean purchases in the holdout by number of repeat purchases in the calibration period).
 * Purchases follow the models' conventions (clv/summary.ts): one customer's purchases on one day
 * are one purchase.
 */

/** Customers grouped by repeat purchases 0, 1, …, BY_REPEAT_LAST − 1 and "BY_REPEAT_LAST or more". */
export const BY_REPEAT_LAST = 7;
/** Fewer purchases than this in the holdout and the comparison says little either way. */
export const MIN_HOLDOUT_PURCHASES = 30;
/** Predicted total within this share of the actual: trust; within TRUST_ROUGH: roughly; else not. */
export const TRUST_GOOD = 0.15;
export const TRUST_ROUGH = 0.35;

export interface RepeatGroup {
  /** Repeat purchases in the calibration period; the last group holds this many or more. */
  repeat: number;
  orMore: boolean;
  customers: number;
  /** Mean purchases per customer in the holdout. */
  predicted: number;
  actual: number;
}

export type ModelCheckVerdict = "trust" | "rough" | "do_not_trust" | "inconclusive";

/** Why there is no check: no orders sheet, too little history, or the fit's own reason. */
export type ModelCheckReason = "no_orders" | "history_too_short" | DegenerateReason;

export type ModelCheck =
  | {
      ok: true;
      holdoutWeeks: number;
      /** Last day of the calibration period (serial); the holdout runs from the next day to as-of. */
      calibrationEnd: number;
      asOf: number;
      /** Customers with a purchase in the calibration period. */
      customers: number;
      predictedTotal: number;
      actualTotal: number;
      /** Mean absolute error per customer, in purchases. */
      mae: number;
      byRepeat: RepeatGroup[];
      verdict: ModelCheckVerdict;
      params: BgNbdParams;
    }
  | { ok: false; holdoutWeeks: number; reason: ModelCheckReason };

/** Purchases as column arrays (returns excluded): customer index and serial day. */
export interface Purchases {
  customers: number;
  count: number;
  customer: ArrayLike<number>;
  day: ArrayLike<number>;
}

/** Distinct purchase days per customer after `from` up to `to` (both serial days; from exclusive). */
export function purchasesBetween(p: Purchases, from: number, to: number): Int32Array {
  const out = new Int32Array(p.customers);
  // A holdout of weeks: one bit per customer and day marks the days seen (no set of a million keys).
  const span = to - from;
  const words = Math.ceil(span / 32);
  if (
    Number.isInteger(from) &&
    Number.isInteger(to) &&
    span >= 1 &&
    span <= 1000 &&
    p.customers * words <= 2 ** 24
  ) {
    const seenDay = new Int32Array(p.customers * words);
    for (let i = 0; i < p.count; i++) {
      const d = Math.floor(p.day[i]);
      if (!(d > from && d <= to)) continue;
      const k = d - from - 1;
      const at = p.customer[i] * words + (k >>> 5);
      const bit = 1 << (k & 31);
      if ((seenDay[at] & bit) !== 0) continue;
      seenDay[at] |= bit;
      out[p.customer[i]]++;
    }
    return out;
  }
  const seen = new Set<number>();
  for (let i = 0; i < p.count; i++) {
    const d = Math.floor(p.day[i]);
    if (!(d > from && d <= to)) continue;
    const key = p.customer[i] * 4294967296 + d;
    if (seen.has(key)) continue;
    seen.add(key);
    out[p.customer[i]]++;
  }
  return out;
}

/** Compares given predictions' parameters with the holdout: the part that needs no fitting. */
export function compareHoldout(
  params: BgNbdParams,
  calibration: BtydData,
  actual: ArrayLike<number>,
  holdoutWeeks: number,
  calibrationEnd: number,
  asOf: number,
  /** The calibration's customers grouped by history: each group's prediction is computed once. */
  histories?: BgNbdHistories
): Extract<ModelCheck, { ok: true }> {
  const groups = Array.from({ length: BY_REPEAT_LAST + 1 }, (_, repeat) => ({
    repeat,
    orMore: repeat === BY_REPEAT_LAST,
    customers: 0,
    predicted: 0,
    actual: 0,
  }));
  let customers = 0;
  let predictedTotal = 0;
  let actualTotal = 0;
  let absError = 0;
  const t = (asOf - calibrationEnd) / DAYS_PER_WEEK;
  const rowOf = histories?.rowOf;
  const byRow = new Float64Array(histories ? histories.x.length : 0);
  if (histories) {
    const pAlive = new Float64Array(byRow.length);
    bgnbdPAliveRows(params, histories, pAlive);
    bgnbdConditionalExpectedRows(params, t, histories, pAlive, byRow);
  }
  for (let c = 0; c < calibration.x.length; c++) {
    const T = calibration.T[c];
    if (!(T >= 0)) continue;
    const x = calibration.x[c];
    const row = rowOf ? rowOf[c] : -1;
    const predicted =
      row >= 0 ? byRow[row] : bgnbdConditionalExpected(params, t, x, calibration.tx[c], T);
    if (!Number.isFinite(predicted)) continue;
    customers++;
    predictedTotal += predicted;
    actualTotal += actual[c];
    absError += Math.abs(predicted - actual[c]);
    const g = groups[Math.min(x, BY_REPEAT_LAST)];
    g.customers++;
    g.predicted += predicted;
    g.actual += actual[c];
  }
  const byRepeat = groups
    .filter((g) => g.customers > 0)
    .map((g) => ({ ...g, predicted: g.predicted / g.customers, actual: g.actual / g.customers }));
  const error = Math.abs(predictedTotal - actualTotal) / Math.max(actualTotal, 1);
  const verdict: ModelCheckVerdict =
    actualTotal < MIN_HOLDOUT_PURCHASES
      ? "inconclusive"
      : error <= TRUST_GOOD
        ? "trust"
        : error <= TRUST_ROUGH
          ? "rough"
          : "do_not_trust";
  return {
    ok: true,
    holdoutWeeks,
    calibrationEnd,
    asOf,
    customers,
    predictedTotal,
    actualTotal,
    mae: customers > 0 ? absError / customers : 0,
    byRepeat,
    verdict,
    params,
  };
}

/**
 * The whole check: fit on the calibration period, compare in the holdout. `fitModel` is the BG/NBD fit
 * (a parameter so tests can check the comparison with known parameters).
 */
export function checkModel(
  purchases: Purchases | null,
  asOf: number,
  holdoutWeeks: number,
  fitModel: (histories: BgNbdHistories) => FitResult<BgNbdParams> = fitBgNbdHistories
): ModelCheck {
  if (!purchases) return { ok: false, holdoutWeeks, reason: "no_orders" };
  const calibrationEnd = Math.floor(asOf) - holdoutWeeks * DAYS_PER_WEEK;
  let first = Infinity;
  for (let i = 0; i < purchases.count; i++) {
    const d = Math.floor(purchases.day[i]);
    if (d < first) first = d; // a non-finite day is never smaller: skipped, as the summary skips it
  }
  // The calibration period (first day to its end, both counted) must be at least as long as the
  // holdout, or the fit has too little to learn the customers' rhythm from.
  if (!(first <= calibrationEnd - holdoutWeeks * DAYS_PER_WEEK + 1))
    return { ok: false, holdoutWeeks, reason: "history_too_short" };
  const calibration = summarizePurchases(
    purchases.customers,
    purchases.count,
    purchases.customer,
    purchases.day,
    new Float64Array(purchases.count),
    calibrationEnd
  );
  const histories = bgnbdHistories(calibration);
  const fitted = fitModel(histories);
  if (!fitted.ok) return { ok: false, holdoutWeeks, reason: fitted.reason };
  const actual = purchasesBetween(purchases, calibrationEnd, Math.floor(asOf));
  return compareHoldout(
    fitted.params,
    calibration,
    actual,
    holdoutWeeks,
    calibrationEnd,
    asOf,
    histories
  );
}
