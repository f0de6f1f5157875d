import { fitOnLogScale, type FitResult } from "./optimize";
import { expm1OverX, hyp2f1 } from "./special";
import { DAYS_PER_WEEK, type BtydData } from "./summary";

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a
 * customer buys at a Poisson rate λ, gamma-distributed across customers (shape r, rate α, in the
 * data's time unit: weeks here); after each repeat purchase they drop out for good with
 * probability p, beta-distributed across customers (a, b).
 *
 * Per customer with x repeat purchases, the last at t_x, observed for T (eq. 6 of the paper):
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 * i.e. ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
 *           + ln[ (α+T)^−(r+x) + [x>0] · a/(b+x−1) · (α+t_x)^−(r+x) ].
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Fewer customers than this (with a purchase in the calibration period) and four parameters
 * cannot be estimated: `too_few_customers`.
 */
export const MIN_CUSTOMERS = 20;
/**
 * Fewer repeat buyers than this and neither the purchase rate nor the dropout is identified:
 * `too_few_repeat_buyers` (also used by the Gamma-Gamma fit, which sees only repeat buyers).
 */
export const MIN_REPEAT_BUYERS = 10;
/**
 * The data in the shape the likelihood loop wants: customers with the same (x, t_x, T) merged into
 * one weighted row, and t_x, T replaced by indices into their distinct values, so that each
 * evaluation takes the logarithms once per distinct value, not once per customer. The rows are in
 * order of first sight (the likelihood is summed in that order). Callers that predict per customer
 * use the rows too: equal histories get equal predictions, so each row's are computed once.
 */
export interface BgNbdHistories {
  customers: number;
  repeatBuyers: number;
  maxT: number;
  maxX: number;
  /** Per row: x, index of T in uT, index of t_x in uTx (t_x is 0 where x = 0), weight. */
  x: Int32Array;
  iT: Int32Array;
  iTx: Int32Array;
  w: Float64Array;
  uT: Float64Array;
  uTx: Float64Array;
  /** Total weight per x (0 .. maxX). */
  xCount: Float64Array;
  /** Rows that could not be used (x not a non-negative integer, t_x outside [0, T]). */
  invalid: number;
  /** Per customer (index into the data): their row, or -1 (T = NaN, or an invalid row). */
  rowOf: Int32Array;
}

/**
 * Indices of distinct week values in order of first sight. Weeks are whole days / 7 (summary.ts):
 * those are looked up by their day in an array; any other value in a Map.
 */
class WeekIndex {
  readonly values: number[] = [];
  private byDay = new Int32Array(1024).fill(-1);
  private readonly other = new Map<number, number>();

  indexOf(weeks: number): number {
    const day = Math.round(weeks * DAYS_PER_WEEK);
    if (day >= 0 && day < WeekIndex.MAX_DAY && day / DAYS_PER_WEEK === weeks) {
      if (day >= this.byDay.length) {
        let size = this.byDay.length;
        while (size <= day) size *= 2;
        const grown = new Int32Array(size).fill(-1);
        grown.set(this.byDay);
        this.byDay = grown;
      }
      let at = this.byDay[day];
      if (at < 0) {
        at = this.byDay[day] = this.values.length;
        this.values.push(weeks);
      }
      return at;
    }
    let at = this.other.get(weeks);
    if (at === undefined) {
      at = this.values.length;
      this.other.set(weeks, at);
      this.values.push(weeks);
    }
    return at;
  }

  /** About 11,000 years of days. */
  private static readonly MAX_DAY = 1 << 22;
}

/** Rows of equal (x, index of T, index of t_x): an open-addressing table over typed arrays. */
class RowIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly keys: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.keys = new Int32Array(3 * Math.max(1, capacity));
  }

  /** The row of (x, it, itx), or -1 after giving it the next row number (first sight). */
  getOrAdd(x: number, it: number, itx: number): number {
    let slot =
      (Math.imul(x, 0x9e3779b1) ^ Math.imul(it, 0x85ebca6b) ^ Math.imul(itx, 0xc2b2ae35)) &
      this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const k = 3 * (entry - 1);
      if (this.keys[k] === x && this.keys[k + 1] === it && this.keys[k + 2] === itx)
        return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    const row = this.size++;
    this.keys[3 * row] = x;
    this.keys[3 * row + 1] = it;
    this.keys[3 * row + 2] = itx;
    this.slots[slot] = row + 1;
    return -1;
  }
}

