import { hash32 } from "./draw";

/**
 * Did a strategy work? Difference in differences between the customers it was applied to (treated)
 * and the control group held back from it: each customer's change from the span before the period
 * to the period itself, averaged per group; the uplift is the treated change minus the control
 * change, so what both groups share (the season, customers drifting back on their own) cancels out.
 *
 * The 90% interval is a percentile bootstrap (Efron & Tibshirani, "An Introduction to the
 * Bootstrap", ch. 13): both groups resampled with replacement, each on its own, BOOTSTRAP_RESAMPLES
 * times from a seed derived from the group's key, so a re-score gives the same interval. Above
 * NORMAL_FROM_CUSTOMERS customers the bootstrap of a mean is the normal interval (central limit
 * theorem), which is used instead: mean ± 1.645 standard errors, same answer, no seconds of resampling.
 */

/** One customer's purchase orders and net amount before and during the period. */
export interface CustomerChange {
  ordersBefore: number;
  ordersDuring: number;
  amountBefore: number;
  amountDuring: number;
}

export interface GroupMeans {
  ordersBefore: number;
  ordersDuring: number;
  amountBefore: number;
  amountDuring: number;
}

export type UpliftVerdict = "effective" | "no_effect" | "too_few";

export interface Uplift {
  treated: number;
  control: number;
  /** Per customer; null for an empty group. */
  treatedMeans: GroupMeans | null;
  controlMeans: GroupMeans | null;
  /** Treated change minus control change, per customer; null when a group is empty. */
  upliftOrders: number | null;
  upliftAmount: number | null;
  /** 90% intervals; null when a group is smaller than MIN_GROUP_CUSTOMERS. */
  ci90Orders: [number, number] | null;
  ci90Amount: [number, number] | null;
  verdict: UpliftVerdict;
}

/**
 * Fewer customers than this in the treated or the control group and there is no verdict
 * (too_few): a bootstrap interval from a handful of customers is too narrow (it only knows the
 * few values it saw), so it would call chance effective far more often than 1 time in 20.
 */
export const MIN_GROUP_CUSTOMERS = 10;
export const BOOTSTRAP_RESAMPLES = 2000;
/** Treated plus control customers from which the normal interval replaces the bootstrap. */
export const NORMAL_FROM_CUSTOMERS = 20000;
/** The 95th percentile of the standard normal: a two-sided 90% interval. */
const Z90 = 1.6448536269514722;

export type IntervalMethod = "auto" | "bootstrap" | "normal";

/** Mean ± Z90 standard errors of the difference of two independent means. */
function normalInterval(t: Float64Array, c: Float64Array): [number, number] {
  const stats = (v: Float64Array) => {
    let mean = 0;
    for (let i = 0; i < v.length; i++) mean += v[i];
    mean /= v.length;
    let ss = 0;
    for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
    // The bootstrap's variance of a mean: divide by n (not n − 1), so both methods agree.
    return { mean, variance: ss / v.length / v.length };
  };
  const a = stats(t);
  const b = stats(c);
  const se = Math.sqrt(a.variance + b.variance);
  const d = a.mean - b.mean;
  return [d - Z90 * se, d + Z90 * se];
}

function means(group: readonly CustomerChange[]): GroupMeans | null {
  if (group.length === 0) return null;
  const sum = { ordersBefore: 0, ordersDuring: 0, amountBefore: 0, amountDuring: 0 };
  for (const c of group) {
    sum.ordersBefore += c.ordersBefore;
    sum.ordersDuring += c.ordersDuring;
    sum.amountBefore += c.amountBefore;
    sum.amountDuring += c.amountDuring;
  }
  const n = group.length;
  return {
    ordersBefore: sum.ordersBefore / n,
    ordersDuring: sum.ordersDuring / n,
    amountBefore: sum.amountBefore / n,
    amountDuring: sum.amountDuring / n,
  };
}

