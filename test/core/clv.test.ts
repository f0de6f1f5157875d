import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bgnbdConditionalExpected,
  bgnbdConditionalExpectedRows,
  bgnbdExpectedPopulation,
  bgnbdHistories,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  bgnbdPAliveRows,
  digamma,
  expm1OverX,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  ggConditionalExpectedSpend,
  ggPopulationMeanSpend,
  hyp2f1,
  lnGamma,
  logSumExp,
  minimize,
  minimizeBfgs,
  MAX_EVALUATIONS,
  nelderMead,
  predictedClv,
  simpleClv,
  summarize,
  summarizePurchases,
  WEEKS_PER_YEAR,
  type BgNbdParams,
  type BtydData,
  type CustomerTransactions,
  type GammaGammaParams,
} from "../../src/core/clv";

const CDNOW = join(__dirname, "../../../shared/data/cdnow");

/** Days since 1970-01-01 of a YYYYMMDD date (only differences matter to the models). */
function dayOf(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d) / 86400000;
}

const END = dayOf("19970930");

/** The CDNOW sample's transactions, grouped by customer in file order. */
function loadSample(): { customers: CustomerTransactions[]; ids: string[] } {
  const byId = new Map<string, { days: number[]; amounts: number[] }>();
  for (const line of readFileSync(join(CDNOW, "CDNOW_sample.txt"), "utf8").split("\n")) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5) continue;
    const [, id, date, , dollars] = cols;
    let c = byId.get(id);
    if (!c) {
      c = { days: [], amounts: [] };
      byId.set(id, c);
    }
    c.days.push(dayOf(date));
    c.amounts.push(Number(dollars));
  }
  return { customers: [...byId.values()], ids: [...byId.keys()] };
}

const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const NOTE025: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const sig3 = (v: number) => Number(v.toPrecision(3));

/** Plain power series of 2F1 with many terms: the reference for z well inside the unit disc. */
function referenceSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 2_000_000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-18 * Math.abs(sum) && k > 10) break;
  }
  return sum;
}

/** Eq. 10 of the paper taken literally (no Euler transformation), for moderate inputs. */
function literalConditional(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const F = referenceSeries(r + x, b + x, a + b + x - 1, z);
  const head =
    ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * F);
  const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
  return head / (1 + odds);
}

const relErr = (got: number, want: number) =>
  Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);

