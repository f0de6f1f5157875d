import { MIN_REPEAT_BUYERS, PARAM_MAX, PARAM_MIN } from "./bgnbd";
import { minimize, type FitResult } from "./optimize";
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

/** Repeat buyers with a positive mean amount, grouped by x for the x-only terms. */
interface SpendData {
  n: number;
  m: Float64Array;
  x: Float64Array;
  /** x (ln x + ln m) per customer: the p-coefficient of (px−1) ln m + px ln x. */
  xLnXM: Float64Array;
  lnM: Float64Array;
  /** Index of the customer's x in `ux`. */
  ix: Int32Array;
  ux: Float64Array;
  /** Customers per distinct x. */
  uxCount: Float64Array;
  nonpositive: number;
  allEqual: boolean;
  meanM: number;
}

function spendData(x: ArrayLike<number>, meanRepeat: ArrayLike<number>): SpendData {
  const ms: number[] = [];
  const xs: number[] = [];
  let nonpositive = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0) || !Number.isFinite(x[i])) continue;
    const m = meanRepeat[i];
    if (!(m > 0) || !Number.isFinite(m)) {
      nonpositive++;
      continue;
    }
    xs.push(x[i]);
    ms.push(m);
  }
  const n = xs.length;
  const index = new Map<number, number>();
  const ux: number[] = [];
  const ix = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let k = index.get(xs[i]);
    if (k === undefined) {
      k = ux.length;
      index.set(xs[i], k);
      ux.push(xs[i]);
    }
    ix[i] = k;
  }
  const uxCount = new Float64Array(ux.length);
  for (let i = 0; i < n; i++) uxCount[ix[i]]++;
  const m = Float64Array.from(ms);
  const xa = Float64Array.from(xs);
  const lnM = m.map(Math.log);
  const xLnXM = new Float64Array(n);
  let meanM = 0;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    xLnXM[i] = xa[i] * (Math.log(xa[i]) + lnM[i]);
    meanM += m[i] / n;
    if (Math.abs(m[i] - m[0]) > 1e-9 * m[0]) allEqual = false;
  }
  return {
    n,
    m,
    x: xa,
    xLnXM,
    lnM,
    ix,
    ux: Float64Array.from(ux),
    uxCount,
    nonpositive,
    allEqual,
    meanM,
  };
}

