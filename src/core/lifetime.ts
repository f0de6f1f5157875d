import {
  bgnbdConditionalExpected,
  bgnbdPAlive,
  fitBgNbd,
  fitGammaGamma,
  ggConditionalExpectedSpend,
  summarizePurchases,
  DAYS_PER_WEEK,
  type BgNbdParams,
  type FitResult,
  type GammaGammaParams,
} from "./clv";
import type { ScoreReport } from "./pipeline";
import type { Settings } from "./settings";

/**
 * The lifetime-value stage: fits BG/NBD and Gamma-Gamma on the report's purchases (as-of date =
 * calibration end) and adds P(alive), expected purchases, expected spend, predicted CLV and a churn
 * warning to every customer it can. Runs after scoring; without orders it only says why not.
 */

/** P(alive) below this is a churn warning. */
export const CHURN_P_ALIVE = 0.3;
/** Silent for more than this many times the customer's own usual gap between purchases... */
export const CHURN_GAP_FACTOR = 2;
/** ...with at least this many gaps seen, and at least this many days of silence. */
export const CHURN_MIN_GAPS = 2;
export const CHURN_MIN_DAYS = 30;

export interface Lifetime {
  /** null where the purchase model (BG/NBD) could not be fitted. */
  pAlive: number | null;
  expectedPurchases: number | null;
  /** null where the spend model could not be fitted. */
  expectedSpend: number | null;
  /** From both models, or the customer's simple CLV when either could not be fitted. */
  predictedClv: number | null;
}

export type ChurnWarning =
  | { kind: "p_alive"; pAlive: number }
  | { kind: "overdue"; usualGapDays: number; silentDays: number };

export interface LifetimeModel {
  bgnbd: FitResult<BgNbdParams>;
  gammagamma: FitResult<GammaGammaParams>;
  customers: number;
  repeatBuyers: number;
}

/**
 * Where the predicted CLV comes from: both models (`models`), or, when either could not be fitted,
 * the simple CLV (`simple_clv`), so the column is never left empty by a degenerate fit.
 * `none` without orders.
 */
export type PredictedClvSource = "models" | "simple_clv" | "none";

/** The lifetime stage's figures and codes (no words: see plan/lifetimeNotes.ts). */
export interface LifetimeFacts {
  model: LifetimeModel | null;
  predictedClvSource: PredictedClvSource;
  /** Same order as report.customers; null where the customer has no purchase. */
  perCustomer: Array<Lifetime | null>;
  churn: Array<ChurnWarning | null>;
}

export interface LifetimeReport extends LifetimeFacts {
  /** Localised sentences for the summary: what was fitted, or why not, and the fallback. */
  notes: string[];
}

/** Predicted CLV: expected purchases in each year of the horizon × expected spend × margin, discounted yearly. */
function discountedValue(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  spend: number,
  margin: number,
  settings: Settings
): number {
  const horizonWeeks = settings.clv.horizonDays / DAYS_PER_WEEK;
  const yearWeeks = 365 / DAYS_PER_WEEK;
  let value = 0;
  let before = 0;
  for (let end = Math.min(yearWeeks, horizonWeeks), year = 1; ; year++) {
    const cumulative = bgnbdConditionalExpected(params, end, x, tx, T);
    value +=
      ((cumulative - before) * spend * margin) / Math.pow(1 + settings.clv.discountRate, year);
    before = cumulative;
    if (end >= horizonWeeks) break;
    end = Math.min(end + yearWeeks, horizonWeeks);
  }
  return value;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function computeLifetime(report: ScoreReport, settings: Settings): LifetimeFacts {
  const n = report.customers.length;
  const churn: Array<ChurnWarning | null> = report.customers.map((c) => {
    if (c.firstPurchase === null || c.lastPurchase === null || c.recencyDays === null) return null;
    const gaps = c.ordersAllTime - 1;
    if (gaps < CHURN_MIN_GAPS) return null;
    const usualGapDays = (c.lastPurchase - c.firstPurchase) / gaps;
    const silent = c.recencyDays;
    return silent >= CHURN_MIN_DAYS && silent > CHURN_GAP_FACTOR * usualGapDays
      ? { kind: "overdue", usualGapDays: round(usualGapDays, 0), silentDays: silent }
      : null;
  });
  const book = report.book;
  if (!book) {
    return { model: null, predictedClvSource: "none", perCustomer: new Array(n).fill(null), churn };
  }
  // Purchases only: returns are not purchases to these models.
  const purchases: number[] = [];
  for (let i = 0; i < book.count; i++) if (book.isReturn[i] === 0) purchases.push(i);
  const data = summarizePurchases(
    n,
    purchases.length,
    purchases.map((i) => book.customer[i]),
    purchases.map((i) => book.day[i]),
    purchases.map((i) => book.amount[i]),
    report.asOf
  );
  const bgnbd = fitBgNbd(data);
  const gammagamma = fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread);
  let customers = 0;
  let repeatBuyers = 0;
  for (let c = 0; c < n; c++) {
    if (data.T[c] >= 0) customers++;
    if (data.x[c] > 0) repeatBuyers++;
  }
  const predictedClvSource: PredictedClvSource =
    bgnbd.ok && gammagamma.ok ? "models" : "simple_clv";
  const horizonWeeks = settings.clv.horizonDays / DAYS_PER_WEEK;
  const perCustomer = report.customers.map((c, k): Lifetime | null => {
    if (!(data.T[k] >= 0)) return null;
    if (!bgnbd.ok) {
      return c.clv === null || !Number.isFinite(c.clv)
        ? null
        : { pAlive: null, expectedPurchases: null, expectedSpend: null, predictedClv: c.clv };
    }
    const x = data.x[k];
    const pAlive = bgnbdPAlive(bgnbd.params, x, data.tx[k], data.T[k]);
    const expectedPurchases = bgnbdConditionalExpected(
      bgnbd.params,
      horizonWeeks,
      x,
      data.tx[k],
      data.T[k]
    );
    let expectedSpend: number | null = null;
    let predictedClv: number | null = null;
    if (gammagamma.ok) {
      expectedSpend = ggConditionalExpectedSpend(gammagamma.params, x, data.meanRepeat[k]);
      const margin =
        c.profit !== null && c.monetary > 0 ? c.profit / c.monetary : settings.clv.margin;
      predictedClv = discountedValue(
        bgnbd.params,
        x,
        data.tx[k],
        data.T[k],
        expectedSpend,
        margin,
        settings
      );
    } else if (c.clv !== null && Number.isFinite(c.clv)) {
      predictedClv = c.clv;
    }
    const values = [pAlive, expectedPurchases, expectedSpend ?? 0, predictedClv ?? 0];
    // A model that misbehaves for one customer must not put NaN into a sheet.
    if (!values.every(Number.isFinite)) return null;
    return {
      pAlive: round(pAlive, 4),
      expectedPurchases: round(expectedPurchases, 2),
      expectedSpend: expectedSpend === null ? null : round(expectedSpend, 2),
      predictedClv: predictedClv === null ? null : round(predictedClv, 2),
    };
  });
  perCustomer.forEach((life, k) => {
    if (life && life.pAlive !== null && life.pAlive < CHURN_P_ALIVE && churn[k] === null)
      churn[k] = { kind: "p_alive", pAlive: life.pAlive };
  });
  return {
    model: { bgnbd, gammagamma, customers, repeatBuyers },
    predictedClvSource,
    perCustomer,
    churn,
  };
}