/** Groups the customers of `data` by history (x, t_x, T), for `fitBgNbdHistories` and predictions. */
export function bgnbdHistories(data: BtydData): BgNbdHistories {
  const n = data.x.length;
  const tIndex = new WeekIndex();
  const txIndex = new WeekIndex();
  const rows = new RowIndex(n);
  // At most one row per customer: typed arrays of that size, cut to the rows found at the end.
  const xs = new Int32Array(n);
  const iTs = new Int32Array(n);
  const iTxs = new Int32Array(n);
  const ws = new Float64Array(n);
  const rowOf = new Int32Array(n).fill(-1);
  let size = 0;
  let customers = 0;
  let repeatBuyers = 0;
  let maxT = 0;
  let maxX = 0;
  let invalid = 0;
  for (let i = 0; i < n; i++) {
    const T = data.T[i];
    if (Number.isNaN(T)) continue; // no purchase in the calibration period
    const x = data.x[i];
    const tx = x > 0 ? data.tx[i] : 0;
    if (
      !(T >= 0 && Number.isFinite(T)) ||
      !(Number.isInteger(x) && x >= 0 && x <= 0x7fffffff) ||
      !(tx >= 0 && tx <= T)
    ) {
      invalid++;
      continue;
    }
    customers++;
    if (x > 0) repeatBuyers++;
    if (T > maxT) maxT = T;
    if (x > maxX) maxX = x;
    const it = tIndex.indexOf(T);
    const itx = txIndex.indexOf(tx);
    const at = rows.getOrAdd(x, it, itx);
    if (at >= 0) {
      ws[at]++;
      rowOf[i] = at;
    } else {
      xs[size] = x;
      iTs[size] = it;
      iTxs[size] = itx;
      ws[size] = 1;
      rowOf[i] = size++;
    }
  }
  const xCount = new Float64Array(maxX + 1);
  for (let k = 0; k < size; k++) xCount[xs[k]] += ws[k];
  return {
    customers,
    repeatBuyers,
    maxT,
    maxX,
    x: xs.slice(0, size),
    iT: iTs.slice(0, size),
    iTx: iTxs.slice(0, size),
    w: ws.slice(0, size),
    uT: Float64Array.from(tIndex.values),
    uTx: Float64Array.from(txIndex.values),
    xCount,
    invalid,
    rowOf,
  };
}

/** Scratch space reused by every evaluation of one fit. */
interface Workspace {
  lnAT: Float64Array;
  invAT: Float64Array;
  lnATx: Float64Array;
  invATx: Float64Array;
  lnDrop: Float64Array;
  invBx: Float64Array;
}

function workspace(d: BgNbdHistories): Workspace {
  return {
    lnAT: new Float64Array(d.uT.length),
    invAT: new Float64Array(d.uT.length),
    lnATx: new Float64Array(d.uTx.length),
    invATx: new Float64Array(d.uTx.length),
    lnDrop: new Float64Array(d.maxX + 1),
    invBx: new Float64Array(d.maxX + 1),
  };
}

/**
 * ln L summed over all customers, and (when `grad` is given) its gradient with respect to
 * (r, α, a, b). The x-only terms use cumulative sums over j < x of ln(r+j), ln(b+j) − ln(a+b+j),
 * which equal the log-gamma differences for integer x, and whose derivatives are Σ 1/(r+j) etc.
 */
