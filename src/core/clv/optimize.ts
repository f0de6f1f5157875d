/**
 * Minimisers for the lifetime-value fits, and the shape of a fit's outcome.
 *
 * The models are fitted on log-parameters inside a box (every parameter positive and neither
 * vanishing nor exploding). `minimizeBfgs` uses the analytic gradient; `nelderMead` needs only
 * values and serves as the fallback when the quasi-Newton iteration stalls (a flat ridge, a
 * gradient spoilt by rounding). `minimize` chains them with restarts.
 */

/**
 * Why a model could not be fitted; the run goes on without its figures and says why.
 * - `fixed_prices`: every repeat buyer pays the same amount each time (no spread within customers);
 * - `ridge`: the likelihood keeps rising as a parameter runs off to 0 or infinity (`parameter`,
 *   `toward`): the data cannot tell that parameter apart from its limit;
 * - `flat_likelihood`: the evaluation budget ran out (or the search stalled) on a likelihood too
 *   flat to pin the parameters down;
 * - `no_convergence`: the likelihood is not finite anywhere tried.
 */
export type DegenerateReason =
  | "too_few_customers"
  | "too_few_repeat_buyers"
  | "single_day"
  | "all_amounts_equal"
  | "nonpositive_amounts"
  | "no_convergence"
  | "fixed_prices"
  | "ridge"
  | "flat_likelihood";

export type FitResult<P> =
  | {
      ok: true;
      params: P;
      loglik: number;
      iterations: number;
      /** Likelihood evaluations spent (each costs one pass over the distinct customer groups). */
      evaluations: number;
    }
  | {
      ok: false;
      reason: DegenerateReason;
      /** For developers (logs, tests); users see words chosen by `reason`. */
      message: string;
      evaluations: number;
      /** `ridge`: the parameter that ran off, and where to. */
      parameter?: string;
      toward?: "zero" | "infinity";
    };

/**
 * Most likelihood evaluations one fit may spend (BFGS, line searches and Nelder–Mead together).
 * CDNOW's fits need about 30 each; each evaluation costs one pass over the distinct customer
 * groups, so a fit ends in bounded time on any data.
 */
export const MAX_EVALUATIONS = 400;

/** Objective value at `x`; writes the gradient into `grad`. Non-finite values mean "not allowed here". */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