describe("special functions", () => {
  it("ln Γ matches factorials, Γ(½) and the reflection formula", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(2)).toBeCloseTo(0, 14);
    let lnFact = 0;
    for (let n = 1; n < 200; n++) {
      expect(relErr(lnGamma(n + 1), (lnFact += Math.log(n))) < 1e-13 || n < 3).toBe(true);
    }
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lnGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649e-8, 10);
    expect(lnGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13); // Γ(−½) = −2√π
    expect(relErr(lnGamma(1e6), 12815504.569147611)).toBeLessThan(1e-15);
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnGamma(-3)).toBe(Infinity);
  });
  it("ψ matches known values", () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 14);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.log(2), 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 14);
    expect(digamma(-0.5)).toBeCloseTo(0.03648997397857652, 12);
    // ψ against a central difference of ln Γ
    for (const x of [0.01, 0.3, 2.7, 33.3, 1234.5]) {
      const h = 1e-5 * x;
      expect(relErr(digamma(x), (lnGamma(x + h) - lnGamma(x - h)) / (2 * h))).toBeLessThan(1e-6);
    }
  });
  it("log-sum-exp and expm1(x)/x stay finite at the extremes", () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp(-1000, -Infinity)).toBe(-1000);
    expect(logSumExp(-Infinity, -Infinity)).toBe(-Infinity);
    expect(expm1OverX(0)).toBe(1);
    expect(expm1OverX(1e-20)).toBe(1);
    expect(expm1OverX(1)).toBeCloseTo(Math.E - 1, 15);
  });
  it("2F1 matches closed forms across 0 <= z < 1, including near 1", () => {
    for (const z of [1e-6, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 0.999999]) {
      // 2F1(1,1;2;z) = −ln(1−z)/z: c − a − b = 0, the integer case of the connection formula.
      expect(relErr(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-10);
      // 2F1(a,b;b;z) = (1−z)^−a
      expect(relErr(hyp2f1(0.7, 2.3, 2.3, z), Math.pow(1 - z, -0.7))).toBeLessThan(1e-10);
      // 2F1(½,½;3/2;z²) = arcsin(z)/z
      const s = Math.sqrt(z);
      expect(relErr(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(s) / s)).toBeLessThan(1e-10);
      // 2F1(½,1;3/2;−z) = arctan(√z)/√z (negative argument, Pfaff for z > ½)
      expect(relErr(hyp2f1(0.5, 1, 1.5, -z), Math.atan(s) / s)).toBeLessThan(1e-12);
    }
    // Gauss's value at z = 1: Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b))
    const gauss = Math.exp(lnGamma(3.5) + lnGamma(1.2) - lnGamma(2.5) - lnGamma(2.2));
    expect(relErr(hyp2f1(1, 1.3, 3.5, 1), gauss)).toBeLessThan(1e-13);
    expect(relErr(hyp2f1(1, 1.3, 3.5, 1 - 1e-9), gauss)).toBeLessThan(1e-6);
    // Terminating series: 2F1(−2, b; c; z) is a quadratic.
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(
      1 - (2 * 3 * 0.5) / 4 + (2 * 3 * 4 * 0.25) / (4 * 5 * 2),
      14
    );
    expect(Number.isNaN(hyp2f1(1, 1, 0, 0.5))).toBe(true);
  });
  it("2F1 near 1 (connection formula) agrees with the long power series", () => {
    const cases: Array<[number, number, number]> = [
      [0.45, -0.207, 2.219], // BG/NBD's Euler form with the paper's parameters, x = 0
      [2.5, 0.3, 4.1], // c − a − b = 1.3
      [0.7, 0.4, 2.1], // c − a − b = 1.0000: interpolated
      [1.2, 0.9, 2.1000004], // c − a − b ≈ 0 within 1e-3: interpolated
      [3.3, 2.2, 4.0], // c − a − b < 0: F diverges at 1
      [-0.6, 1.4, 0.35], // negative a, c − a − b < 0
    ];
    for (const [a, b, c] of cases) {
      for (const z of [0.93, 0.97, 0.995]) {
        expect(relErr(hyp2f1(a, b, c, z), referenceSeries(a, b, c, z))).toBeLessThan(1e-9);
      }
    }
  });
});

describe("optimisers", () => {
  const rosenbrock = (v: Float64Array, g: Float64Array) => {
    const [x, y] = [v[0], v[1]];
    g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    g[1] = 200 * (y - x * x);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  };
  const box = { lower: [-5, -5], upper: [5, 5] };
  it("BFGS finds Rosenbrock's minimum", () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], box);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });
  it("Nelder–Mead finds it too and stays in the box", () => {
    const scratch = new Float64Array(2);
    const result = nelderMead((v) => rosenbrock(v, scratch), [-1.2, 1], box);
    expect(result.x[0]).toBeCloseTo(1, 4);
    const boxed = nelderMead((v) => (v[0] - 10) ** 2, [0], { lower: [-1], upper: [3] });
    expect(boxed.x[0]).toBeLessThanOrEqual(3);
    expect(boxed.x[0]).toBeCloseTo(3, 4);
  });
});