function evaluate(
  r: number,
  alpha: number,
  a: number,
  b: number,
  d: BgNbdHistories,
  ws: Workspace,
  grad: Float64Array | null
): number {
  const { lnAT, invAT, lnATx, invATx, lnDrop, invBx } = ws;
  for (let j = 0; j < d.uT.length; j++) {
    const v = alpha + d.uT[j];
    lnAT[j] = Math.log(v);
    invAT[j] = 1 / v;
  }
  for (let j = 0; j < d.uTx.length; j++) {
    const v = alpha + d.uTx[j];
    lnATx[j] = Math.log(v);
    invATx[j] = 1 / v;
  }
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  // ln L is summed with Neumaier's compensation: with 1e5 customers plain summation leaves ~1e-13
  // of noise in −ln L / N, enough to stall the line search before the gradient vanishes.
  let ll = 0;
  let comp = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  // x-only terms, accumulated for x = 0 .. maxX.
  let sumLnR = 0; // Σ ln(r+j) = ln Γ(r+x) − ln Γ(r)
  let sumInvR = 0;
  let sumLnBeta = 0; // Σ ln(b+j) − ln(a+b+j)
  let sumInvB = 0;
  let sumInvAB = 0;
  for (let x = 0; x <= d.maxX; x++) {
    if (x > 0) {
      const j = x - 1;
      sumLnR += Math.log(r + j);
      sumLnBeta += Math.log(b + j) - Math.log(a + b + j);
      sumInvR += 1 / (r + j);
      sumInvB += 1 / (b + j);
      sumInvAB += 1 / (a + b + j);
      lnDrop[x] = lnA - Math.log(b + j);
      invBx[x] = 1 / (b + j);
    }
    const count = d.xCount[x];
    if (count === 0) continue;
    ll += count * (sumLnR + r * lnAlpha + sumLnBeta);
    gr += count * (sumInvR + lnAlpha);
    gAlpha += count * (r / alpha);
    ga -= count * sumInvAB;
    gb += count * (sumInvB - sumInvAB);
  }
  // Customer rows: ln[(α+T)^−(r+x) + [x>0] a/(b+x−1) (α+t_x)^−(r+x)].
  const { x: xs, iT, iTx, w } = d;
  let drop = 0; // Σ w · P(dropped-out branch)
  let dropB = 0;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    const rx = r + x;
    const t = iT[k];
    const wk = w[k];
    const alive = -rx * lnAT[t];
    if (x === 0) {
      const v = wk * alive;
      const sum = ll + v;
      comp += Math.abs(ll) >= Math.abs(v) ? ll - sum + v : v - sum + ll;
      ll = sum;
      gr -= wk * lnAT[t];
      gAlpha -= wk * rx * invAT[t];
      continue;
    }
    const s = iTx[k];
    const dead = lnDrop[x] - rx * lnATx[s];
    let lse: number;
    let pDead: number;
    if (alive >= dead) {
      const e = Math.exp(dead - alive);
      lse = alive + Math.log1p(e);
      pDead = e / (1 + e);
    } else {
      const e = Math.exp(alive - dead);
      lse = dead + Math.log1p(e);
      pDead = 1 / (1 + e);
    }
    const pAlive = 1 - pDead;
    const v = wk * lse;
    const sum = ll + v;
    comp += Math.abs(ll) >= Math.abs(v) ? ll - sum + v : v - sum + ll;
    ll = sum;
    gr -= wk * (pAlive * lnAT[t] + pDead * lnATx[s]);
    gAlpha -= wk * rx * (pAlive * invAT[t] + pDead * invATx[s]);
    drop += wk * pDead;
    dropB += wk * pDead * invBx[x];
  }
  if (grad) {
    grad[0] = gr;
    grad[1] = gAlpha;
    grad[2] = ga + drop / a;
    grad[3] = gb - dropB;
  }
  return ll + comp;
}

/** Σ ln L over the customers (rows with T = NaN, i.e. no purchase in the period, are skipped). */
export function bgnbdLogLikelihood(params: BgNbdParams, data: BtydData): number {
  const d = bgnbdHistories(data);
  return evaluate(params.r, params.alpha, params.a, params.b, d, workspace(d), null);
}

const NAMES = ["r", "alpha", "a", "b"] as const;

/**
 * Maximum likelihood over ln(r, α, a, b) by BFGS with the analytic gradient (Nelder–Mead fallback,
 * restarts). Degenerate data, checked in this order:
 * - fewer than MIN_CUSTOMERS (20) usable customers: `too_few_customers`;
 * - every customer observed for T = 0 (all first purchases on the calibration end, or one day of
 *   data): `single_day`;
 * - fewer than MIN_REPEAT_BUYERS (10) customers with x > 0: `too_few_repeat_buyers`;
 * - a parameter runs to the search bound (no interior maximum): `ridge`, naming it;
 * - the gradient does not vanish within MAX_EVALUATIONS evaluations: `flat_likelihood`.
 * Each evaluation costs one pass over the distinct (x, t_x, T) groups, so the fit's time is bounded
 * by MAX_EVALUATIONS passes whatever the number of customers.
 * Rows with T = NaN are skipped; rows with a non-integer or negative x or t_x outside [0, T] are
 * skipped too (and counted in the failure message if the fit then fails).
 */
