import { MIN_REPEAT_BUYERS } from "./bgnbd";
import { fitOnLogScale, type FitResult } from "./optimize";
import { digamma, lnGamma } from "./special";

/**
 * Gamma-Gamma spend model (Fader & Hardie, note 025; Colombo & Jiang 1999): a customer's
 * transaction amounts are gamma(p, ν) around their own mean p/ν, and ν is gamma(q, γ) across
 * customers. Fitted on the repeat buyers' mean repeat amount m over x repeat purchases, whose
 * density is
 *   f(m | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + m x)^(px+q).
 * The log-likelihood reported is Σ ln f(m_i | x_i), the full density including the terms
 * (px−1) ln m + px ln x (they depend on p). On CDNOW's 946 repeat buyers this is −4055.92, the
 * figure of the note and of the `lifetimes` library.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/**
 * Repeat buyers with a positive mean amount, merged into weighted groups of equal (x, m): the
 * likelihood depends on a customer only through x and m, so fixed-price subscribers (and any other
 * customers alike) cost one term per group, not one per customer. The x-only terms are grouped
 * further by x.
 */
interface SpendData {
  /** Customers used. */
  n: number;
  /** Per (x, m) group: m, x, weight, and the p-coefficient x (ln x + ln m) and ln m. */
  m: Float64Array;
  x: Float64Array;
  w: Float64Array;
  xLnXM: Float64Array;
  lnM: Float64Array;
  ux: Float64Array;
  /** Customers per distinct x. */
  uxCount: Float64Array;
  nonpositive: number;
  allEqual: boolean;
  meanM: number;
  /** Repeat buyers with 2+ repeat purchases whose amounts vary (see `fitGammaGamma`). */
  varying: number;
  /** Repeat buyers with 2+ repeat purchases and a known spread. */
  withSpread: number;
}

function spendData(
  x: ArrayLike<number>,
  meanRepeat: ArrayLike<number>,
  spread: ArrayLike<number> | undefined
): SpendData {
  // Mean amounts bucketed by x (buckets in order of first sight); each bucket sorted, so equal
  // (x, m) are adjacent and merge. The buckets are filled by a counting sort into one typed array.
  const bucketOfX = new Map<number, number>();
  const bucketOf = new Int32Array(x.length).fill(-1);
  const ux: number[] = [];
  const uxCount: number[] = [];
  let n = 0;
  let nonpositive = 0;
  let allEqual = true;
  let first = NaN;
  let meanM = 0;
  let varying = 0;
  let withSpread = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (!(xi > 0) || !Number.isFinite(xi)) continue;
    const m = meanRepeat[i];
    if (!(m > 0) || !Number.isFinite(m)) {
      nonpositive++;
      continue;
    }
    n++;
    meanM += m;
    if (n === 1) first = m;
    else if (Math.abs(m - first) > 1e-9 * first) allEqual = false;
    if (spread && xi >= 2 && spread[i] >= 0) {
      withSpread++;
      if (spread[i] > 1e-9 * m) varying++;
    }
    let bucket = bucketOfX.get(xi);
    if (bucket === undefined) {
      bucket = ux.length;
      bucketOfX.set(xi, bucket);
      ux.push(xi);
      uxCount.push(0);
    }
    uxCount[bucket]++;
    bucketOf[i] = bucket;
  }
  const bucketStart = new Int32Array(ux.length + 1);
  for (let k = 0; k < ux.length; k++) bucketStart[k + 1] = bucketStart[k] + uxCount[k];
  const fill = bucketStart.slice(0, ux.length);
  const values = new Float64Array(n);
  for (let i = 0; i < x.length; i++)
    if (bucketOf[i] >= 0) values[fill[bucketOf[i]]++] = meanRepeat[i];
  const gm = new Float64Array(n);
  const gx = new Float64Array(n);
  const gw = new Float64Array(n);
  let groups = 0;
  for (let k = 0; k < ux.length; k++) {
    const sorted = values.subarray(bucketStart[k], bucketStart[k + 1]).sort();
    for (let j = 0; j < sorted.length; j++) {
      if (j > 0 && sorted[j] === sorted[j - 1]) gw[groups - 1]++;
      else {
        gm[groups] = sorted[j];
        gx[groups] = ux[k];
        gw[groups++] = 1;
      }
    }
  }
  const m = gm.slice(0, groups);
  const xa = gx.slice(0, groups);
  const lnM = m.map(Math.log);
  const xLnXM = new Float64Array(m.length);
  for (let k = 0; k < m.length; k++) xLnXM[k] = xa[k] * (Math.log(xa[k]) + lnM[k]);
  return {
    n,
    m,
    x: xa,
    w: gw.slice(0, groups),
    xLnXM,
    lnM,
    ux: Float64Array.from(ux),
    uxCount: Float64Array.from(uxCount),
    nonpositive,
    allEqual,
    meanM: n > 0 ? meanM / n : 0,
    varying,
    withSpread,
  };
}

