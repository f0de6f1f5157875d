/**
 * From single purchases to the figures the buy-till-you-die models use (per customer):
 * x repeat purchases, t_x and T in weeks, and the mean amount of the repeat purchases.
 *
 * Conventions (CDNOW, Fader–Hardie), identical in `summarize` and `summarizePurchases`:
 * - days are whole serial days; a fractional day (a time of day) is floored to its day;
 * - purchases after `calibrationEnd` (inclusive end) are ignored, and so are non-finite days;
 * - one customer's purchases on the same day are one purchase, their amounts added;
 * - x = purchases after the first; t_x = (last − first) / 7; T = (calibrationEnd − first) / 7;
 * - meanRepeat = mean amount of the repeat purchases (the first purchase excluded), 0 when x = 0;
 * - repeatSpread = largest minus smallest repeat purchase amount (0 when x <= 1): zero for everyone
 *   means fixed prices, which the spend model cannot fit.
 * A customer without a purchase on or before `calibrationEnd` gets x = 0, t_x = 0, meanRepeat = 0
 * and T = NaN; the fits skip such rows and the prediction functions should not be called for them.
 */
export interface BtydData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  meanRepeat: Float64Array;
  /** Optional: largest minus smallest repeat purchase amount (0 when x <= 1). */
  repeatSpread?: Float64Array;
}

/** One customer's purchases: serial days (any order) and their amounts, index by index. */
export interface CustomerTransactions {
  days: ArrayLike<number>;
  amounts: ArrayLike<number>;
}

export const DAYS_PER_WEEK = 7;

/**
 * Writes customer `c`'s summary from `order[from..to)` (indices into day/amount, all on or before
 * the end, days already floored). `order` is sorted in place by day.
 */
function summarizeOne(
  c: number,
  order: Int32Array,
  from: number,
  to: number,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  end: number,
  out: BtydData
): void {
  if (from === to) return;
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++)
    if (Math.floor(day[order[k]]) < Math.floor(day[order[k - 1]])) sorted = false;
  if (!sorted) {
    const part = Array.from(order.subarray(from, to)).sort(
      (i, j) => Math.floor(day[i]) - Math.floor(day[j])
    );
    order.set(part, from);
  }
  const first = Math.floor(day[order[from]]);
  let last = first;
  let repeats = 0;
  let repeatAmount = 0;
  // This purchase's amount (one day's orders added up) and the smallest and largest so far.
  let dayAmount = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let k = from + 1; k < to; k++) {
    const i = order[k];
    const d = Math.floor(day[i]);
    if (d !== last) {
      if (last !== first) {
        low = Math.min(low, dayAmount);
        high = Math.max(high, dayAmount);
      }
      dayAmount = 0;
      repeats++;
      last = d;
    }
    if (d !== first) {
      repeatAmount += amount[i];
      dayAmount += amount[i];
    }
  }
  if (last !== first) {
    low = Math.min(low, dayAmount);
    high = Math.max(high, dayAmount);
  }
  if (out.repeatSpread) out.repeatSpread[c] = repeats > 1 ? high - low : 0;
  out.x[c] = repeats;
  out.tx[c] = (last - first) / DAYS_PER_WEEK;
  out.T[c] = (end - first) / DAYS_PER_WEEK;
  out.meanRepeat[c] = repeats > 0 ? repeatAmount / repeats : 0;
}

function emptyData(n: number): BtydData {
  return {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n).fill(NaN),
    meanRepeat: new Float64Array(n),
    repeatSpread: new Float64Array(n),
  };
}

/** Per-customer summary of each customer's transactions; same order as `customers`. */
export function summarize(
  customers: readonly CustomerTransactions[],
  calibrationEnd: number
): BtydData {
  const end = Math.floor(calibrationEnd);
  const out = emptyData(customers.length);
  let order = new Int32Array(16);
  for (let c = 0; c < customers.length; c++) {
    const { days, amounts } = customers[c];
    if (days.length > order.length) order = new Int32Array(Math.max(days.length, 2 * order.length));
    let count = 0;
    for (let i = 0; i < days.length; i++) if (Math.floor(days[i]) <= end) order[count++] = i;
    summarizeOne(c, order, 0, count, days, amounts, end, out);
  }
  return out;
}

/**
 * The same summary from column-shaped purchases, as the engine holds them: purchase i belongs to
 * customer `customer[i]` (0 .. nCustomers−1), on `day[i]`, for `amount[i]`; any order. Lines with
 * `skip[i]` not 0 (returns in the engine's order book) are not purchases and are left out.
 */
export function summarizePurchases(
  nCustomers: number,
  count: number,
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  calibrationEnd: number,
  skip?: ArrayLike<number>
): BtydData {
  const end = Math.floor(calibrationEnd);
  // Counting sort of the purchases by customer.
  const start = new Int32Array(nCustomers + 1);
  for (let i = 0; i < count; i++)
    if (Math.floor(day[i]) <= end && (skip === undefined || skip[i] === 0))
      start[customer[i] + 1]++;
  for (let c = 0; c < nCustomers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, nCustomers);
  const order = new Int32Array(start[nCustomers]);
  for (let i = 0; i < count; i++)
    if (Math.floor(day[i]) <= end && (skip === undefined || skip[i] === 0))
      order[fill[customer[i]]++] = i;
  const out = emptyData(nCustomers);
  for (let c = 0; c < nCustomers; c++)
    summarizeOne(c, order, start[c], start[c + 1], day, amount, end, out);
  return out;
}
