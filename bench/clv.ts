/**
 * Lifetime-value fit on generated customers: purchase histories drawn from a BG/NBD process with
 * CDNOW-like parameters and Gamma-Gamma amounts, in whole days as workbooks hold them.
 */
import { fitBgNbd, fitGammaGamma, summarizePurchases } from "../src/core/clv";
import { prng } from "./data";

function gammaSampler(random: () => number): (shape: number, rate: number) => number {
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  // Marsaglia–Tsang; shapes below 1 boosted by U^(1/shape).
  const sample = (shape: number, rate: number): number => {
    if (shape < 1) return sample(shape + 1, rate) * Math.pow(random(), 1 / shape);
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
      const u = random();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return sample;
}

export function benchClvFit(nCustomers: number, seed = 7): Record<string, number | string> {
  const random = prng(seed);
  const gamma = gammaSampler(random);
  const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };
  const end = 730;
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (let c = 0; c < nCustomers; c++) {
    const rate = gamma(truth.r, truth.alpha) / 7; // purchases per day
    const pa = gamma(truth.a, 1);
    const dropout = pa / (pa + gamma(truth.b, 1));
    const meanSpend = gamma(truth.q, truth.gamma);
    let t = Math.floor(random() * 365);
    // BG/NBD: a customer may drop out after each repeat purchase, never right after the first.
    for (let purchase = 0; ; purchase++) {
      if (purchase > 1 && random() < dropout) break;
      customer.push(c);
      day.push(Math.floor(t));
      amount.push(Math.round(gamma(truth.p, meanSpend) * 100) / 100);
      t += -Math.log(1 - random()) / rate;
      if (t > end) break;
    }
  }
  const start = process.hrtime.bigint();
  const data = summarizePurchases(nCustomers, customer.length, customer, day, amount, end);
  const bgnbd = fitBgNbd(data);
  const gammagamma = fitGammaGamma(data.x, data.meanRepeat);
  const fitMs = Number(process.hrtime.bigint() - start) / 1e6;
  const f = (v: number) => Number(v.toPrecision(3));
  return {
    customers: nCustomers,
    purchases: customer.length,
    fitMs: Math.round(fitMs),
    bgnbd: bgnbd.ok
      ? `r ${f(bgnbd.params.r)} α ${f(bgnbd.params.alpha * 7)}d a ${f(bgnbd.params.a)} b ${f(bgnbd.params.b)}`
      : bgnbd.reason,
    gammagamma: gammagamma.ok
      ? `p ${f(gammagamma.params.p)} q ${f(gammagamma.params.q)} γ ${f(gammagamma.params.gamma)}`
      : gammagamma.reason,
    truth: `r ${truth.r} α ${truth.alpha * 7}d a ${truth.a} b ${truth.b} p ${truth.p} q ${truth.q} γ ${truth.gamma}`,
  };
}

if (require.main === module)
  console.log(JSON.stringify(benchClvFit(Number(process.argv[2] ?? 100000))));
