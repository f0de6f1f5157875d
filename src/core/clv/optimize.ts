/**
 * Nelder–Mead minimisation. The models optimise log-parameters, so every parameter stays
 * positive without bounds; a restart from the best point guards against a collapsed simplex.
 */
export interface MinimumResult {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  { step = 0.5, tolerance = 1e-10, maxEvaluations = 4000, restarts = 2 } = {}
): MinimumResult {
  let best = runOnce(f, start, step, tolerance, maxEvaluations);
  let evaluations = best.evaluations;
  for (let i = 0; i < restarts; i++) {
    const again = runOnce(f, best.x, step / 4, tolerance, maxEvaluations);
    evaluations += again.evaluations;
    const improved = again.value < best.value - tolerance;
    if (again.value <= best.value) best = again;
    if (!improved) break;
  }
  return { ...best, evaluations };
}

function runOnce(
  f: (x: number[]) => number,
  start: number[],
  step: number,
  tolerance: number,
  maxEvaluations: number
): MinimumResult {
  const n = start.length;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    points.push(p);
  }
  let values = points.map(safe);
  let evaluations = n + 1;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    points = order.map((i) => points[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += points[i][j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (points[n][j] - c));
    const reflected = along(-1);
    const fr = safe(reflected);
    evaluations++;
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = safe(expanded);
      evaluations++;
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
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
          points[i] = points[i].map((v, j) => points[0][j] + 0.5 * (v - points[0][j]));
          values[i] = safe(points[i]);
        }
        evaluations += n;
      }
    }
  }
  const at = values.indexOf(Math.min(...values));
  return { x: points[at], value: values[at], evaluations };
}