/** Σ ln f(m_i | x_i) and (optionally) its gradient in (p, q, γ). */
function evaluate(
  p: number,
  q: number,
  gamma: number,
  d: SpendData,
  grad: Float64Array | null
): number {
  const lnGq = lnGamma(q);
  const psiQ = grad ? digamma(q) : 0;
  const lnGammaParam = Math.log(gamma);
  // Neumaier-compensated sum of ln L (see bgnbd.ts: plain summation stalls the line search).
  let ll = 0;
  let comp = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let k = 0; k < d.ux.length; k++) {
    const px = p * d.ux[k];
    ll += d.uxCount[k] * (lnGamma(px + q) - lnGamma(px) - lnGq + q * lnGammaParam);
    if (grad) {
      const psiPxQ = digamma(px + q);
      gp += d.uxCount[k] * d.ux[k] * (psiPxQ - digamma(px));
      gq += d.uxCount[k] * (psiPxQ - psiQ + lnGammaParam);
      gg += d.uxCount[k] * (q / gamma);
    }
  }
  const { m, x, w, xLnXM, lnM } = d;
  for (let k = 0; k < m.length; k++) {
    const xk = x[k];
    const wk = w[k];
    const px = p * xk;
    const denom = gamma + m[k] * xk;
    const lnDenom = Math.log(denom);
    // (px−1) ln m + px ln x − (px+q) ln(γ + m x)
    const v = wk * (p * xLnXM[k] - lnM[k] - (px + q) * lnDenom);
    const sum = ll + v;
    comp += Math.abs(ll) >= Math.abs(v) ? ll - sum + v : v - sum + ll;
    ll = sum;
    if (grad) {
      gp += wk * (xLnXM[k] - xk * lnDenom);
      gq -= wk * lnDenom;
      gg -= (wk * (px + q)) / denom;
    }
  }
  if (grad) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
  }
  return ll + comp;
}

/** Σ ln f(m | x) over the customers with x > 0 and a positive mean repeat amount (others skipped). */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  x: ArrayLike<number>,
  meanRepeat: ArrayLike<number>
): number {
  return evaluate(params.p, params.q, params.gamma, spendData(x, meanRepeat, undefined), null);
}

const NAMES = ["p", "q", "gamma"] as const;

/**
 * Maximum likelihood over ln(p, q, γ) on the customers with x > 0 (BFGS, analytic gradient,
 * Nelder–Mead fallback, at most MAX_EVALUATIONS evaluations, each one pass over the distinct
 * (x, m) groups). Customers with x > 0 whose mean repeat amount is not positive (returns netted
 * off, zero-value orders) are left out. Degenerate data, in this order:
 * - fewer than MIN_REPEAT_BUYERS (10) usable repeat buyers: `nonpositive_amounts` when some were
 *   left out for a non-positive amount (and that is why too few remain), else `too_few_repeat_buyers`;
 * - every mean repeat amount equal (within 1e-9): no spread between customers, the likelihood
 *   grows without bound: `all_amounts_equal`;
 * - `repeatSpread` given (see `BtydData`) and no repeat buyer with two or more repeat purchases
 *   pays different amounts (fixed-price subscribers): the model's spread within customers is zero,
 *   p runs to infinity: `fixed_prices`;
 * - a parameter runs to the search bound [1e-6, 1e6]: `ridge` (e.g. q and γ to infinity together
 *   when customers do not differ in spend beyond chance; p when nobody's spend varies);
 * - the gradient does not vanish within the budget: `flat_likelihood`;
 * - q <= 1 (the population mean spend pγ/(q−1) would be infinite): `ridge`, q toward zero.
 */
