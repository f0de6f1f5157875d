import { bgnbdConditionalExpected, type BgNbdParams } from "./bgnbd";
import { ggConditionalExpectedSpend, type GammaGammaParams } from "./gammagamma";
import { DAYS_PER_WEEK } from "./summary";

/**
 * Seed 003's CLV: 平均每次购买金额 × 年购买次数 × 客户留存年数 × 利润率
 * (average order value × orders per year × retention years × margin). No discounting.
 */
export function simpleClv(
  avgOrderValue: number,
  ordersPerYear: number,
  retentionYears: number,
  margin: number
): number {
  return avgOrderValue * ordersPerYear * retentionYears * margin;
}

/** Weeks in a year of 365 days. */
export const WEEKS_PER_YEAR = 365 / DAYS_PER_WEEK;

export interface PredictedClvOptions {
  /** Horizon in weeks (e.g. ClvSettings.horizonDays / 7). */
  horizonWeeks: number;
  /** Margin on revenue, 0..1. */
  margin: number;
  /** Annual discount rate, e.g. 0.1 for 10%. */
  annualDiscountRate: number;
  /** Length of a discounting period in weeks; default one year (365/7 weeks). */
  periodWeeks?: number;
}

/**
 * Discounted predicted CLV of one customer over the horizon:
 *   Σ_k [E(purchases by end_k) − E(purchases by end_{k−1})] × E[spend] × margin / (1+d)^(end_k in years)
 * where the horizon is cut into periods of `periodWeeks` (the last one possibly shorter), the
 * cumulative expected purchases come from BG/NBD's conditional expectation, E[spend] is the
 * Gamma-Gamma conditional mean (independent of time), and each period's purchases are discounted
 * from the end of the period (whole years: the usual end-of-year convention). With a zero rate it
 * is E(purchases in the horizon) × E[spend] × margin. 0 for a horizon <= 0.
 */
export function predictedClv(
  params: BgNbdParams,
  ggParams: GammaGammaParams,
  x: number,
  tx: number,
  T: number,
  meanRepeat: number,
  { horizonWeeks, margin, annualDiscountRate, periodWeeks = WEEKS_PER_YEAR }: PredictedClvOptions
): number {
  if (!(horizonWeeks > 0)) return 0;
  const spend = ggConditionalExpectedSpend(ggParams, x, meanRepeat);
  const period = periodWeeks > 0 ? periodWeeks : WEEKS_PER_YEAR;
  const lnDiscount = Math.log1p(annualDiscountRate);
  let value = 0;
  let before = 0;
  for (let end = Math.min(period, horizonWeeks); ; end = Math.min(end + period, horizonWeeks)) {
    const cumulative = bgnbdConditionalExpected(params, end, x, tx, T);
    value += (cumulative - before) * Math.exp((-end / WEEKS_PER_YEAR) * lnDiscount);
    before = cumulative;
    if (end >= horizonWeeks) break;
  }
  return value * spend * margin;
}
