/**
 * Special functions for the lifetime-value models, written for numerical stability:
 * log-gamma (with sign, for negative arguments), digamma, log-sum-exp and the Gauss
 * hypergeometric function 2F1 that BG/NBD's predictions need.
 */

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/** True when v is 0, −1, −2, … (within a relative 1e-14): Γ has a pole there. */
export function isNonPositiveInteger(v: number): boolean {
  return v <= 0 && Math.abs(v - Math.round(v)) <= 1e-14 * Math.max(1, Math.abs(v));
}

/**
 * ln Γ(x) for x >= 15 by Stirling's series (Bernoulli terms up to B14; truncation error < 1e-18).
 */
function lnGammaStirling(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Σ B_2k / (2k(2k−1) x^(2k−1)), k = 1..7, in Horner form.
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 +
          inv2 *
            (1 / 1260 +
              inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series;
}

/**
 * ln |Γ(x)|. For 0 < x < 15 the argument is shifted up by the recurrence Γ(x+1) = xΓ(x); below 1/2
 * the reflection formula Γ(x)Γ(1−x) = π / sin(πx) applies. +Infinity at the poles (0, −1, −2, …).
 * Absolute error about 1e-15 near x = 1 and 2 (where ln Γ = 0), relative ~1e-15 elsewhere.
 */
export function lnGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x < 0.5) {
    if (isNonPositiveInteger(x)) return Infinity;
    // sin(πx) computed from the distance to the nearest integer to keep digits for large |x|.
    const s = Math.abs(Math.sin(Math.PI * (x - Math.round(x))));
    return Math.log(Math.PI / s) - lnGamma(1 - x);
  }
  if (x >= 15) return lnGammaStirling(x);
  let product = 1;
  let y = x;
  while (y < 15) {
    product *= y;
    y += 1;
  }
  return lnGammaStirling(y) - Math.log(product);
}

/** Sign of Γ(x): +1 for x > 0; for negative non-integers it alternates; 0 at the poles. */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (isNonPositiveInteger(x)) return 0;
  // Γ(x) for x in (−1, 0) is negative, in (−2, −1) positive, ...
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ψ(x) = d/dx ln Γ(x). Shift to x >= 10, then the asymptotic series; reflection below 0. */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (isNonPositiveInteger(x)) return NaN;
    // ψ(1−x) − ψ(x) = π cot(πx)
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * (x - Math.round(x)));
  }
  let shift = 0;
  while (x < 10) {
    shift += 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // ln x − 1/(2x) − Σ B_2k / (2k x^2k)
  const series =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 -
          inv2 *
            (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return Math.log(x) - 0.5 / x - series - shift;
}

/** ln(e^a + e^b) without overflow or underflow. */
export function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a >= b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Σ e^(v_i) of a whole array (−Infinity when empty). */
export function logSumExpArray(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity || !Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i] - max);
  return max + Math.log(sum);
}

/** expm1(y) / y, continuous at y = 0 (value 1). */
export function expm1OverX(y: number): number {
  return y === 0 ? 1 : Math.expm1(y) / y;
}

const EPS = 1e-16;
/** Terms beyond this are summed only when the ratio of consecutive terms says it is worth it. */
const MAX_TERMS = 200000;

/** One power series Σ (a)_k (b)_k / ((c)_k k!) z^k; `converged` false when MAX_TERMS ran out. */
function series(
  a: number,
  b: number,
  c: number,
  z: number,
  maxTerms: number
): { sum: number; converged: boolean } {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < maxTerms; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (term === 0) return { sum, converged: true };
    if (Math.abs(term) <= EPS * Math.abs(sum)) {
      // Stop only once the terms shrink for good: |ratio| of the next step below 1.
      const next = Math.abs((((a + k + 1) * (b + k + 1)) / ((c + k + 1) * (k + 2))) * z);
      if (next < 1) return { sum, converged: true };
    }
  }
  return { sum, converged: false };
}

/** 1 / Γ(v) as (log-magnitude, sign); sign 0 at the poles where 1/Γ vanishes. */
function reciprocalGamma(v: number): { ln: number; sign: number } {
  const sign = gammaSign(v);
  return sign === 0 ? { ln: -Infinity, sign: 0 } : { ln: -lnGamma(v), sign };
}