export interface Box {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

export interface MinimumResult {
  x: Float64Array;
  value: number;
  /** Largest absolute gradient component at x. */
  gradient: number;
  iterations: number;
  evaluations: number;
  /** Gradient below tolerance (BFGS) or simplex collapsed (Nelder–Mead). */
  converged: boolean;
}

const inBox = (x: ArrayLike<number>, box: Box): boolean => {
  for (let i = 0; i < x.length; i++)
    if (!(x[i] >= box.lower[i] && x[i] <= box.upper[i])) return false;
  return true;
};

/**
 * Some coordinate sits within `edge` of a bound: the search has run off to a limit (a ridge). The
 * fits report that whatever the gradient says: pushed outward it would go on, and held there by
 * the bound while other coordinates still want to move (q with γ on Gamma-Gamma's ridge) it would
 * only spend evaluations along the bound.
 */
export function runningOff(x: ArrayLike<number>, box: Box, edge: number): boolean {
  for (let i = 0; i < x.length; i++)
    if (x[i] > box.upper[i] - edge || x[i] < box.lower[i] + edge) return true;
  return false;
}

/**
 * The parameter (by name) whose log ended within `edge` of the box, and which way: the fit has no
 * interior maximum along it (a ridge). null when every parameter is inside.
 */
export function ridgeAt(
  x: ArrayLike<number>,
  box: Box,
  edge: number,
  names: readonly string[]
): { parameter: string; toward: "zero" | "infinity" } | null {
  for (let i = 0; i < x.length; i++) {
    if (x[i] > box.upper[i] - edge) return { parameter: names[i], toward: "infinity" };
    if (x[i] < box.lower[i] + edge) return { parameter: names[i], toward: "zero" };
  }
  return null;
}

const maxAbs = (v: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
};

/**
 * BFGS with an Armijo backtracking line search (steps capped at `maxStep` per coordinate) and
 * the inverse-Hessian update skipped when the curvature condition fails. Points outside the box
 * count as +Infinity, so the search stays inside. Stops when max|gradient| <= gradTol.
 */
export function minimizeBfgs(
  f: ValueAndGradient,
  start: ArrayLike<number>,
  box: Box,
  {
    gradTol = 1e-9,
    maxIterations = 500,
    maxStep = 2,
    maxEvaluations = Infinity,
    edge = 0,
  }: {
    gradTol?: number;
    maxIterations?: number;
    maxStep?: number;
    maxEvaluations?: number;
    /** > 0: stop once a coordinate is within `edge` of the box (see `runningOff`). */
    edge?: number;
  } = {}
): MinimumResult {
  const n = start.length;
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  const evalAt = (p: Float64Array, grad: Float64Array): number => {
    if (!inBox(p, box)) return Infinity;
    const v = f(p, grad);
    if (!Number.isFinite(v)) return Infinity;
    for (let i = 0; i < n; i++) if (!Number.isFinite(grad[i])) return Infinity;
    return v;
  };
  let value = evalAt(x, g);
  let evaluations = 1;
  if (!Number.isFinite(value)) {
    return { x, value, gradient: Infinity, iterations: 0, evaluations, converged: false };
  }
  // Inverse Hessian, row-major n×n, starting as the identity.
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let scaled = false;
  let stalls = 0;
  while (iterations < maxIterations && evaluations < maxEvaluations) {
    if (maxAbs(g) <= gradTol) break;
    if (edge > 0 && runningOff(x, box, edge)) break;
    iterations++;
    // Direction d = −H g; fall back to steepest descent when it does not descend.
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j] * g[j];
      d[i] = v;
      slope += v * g[i];
    }
    if (!(slope < 0)) {
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      slope = 0;
      for (let i = 0; i < n; i++) {
        d[i] = -g[i];
        slope -= g[i] * g[i];
      }
    }
    let step = Math.min(1, maxStep / Math.max(maxAbs(d), 1e-300));
    let accepted = false;
    let valueNew = Infinity;
    for (let tries = 0; tries < 60 && evaluations < maxEvaluations; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      valueNew = evalAt(xNew, gNew);
      evaluations++;
      if (valueNew <= value + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      // Quadratic interpolation of the step, kept within [0.1, 0.5] of the current one.
      const denom = 2 * (valueNew - value - step * slope);
      const quad = Number.isFinite(valueNew) && denom > 0 ? (-slope * step * step) / denom : 0;
      step = Math.min(0.5 * step, Math.max(0.1 * step, quad));
    }
    if (!accepted) {
      // No descent along d: restart once from the identity, then give up.
      if (++stalls > 1) break;
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      scaled = false;
      continue;
    }
    stalls = 0;
    let sy = 0;
    let yy = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
      ss += s[i] * s[i];
    }
    const change = value - valueNew;
    x.set(xNew);
    g.set(gNew);
    value = valueNew;
    if (sy > 1e-12 * Math.sqrt(ss * yy)) {
      if (!scaled) {
        // Nocedal–Wright: scale the initial identity to the curvature seen along the first step.
        const gamma = sy / yy;
        for (let i = 0; i < n * n; i++) H[i] *= gamma;
        scaled = true;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
        Hy[i] = v;
        yHy += y[i] * v;
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] +=
            -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
        }
      }
    }
    // Converged in value: nothing left to gain at double precision.
    if (change <= 1e-16 * Math.abs(value) && maxAbs(s) < 1e-12) break;
  }
  const gradient = maxAbs(g);
  return { x, value, gradient, iterations, evaluations, converged: gradient <= gradTol };
}