export function fitGammaGamma(
  x: ArrayLike<number>,
  meanRepeat: ArrayLike<number>,
  repeatSpread?: ArrayLike<number>
): FitResult<GammaGammaParams> {
  const d = spendData(x, meanRepeat, repeatSpread);
  if (d.n < MIN_REPEAT_BUYERS) {
    return d.nonpositive > 0
      ? {
          ok: false,
          reason: "nonpositive_amounts",
          evaluations: 0,
          message: `Gamma-Gamma: ${d.nonpositive} repeat buyers have a zero or negative mean repeat amount; ${d.n} usable remain (at least ${MIN_REPEAT_BUYERS} needed).`,
        }
      : {
          ok: false,
          reason: "too_few_repeat_buyers",
          evaluations: 0,
          message: `Gamma-Gamma needs at least ${MIN_REPEAT_BUYERS} repeat buyers; got ${d.n}.`,
        };
  }
  if (d.allEqual) {
    return {
      ok: false,
      reason: "all_amounts_equal",
      evaluations: 0,
      message:
        "Gamma-Gamma: every repeat buyer has the same mean amount, so spend does not vary between customers.",
    };
  }
  if (d.withSpread > 0 && d.varying === 0) {
    return {
      ok: false,
      reason: "fixed_prices",
      evaluations: 0,
      message: `Gamma-Gamma: none of the ${d.withSpread} customers with two or more repeat purchases paid different amounts, so spend does not vary within customers.`,
    };
  }
  const fitted = fitOnLogScale({
    model: "Gamma-Gamma",
    names: NAMES,
    customers: d.n,
    // Start: p = 1, q = 2 and γ making the population mean pγ/(q−1) the sample mean.
    start: [0, Math.log(2), Math.log(Math.min(Math.max(d.meanM, 1e-5), 1e5))],
    logLikelihood: (params, grad) => evaluate(params[0], params[1], params[2], d, grad),
  });
  if (!fitted.ok) return fitted;
  const { params, evaluations } = fitted;
  if (params.q <= 1) {
    return {
      ok: false,
      reason: "ridge",
      evaluations,
      parameter: "q",
      toward: "zero",
      message: `Gamma-Gamma: q = ${params.q.toPrecision(3)} <= 1, spend is so heavy-tailed that the mean spend is infinite.`,
    };
  }
  return fitted;
}

/**
 * Expected amount of a future purchase of a customer with x repeat purchases averaging m:
 *   E[Z | x, m] = p(γ + m x) / (p x + q − 1)
 *             = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m,
 * a weighted mean of the population mean pγ/(q−1) and the customer's own mean. The population
 * mean when x = 0 (or m is not positive); +Infinity when that mean does not exist (q <= 1).
 */
export function ggConditionalExpectedSpend(
  params: GammaGammaParams,
  x: number,
  meanRepeat: number
): number {
  const { p, q, gamma } = params;
  if (!(x > 0) || !(meanRepeat > 0)) return q > 1 ? (p * gamma) / (q - 1) : Infinity;
  return (p * (gamma + meanRepeat * x)) / (p * x + q - 1);
}

/** The population mean spend per transaction, pγ/(q−1) (+Infinity when q <= 1). */
export function ggPopulationMeanSpend(params: GammaGammaParams): number {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Infinity;
}
