import { MIN_REPEAT_BUYERS, type FitResult } from "./fit";
import { nelderMead } from "./optimize";
import { hyp2f1, lnGamma, logSumExp } from "./special";
import type { BtydData } from "./summary";

/**
 * BG/NBD (Fader, Hardie & Lee 2005): while alive a customer buys at a Poisson rate (gamma-distributed
 * across customers: r, α); after each purchase they may drop out for good (beta-distributed: a, b).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers with the same (x, t_x, T) add the same term: fit on the distinct ones, weighted. */
interface Compressed {
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  maxX: number;
  customers: number;
  repeatBuyers: number;
}

function compress(data: BtydData): Compressed {
  const index = new Map<string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const weights: number[] = [];
  let customers = 0;
  let repeatBuyers = 0;
  for (let i = 0; i < data.x.length; i++) {
    const T = data.T[i];
    if (!(T >= 0)) continue;
    customers++;
    if (data.x[i] > 0) repeatBuyers++;
    const key = `${data.x[i]}|${data.tx[i]}|${T}`;
    const at = index.get(key);
    if (at !== undefined) weights[at]++;
    else {
      index.set(key, xs.length);
      xs.push(data.x[i]);
      txs.push(data.tx[i]);
      Ts.push(T);
      weights.push(1);
    }
  }
  return {
    x: Int32Array.from(xs),
    tx: Float64Array.from(txs),
    T: Float64Array.from(Ts),
    weight: Float64Array.from(weights),
    maxX: xs.reduce((m, v) => Math.max(m, v), 0),
    customers,
    repeatBuyers,
  };
}

function logLikelihood(p: BgNbdParams, c: Compressed): number {
  const { r, alpha, a, b } = p;
  // Terms that depend on x only, once per distinct x.
  const gammaR = new Float64Array(c.maxX + 1);
  const betaTerm = new Float64Array(c.maxX + 1);
  const dropTerm = new Float64Array(c.maxX + 1);
  const lnGr = lnGamma(r);
  const lnGb = lnGamma(b);
  const lnGab = lnGamma(a + b);
  const lnA = Math.log(a);
  for (let x = 0; x <= c.maxX; x++) {
    gammaR[x] = lnGamma(r + x) - lnGr + r * Math.log(alpha);
    betaTerm[x] = lnGab + lnGamma(b + x) - lnGb - lnGamma(a + b + x);
    dropTerm[x] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
  }
  let sum = 0;
  for (let i = 0; i < c.x.length; i++) {
    const x = c.x[i];
    const stillAlive = -(r + x) * Math.log(alpha + c.T[i]);
    const droppedOut = x > 0 ? dropTerm[x] - (r + x) * Math.log(alpha + c.tx[i]) : -Infinity;
    sum += c.weight[i] * (gammaR[x] + betaTerm[x] + logSumExp(stillAlive, droppedOut));
  }
  return sum;
}

export function bgnbdLogLikelihood(params: BgNbdParams, data: BtydData): number {
  return logLikelihood(params, compress(data));
}

const fromLog = (v: number[]): BgNbdParams => ({
  r: Math.exp(v[0]),
  alpha: Math.exp(v[1]),
  a: Math.exp(v[2]),
  b: Math.exp(v[3]),
});

export function fitBgNbd(data: BtydData): FitResult<BgNbdParams> {
  const c = compress(data);
  if (c.customers < MIN_REPEAT_BUYERS) return { ok: false, reason: "too_few_customers" };
  let maxT = 0;
  for (let i = 0; i < c.T.length; i++) maxT = Math.max(maxT, c.T[i]);
  if (maxT === 0) return { ok: false, reason: "single_day" };
  if (c.repeatBuyers < MIN_REPEAT_BUYERS) return { ok: false, reason: "too_few_repeat_buyers" };
  // α is on the scale of T: start it at the mean observation time.
  let meanT = 0;
  for (let i = 0; i < c.T.length; i++) meanT += (c.weight[i] * c.T[i]) / c.customers;
  const objective = (v: number[]) => {
    if (v.some((p) => Math.abs(p) > 30)) return Infinity;
    return -logLikelihood(fromLog(v), c) / c.customers;
  };
  const best = nelderMead(objective, [0, Math.log(Math.max(meanT, 1e-3)), 0, 0]);
  if (!Number.isFinite(best.value)) return { ok: false, reason: "no_convergence" };
  return {
    ok: true,
    params: fromLog(best.x),
    loglik: -best.value * c.customers,
    evaluations: best.evaluations,
  };
}

/** Chance the customer is still alive: 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds =
    Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** Expected purchases in the next t weeks of a customer with history (x, t_x, T). */
export function bgnbdConditionalExpected(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number
): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const ratio = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t)));
  const numerator =
    ((a + b + x - 1) / (a - 1)) * (1 - ratio * hyp2f1(r + x, b + x, a + b + x - 1, z));
  if (x === 0) return numerator;
  const odds = (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
  return numerator / (1 + odds);
}

/** Expected purchases of a new customer over t weeks, E[X(t)]. */
export function bgnbdExpectedPopulation(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  const ratio = Math.pow(alpha / (alpha + t), r);
  return ((a + b - 1) / (a - 1)) * (1 - ratio * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
