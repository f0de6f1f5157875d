import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serialFromYmd } from "../../src/core/parse";
import { bgnbdConditionalExpected, summarizePurchases, type BgNbdParams } from "../../src/core/clv";
import { rankCalls, type CallCandidate } from "../../src/core/review/callList";
import { isControlDraw, seededRandom } from "../../src/core/review/draw";
import {
  BY_REPEAT_LAST,
  checkModel,
  compareHoldout,
  purchasesBetween,
  type Purchases,
} from "../../src/core/review/modelCheck";
import {
  differenceInDifferences,
  MIN_GROUP_CUSTOMERS,
  NORMAL_FROM_CUSTOMERS,
  type CustomerChange,
} from "../../src/core/review/uplift";
import { reportJson } from "../../src/core/reportJson";
import type { ScoreReport } from "../../src/core/pipeline";

/** Customers whose orders before and during a period follow Poisson-like counts around given means. */
function customers(
  n: number,
  seed: number,
  before: number,
  during: number,
  plantedOrders = 0,
  plantedAmount = 0
): CustomerChange[] {
  const random = seededRandom(seed);
  const count = (mean: number) => {
    // Sum of Bernoulli(0.5) trials: a small count with the given mean (mean must be a multiple of 0.5).
    let k = 0;
    for (let i = 0; i < mean * 2; i++) if (random() < 0.5) k++;
    return k;
  };
  return Array.from({ length: n }, () => {
    const ob = count(before);
    const od = count(during) + plantedOrders;
    return {
      ordersBefore: ob,
      ordersDuring: od,
      amountBefore: ob * 100,
      amountDuring: (od - plantedOrders) * 100 + plantedAmount,
    };
  });
}

describe("uplift: difference in differences with a 90% bootstrap interval", () => {
  it("finds a planted effect: the interval covers it and the verdict is effective", () => {
    // Everyone buys more during the period (the season: +1 order); the treated one more on top.
    const treated = customers(400, 1, 2, 3, 1, 250);
    const control = customers(80, 2, 2, 3);
    const u = differenceInDifferences(treated, control, "maintain|high_value|1|2");
    const [lo, hi] = u.ci90Orders!;
    expect(lo).toBeLessThanOrEqual(1);
    expect(hi).toBeGreaterThanOrEqual(1);
    expect(lo).toBeGreaterThan(0);
    const [alo, ahi] = u.ci90Amount!;
    expect(alo).toBeLessThanOrEqual(250);
    expect(ahi).toBeGreaterThanOrEqual(250);
    expect(u.verdict).toBe("effective");
    expect(u.treated).toBe(400);
    expect(u.control).toBe(80);
  });

  it("the point estimate is the treated change minus the control change", () => {
    const t: CustomerChange[] = [
      { ordersBefore: 1, ordersDuring: 4, amountBefore: 10, amountDuring: 70 },
      { ordersBefore: 3, ordersDuring: 2, amountBefore: 30, amountDuring: 10 },
    ];
    const c: CustomerChange[] = [
      { ordersBefore: 2, ordersDuring: 3, amountBefore: 20, amountDuring: 25 },
    ];
    const u = differenceInDifferences(t, c, "k");
    // Treated: (4−1 + 2−3)/2 = 1; control: 1 → 0. Amount: (60 − 20)/2 = 20; control 5 → 15.
    expect(u.upliftOrders).toBeCloseTo(0, 12);
    expect(u.upliftAmount).toBeCloseTo(15, 12);
    expect(u.verdict).toBe("too_few");
    expect(u.ci90Orders).toBeNull();
  });

  it("calls a strategy without effect not effective, even when everybody bought more", () => {
    for (let seed = 10; seed < 20; seed++) {
      const u = differenceInDifferences(
        customers(300, seed, 1, 2),
        customers(60, seed + 100, 1, 2),
        `s${seed}`
      );
      expect(u.verdict).not.toBe("effective");
      expect(u.ci90Orders![0]).toBeLessThanOrEqual(0);
    }
  });

  it("needs enough customers on both sides, whatever the point estimate", () => {
    const u = differenceInDifferences(
      customers(200, 3, 1, 1, 5, 500),
      customers(MIN_GROUP_CUSTOMERS - 1, 4, 1, 1),
      "g"
    );
    expect(u.upliftOrders).toBeGreaterThan(3);
    expect(u.verdict).toBe("too_few");
    expect(differenceInDifferences([], customers(50, 5, 1, 1), "g").upliftOrders).toBeNull();
  });

  it("gives the same interval on every run (seeded by the group)", () => {
    const t = customers(100, 7, 1, 2, 1);
    const c = customers(30, 8, 1, 2);
    expect(differenceInDifferences(t, c, "a")).toEqual(differenceInDifferences(t, c, "a"));
  });
});