/**
 * Nelder–Mead (standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½).
 * Points outside the box count as +Infinity. Converged when the simplex's values agree within
 * `tolerance` (relative) and its vertices within `xTolerance`.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  box: Box,
  { step = 0.5, tolerance = 1e-13, xTolerance = 1e-9, maxEvaluations = 5000 } = {}
): MinimumResult {
  const n = start.length;
  const safe = (p: Float64Array): number => {
    if (!inBox(p, box)) return Infinity;
    const v = f(p);
    return Number.isFinite(v) ? v : Infinity;
  };
  const points: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(start);
    p[i] += p[i] + step <= box.upper[i] ? step : -step;
    points.push(p);
  }
  const values = points.map(safe);
  let evaluations = n + 1;
  let iterations = 0;
  let converged = false;
  const centroid = new Float64Array(n);
  const along = (t: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) p[j] = centroid[j] + t * (points[n][j] - centroid[j]);
    return p;
  };
  while (evaluations < maxEvaluations) {
    // Sort vertices by value (n + 1 is tiny: insertion sort).
    for (let i = 1; i <= n; i++) {
      for (let k = i; k > 0 && values[k] < values[k - 1]; k--) {
        [values[k], values[k - 1]] = [values[k - 1], values[k]];
        [points[k], points[k - 1]] = [points[k - 1], points[k]];
      }
    }
    let spread = 0;
    for (let i = 1; i <= n; i++)
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(points[i][j] - points[0][j]));
    if (
      Number.isFinite(values[n]) &&
      values[n] - values[0] <= tolerance * (Math.abs(values[0]) + 1e-300) &&
      spread <= xTolerance
    ) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += points[i][j] / n;
    const reflected = along(-1);
    const fr = safe(reflected);
    evaluations++;
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = safe(expanded);
      evaluations++;
      if (fe < fr) [points[n], values[n]] = [expanded, fe];
      else [points[n], values[n]] = [reflected, fr];
    } else if (fr < values[n - 1]) {
      [points[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = safe(contracted);
      evaluations++;
      if (fc < Math.min(fr, values[n])) {
        [points[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          for (let j = 0; j < n; j++)
            points[i][j] = points[0][j] + 0.5 * (points[i][j] - points[0][j]);
          values[i] = safe(points[i]);
        }
        evaluations += n;
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return {
    x: points[best],
    value: values[best],
    gradient: NaN,
    iterations,
    evaluations,
    converged,
  };
}

/**
 * BFGS from `start`; when it stops with a gradient above `restartTol` (a stall, not rounding
 * noise), Nelder–Mead from the best point so far and BFGS again from there (up to `restarts`
 * rounds). Returns the best point seen, with `converged` set when the final BFGS met `gradTol`.
 * All of it within `maxEvaluations` evaluations; no restart from a point that has run off to the
 * box (within `edge` of a bound): that is a ridge, not a stall, and the caller says so.
 */
export function minimize(
  f: ValueAndGradient,
  start: ArrayLike<number>,
  box: Box,
  {
    gradTol = 1e-9,
    // A stall below this is rounding noise on a flat optimum (CDNOW's Gamma-Gamma stops near 1e-7),
    // not worth Nelder–Mead's evaluations; the fits accept gradients up to 1e-5.
    restartTol = 1e-6,
    restarts = 2,
    maxEvaluations = MAX_EVALUATIONS,
    edge = 0.05,
  } = {}
): MinimumResult {
  const n = start.length;
  let best = minimizeBfgs(f, start, box, { gradTol, maxEvaluations, edge });
  let iterations = best.iterations;
  let evaluations = best.evaluations;
  const scratch = new Float64Array(n);
  const valueOnly = (x: Float64Array) => f(x, scratch);
  for (let round = 0; round < restarts; round++) {
    if (best.gradient <= restartTol || evaluations >= maxEvaluations - 3 * (n + 1)) break;
    if (Number.isFinite(best.value) && runningOff(best.x, box, edge)) break;
    const simplex = nelderMead(valueOnly, Number.isFinite(best.value) ? best.x : start, box, {
      // Nelder–Mead may overshoot its cap by one shrink (n evaluations) and one step.
      maxEvaluations: Math.floor((maxEvaluations - evaluations) / 2) - (n + 1),
    });
    iterations += simplex.iterations;
    evaluations += simplex.evaluations;
    const from = simplex.value < best.value || !Number.isFinite(best.value) ? simplex.x : best.x;
    const again = minimizeBfgs(f, from, box, {
      gradTol,
      maxEvaluations: Math.max(1, maxEvaluations - evaluations - 1),
      edge,
    });
    iterations += again.iterations;
    evaluations += again.evaluations;
    if (again.value <= best.value || again.converged) best = again;
    else if (simplex.value < best.value) {
      const g = new Float64Array(n);
      f(simplex.x, g);
      evaluations++;
      best = { ...simplex, gradient: maxAbs(g), converged: false };
    }
  }
  return { ...best, iterations, evaluations };
}