/** Γ(n1)Γ(n2) / (Γ(d1)Γ(d2)); 0 when a denominator Γ has a pole; NaN when a numerator Γ has one. */
function gammaRatio(n1: number, n2: number, d1: number, d2: number): number {
  const s1 = gammaSign(n1);
  const s2 = gammaSign(n2);
  if (s1 === 0 || s2 === 0) return NaN;
  const r1 = reciprocalGamma(d1);
  const r2 = reciprocalGamma(d2);
  if (r1.sign === 0 || r2.sign === 0) return 0;
  return s1 * s2 * r1.sign * r2.sign * Math.exp(lnGamma(n1) + lnGamma(n2) + r1.ln + r2.ln);
}

/**
 * 2F1 for 0.9 < z < 1 by the connection formula to 1 − z (Abramowitz & Stegun 15.3.6):
 *   F = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) · F(a, b; 1−m; 1−z)
 *     + (1−z)^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) · F(c−a, c−b; 1+m; 1−z),   m = c − a − b.
 * When m is within δ of an integer n the two terms have cancelling poles; F is then interpolated
 * (cubic, in c) from four points at m = n ± δ, n ± 2δ. F's derivatives in c grow like ln(1−z)^k,
 * so δ = 1e-3 / max(1, |ln(1−z)|) keeps the interpolation error (δ ln(1−z))^4 and the rounding
 * amplified by the cancellation (~1e-16/δ) both near 1e-12.
 */
function hyp2f1NearOne(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const n = Math.round(m);
  const DELTA = 1e-3 / Math.max(1, Math.abs(Math.log1p(-z)));
  if (Math.abs(m - n) < DELTA) {
    const offsets = [-2 * DELTA, -DELTA, DELTA, 2 * DELTA];
    const values = offsets.map((o) => connection(a, b, c + (n + o - m), z));
    // Lagrange interpolation at u = m − n.
    const u = m - n;
    let result = 0;
    for (let i = 0; i < 4; i++) {
      let weight = 1;
      for (let j = 0; j < 4; j++)
        if (j !== i) weight *= (u - offsets[j]) / (offsets[i] - offsets[j]);
      result += weight * values[i];
    }
    return result;
  }
  return connection(a, b, c, z);
}

function connection(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const w = 1 - z;
  const g1 = gammaRatio(c, m, c - a, c - b);
  const g2 = gammaRatio(c, -m, a, b);
  const s1 = g1 === 0 ? 0 : series(a, b, 1 - m, w, MAX_TERMS).sum;
  const s2 = g2 === 0 ? 0 : series(c - a, c - b, 1 + m, w, MAX_TERMS).sum;
  return g1 * s1 + (g2 === 0 ? 0 : g2 * Math.exp(m * Math.log(w)) * s2);
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real z < 1 (and z = 1 when c − a − b > 0).
 * - a or b a non-positive integer: the series terminates, summed directly;
 * - −0.5 <= z <= 0.9: the power series (ratio of terms → z, so at most a few hundred terms
 *   once the parameters are passed);
 * - z < −0.5: Pfaff's transformation (1−z)^(−a) F(a, c−b; c; z/(z−1)) brings z into (1/3, 1);
 * - 0.9 < z < 1: the power series when it converges within a few thousand terms, else the
 *   connection formula in 1 − z.
 * NaN when c is a non-positive integer (F is undefined there) or z > 1.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) return NaN;
  if (isNonPositiveInteger(c)) return NaN;
  if (z === 0) return 1;
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    return series(a, b, c, z, Math.ceil(-Math.min(a, b)) + 2).sum;
  }
  if (z > 1) return NaN;
  if (z === 1) {
    const m = c - a - b;
    return m > 0 ? gammaRatio(c, m, c - a, c - b) : Infinity;
  }
  if (z < -0.5) {
    const w = z / (z - 1);
    return Math.exp(-a * Math.log1p(-z)) * hyp2f1(a, c - b, c, w);
  }
  if (z <= 0.9) return series(a, b, c, z, MAX_TERMS).sum;
  const direct = series(a, b, c, z, 4000);
  if (direct.converged) return direct.sum;
  return hyp2f1NearOne(a, b, c, z);
}