describe("summarize", () => {
  it("merges same-day purchases, ignores later ones and sorts unsorted days", () => {
    const data = summarize(
      [
        { days: [14, 0, 7, 7, 30], amounts: [10, 5, 20, 4, 1000] },
        { days: [3], amounts: [8] },
        { days: [25], amounts: [8] },
        { days: [], amounts: [] },
        { days: [21, 21.75], amounts: [2, 3] }, // a time of day is the same day
      ],
      21
    );
    expect(Array.from(data.x)).toEqual([2, 0, 0, 0, 0]);
    expect(data.tx[0]).toBeCloseTo(2, 12);
    expect(data.T[0]).toBeCloseTo(3, 12);
    expect(data.meanRepeat[0]).toBeCloseTo((24 + 10) / 2, 12);
    expect(data.T[1]).toBeCloseTo(18 / 7, 12);
    expect(data.meanRepeat[1]).toBe(0);
    expect(Number.isNaN(data.T[2])).toBe(true);
    expect(Number.isNaN(data.T[3])).toBe(true);
    expect(data.T[4]).toBe(0);
  });
  it("agrees with the column-shaped summarizePurchases", () => {
    const customers: CustomerTransactions[] = [
      { days: [5, 1, 5, 9], amounts: [1, 2, 3, 4] },
      { days: [2, 40], amounts: [7, 9] },
    ];
    const a = summarize(customers, 30);
    const b = summarizePurchases(
      2,
      6,
      [0, 0, 0, 0, 1, 1],
      [5, 1, 5, 9, 2, 40],
      [1, 2, 3, 4, 7, 9],
      30
    );
    expect(a).toEqual(b);
  });
});