describe("control-group draw", () => {
  it("is reproducible and holds back close to the share (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.string({ maxLength: 8 }),
        fc.constantFrom("maintain", "develop", "keep", "win_back"),
        (share, prefix, strategy) => {
          const n = 2000;
          let held = 0;
          let changed = 0;
          for (let i = 0; i < n; i++) {
            const key = `${prefix}C${i}`;
            const a = isControlDraw(key, strategy, "", share);
            if (isControlDraw(key, strategy, "", share) !== a) changed++;
            if (a) held++;
          }
          expect(changed).toBe(0);
          // Binomial: within 4.5 standard deviations.
          const sd = Math.sqrt(n * share * (1 - share));
          expect(Math.abs(held - n * share)).toBeLessThan(4.5 * sd);
        }
      ),
      { numRuns: 25 }
    );
  });

  it("0 holds back nobody, 1 everybody; a larger share keeps everyone a smaller one held back", () => {
    for (let i = 0; i < 200; i++) {
      expect(isControlDraw(`C${i}`, "keep", "", 0)).toBe(false);
      expect(isControlDraw(`C${i}`, "keep", "", 1)).toBe(true);
      if (isControlDraw(`C${i}`, "keep", "", 0.1))
        expect(isControlDraw(`C${i}`, "keep", "", 0.2)).toBe(true);
    }
  });
});

describe("model check on a holdout", () => {
  // Serial days; as-of 1000, holdout 2 weeks: calibration ends on day 986.
  const asOf = 1000;
  const rows: Array<[customer: number, day: number]> = [
    [0, 900],
    [0, 950],
    [0, 990], // holdout
    [0, 990], // same day: one purchase
    [1, 960],
    [1, 999], // holdout
    [1, 1000], // holdout, on the as-of date
    [2, 800],
    [2, 820],
    [2, 840],
    [3, 995], // first purchase in the holdout: not in the calibration cohort
  ];
  const purchases: Purchases = {
    customers: 4,
    count: rows.length,
    customer: rows.map((r) => r[0]),
    day: rows.map((r) => r[1]),
  };
  const params: BgNbdParams = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };

  it("counts purchases in the holdout by day, one a day", () => {
    expect(Array.from(purchasesBetween(purchases, 986, 1000))).toEqual([1, 2, 0, 1]);
  });

  it("compares predictions with what happened, as worked out by hand", () => {
    const result = checkModel(purchases, asOf, 2, () => ({ ok: true, params, logLik: 0 }) as never);
    if (!result.ok) throw new Error(result.reason);
    // By hand: calibration (to day 986) — customer 0: x=1, t_x=50/7, T=86/7; customer 1: x=0,
    // T=26/7; customer 2: x=2, t_x=40/7, T=186/7. Holdout t = 14/7 = 2 weeks.
    const p0 = bgnbdConditionalExpected(params, 2, 1, 50 / 7, 86 / 7);
    const p1 = bgnbdConditionalExpected(params, 2, 0, 0, 26 / 7);
    const p2 = bgnbdConditionalExpected(params, 2, 2, 40 / 7, 186 / 7);
    expect(result.customers).toBe(3);
    expect(result.actualTotal).toBe(3);
    expect(result.predictedTotal).toBeCloseTo(p0 + p1 + p2, 12);
    expect(result.mae).toBeCloseTo(
      (Math.abs(p0 - 1) + Math.abs(p1 - 2) + Math.abs(p2 - 0)) / 3,
      12
    );
    expect(result.byRepeat).toEqual([
      { repeat: 0, orMore: false, customers: 1, predicted: p1, actual: 2 },
      { repeat: 1, orMore: false, customers: 1, predicted: p0, actual: 1 },
      { repeat: 2, orMore: false, customers: 1, predicted: p2, actual: 0 },
    ]);
    expect(result.calibrationEnd).toBe(986);
    // Three purchases say little: no verdict either way.
    expect(result.verdict).toBe("inconclusive");
  });

  it("puts everyone with many repeat purchases in the last group", () => {
    const data = summarizePurchases(
      1,
      9,
      new Array(9).fill(0),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      new Array(9).fill(1),
      20
    );
    const check = compareHoldout(params, data, [4], 1, 20, 27);
    expect(check.byRepeat).toHaveLength(1);
    expect(check.byRepeat[0]).toMatchObject({ repeat: BY_REPEAT_LAST, orMore: true, actual: 4 });
  });

  it("gives a reason instead of numbers when the history is too short or there are no orders", () => {
    expect(checkModel(purchases, asOf, 26)).toEqual({
      ok: false,
      holdoutWeeks: 26,
      reason: "history_too_short",
    });
    expect(checkModel(null, asOf, 26)).toEqual({
      ok: false,
      holdoutWeeks: 26,
      reason: "no_orders",
    });
    // Enough days, too few customers for the real fit.
    expect(checkModel(purchases, asOf, 1)).toMatchObject({
      ok: false,
      reason: "too_few_customers",
    });
  });

  it("writes model_check and review into --report-json without NaN", () => {
    const report = {
      followups: null,
      hygiene: { duplicates: [], missing: null, withoutOrders: [] },
      tierCounts: {},
      asOf: 45657,
      distribution: { tables: [], best: null },
      nps: null,
      cac: { cac: null, spend: null, newCustomers: 0 },
      // reportJson now also writes the key figures (core/kpis.ts), read from these two.
      customers: [],
      book: null,
    } as unknown as ScoreReport;
    const short = reportJson(report, { modelCheck: checkModel(purchases, asOf, 26), review: [] });
    expect(short.model_check).toEqual({ holdout_weeks: 26, reason: "history_too_short" });
    expect(short.review).toEqual([]);
    const ok = checkModel(purchases, asOf, 2, () => ({ ok: true, params, logLik: 0 }) as never);
    const json = reportJson(report, { modelCheck: ok });
    const text = JSON.stringify(json);
    expect(text).not.toContain("NaN");
    expect(Object.keys(json.model_check as object)).toEqual(
      expect.arrayContaining([
        "holdout_weeks",
        "customers",
        "predicted_total",
        "actual_total",
        "mae",
        "by_repeat",
      ])
    );
  });
});