export function fitBgNbd(data: BtydData): FitResult<BgNbdParams> {
  return fitBgNbdHistories(bgnbdHistories(data));
}

/** `fitBgNbd` on customers already grouped by `bgnbdHistories`. */
export function fitBgNbdHistories(d: BgNbdHistories): FitResult<BgNbdParams> {
  const skipped = d.invalid > 0 ? ` (${d.invalid} rows with invalid x, t_x or T skipped)` : "";
  if (d.customers < MIN_CUSTOMERS) {
    return {
      ok: false,
      reason: "too_few_customers",
      evaluations: 0,
      message: `BG/NBD needs at least ${MIN_CUSTOMERS} customers with a purchase; got ${d.customers}${skipped}.`,
    };
  }
  if (d.maxT === 0) {
    return {
      ok: false,
      reason: "single_day",
      evaluations: 0,
      message:
        "Every customer was observed for zero time (a single day of data): no repeat purchases can be seen.",
    };
  }
  if (d.repeatBuyers < MIN_REPEAT_BUYERS) {
    return {
      ok: false,
      reason: "too_few_repeat_buyers",
      evaluations: 0,
      message: `BG/NBD needs at least ${MIN_REPEAT_BUYERS} repeat buyers; got ${d.repeatBuyers}${skipped}.`,
    };
  }
  const ws = workspace(d);
  const n = d.customers;
  // Start: r = 1, α = the mean observation time (α is on the scale of T), a = 1, b = 2.
  let meanT = 0;
  for (let k = 0; k < d.x.length; k++) meanT += (d.w[k] * d.uT[d.iT[k]]) / n;
  return fitOnLogScale({
    model: "BG/NBD",
    names: NAMES,
    customers: n,
    start: [0, Math.log(Math.min(Math.max(meanT, 1e-3), 1e5)), 0, Math.log(2)],
    logLikelihood: (params, grad) =>
      evaluate(params[0], params[1], params[2], params[3], d, ws, grad),
    ridgeNote: ({ parameter, toward }) =>
      (parameter === "b" && toward === "infinity") || (parameter === "a" && toward === "zero")
        ? " (the data show no sign of customers dropping out)."
        : ".",
  });
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))  (eq. 13).
 * 1 when x = 0: under BG/NBD nobody drops out before a repeat purchase. Computed from the log-odds,
 * so it stays within [0, 1] for any inputs with 0 <= t_x <= T (NaN only for NaN inputs).
 */
export function bgnbdPAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (!(x > 0)) return Number.isNaN(x) ? NaN : 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  if (logOdds > 0) {
    const e = Math.exp(-logOdds);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases of an alive customer with x repeat purchases, observed for T, in the next t
 * (eq. 10 without its P(alive) factor):
 *   (a+b+x−1)/(a−1) · [1 − u^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)],
 *   z = t/(α+T+t), u = 1 − z = (α+T)/(α+T+t).
 *
 * Three evaluations, tried in turn until one is accurate:
 * 1. Euler's transformation 2F1(A₀,B₀;C;z) = (1−z)^(C−A₀−B₀) 2F1(C−A₀, C−B₀; C; z) turns the
 *    bracket's 2F1 part into u^B · 2F1(A, B; C; z) with A = a+b−1−r, B = a−1, C = a+b+x−1: the
 *    power (r+x) disappears (no overflow for large x), and A, B do not grow with x. Writing
 *    2F1 = 1 + (B/C)·Σ with Σ = Σ_{k≥1} (A)_k (B+1)_{k−1} / ((C+1)_{k−1} k!) · z^k, the
 *    expectation is C · (−expm1(B ln u) / B) − u^B · Σ, free of the 0/0 at a = 1 (B = 0) and at
 *    a+b+x = 1 (C = 0).
 * 2. The paper's own form, as (C/B) · (−expm1((r+x) ln u + ln 2F1)): with b+x, r+x, C > 0 its terms
 *    are all positive. Used first when its terms grow less (large a: p near 1 for everyone), and
 *    whenever 1 cancels: with large r (nearly equal purchase rates) A is large and negative and
 *    Euler's terms alternate with huge magnitudes. Near a = 1 or C = 0 it is interpolated in a.
 * 3. z so close to 1 that neither series converges in 50,000 terms: 2F1(A, B; C; z) by
 *    `hyp2f1` (connection formula in 1 − z), (C/B)(1 − u^B 2F1), interpolated in a if needed.
 * A series counts as accurate when it converged and its largest term is within 1e4 of its sum
 * (at most 4 digits lost to cancellation).
 */
function expectedIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, a, b } = params;
  const A = a + b - 1 - r;
  const B = a - 1;
  const C = a + b + x - 1;
  const lnU = -Math.log1p(t / (params.alpha + T));
  const z = -Math.expm1(lnU); // t / (α+T+t), accurate for small t
  const limit = z <= 0.9 ? 1000000 : 50000;
  // The terms of either series first grow by about (product of numerator parameters)·z/C.
  const originalFirst = 4 * (r + x) * (b + x) < Math.abs(A * B);
  let value = originalFirst ? originalNearSingular(params, x, lnU, z, limit) : NaN;
  if (Number.isFinite(value)) return value;
  value = eulerForm(A, B, C, lnU, z, limit);
  if (Number.isFinite(value)) return value;
  if (!originalFirst) value = originalNearSingular(params, x, lnU, z, limit);
  if (Number.isFinite(value)) return value;
  return nearSingularA(params, x, (aa) => {
    const F = hyp2f1(aa + b - 1 - r, aa - 1, aa + b + x - 1, z);
    return ((aa + b + x - 1) / (aa - 1)) * (1 - Math.exp((aa - 1) * lnU) * F);
  });
}

/** Evaluation 1 of `expectedIfAlive`; NaN when its series is not accurate. */
function eulerForm(A: number, B: number, C: number, lnU: number, z: number, limit: number): number {
  scaledSeries(A * z, 1, A, B, C, z, limit);
  if (!series.accurate) return NaN;
  const head = -C * lnU * expm1OverX(B * lnU);
  return series.sign === 0 ? head : head - series.sign * Math.exp(B * lnU + series.lnAbs);
}

/** Evaluation 2 of `expectedIfAlive` at a = aa; NaN when its series is not accurate. */
function originalForm(
  r: number,
  aa: number,
  b: number,
  x: number,
  lnU: number,
  z: number,
  limit: number
): number {
  const C = aa + b + x - 1;
  scaledSeries(1, 0, r + x, b + x, C, z, limit);
  if (!series.accurate || series.sign <= 0) return NaN;
  return (C / (aa - 1)) * -Math.expm1((r + x) * lnU + series.lnAbs);
}

function originalNearSingular(
  params: BgNbdParams,
  x: number,
  lnU: number,
  z: number,
  limit: number
): number {
  const { r, b } = params;
  return nearSingularA(params, x, (aa) => originalForm(r, aa, b, x, lnU, z, limit));
}

/**
 * f(a) for a formula with removable singularities at a = 1 and a + b + x = 1: away from them f(a)
 * itself, within 1e-3 of one a cubic interpolation from a = centre ± 1e-3, ± 2e-3 (error ~1e-12).
 */
function nearSingularA(params: BgNbdParams, x: number, f: (a: number) => number): number {
  const { a, b } = params;
  const DELTA = 1e-3;
  const nearB = Math.abs(a - 1) < DELTA;
  const nearC = Math.abs(a + b + x - 1) < DELTA;
  if (!nearB && !nearC) return f(a);
  const centre = nearB ? 1 : 1 - b - x;
  const offsets = [-2 * DELTA, -DELTA, DELTA, 2 * DELTA];
  const values = offsets.map((o) => f(centre + o));
  const u = a - centre;
  let result = 0;
  for (let i = 0; i < 4; i++) {
    let weight = 1;
    for (let j = 0; j < 4; j++) if (j !== i) weight *= (u - offsets[j]) / (offsets[i] - offsets[j]);
    result += weight * values[i];
  }
  return result;
}

/** Largest term over sum allowed before a series counts as spoilt by cancellation. */
const MAX_LOSS = Math.log(1e4);