describe("CDNOW sample: the published BG/NBD and Gamma-Gamma figures", () => {
  const { customers, ids } = loadSample();
  const data = summarize(customers, END);

  it("summarises the transactions exactly as the published per-customer summary", () => {
    const lines = readFileSync(join(CDNOW, "cdnow_customers_summary_with_transactions.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    const header = lines[0].split(",");
    const col = (name: string) => header.indexOf(name);
    expect(lines.length - 1).toBe(2357);
    expect(customers).toHaveLength(2357);
    // The transactions write IDs as 0001, the summary as 1.
    const at = new Map(ids.map((id, i) => [Number(id), i]));
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const k = at.get(Number(cells[col("ID")]));
      if (k === undefined) throw new Error(`customer ${cells[col("ID")]} missing`);
      expect(data.x[k]).toBe(Number(cells[col("x")]));
      expect(Math.abs(data.tx[k] - Number(cells[col("t_x")]))).toBeLessThan(0.01);
      expect(Math.abs(data.T[k] - Number(cells[col("T")]))).toBeLessThan(0.01);
      expect(Math.abs(data.meanRepeat[k] - Number(cells[col("zbar")]))).toBeLessThan(0.01);
    }
  });

  it("fits BG/NBD to r 0.243, α 4.414, a 0.793, b 2.426, log-likelihood −9582.4", () => {
    const fit = fitBgNbd(data);
    if (!fit.ok) throw new Error(fit.message);
    expect(sig3(fit.params.r)).toBe(0.243);
    expect(sig3(fit.params.alpha)).toBe(4.41);
    expect(sig3(fit.params.a)).toBe(0.793);
    expect(sig3(fit.params.b)).toBe(2.43);
    // The re-fit of the README, to 4 significant digits.
    expect(Number(fit.params.r.toPrecision(4))).toBe(0.2426);
    expect(Number(fit.params.alpha.toPrecision(4))).toBe(4.414);
    expect(Number(fit.params.a.toPrecision(4))).toBe(0.7929);
    expect(Number(fit.params.b.toPrecision(4))).toBe(2.426);
    expect(Math.abs(fit.loglik - -9582.4)).toBeLessThan(0.1);
    expect(fit.loglik).toBeCloseTo(bgnbdLogLikelihood(fit.params, data), 8);
    // The paper's rounded parameters are (just) worse.
    expect(bgnbdLogLikelihood(PAPER, data)).toBeLessThan(fit.loglik);
    expect(bgnbdLogLikelihood(PAPER, data)).toBeGreaterThan(fit.loglik - 0.05);
  });

  it("fits Gamma-Gamma on the 946 repeat buyers to p 6.25, q 3.74, γ 15.44, loglik −4055.92", () => {
    expect(Array.from(data.x).filter((x) => x > 0)).toHaveLength(946);
    const fit = fitGammaGamma(data.x, data.meanRepeat);
    if (!fit.ok) throw new Error(fit.message);
    expect(sig3(fit.params.p)).toBe(6.25);
    expect(sig3(fit.params.q)).toBe(3.74);
    expect(sig3(fit.params.gamma)).toBe(15.4);
    // The likelihood is flat along a ridge in (q, γ): the README's re-fit (6.2488, 3.7446, 15.4477)
    // is 2e-6 lower in ln L than our optimum, so only 3 digits of γ are meaningful.
    expect(fit.loglik).toBeGreaterThanOrEqual(
      gammaGammaLogLikelihood({ p: 6.2488, q: 3.7446, gamma: 15.4477 }, data.x, data.meanRepeat)
    );
    expect(ggPopulationMeanSpend(fit.params)).toBeCloseTo(35.17, 2);
    expect(ggConditionalExpectedSpend(fit.params, 0, 0)).toBeCloseTo(35.17, 2);
    expect(Math.abs(fit.loglik - -4055.92)).toBeLessThan(0.05);
    expect(fit.loglik).toBeCloseTo(gammaGammaLogLikelihood(fit.params, data.x, data.meanRepeat), 8);
  });

  it("reproduces the paper's predictions with its parameters", () => {
    expect(Math.abs(bgnbdConditionalExpected(PAPER, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(
      0.001
    );
    const expected: Array<[number, number]> = [
      [1, 0.0532],
      [3, 0.1506],
      [31.86, 1.0405],
      [78, 1.8576],
    ];
    for (const [t, value] of expected)
      expect(Math.abs(bgnbdExpectedPopulation(PAPER, t) - value)).toBeLessThan(0.003);
    // pγ/(q−1) = 35.17 with the note's unrounded estimates (the rounded ones give 35.22).
    expect(ggPopulationMeanSpend({ p: 6.2488, q: 3.7446, gamma: 15.4477 })).toBeCloseTo(35.17, 2);
    expect(ggConditionalExpectedSpend(NOTE025, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
  });
});

describe("BG/NBD predictions: accuracy and limits", () => {
  it("predictions per history row are each customer's own, to the last bit", () => {
    const data = summarize(loadSample().customers, END);
    const histories = bgnbdHistories(data);
    // The sample has many customers alike: fewer rows than customers.
    expect(histories.x.length).toBeLessThan(histories.customers);
    const pAlive = new Float64Array(histories.x.length);
    const expected = new Float64Array(histories.x.length);
    bgnbdPAliveRows(PAPER, histories, pAlive);
    for (const t of [0, 1, 39, 52.14]) {
      bgnbdConditionalExpectedRows(PAPER, t, histories, pAlive, expected);
      for (let c = 0; c < data.x.length; c++) {
        const row = histories.rowOf[c];
        if (!(data.T[c] >= 0)) {
          expect(row).toBe(-1);
          continue;
        }
        const { x, tx, T } = { x: data.x[c], tx: data.tx[c], T: data.T[c] };
        expect(pAlive[row]).toBe(bgnbdPAlive(PAPER, x, tx, T));
        expect(expected[row]).toBe(bgnbdConditionalExpected(PAPER, t, x, tx, T));
      }
    }
  });

  it("the Euler-transformed expectation equals the paper's literal formula", () => {
    const params: BgNbdParams[] = [
      PAPER,
      { r: 1.3, alpha: 0.5, a: 2.2, b: 0.4 },
      { r: 0.05, alpha: 40, a: 0.2, b: 9 },
    ];
    for (const p of params) {
      for (const [t, x, tx, T] of [
        [39, 2, 30.43, 38.86],
        [1, 0, 0, 10],
        [52, 5, 20, 60],
        [10, 20, 40, 41],
        [100, 1, 0.5, 3],
      ]) {
        const got = bgnbdConditionalExpected(p, t, x, tx, T);
        expect(relErr(got, literalConditional(p, t, x, tx, T))).toBeLessThan(1e-9);
      }
    }
  });
  it("matches 50-digit references in the hard corners (large r, large a, z near 1)", () => {
    // [r, α, a, b, t, x, t_x, T, value] — values from mpmath's hyp2f1 at 50 digits.
    const cases: number[][] = [
      [300, 250, 0.6, 3, 52, 5, 40, 52, 0.001240461051093149], // nearly equal rates: Euler alternates
      [2000, 1500, 2.5, 8, 104, 12, 50, 52, 4.94230439362307],
      [0.5, 5, 800, 300, 52, 2, 10, 30, 0.05005942466990996], // p near 0.73 for everyone
      [0.5, 5, 800, 300, 52, 0, 0, 0, 0.9053255748824226],
      [0.243, 4.414, 0.793, 2.426, 520, 0, 0, 0, 4.97461786184966], // ten years
      [0.243, 0.05, 0.793, 2.426, 5000, 0, 0, 0.01, 41.700034737458374], // z = 0.99999
    ];
    for (const [r, alpha, a, b, t, x, tx, T, value] of cases) {
      const got = bgnbdConditionalExpected({ r, alpha, a, b }, t, x, tx, T);
      expect(relErr(got, value)).toBeLessThan(1e-9);
    }
  });
  it("is continuous through a = 1 (the formula's 0/0)", () => {
    const at = (a: number) => bgnbdConditionalExpected({ ...PAPER, a }, 39, 2, 30.43, 38.86);
    expect(Number.isFinite(at(1))).toBe(true);
    expect(Math.abs(at(1) - (at(1 - 1e-6) + at(1 + 1e-6)) / 2)).toBeLessThan(1e-9);
    const pop = (a: number, t: number) => bgnbdExpectedPopulation({ ...PAPER, a }, t);
    for (const t of [5, 500, 50000]) {
      expect(Number.isFinite(pop(1, t))).toBe(true);
      expect(relErr(pop(1, t), (pop(1 - 1e-5, t) + pop(1 + 1e-5, t)) / 2)).toBeLessThan(1e-6);
    }
  });
  it("stays finite and monotone in t when z is close to 1 (long horizons, small α)", () => {
    const p = { ...PAPER, alpha: 0.01 };
    let previous = 0;
    for (const t of [1, 10, 100, 1000, 1e4, 1e5]) {
      const v = bgnbdConditionalExpected(p, t, 0, 0, 0.1);
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(previous);
      previous = v;
    }
    // near z = 1 the two evaluation routes agree: long series vs connection formula
    const q: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const t = 2000; // z = 0.9978
    expect(relErr(bgnbdExpectedPopulation(q, t), literalConditional(q, t, 0, 0, 0))).toBeLessThan(
      1e-8
    );
  });
  it("handles many repeat purchases without overflow", () => {
    const v = bgnbdConditionalExpected(PAPER, 52, 800, 100, 100);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(100); // about 8 a week
    expect(bgnbdPAlive(PAPER, 800, 50, 100)).toBeLessThan(1e-200);
  });
  it("P(alive) stays within [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (x, u, v) => {
          const [tx, T] = u <= v ? [u, v] : [v, u];
          const p = bgnbdPAlive(PAPER, x, x === 0 ? 0 : tx, T);
          return p >= 0 && p <= 1;
        }
      )
    );
  });
  it("conditional expectations are finite and non-negative for random histories", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 520, noNaN: true }),
        (x, u, v, t) => {
          const [tx, T] = u <= v ? [u, v] : [v, u];
          const e = bgnbdConditionalExpected(PAPER, t, x, x === 0 ? 0 : tx, T);
          return Number.isFinite(e) && e >= 0;
        }
      )
    );
  });
});