/** Linear interpolation between order statistics (type 7, as Excel's PERCENTILE.INC). */
export function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * For each resample: the mean of n draws with replacement from `orders` (and the same draws from
 * `amounts`). The generator (mulberry32, as in draw.ts) is written out inline: this loop runs
 * resamples × customers times, and a closure call per draw made it several times slower.
 */
function resampleMeans(
  orders: Float64Array,
  amounts: Float64Array,
  seed: number,
  outOrders: Float64Array,
  outAmounts: Float64Array
): void {
  const n = orders.length;
  let state = seed >>> 0;
  for (let b = 0; b < outOrders.length; b++) {
    let o = 0;
    let a = 0;
    for (let k = 0; k < n; k++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const i = (((t ^ (t >>> 14)) >>> 0) * n) / 4294967296;
      o += orders[i | 0];
      a += amounts[i | 0];
    }
    outOrders[b] = o / n;
    outAmounts[b] = a / n;
  }
}

/**
 * The uplift of one strategy (for one tier and period). `seedKey` names the group (strategy, tier,
 * period): the interval is the same on every run. Verdict from the interval only: effective when
 * the 90% interval of orders or of amount per customer lies wholly above 0.
 */
export function differenceInDifferences(
  treated: readonly CustomerChange[],
  control: readonly CustomerChange[],
  seedKey: string,
  method: IntervalMethod = "auto"
): Uplift {
  const tm = means(treated);
  const cm = means(control);
  const result: Uplift = {
    treated: treated.length,
    control: control.length,
    treatedMeans: tm,
    controlMeans: cm,
    upliftOrders: null,
    upliftAmount: null,
    ci90Orders: null,
    ci90Amount: null,
    verdict: "too_few",
  };
  if (!tm || !cm) return result;
  result.upliftOrders = tm.ordersDuring - tm.ordersBefore - (cm.ordersDuring - cm.ordersBefore);
  result.upliftAmount = tm.amountDuring - tm.amountBefore - (cm.amountDuring - cm.amountBefore);
  if (treated.length < MIN_GROUP_CUSTOMERS || control.length < MIN_GROUP_CUSTOMERS) return result;

  const changes = (group: readonly CustomerChange[]) => ({
    orders: Float64Array.from(group, (c) => c.ordersDuring - c.ordersBefore),
    amounts: Float64Array.from(group, (c) => c.amountDuring - c.amountBefore),
  });
  const t = changes(treated);
  const c = changes(control);
  const normal =
    method === "normal" ||
    (method === "auto" && treated.length + control.length >= NORMAL_FROM_CUSTOMERS);
  if (normal) {
    result.ci90Orders = normalInterval(t.orders, c.orders);
    result.ci90Amount = normalInterval(t.amounts, c.amounts);
    result.verdict =
      result.ci90Orders[0] > 0 || result.ci90Amount[0] > 0 ? "effective" : "no_effect";
    return result;
  }
  const seed = hash32(`uplift|${seedKey}`);
  const B = BOOTSTRAP_RESAMPLES;
  const tOrders = new Float64Array(B);
  const tAmounts = new Float64Array(B);
  const cOrders = new Float64Array(B);
  const cAmounts = new Float64Array(B);
  resampleMeans(t.orders, t.amounts, seed, tOrders, tAmounts);
  resampleMeans(c.orders, c.amounts, hash32(`control|${seed}`), cOrders, cAmounts);
  const orders = new Float64Array(B);
  const amounts = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    orders[b] = tOrders[b] - cOrders[b];
    amounts[b] = tAmounts[b] - cAmounts[b];
  }
  orders.sort();
  amounts.sort();
  result.ci90Orders = [quantile(orders, 0.05), quantile(orders, 0.95)];
  result.ci90Amount = [quantile(amounts, 0.05), quantile(amounts, 0.95)];
  result.verdict = result.ci90Orders[0] > 0 || result.ci90Amount[0] > 0 ? "effective" : "no_effect";
  return result;
}
