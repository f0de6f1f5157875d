import { MIN_REPEAT_BUYERS, type FitResult } from "./fit";
import { nelderMead } from "./optimize";
import { lnGamma } from "./special";

/**
 * Gamma-Gamma spend model (Fader & Hardie, note 025): a customer's purchase amounts vary around their
 * own mean, and those means vary across customers. Fitted on repeat buyers' mean repeat amount.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

interface SpendData {
  x: Float64Array;
  lnX: Float64Array;
  m: Float64Array;
  lnM: Float64Array;
  maxX: number;
}

function logLikelihood({ p, q, gamma }: GammaGammaParams, d: SpendData): number {
  const byX = new Float64Array(d.maxX + 1);
  const lnGq = lnGamma(q);
  for (let x = 1; x <= d.maxX; x++) byX[x] = lnGamma(p * x + q) - lnGamma(p * x) - lnGq;
  const qLnGamma = q * Math.log(gamma);
  let sum = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    const px = p * x;
    sum +=
      byX[x] +
      qLnGamma +
      (px - 1) * d.lnM[i] +
      px * d.lnX[i] -
      (px + q) * Math.log(gamma + d.m[i] * x);
  }
  return sum;
}

function spendData(
  x: ArrayLike<number>,
  meanRepeat: ArrayLike<number>
): SpendData | "nonpositive" | "few" {
  const xs: number[] = [];
  const ms: number[] = [];
  let nonpositive = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0)) continue;
    if (!(meanRepeat[i] > 0)) {
      nonpositive++;
      continue;
    }
    xs.push(x[i]);
    ms.push(meanRepeat[i]);
  }
  if (xs.length < MIN_REPEAT_BUYERS) return nonpositive > 0 ? "nonpositive" : "few";
  const xa = Float64Array.from(xs);
  const ma = Float64Array.from(ms);
  return {
    x: xa,
    lnX: xa.map(Math.log),
    m: ma,
    lnM: ma.map(Math.log),
    maxX: xs.reduce((a, b) => Math.max(a, b), 0),
  };
}

export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  x: ArrayLike<number>,
  meanRepeat: ArrayLike<number>
): number {
  const d = spendData(x, meanRepeat);
  return typeof d === "string" ? NaN : logLikelihood(params, d);
}

const fromLog = (v: number[]): GammaGammaParams => ({
  p: Math.exp(v[0]),
  q: Math.exp(v[1]),
  gamma: Math.exp(v[2]),
});

/** Fits on customers with x > 0 and a positive mean repeat amount; the others are left out. */
export function fitGammaGamma(
  x: ArrayLike<number>,
  meanRepeat: ArrayLike<number>
): FitResult<GammaGammaParams> {
  const d = spendData(x, meanRepeat);
  if (d === "nonpositive") return { ok: false, reason: "nonpositive_amounts" };
  if (d === "few") return { ok: false, reason: "too_few_repeat_buyers" };
  // Equal means leave the spread between customers at zero: the likelihood has no maximum.
  if (d.m.every((v) => Math.abs(v - d.m[0]) <= 1e-9 * d.m[0]))
    return { ok: false, reason: "all_amounts_equal" };
  let mean = 0;
  for (const v of d.m) mean += v / d.m.length;
  const n = d.x.length;
  const objective = (v: number[]) =>
    v.some((p) => Math.abs(p) > 30) ? Infinity : -logLikelihood(fromLog(v), d) / n;
  const best = nelderMead(objective, [0, 0, Math.log(mean)]);
  if (!Number.isFinite(best.value)) return { ok: false, reason: "no_convergence" };
  const params = fromLog(best.x);
  // q ≤ 1 gives an infinite population mean spend: no usable prediction.
  if (params.q <= 1) return { ok: false, reason: "no_convergence" };
  return { ok: true, params, loglik: -best.value * n, evaluations: best.evaluations };
}

/** Expected amount per future purchase of a customer with x repeat purchases averaging m. */
export function ggConditionalExpectedSpend(
  params: GammaGammaParams,
  x: number,
  meanRepeat: number
): number {
  const { p, q, gamma } = params;
  if (!(x > 0) || !(meanRepeat > 0)) return (p * gamma) / (q - 1);
  return (p * (gamma + meanRepeat * x)) / (p * x + q - 1);
}
