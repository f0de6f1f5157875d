/**
 * Lifetime-value fit on generated customers: purchase histories drawn from a BG/NBD process with
 * CDNOW-like parameters (in weeks) and Gamma-Gamma amounts, recorded in whole days as workbooks
 * hold them. `benchClvFit` times the summary, both fits and the per-customer predictions.
 * No side effects on import: the bench runner calls it.
 */
import {
  bgnbdConditionalExpected,
  bgnbdPAlive,
  fitBgNbd,
  fitGammaGamma,
  predictedClv,
  summarize,
  type CustomerTransactions,
} from "../src/core/clv";
import { prng } from "./data";

function gammaSampler(random: () => number): (shape: number, rate: number) => number {
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  // Marsaglia–Tsang; shapes below 1 boosted by U^(1/shape).
  const sample = (shape: number, rate: number): number => {
    if (shape < 1) return sample(shape + 1, rate) * Math.pow(1 - random(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - random();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return sample;
}

export const CLV_BENCH_TRUTH = { r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };

/** Customers whose first purchase falls in the first year of a two-year calibration period. */
export function makeClvCustomers(
  nCustomers: number,
  seed = 7
): { customers: CustomerTransactions[]; end: number } {
  const random = prng(seed);
  const gamma = gammaSampler(random);
  const truth = CLV_BENCH_TRUTH;
  const end = 730;
  const customers: CustomerTransactions[] = [];
  for (let c = 0; c < nCustomers; c++) {
    const rate = gamma(truth.r, truth.alpha) / 7; // purchases per day (λ is per week)
    const pa = gamma(truth.a, 1);
    const dropout = pa / (pa + gamma(truth.b, 1)); // beta(a, b)
    const nu = gamma(truth.q, truth.gamma);
    const days: number[] = [];
    const amounts: number[] = [];
    let t = Math.floor(random() * 365);
    // BG/NBD: the first purchase at t, then Poisson(λ) purchases; after each repeat purchase the
    // customer drops out with probability p (never right after the first).
    for (let purchase = 0; ; purchase++) {
      if (purchase > 1 && random() < dropout) break;
      days.push(Math.floor(t));
      amounts.push(Math.max(0.01, Math.round(gamma(truth.p, nu) * 100) / 100));
      t += -Math.log(1 - random()) / rate;
      if (t > end) break;
    }
    customers.push({ days, amounts });
  }
  return { customers, end };
}

export interface ClvBenchResult {
  customers: number;
  purchases: number;
  /** Both fits (BG/NBD + Gamma-Gamma), milliseconds. */
  fitMs: number;
  bgnbdMs: number;
  gammaGammaMs: number;
  /** Transactions → (x, t_x, T, mean repeat amount). */
  summarizeMs: number;
  /** P(alive), expected purchases in 52 weeks and a 3-year discounted CLV for every customer. */
  predictMs: number;
  bgnbd: string;
  gammagamma: string;
  truth: string;
}

export function benchClvFit(nCustomers: number, seed = 7): ClvBenchResult {
  const { customers, end } = makeClvCustomers(nCustomers, seed);
  let purchases = 0;
  for (const c of customers) purchases += c.days.length;
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  const t0 = now();
  const data = summarize(customers, end);
  const t1 = now();
  const bgnbd = fitBgNbd(data);
  const t2 = now();
  const gammagamma = fitGammaGamma(data.x, data.meanRepeat);
  const t3 = now();
  let check = 0;
  if (bgnbd.ok && gammagamma.ok) {
    const options = { horizonWeeks: 3 * 52, margin: 0.3, annualDiscountRate: 0.1 };
    for (let i = 0; i < data.x.length; i++) {
      const [x, tx, T, m] = [data.x[i], data.tx[i], data.T[i], data.meanRepeat[i]];
      check += bgnbdPAlive(bgnbd.params, x, tx, T);
      check += bgnbdConditionalExpected(bgnbd.params, 52, x, tx, T);
      check += predictedClv(bgnbd.params, gammagamma.params, x, tx, T, m, options);
    }
  }
  const t4 = now();
  if (!Number.isFinite(check)) throw new Error("non-finite prediction in the CLV bench");
  const f = (v: number) => Number(v.toPrecision(3));
  const truth = CLV_BENCH_TRUTH;
  return {
    customers: nCustomers,
    purchases,
    fitMs: Math.round(t3 - t1),
    bgnbdMs: Math.round(t2 - t1),
    gammaGammaMs: Math.round(t3 - t2),
    summarizeMs: Math.round(t1 - t0),
    predictMs: Math.round(t4 - t3),
    bgnbd: bgnbd.ok
      ? `r ${f(bgnbd.params.r)} α ${f(bgnbd.params.alpha)}w a ${f(bgnbd.params.a)} b ${f(bgnbd.params.b)} (${bgnbd.iterations} it)`
      : `${bgnbd.reason}: ${bgnbd.message}`,
    gammagamma: gammagamma.ok
      ? `p ${f(gammagamma.params.p)} q ${f(gammagamma.params.q)} γ ${f(gammagamma.params.gamma)} (${gammagamma.iterations} it)`
      : `${gammagamma.reason}: ${gammagamma.message}`,
    truth: `r ${truth.r} α ${truth.alpha}w a ${truth.a} b ${truth.b} p ${truth.p} q ${truth.q} γ ${truth.gamma}`,
  };
}
