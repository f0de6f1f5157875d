import { message } from "../i18n/messages";
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
import type { Lang } from "./types";

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
  pAlive: number;
  expectedPurchases: number;
  /** null where the spend model could not be fitted. */
  expectedSpend: number | null;
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

export interface LifetimeReport {
  model: LifetimeModel | null;
  /** Localised sentences for the summary: what was fitted, or why not. */
  notes: string[];
  /** Same order as report.customers; null where the customer has no purchase. */
  perCustomer: Array<Lifetime | null>;
  churn: Array<ChurnWarning | null>;
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

export function computeLifetime(
  report: ScoreReport,
  settings: Settings,
  lang: Lang
): LifetimeReport {
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
    return {
      model: null,
      notes: [message(lang, "model_needs_orders")],
      perCustomer: new Array(n).fill(null),
      churn,
    };
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
  const gammagamma = fitGammaGamma(data.x, data.meanRepeat);
  let customers = 0;
  let repeatBuyers = 0;
  for (let c = 0; c < n; c++) {
    if (data.T[c] >= 0) customers++;
    if (data.x[c] > 0) repeatBuyers++;
  }
  const notes = [
    bgnbd.ok
      ? message(lang, "bgnbd_fitted", {
          r: round(bgnbd.params.r, 3),
          alpha: round(bgnbd.params.alpha, 3),
          a: round(bgnbd.params.a, 3),
          b: round(bgnbd.params.b, 3),
        })
      : message(lang, `model_${bgnbd.reason}`, { model: "BG/NBD", repeat: repeatBuyers }),
    gammagamma.ok
      ? message(lang, "gammagamma_fitted", {
          p: round(gammagamma.params.p, 3),
          q: round(gammagamma.params.q, 3),
          gamma: round(gammagamma.params.gamma, 3),
        })
      : message(lang, `model_${gammagamma.reason}`, { model: "Gamma-Gamma", repeat: repeatBuyers }),
  ];
  const horizonWeeks = settings.clv.horizonDays / DAYS_PER_WEEK;
  const perCustomer = report.customers.map((c, k): Lifetime | null => {
    if (!bgnbd.ok || !(data.T[k] >= 0)) return null;
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
    if (life && life.pAlive < CHURN_P_ALIVE && churn[k] === null)
      churn[k] = { kind: "p_alive", pAlive: life.pAlive };
  });
  return { model: { bgnbd, gammagamma, customers, repeatBuyers }, notes, perCustomer, churn };
}