/** Result of the last `scaledSeries` call (one scratch object: no allocation per customer). */
const series = { sign: 0, lnAbs: 0, accurate: false };

/**
 * Σ_{k ≥ k0} τ_k with τ_k0 = `first` and τ_(k+1) = τ_k (p+k)(q+k) z / ((s+k)(k+1)), written to
 * `series` as sign and ln|Σ|; the running sum is rescaled when it grows past 1e250 so that large
 * parameters do not overflow. `accurate`: converged to relative 1e-16 within `limit` terms, and no
 * term larger than 1e4 times the sum.
 */
function scaledSeries(
  first: number,
  k0: number,
  p: number,
  q: number,
  s: number,
  z: number,
  limit: number
): void {
  let term = first;
  let sum = term;
  let logScale = 0;
  let maxTerm = Math.abs(term);
  let converged = term === 0;
  for (let k = k0; k < limit && !converged; k++) {
    term *= (((p + k) * (q + k)) / ((s + k) * (k + 1))) * z;
    sum += term;
    const size = Math.abs(term);
    if (size > maxTerm) maxTerm = size;
    if (term === 0) converged = true;
    else if (size <= 1e-16 * Math.abs(sum)) {
      const next = Math.abs((((p + k + 1) * (q + k + 1)) / ((s + k + 1) * (k + 2))) * z);
      if (next < 1) converged = true;
    }
    if (maxTerm > 1e250) {
      sum *= 1e-250;
      term *= 1e-250;
      maxTerm *= 1e-250;
      logScale += 250 * Math.LN10;
    }
  }
  const lnAbs = logScale + Math.log(Math.abs(sum));
  series.sign = Math.sign(sum);
  series.lnAbs = lnAbs;
  series.accurate =
    converged &&
    Number.isFinite(sum) &&
    (sum === 0 ? maxTerm === 0 : Math.log(maxTerm) + logScale - lnAbs <= MAX_LOSS);
}

/**
 * Expected purchases in the next t weeks of a customer with history (x, t_x, T) — eq. 10 of the
 * paper: P(alive) × the expectation of an alive customer. 0 for t <= 0.
 */
export function bgnbdConditionalExpected(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number
): number {
  if (!(t > 0)) return t === 0 ? 0 : NaN;
  return bgnbdPAlive(params, x, tx, T) * expectedIfAlive(params, t, x, T);
}

/** `bgnbdPAlive` of every history row of `h` (see `bgnbdHistories`), written into `out`. */
export function bgnbdPAliveRows(params: BgNbdParams, h: BgNbdHistories, out: Float64Array): void {
  for (let r = 0; r < h.x.length; r++)
    out[r] = bgnbdPAlive(params, h.x[r], h.uTx[h.iTx[r]], h.uT[h.iT[r]]);
}

/**
 * `bgnbdConditionalExpected` of every history row of `h` in the next t weeks, written into `out`,
 * given the rows' P(alive) from `bgnbdPAliveRows`: the same products, but the expectation of an
 * alive customer depends on (x, T) only, not t_x, so its series is summed once per (x, T).
 */
export function bgnbdConditionalExpectedRows(
  params: BgNbdParams,
  t: number,
  h: BgNbdHistories,
  pAlive: Float64Array,
  out: Float64Array
): void {
  if (!(t > 0)) {
    out.fill(t === 0 ? 0 : NaN, 0, h.x.length);
    return;
  }
  const nT = h.uT.length;
  const ifAlive = new Map<number, number>(); // x · (distinct T) + index of T → expectation
  for (let r = 0; r < h.x.length; r++) {
    const x = h.x[r];
    const key = x * nT + h.iT[r];
    let value = ifAlive.get(key);
    if (value === undefined) {
      value = expectedIfAlive(params, t, x, h.uT[h.iT[r]]);
      ifAlive.set(key, value);
    }
    out[r] = pAlive[r] * value;
  }
}

/**
 * E[X(t)], the expected purchases of a customer in the first t weeks after their first purchase
 * (eq. 7): (a+b−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))], which is the conditional
 * expectation of a customer with x = 0 observed for T = 0.
 */
export function bgnbdExpectedPopulation(params: BgNbdParams, t: number): number {
  if (!(t > 0)) return t === 0 ? 0 : NaN;
  return expectedIfAlive(params, t, 0, 0);
}