/**
 * Parameters are searched within [1e-6, 1e6] (on the log scale). A fit that ends at that edge has
 * no interior maximum (e.g. BG/NBD's "nobody seems to drop out", b → ∞): a `ridge`, naming the
 * parameter.
 */
export const PARAM_MIN = 1e-6;
export const PARAM_MAX = 1e6;
/** Distance (in ln) from the box's edge that counts as "ran to the bound". */
const FIT_EDGE = 0.05;
/** A fit is accepted when max |∂(−ln L / N)/∂ ln θ| is below this (BFGS aims at 1e-9). */
const ACCEPT_GRADIENT = 1e-5;

/** One model's maximum-likelihood problem, as `fitOnLogScale` takes it. */
export interface LogScaleProblem<K extends string> {
  /** The model's name in developer messages ("BG/NBD"). */
  model: string;
  /** Parameter names, in the order of `logLikelihood`'s arrays and of the result's `params`. */
  names: readonly K[];
  /** Customers behind the likelihood: the objective is −ln L / customers. */
  customers: number;
  /** Starting point, as logs of the parameters. */
  start: readonly number[];
  /** ln L at `params` (positive values); writes ∂ ln L / ∂ params into `grad`. */
  logLikelihood: (params: Float64Array, grad: Float64Array) => number;
  /** What a ridge means for this model, appended to the message (default "."). */
  ridgeNote?: (ridge: { parameter: string; toward: "zero" | "infinity" }) => string;
}

/**
 * The harness both lifetime-value fits share: −ln L / N minimised over the logs of the parameters
 * inside [PARAM_MIN, PARAM_MAX] (chain rule ∂/∂ln θ = θ · ∂/∂θ), then the outcome checked in
 * order: a likelihood not finite anywhere (`no_convergence`), a parameter run to the bound
 * (`ridge`), a gradient that did not vanish within the budget (`flat_likelihood`).
 */
export function fitOnLogScale<K extends string>(
  problem: LogScaleProblem<K>
): FitResult<Record<K, number>> {
  const { model, names, customers: n } = problem;
  const k = names.length;
  const params = new Float64Array(k);
  const g = new Float64Array(k);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    for (let i = 0; i < k; i++) params[i] = Math.exp(theta[i]);
    const ll = problem.logLikelihood(params, g);
    for (let i = 0; i < k; i++) grad[i] = (-g[i] * params[i]) / n;
    return -ll / n;
  };
  const box = {
    lower: names.map(() => Math.log(PARAM_MIN)),
    upper: names.map(() => Math.log(PARAM_MAX)),
  };
  const best = minimize(objective, problem.start, box, { edge: FIT_EDGE });
  const { evaluations } = best;
  if (!Number.isFinite(best.value)) {
    return {
      ok: false,
      reason: "no_convergence",
      evaluations,
      message: `${model}: the likelihood is not finite anywhere tried.`,
    };
  }
  const ridge = ridgeAt(best.x, box, FIT_EDGE, names);
  if (ridge) {
    return {
      ok: false,
      reason: "ridge",
      evaluations,
      ...ridge,
      message:
        `${model} has no interior maximum: ${ridge.parameter} ran to the search bound ` +
        `[${PARAM_MIN}, ${PARAM_MAX}]` +
        (problem.ridgeNote?.(ridge) ?? "."),
    };
  }
  if (!(best.gradient <= ACCEPT_GRADIENT)) {
    return {
      ok: false,
      reason: "flat_likelihood",
      evaluations,
      message: `${model} did not converge in ${evaluations} evaluations (largest gradient ${best.gradient.toExponential(2)}).`,
    };
  }
  const fitted = {} as Record<K, number>;
  names.forEach((name, i) => (fitted[name] = Math.exp(best.x[i])));
  return {
    ok: true,
    params: fitted,
    loglik: -best.value * n,
    iterations: best.iterations,
    evaluations,
  };
}
