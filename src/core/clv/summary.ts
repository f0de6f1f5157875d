/**
 * From single purchases to the figures the buy-till-you-die models use (per customer):
 * x repeat purchases, t_x and T in weeks, and the mean amount of the repeat purchases.
 * Conventions (CDNOW, Fader–Hardie): purchases after the calibration end are ignored; one
 * customer's purchases on the same day are one purchase (amounts added).
 */
export interface BtydData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  meanRepeat: Float64Array;
}

export const DAYS_PER_WEEK = 7;

/**
 * `customer[i]`, `day[i]`, `amount[i]` describe purchase i (any order). Customers without a purchase
 * on or before `calibrationEnd` get T = NaN: the models skip them.
 */
export function summarizePurchases(
  nCustomers: number,
  count: number,
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  calibrationEnd: number
): BtydData {
  // Counting sort of the purchases by customer, then each customer's few days sorted.
  const start = new Int32Array(nCustomers + 1);
  for (let i = 0; i < count; i++) if (day[i] <= calibrationEnd) start[customer[i] + 1]++;
  for (let c = 0; c < nCustomers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, nCustomers);
  const order = new Int32Array(start[nCustomers]);
  for (let i = 0; i < count; i++) if (day[i] <= calibrationEnd) order[fill[customer[i]]++] = i;

  const x = new Float64Array(nCustomers);
  const tx = new Float64Array(nCustomers);
  const T = new Float64Array(nCustomers).fill(NaN);
  const meanRepeat = new Float64Array(nCustomers);
  const days: number[] = [];
  for (let c = 0; c < nCustomers; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (from === to) continue;
    days.length = 0;
    for (let k = from; k < to; k++) days.push(order[k]);
    days.sort((a, b) => day[a] - day[b]);
    const first = day[days[0]];
    let last = first;
    let repeats = 0;
    let repeatAmount = 0;
    for (let k = 1; k < days.length; k++) {
      const d = day[days[k]];
      if (d !== last) {
        repeats++;
        last = d;
      }
      if (d !== first) repeatAmount += amount[days[k]];
    }
    x[c] = repeats;
    tx[c] = (last - first) / DAYS_PER_WEEK;
    T[c] = (calibrationEnd - first) / DAYS_PER_WEEK;
    meanRepeat[c] = repeats > 0 ? repeatAmount / repeats : 0;
  }
  return { x, tx, T, meanRepeat };
}