describe("call list ranking", () => {
  const c = (
    value: number,
    pAlive: number | null,
    gap: number | null = null,
    silent: number | null = null,
    excluded = false
  ): CallCandidate => ({
    value,
    pAlive,
    usualGapDays: gap,
    silentDays: silent,
    excluded,
  });

  it("ranks by value × (1 − P(alive)), leaving out small risks, control customers and the long gone", () => {
    const ranked = rankCalls([
      c(10000, 0.9), // at risk 1000, but risk 0.1 < 0.2: left out
      c(5000, 0.5), // 2500
      c(20000, 0.7), // 6000
      c(3000, 0.0), // 3000
      c(50000, 0.1, null, null, true), // control: left out
      c(0, 0.05), // nothing bought in the window: left out
      c(8000, null, 30, 120), // no model figure: 1 − 30/120 = 0.75 → 6000, after the tie
    ]);
    expect(ranked.map((e) => e.customer)).toEqual([2, 6, 3, 1]);
    expect(ranked[0].valueAtRisk).toBeCloseTo(6000, 9);
    expect(ranked[1].valueAtRisk).toBeCloseTo(6000, 9);
    expect(ranked[1].overdue).toEqual({ usualGapDays: 30, silentDays: 120 });
  });

  it("without a model figure, a customer within their usual gap is not called", () => {
    expect(rankCalls([c(9000, null, 30, 25), c(9000, null, null, 400)])).toEqual([]);
  });
});

describe("the model check on CDNOW (the classic 39 + 39-week split)", () => {
  it("predicts the holdout closely enough to trust, light and heavy buyers alike", () => {
    const text = readFileSync(
      join(__dirname, "../../../shared/data/cdnow/CDNOW_master.txt"),
      "utf8"
    );
    const ids = new Map<string, number>();
    const customer: number[] = [];
    const day: number[] = [];
    for (const line of text.trim().split("\n")) {
      const [id, ymd] = line.trim().split(/\s+/);
      if (!/^\d{8}$/.test(ymd)) continue;
      if (!ids.has(id)) ids.set(id, ids.size);
      customer.push(ids.get(id)!);
      day.push(serialFromYmd(+ymd.slice(0, 4), +ymd.slice(4, 6), +ymd.slice(6, 8)));
    }
    const check = checkModel(
      { customers: ids.size, count: customer.length, customer, day },
      serialFromYmd(1998, 6, 30),
      39
    );
    if (!check.ok) throw new Error(check.reason);
    expect(check.calibrationEnd).toBe(serialFromYmd(1997, 9, 30));
    expect(check.customers).toBe(23570);
    expect(Math.abs(check.predictedTotal - check.actualTotal) / check.actualTotal).toBeLessThan(
      0.2
    );
    // Customers who bought more often before buy more in the holdout, as predicted.
    for (let k = 1; k < check.byRepeat.length; k++) {
      expect(check.byRepeat[k].predicted).toBeGreaterThan(check.byRepeat[k - 1].predicted);
      expect(check.byRepeat[k].actual).toBeGreaterThan(check.byRepeat[k - 1].actual);
    }
  });
});

describe("the interval for large groups", () => {
  it("the normal interval used above NORMAL_FROM_CUSTOMERS agrees with the bootstrap", () => {
    const t = customers(3000, 21, 1, 2, 1, 100);
    const c = customers(600, 22, 1, 2);
    const boot = differenceInDifferences(t, c, "big", "bootstrap");
    const normal = differenceInDifferences(t, c, "big", "normal");
    const width = boot.ci90Orders![1] - boot.ci90Orders![0];
    expect(Math.abs(normal.ci90Orders![0] - boot.ci90Orders![0])).toBeLessThan(0.05 * width);
    expect(Math.abs(normal.ci90Orders![1] - boot.ci90Orders![1])).toBeLessThan(0.05 * width);
    expect(normal.verdict).toBe(boot.verdict);
    const big = differenceInDifferences(customers(NORMAL_FROM_CUSTOMERS, 23, 1, 1), c, "x");
    expect(big.ci90Orders).toEqual(
      differenceInDifferences(customers(NORMAL_FROM_CUSTOMERS, 23, 1, 1), c, "x", "normal")
        .ci90Orders
    );
  });
});