/** Σ ln f(m_i | x_i) and (optionally) its gradient in (p, q, γ). */
function evaluate(
  p: number,
  q: number,
  gamma: number,
  d: SpendData,
  perX: Float64Array,
  perXDigamma: Float64Array,
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
    perX[k] = lnGamma(px + q) - lnGamma(px) - lnGq;
    ll += d.uxCount[k] * (perX[k] + q * lnGammaParam);
    if (grad) {
      const psiPxQ = digamma(px + q);
      perXDigamma[k] = psiPxQ - digamma(px); // times x for ∂p
      gp += d.uxCount[k] * d.ux[k] * perXDigamma[k];
      gq += d.uxCount[k] * (psiPxQ - psiQ + lnGammaParam);
      gg += d.uxCount[k] * (q / gamma);
    }
  }
  const { m, x, xLnXM, lnM } = d;
  for (let i = 0; i < d.n; i++) {
    const xi = x[i];
    const px = p * xi;
    const denom = gamma + m[i] * xi;
    const lnDenom = Math.log(denom);
    // (px−1) ln m + px ln x − (px+q) ln(γ + m x)
    const v = p * xLnXM[i] - lnM[i] - (px + q) * lnDenom;
    const sum = ll + v;
    comp += Math.abs(ll) >= Math.abs(v) ? ll - sum + v : v - sum + ll;
    ll = sum;
    if (grad) {
      gp += xLnXM[i] - xi * lnDenom;
      gq -= lnDenom;
      gg -= (px + q) / denom;
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
  const d = spendData(x, meanRepeat);
  return evaluate(
    params.p,
    params.q,
    params.gamma,
    d,
    new Float64Array(d.ux.length),
    new Float64Array(d.ux.length),
    null
  );
}

const LOG_MIN = Math.log(PARAM_MIN);
const LOG_MAX = Math.log(PARAM_MAX);
const EDGE = 0.05;
const ACCEPT_GRADIENT = 1e-5;
const NAMES = ["p", "q", "gamma"] as const;

/**
 * Maximum likelihood over ln(p, q, γ) on the customers with x > 0 (BFGS, analytic gradient,
 * Nelder–Mead fallback). Customers with x > 0 whose mean repeat amount is not positive (returns
 * netted off, zero-value orders) are left out. Degenerate data, in this order:
 * - fewer than MIN_REPEAT_BUYERS (10) usable repeat buyers: `nonpositive_amounts` when some were
 *   left out for a non-positive amount (and that is why too few remain), else `too_few_repeat_buyers`;
 * - every mean repeat amount equal (within 1e-9): no spread between customers, the likelihood
 *   grows without bound: `all_amounts_equal`;
 * - a parameter runs to the search bound [1e-6, 1e6], the gradient does not vanish, or q <= 1
 *   (the population mean spend pγ/(q−1) would be infinite): `no_convergence`.
 */
export function fitGammaGamma(
  x: ArrayLike<number>,
  meanRepeat: ArrayLike<number>
): FitResult<GammaGammaParams> {
  const d = spendData(x, meanRepeat);
  if (d.n < MIN_REPEAT_BUYERS) {
    return d.nonpositive > 0
      ? {
          ok: false,
          reason: "nonpositive_amounts",
          message: `Gamma-Gamma: ${d.nonpositive} repeat buyers have a zero or negative mean repeat amount; ${d.n} usable remain (at least ${MIN_REPEAT_BUYERS} needed).`,
        }
      : {
          ok: false,
          reason: "too_few_repeat_buyers",
          message: `Gamma-Gamma needs at least ${MIN_REPEAT_BUYERS} repeat buyers; got ${d.n}.`,
        };
  }
  if (d.allEqual) {
    return {
      ok: false,
      reason: "all_amounts_equal",
      message:
        "Gamma-Gamma: every repeat buyer has the same mean amount, so spend does not vary between customers.",
    };
  }
  const perX = new Float64Array(d.ux.length);
  const perXDigamma = new Float64Array(d.ux.length);
  const g = new Float64Array(3);
  const n = d.n;
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const gamma = Math.exp(theta[2]);
    const ll = evaluate(p, q, gamma, d, perX, perXDigamma, g);
    grad[0] = (-g[0] * p) / n;
    grad[1] = (-g[1] * q) / n;
    grad[2] = (-g[2] * gamma) / n;
    return -ll / n;
  };
  // Start: p = 1, q = 2 and γ making the population mean pγ/(q−1) the sample mean.
  const start = [0, Math.log(2), Math.log(Math.min(Math.max(d.meanM, 1e-5), 1e5))];
  const box = { lower: [LOG_MIN, LOG_MIN, LOG_MIN], upper: [LOG_MAX, LOG_MAX, LOG_MAX] };
  const best = minimize(objective, start, box);
  if (!Number.isFinite(best.value)) {
    return {
      ok: false,
      reason: "no_convergence",
      message: "Gamma-Gamma: the likelihood is not finite anywhere tried.",
    };
  }
  const atEdge = NAMES.filter((_, i) => best.x[i] < LOG_MIN + EDGE || best.x[i] > LOG_MAX - EDGE);
  if (atEdge.length > 0) {
    return {
      ok: false,
      reason: "no_convergence",
      message: `Gamma-Gamma has no interior maximum: ${atEdge.join(", ")} ran to the search bound [${PARAM_MIN}, ${PARAM_MAX}].`,
    };
  }
  if (!(best.gradient <= ACCEPT_GRADIENT)) {
    return {
      ok: false,
      reason: "no_convergence",
      message: `Gamma-Gamma did not converge (largest gradient ${best.gradient.toExponential(2)}).`,
    };
  }
  const params = { p: Math.exp(best.x[0]), q: Math.exp(best.x[1]), gamma: Math.exp(best.x[2]) };
  if (params.q <= 1) {
    return {
      ok: false,
      reason: "no_convergence",
      message: `Gamma-Gamma: q = ${params.q.toPrecision(3)} <= 1, spend is so heavy-tailed that the mean spend is infinite.`,
    };
  }
  return { ok: true, params, loglik: -best.value * n, iterations: best.iterations };
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
