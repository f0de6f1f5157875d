import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bgnbdConditionalExpected,
  bgnbdExpectedPopulation,
  bgnbdPAlive,
  fitBgNbd,
  type BgNbdParams,
} from "../../src/core/clv/bgnbd";
import { fitGammaGamma, ggConditionalExpectedSpend } from "../../src/core/clv/gammagamma";
import { hyp2f1, lnGamma } from "../../src/core/clv/special";
import { summarizePurchases, type BtydData } from "../../src/core/clv/summary";
import { serialFromYmd } from "../../src/core/parse";

const CDNOW = join(__dirname, "../../../shared/data/cdnow");
const END = serialFromYmd(1997, 9, 30);

/** The CDNOW sample's transactions as the engine holds purchases: customer index, day, amount. */
function loadSample(): { data: BtydData; ids: string[] } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (const line of readFileSync(join(CDNOW, "CDNOW_sample.txt"), "utf8").split("\n")) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5) continue;
    const [, id, date, , dollars] = cols;
    if (!index.has(id)) {
      index.set(id, ids.length);
      ids.push(id);
    }
    customer.push(index.get(id) as number);
    day.push(
      serialFromYmd(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8)))
    );
    amount.push(Number(dollars));
  }
  return { data: summarizePurchases(ids.length, customer.length, customer, day, amount, END), ids };
}

const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const sig3 = (v: number) => Number(v.toPrecision(3));

describe("special functions", () => {
  it("computes ln Γ", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(171)).toBeCloseTo(706.5730622457874, 8); // ln(170!)
  });
  it("computes 2F1 against closed forms", () => {
    // 2F1(1,1;2;z) = −ln(1−z)/z
    for (const z of [0.1, 0.5, 0.9, 0.99])
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 9);
  });
});

describe("CDNOW sample: the published BG/NBD and Gamma-Gamma figures", () => {
  const { data, ids } = loadSample();

  it("summarises the transactions exactly as the published per-customer summary", () => {
    const lines = readFileSync(join(CDNOW, "cdnow_customers_summary_with_transactions.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    const header = lines[0].split(",");
    const col = (name: string) => header.indexOf(name);
    expect(lines.length - 1).toBe(2357);
    // The transactions write IDs as 0001, the summary as 1.
    const at = new Map(ids.map((id, i) => [String(Number(id)), i]));
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const i = at.get(String(Number(cells[col("ID")])));
      expect(i).toBeDefined();
      const k = i as number;
      expect(data.x[k]).toBe(Number(cells[col("x")]));
      expect(Math.abs(data.tx[k] - Number(cells[col("t_x")]))).toBeLessThan(0.01);
      expect(Math.abs(data.T[k] - Number(cells[col("T")]))).toBeLessThan(0.01);
      expect(Math.abs(data.meanRepeat[k] - Number(cells[col("zbar")]))).toBeLessThan(0.01);
    }
  });

  it("fits BG/NBD to r 0.243, α 4.414, a 0.793, b 2.426, log-likelihood −9582.4", () => {
    const fit = fitBgNbd(data);
    if (!fit.ok) throw new Error(fit.reason);
    expect(sig3(fit.params.r)).toBe(0.243);
    expect(sig3(fit.params.alpha)).toBe(4.41);
    expect(sig3(fit.params.a)).toBe(0.793);
    expect(sig3(fit.params.b)).toBe(2.43);
    expect(fit.loglik).toBeCloseTo(-9582.4, 1);
  });

  it("fits Gamma-Gamma on the 946 repeat buyers to p 6.25, q 3.74, γ 15.44", () => {
    expect(Array.from(data.x).filter((x) => x > 0)).toHaveLength(946);
    const fit = fitGammaGamma(data.x, data.meanRepeat);
    if (!fit.ok) throw new Error(fit.reason);
    expect(sig3(fit.params.p)).toBe(6.25);
    expect(sig3(fit.params.q)).toBe(3.74);
    expect(sig3(fit.params.gamma)).toBe(15.4);
    expect(fit.loglik).toBeCloseTo(-4055.92, 1);
  });

  it("reproduces the paper's predictions with its parameters", () => {
    expect(bgnbdConditionalExpected(PAPER, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    const expected = [
      [1, 0.0532],
      [3, 0.1506],
      [31.86, 1.0405],
      [78, 1.8576],
    ];
    for (const [t, value] of expected)
      expect(Math.abs(bgnbdExpectedPopulation(PAPER, t) - value)).toBeLessThan(0.003);
    expect(ggConditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 0, 0)).toBeCloseTo(
      35.22,
      1
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

  it("too few repeat buyers", () => {
    const fit = fitBgNbd(
      data(many(50, (i) => [i < 3 ? 1 : 0, i < 3 ? 2 : 0, 10 + i, i < 3 ? 20 : 0]))
    );
    expect(fit).toEqual({ ok: false, reason: "too_few_repeat_buyers" });
  });
  it("a single day of data", () => {
    expect(fitBgNbd(data(many(50, () => [0, 0, 0, 0])))).toEqual({
      ok: false,
      reason: "single_day",
    });
  });
  it("all repeat amounts equal", () => {
    const fit = fitGammaGamma(
      Float64Array.from(many(40, (i) => 1 + (i % 3))),
      Float64Array.from(many(40, () => 25))
    );
    expect(fit).toEqual({ ok: false, reason: "all_amounts_equal" });
  });
  it("zero or negative repeat amounts", () => {
    const fit = fitGammaGamma(
      Float64Array.from(many(40, () => 2)),
      Float64Array.from(many(40, (i) => (i % 2 ? 0 : -5)))
    );
    expect(fit).toEqual({ ok: false, reason: "nonpositive_amounts" });
  });
  it("P(alive) stays within [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (x, a, b) => {
          const [tx, T] = a <= b ? [a, b] : [b, a];
          const p = bgnbdPAlive(PAPER, x, x === 0 ? 0 : tx, T);
          expect(p >= 0 && p <= 1).toBe(true);
        }
      )
    );
  });
});