describe("CLV formulas", () => {
  it("simple CLV is seed 003's product", () => {
    expect(simpleClv(200, 6, 3, 0.3)).toBeCloseTo(1080, 10);
  });
  it("predicted CLV sums discounted yearly expectations", () => {
    const opts = { horizonWeeks: 2 * WEEKS_PER_YEAR, margin: 0.3, annualDiscountRate: 0.1 };
    const spend = ggConditionalExpectedSpend(NOTE025, 2, 22.35);
    const y1 = bgnbdConditionalExpected(PAPER, WEEKS_PER_YEAR, 2, 30.43, 38.86);
    const y2 = bgnbdConditionalExpected(PAPER, 2 * WEEKS_PER_YEAR, 2, 30.43, 38.86);
    const want = (y1 / 1.1 + (y2 - y1) / 1.21) * spend * 0.3;
    expect(predictedClv(PAPER, NOTE025, 2, 30.43, 38.86, 22.35, opts)).toBeCloseTo(want, 10);
    const undiscounted = predictedClv(PAPER, NOTE025, 2, 30.43, 38.86, 22.35, {
      ...opts,
      annualDiscountRate: 0,
    });
    expect(undiscounted).toBeCloseTo(y2 * spend * 0.3, 10);
    expect(predictedClv(PAPER, NOTE025, 2, 30.43, 38.86, 22.35, { ...opts, horizonWeeks: 0 })).toBe(
      0
    );
  });
});

