import {
  bgnbdConditionalExpected,
  bgnbdConditionalExpectedRows,
  bgnbdHistories,
  bgnbdPAlive,
  bgnbdPAliveRows,
  fitBgNbdHistories,
  fitGammaGamma,
  ggConditionalExpectedSpend,
  summarizePurchases,
  DAYS_PER_WEEK,
  type BgNbdHistories,
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

/** The lifetime stage's figures and codes (the words are added where the sheets are planned). */
export interface LifetimeFacts {
  model: LifetimeModel | null;
  predictedClvSource: PredictedClvSource;
  /** Same order as report.customers; null where the customer has no purchase. */
  perCustomer: Array<Lifetime | null>;
  churn: Array<ChurnWarning | null>;
}

/**
 * BG/NBD's figures per history (x, t_x, T), one slot per history row of `bgnbdHistories`:
 * customers with the same history share them, so they are computed once per row.
 */
interface HistoryFigures {
  pAlive: Float64Array;
  /** Expected purchases within the horizon. */
  expectedPurchases: Float64Array;
  /** The same, year by year, discounted yearly: predicted CLV = this × expected spend × margin. */
  discounted: Float64Array;
}

function historyFigures(rows: number): HistoryFigures {
  return {
    pAlive: new Float64Array(rows),
    expectedPurchases: new Float64Array(rows),
    discounted: new Float64Array(rows),
  };
}

/** Year ends within the horizon, in weeks: one a year, the last cut at the horizon. */
function yearEnds(settings: Settings): number[] {
  const horizonWeeks = settings.clv.horizonDays / DAYS_PER_WEEK;
  const yearWeeks = 365 / DAYS_PER_WEEK;
  const ends: number[] = [];
  let end = Math.min(yearWeeks, horizonWeeks);
  for (;;) {
    ends.push(end);
    if (end >= horizonWeeks) return ends;
    end = Math.min(end + yearWeeks, horizonWeeks);
  }
}

/**
 * The figures of every history row: expected purchases cumulated year by year, each year's share
 * discounted. A horizon <= 0 has no purchases.
 */
function rowFigures(
  params: BgNbdParams,
  histories: BgNbdHistories,
  settings: Settings
): HistoryFigures {
  const rows = histories.x.length;
  const out = historyFigures(rows);
  bgnbdPAliveRows(params, histories, out.pAlive);
  const before = new Float64Array(rows);
  const cumulative = new Float64Array(rows);
  const ends = yearEnds(settings);
  for (let year = 1; year <= ends.length; year++) {
    bgnbdConditionalExpectedRows(params, ends[year - 1], histories, out.pAlive, cumulative);
    const discount = Math.pow(1 + settings.clv.discountRate, year);
    for (let r = 0; r < rows; r++) {
      out.discounted[r] += (cumulative[r] - before[r]) / discount;
      before[r] = cumulative[r];
    }
  }
  if (settings.clv.horizonDays / DAYS_PER_WEEK > 0) out.expectedPurchases.set(before);
  return out;
}

/** The same figures for one history (x, t_x, T), into slot `at` of `out`. */
function figuresOf(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  settings: Settings,
  out: HistoryFigures,
  at: number
): void {
  const ends = yearEnds(settings);
  let discounted = 0;
  let before = 0;
  for (let year = 1; year <= ends.length; year++) {
    const cumulative = bgnbdConditionalExpected(params, ends[year - 1], x, tx, T);
    discounted += (cumulative - before) / Math.pow(1 + settings.clv.discountRate, year);
    before = cumulative;
  }
  out.expectedPurchases[at] = settings.clv.horizonDays / DAYS_PER_WEEK > 0 ? before : 0;
  out.pAlive[at] = bgnbdPAlive(params, x, tx, T);
  out.discounted[at] = discounted;
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
  const data = summarizePurchases(
    n,
    book.count,
    book.customer,
    book.day,
    book.amount,
    report.asOf,
    book.isReturn
  );
  const histories = bgnbdHistories(data);
  const bgnbd = fitBgNbdHistories(histories);
  const gammagamma = fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread);
  let customers = 0;
  let repeatBuyers = 0;
  for (let c = 0; c < n; c++) {
    if (data.T[c] >= 0) customers++;
    if (data.x[c] > 0) repeatBuyers++;
  }
  const predictedClvSource: PredictedClvSource =
    bgnbd.ok && gammagamma.ok ? "models" : "simple_clv";
  const rows = bgnbd.ok ? rowFigures(bgnbd.params, histories, settings) : null;
  // A customer the grouping left out (a history it calls invalid) is computed on their own.
  const single = historyFigures(1);
  const perCustomer: Array<Lifetime | null> = [];
  const defaultMargin = settings.clv.margin;
  // Customers without a repeat purchase on the default margin have their history's figures exactly:
  // they share one object per history row (tens of thousands fewer objects to allocate).
  const sharedByRow: Array<Lifetime | null | undefined> = [];
  for (let k = 0; k < n; k++) {
    const c = report.customers[k];
    let life: Lifetime | null = null;
    if (!(data.T[k] >= 0)) {
      life = null;
    } else if (!bgnbd.ok || rows === null) {
      life =
        c.clv === null || !Number.isFinite(c.clv)
          ? null
          : { pAlive: null, expectedPurchases: null, expectedSpend: null, predictedClv: c.clv };
    } else {
      const x = data.x[k];
      let figures = rows;
      let at = histories.rowOf[k];
      if (at < 0) {
        figuresOf(bgnbd.params, x, data.tx[k], data.T[k], settings, single, 0);
        figures = single;
        at = 0;
      }
      const ownMargin = c.profit !== null && c.monetary > 0;
      const shared = gammagamma.ok && x === 0 && !ownMargin && figures === rows;
      const known = shared ? sharedByRow[at] : undefined;
      if (known !== undefined) {
        life = known;
      } else {
        const pAlive = figures.pAlive[at];
        const expectedPurchases = figures.expectedPurchases[at];
        let expectedSpend: number | null = null;
        let predictedClv: number | null = null;
        if (gammagamma.ok) {
          expectedSpend = ggConditionalExpectedSpend(gammagamma.params, x, data.meanRepeat[k]);
          const margin = ownMargin ? (c.profit as number) / c.monetary : defaultMargin;
          predictedClv = figures.discounted[at] * expectedSpend * margin;
        } else if (c.clv !== null && Number.isFinite(c.clv)) {
          predictedClv = c.clv;
        }
        // A model that misbehaves for one customer must not put NaN into a sheet.
        if (
          Number.isFinite(pAlive) &&
          Number.isFinite(expectedPurchases) &&
          Number.isFinite(expectedSpend ?? 0) &&
          Number.isFinite(predictedClv ?? 0)
        ) {
          life = {
            pAlive: round(pAlive, 4),
            expectedPurchases: round(expectedPurchases, 2),
            expectedSpend: expectedSpend === null ? null : round(expectedSpend, 2),
            predictedClv: predictedClv === null ? null : round(predictedClv, 2),
          };
        }
        if (shared) sharedByRow[at] = life;
      }
    }
    perCustomer.push(life);
    if (life && life.pAlive !== null && life.pAlive < CHURN_P_ALIVE && churn[k] === null)
      churn[k] = { kind: "p_alive", pAlive: life.pAlive };
  }
  return {
    model: { bgnbd, gammagamma, customers, repeatBuyers },
    predictedClvSource,
    perCustomer,
    churn,
  };
}