describe("degenerate data gets a reason, never NaN", () => {
  const data = (rows: Array<[number, number, number, number]>): BtydData => ({
    x: Float64Array.from(rows.map((r) => r[0])),
    tx: Float64Array.from(rows.map((r) => r[1])),
    T: Float64Array.from(rows.map((r) => r[2])),
    meanRepeat: Float64Array.from(rows.map((r) => r[3])),
  });
  const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  const noNaN = (fit: object) => expect(JSON.stringify(fit)).not.toMatch(/NaN|null/);

  it("too few customers", () => {
    const fit = fitBgNbd(data(many(5, (i) => [i, i, 10, 20])));
    expect(fit).toMatchObject({ ok: false, reason: "too_few_customers" });
  });
  it("too few repeat buyers", () => {
    const fit = fitBgNbd(
      data(many(50, (i) => [i < 3 ? 1 : 0, i < 3 ? 2 : 0, 10 + i, i < 3 ? 20 : 0]))
    );
    expect(fit).toMatchObject({ ok: false, reason: "too_few_repeat_buyers" });
    if (!fit.ok) expect(fit.message).toMatch(/3/);
    const gg = fitGammaGamma([1, 2, 0, 0], [5, 6, 0, 0]);
    expect(gg).toMatchObject({ ok: false, reason: "too_few_repeat_buyers" });
  });
  it("a single day of data", () => {
    const customers = many(50, (i) => ({ days: [100, 100], amounts: [i + 1, 2] }));
    const fit = fitBgNbd(summarize(customers, 100));
    expect(fit).toMatchObject({ ok: false, reason: "single_day" });
    noNaN(fit);
  });
  it("all repeat amounts equal", () => {
    const fit = fitGammaGamma(
      Float64Array.from(many(40, (i) => 1 + (i % 3))),
      Float64Array.from(many(40, () => 25))
    );
    expect(fit).toMatchObject({ ok: false, reason: "all_amounts_equal" });
    noNaN(fit);
  });
  it("zero or negative repeat amounts", () => {
    const fit = fitGammaGamma(
      Float64Array.from(many(40, () => 2)),
      Float64Array.from(many(40, (i) => (i % 2 ? 0 : -5)))
    );
    expect(fit).toMatchObject({ ok: false, reason: "nonpositive_amounts" });
    noNaN(fit);
    // A few non-positive amounts among many good ones are left out, not fatal.
    const { customers } = loadSample();
    const d = summarize(customers, END);
    const m = Float64Array.from(d.meanRepeat);
    let zeroed = 0;
    for (let i = 0; i < m.length && zeroed < 5; i++) {
      if (d.x[i] > 0) {
        m[i] = -1;
        zeroed++;
      }
    }
    expect(fitGammaGamma(d.x, m).ok).toBe(true);
  });
  it("no sign of dropout: no interior maximum, reported as a ridge toward no dropout", () => {
    // Everyone buys exactly weekly until the end: nobody looks dead.
    const customers = many(200, (i) => {
      const first = i % 30;
      const days = many(Math.floor((200 - first) / 7) + 1, (k) => first + 7 * k);
      return { days, amounts: days.map(() => 10 + (i % 7)) };
    });
    const fit = fitBgNbd(summarize(customers, 200));
    expect(fit.ok).toBe(false);
    if (!fit.ok) {
      expect(fit.reason).toBe("ridge");
      expect([`${fit.parameter}→${fit.toward}`]).toContainEqual(
        expect.stringMatching(/^(b→infinity|a→zero)$/)
      );
    }
    noNaN(fit);
  });
  it("random small data: either finite parameters or a reason, never NaN", () => {
    const reasons = [
      "too_few_customers",
      "too_few_repeat_buyers",
      "single_day",
      "all_amounts_equal",
      "nonpositive_amounts",
      "no_convergence",
      "fixed_prices",
      "ridge",
      "flat_likelihood",
    ];
    const customer = fc.record({
      days: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 0, maxLength: 8 }),
      amount: fc.constantFrom(-5, 0, 10, 10, 25, 99.5),
    });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 0, maxLength: 80 }), (rows) => {
        const data = summarize(
          rows.map((r) => ({ days: r.days, amounts: r.days.map(() => r.amount) })),
          100
        );
        for (const fit of [fitBgNbd(data), fitGammaGamma(data.x, data.meanRepeat)]) {
          if (fit.ok) {
            expect(Object.values(fit.params).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
            expect(Number.isFinite(fit.loglik)).toBe(true);
          } else {
            expect(reasons).toContain(fit.reason);
            expect(fit.message.length).toBeGreaterThan(0);
          }
          noNaN(fit);
        }
      }),
      { numRuns: 60 }
    );
  });
  it("rows without purchases (T = NaN) are skipped, not fatal", () => {
    const { customers } = loadSample();
    const withEmpty = [...customers, { days: [], amounts: [] }, { days: [END + 5], amounts: [3] }];
    const a = fitBgNbd(summarize(customers, END));
    const b = fitBgNbd(summarize(withEmpty, END));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.loglik).toBeCloseTo(a.loglik, 8);
  });
});

describe("fits end in a bounded number of evaluations, with a reason on degenerate spend", () => {
  const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  /** Weekly-ish buyers over two years who stop at random: BG/NBD itself is fine on these. */
  function histories(
    n: number,
    amountOf: (customer: number, purchase: number) => number,
    seed = 1
  ): CustomerTransactions[] {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    return many(n, (c) => {
      const days: number[] = [];
      const amounts: number[] = [];
      const gap = 5 + 60 * random();
      const stop = 0.05 + 0.4 * random();
      for (let t = Math.floor(random() * 300), k = 0; t <= 700; k++) {
        days.push(Math.floor(t));
        amounts.push(amountOf(c, k));
        if (k > 0 && random() < stop) break;
        t += 1 + -Math.log(1 - random()) * gap; // one purchase a day at most
      }
      return { days, amounts };
    });
  }
  const bounded = (fit: { evaluations: number }) =>
    expect(fit.evaluations).toBeLessThanOrEqual(MAX_EVALUATIONS);

  it("CDNOW's fits take a few dozen evaluations", () => {
    const data = summarize(loadSample().customers, END);
    const bg = fitBgNbd(data);
    const gg = fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread);
    expect(bg.ok && gg.ok).toBe(true);
    expect(bg.evaluations).toBeLessThan(100);
    expect(gg.evaluations).toBeLessThan(100);
  });
  it("every order costs the same for each customer (fixed-price subscribers): fixed_prices", () => {
    const plans = [99, 199, 299];
    const data = summarize(
      histories(3000, (c) => plans[c % 3]),
      700
    );
    const gg = fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread);
    expect(gg).toMatchObject({ ok: false, reason: "fixed_prices", evaluations: 0 });
    // Without the spread the likelihood sees only three price levels; whatever it makes of them,
    // it ends within the budget.
    bounded(fitGammaGamma(data.x, data.meanRepeat));
    // The purchase model does not care about amounts.
    expect(fitBgNbd(data).ok).toBe(true);
  });
  it("a mix of subscribers and buyers whose spend varies still fits", () => {
    const data = summarize(
      histories(3000, (c, k) => (c % 4 === 0 ? 99 : 20 + ((c * 37 + k * 53) % 400))),
      700
    );
    const gg = fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread);
    expect(gg.ok).toBe(true);
    bounded(gg);
  });
  it("everyone alike: all_amounts_equal without a single evaluation", () => {
    const data = summarize(
      histories(2000, () => 50),
      700
    );
    expect(fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread)).toMatchObject({
      ok: false,
      reason: "all_amounts_equal",
      evaluations: 0,
    });
  });
  it("one-time buyers only: too_few_repeat_buyers for both models", () => {
    const data = summarize(
      many(5000, (i) => ({ days: [i % 700], amounts: [10 + (i % 90)] })),
      700
    );
    expect(fitBgNbd(data)).toMatchObject({ ok: false, reason: "too_few_repeat_buyers" });
    expect(fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread)).toMatchObject({
      ok: false,
      reason: "too_few_repeat_buyers",
      evaluations: 0,
    });
  });
  it("a handful of repeat buyers among many: too_few_repeat_buyers", () => {
    const data = summarize(
      many(5000, (i) =>
        i < 6
          ? { days: [i, i + 40, i + 90], amounts: [20, 30 + i, 45] }
          : { days: [i % 700], amounts: [10 + (i % 90)] }
      ),
      700
    );
    expect(fitBgNbd(data)).toMatchObject({ ok: false, reason: "too_few_repeat_buyers" });
    expect(fitGammaGamma(data.x, data.meanRepeat, data.repeatSpread)).toMatchObject({
      ok: false,
      reason: "too_few_repeat_buyers",
    });
  });
  it("a huge sample on a ridge ends within the evaluation budget, naming the ridge", () => {
    // 200,000 customers who all buy at the same rate, never drop out, and draw every amount from
    // one exponential spend distribution: no heterogeneity for either model to find.
    const n = 200_000;
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state + 0.5) / 2147483648;
    };
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    const m = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      T[i] = 52 + Math.floor(random() * 52);
      let t = -Math.log(random()) * 4;
      let last = 0;
      let count = 0;
      let spend = 0;
      while (t <= T[i]) {
        count++;
        last = t;
        spend += -Math.log(random()) * 50;
        t += -Math.log(random()) * 4;
      }
      x[i] = count;
      tx[i] = Math.round(last);
      m[i] = count > 0 ? spend / count : 0;
    }
    const bg = fitBgNbd({ x, tx, T, meanRepeat: m });
    expect(bg).toMatchObject({ ok: false, reason: "ridge" });
    bounded(bg);
    const gg = fitGammaGamma(x, m);
    expect(gg).toMatchObject({ ok: false, reason: "ridge", toward: "infinity" });
    if (!gg.ok) expect(["q", "gamma"]).toContain(gg.parameter);
    bounded(gg);
    // Both stop as soon as a parameter reaches its bound, not after walking along it.
    expect(bg.evaluations).toBeLessThan(100);
    expect(gg.evaluations).toBeLessThan(100);
  });
  it("minimize keeps to its budget even on a function without a minimum", () => {
    let calls = 0;
    const tilted = (v: Float64Array, g: Float64Array) => {
      calls++;
      // A valley that keeps falling along x[0] = x[1] towards the box's corner, and is rough.
      g[0] = 2 * (v[0] - v[1]) - 1e-3 + 1e-4 * Math.cos(50 * v[0]);
      g[1] = -2 * (v[0] - v[1]);
      return (v[0] - v[1]) ** 2 - 1e-3 * v[0] + 2e-6 * Math.sin(50 * v[0]);
    };
    const result = minimize(
      tilted,
      [0, 0],
      { lower: [-30, -30], upper: [30, 30] },
      {
        maxEvaluations: 120,
      }
    );
    expect(result.evaluations).toBeLessThanOrEqual(120);
    expect(calls).toBeLessThanOrEqual(120);
  });
});
