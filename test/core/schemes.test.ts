import fc from "fast-check";
import { scoreScheme } from "../../src/core/schemes";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { familyOf, SEGMENT_BY_CODE, SEGMENT_KEYS } from "../../src/core/tiers";
import type { RfmInput, SchemeKey } from "../../src/core/types";

const base: RfmInput = { recencyDays: 10, frequency: 5, monetary: 4000, profit: null, clv: null };
const input = (patch: Partial<RfmInput>): RfmInput => ({ ...base, ...patch });

function score(key: SchemeKey, inputs: RfmInput[], settings: Settings = defaultSettings()) {
  return scoreScheme(key, inputs, settings, "en-US");
}

describe("fixed5: five-point fixed bins", () => {
  const one = (patch: Partial<RfmInput>, settings?: Settings) =>
    score("fixed5", [input(patch)], settings).results[0];

  it.each([
    [0, 5],
    [29, 5],
    [30, 5],
    [31, 4],
    [60, 4],
    [61, 3],
    [90, 3],
    [91, 2],
    [180, 2],
    [181, 1],
    [5000, 1],
  ])("R: %i days scores %i", (days, expected) => {
    expect(one({ recencyDays: days }).rScore).toBe(expected);
  });

  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [7, 3],
    [8, 4],
    [11, 4],
    [12, 5],
    [40, 5],
  ])("F: %i orders scores %i", (orders, expected) => {
    expect(one({ frequency: orders }).fScore).toBe(expected);
  });

  it.each([
    [-500, 1],
    [0, 1],
    [999.99, 1],
    [1000, 2],
    [2999.99, 2],
    [3000, 3],
    [4999.99, 3],
    [5000, 4],
    [9999.99, 4],
    [10000, 5],
  ])("M: ¥%d scores %i", (amount, expected) => {
    expect(one({ monetary: amount }).mScore).toBe(expected);
  });

  // R 5 with F and M chosen to reach each total.
  it.each([
    [181, 1, 0, 3, "churn_risk"],
    [181, 2, 0, 4, "general"],
    [30, 1, 0, 7, "general"],
    [30, 2, 0, 8, "potential"],
    [30, 8, 1000, 11, "potential"],
    [30, 8, 3000, 12, "high_value"],
    [30, 12, 10000, 15, "high_value"],
  ])("R %i days, F %i, M %d: total %i is %s", (days, orders, amount, total, tier) => {
    const result = one({ recencyDays: days, frequency: orders, monetary: amount });
    expect(result.total).toBe(total);
    expect(result.tier).toBe(tier);
    expect(result.family).toBe(familyOf(result.tier));
  });

  it("weights the scores 0.4 / 0.3 / 0.3 by default", () => {
    const result = one({ recencyDays: 10, frequency: 8, monetary: 1000 });
    expect(result.weighted).toBeCloseTo(0.4 * 5 + 0.3 * 4 + 0.3 * 2, 10);
  });

  it("follows the thresholds in settings", () => {
    const settings = defaultSettings();
    settings.fixed5.recencyMaxDays = [7, 14, 21, 28];
    settings.fixed5.tierMinTotal.high_value = 15;
    const result = one({ recencyDays: 10, frequency: 12, monetary: 10000 }, settings);
    expect(result.rScore).toBe(4);
    expect(result.total).toBe(14);
    expect(result.tier).toBe("potential");
  });

  it("explains the tier in one line", () => {
    const result = one({ recencyDays: 12, frequency: 9, monetary: 4200 });
    expect(result.reason).toBe(
      "R 5 (12 days), F 4 (9 orders), M 3 (¥4,200) → total 12 → High value"
    );
    const zh = scoreScheme(
      "fixed5",
      [input({ recencyDays: 12, frequency: 9, monetary: 4200 })],
      defaultSettings(),
      "zh-CN"
    );
    expect(zh.results[0].reason).toBe(
      "R 5（12天）、F 4（9单）、M 3（¥4,200） → 总分 12 → 高价值客户"
    );
  });
});

describe("pct100: 100-point percentiles", () => {
  it("scores the share of other customers beaten; ties share a score", () => {
    const results = score("pct100", [
      input({ recencyDays: 1, frequency: 10, monetary: 100 }),
      input({ recencyDays: 5, frequency: 10, monetary: 200 }),
      input({ recencyDays: 5, frequency: 1, monetary: 300 }),
      input({ recencyDays: 9, frequency: 0, monetary: 400 }),
      input({ recencyDays: 20, frequency: 0, monetary: 500 }),
    ]).results;
    expect(results.map((r) => r.rScore)).toEqual([100, 50, 50, 25, 0]);
    expect(results.map((r) => r.fScore)).toEqual([75, 75, 50, 0, 0]);
    expect(results.map((r) => r.mScore)).toEqual([0, 25, 50, 75, 100]);
    expect(results.map((r) => r.total)).toEqual([175, 150, 150, 100, 100]);
  });

  it("gives a single customer 100 everywhere", () => {
    expect(score("pct100", [base]).results[0]).toMatchObject({
      rScore: 100,
      fScore: 100,
      mScore: 100,
      tier: "high_value",
    });
  });

  // Ten ladder customers plus the one under test: sharing ladder step i, it beats i of the
  // other ten, so its percentile is exactly 10 × i.
  const ladder = (r: number, f: number, m: number): RfmInput[] => {
    const inputs = Array.from({ length: 10 }, (_, i) =>
      input({ recencyDays: 100 - i * 10, frequency: i, monetary: i * 100 })
    );
    inputs.push(
      input({ recencyDays: 100 - (r / 10) * 10, frequency: f / 10, monetary: (m / 10) * 100 })
    );
    return inputs;
  };
  const tierOf = (r: number, f: number, m: number) => {
    const results = score("pct100", ladder(r, f, m)).results;
    return results[results.length - 1];
  };

  it.each([
    [100, 100, 100, "high_value"],
    [80, 80, 80, "high_value"],
    [60, 60, 70, "potential"], // R≥60, F≥60, M<80
    [70, 90, 60, "potential"], // R<80, F≥80, M≥60
    [90, 90, 50, "potential"],
    [40, 40, 40, "general"],
    [50, 100, 40, "general"], // F≥80 but M<60: not potential
    [30, 90, 90, "potential"], // R<80, F≥80, M≥60 even with a low R
    [30, 50, 90, "churn_risk"],
    [90, 90, 30, "potential"], // R≥60, F≥60, M<80 wins before the churn rule
    [90, 30, 90, "churn_risk"],
  ])("R %i, F %i, M %i is %s", (r, f, m, tier) => {
    const result = tierOf(r, f, m);
    expect([result.rScore, result.fScore, result.mScore]).toEqual([r, f, m]);
    expect(result.tier).toBe(tier);
  });
});

describe("quintile11: quintiles and the 11 named segments", () => {
  it("maps each of the 125 codes to exactly one segment", () => {
    const codes: string[] = [];
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) codes.push(`${r}${f}${m}`);
    expect(SEGMENT_BY_CODE.size).toBe(125);
    for (const code of codes) expect(SEGMENT_KEYS).toContain(SEGMENT_BY_CODE.get(code));
  });

  it("splits distinct values into five equal quintiles, best is 5", () => {
    const inputs = Array.from({ length: 10 }, (_, i) =>
      input({ recencyDays: i, frequency: i, monetary: i * 100 })
    );
    const results = score("quintile11", inputs).results;
    expect(results.map((r) => r.rScore)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(results.map((r) => r.fScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(results[0].tier).toBe(SEGMENT_BY_CODE.get("511"));
    expect(results[9].tier).toBe(SEGMENT_BY_CODE.get("155"));
  });

  it("keeps ties together and names the quintiles they leave empty", () => {
    // 6 of 10 customers share F = 1.
    const inputs = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5].map((f, i) =>
      input({ frequency: f, recencyDays: i, monetary: i })
    );
    const output = score("quintile11", inputs);
    expect(output.results.slice(0, 6).every((r) => r.fScore === 1)).toBe(true);
    expect(output.results.slice(6).map((r) => r.fScore)).toEqual([4, 4, 5, 5]);
    const fNote = output.notes.find((n) => n.key === "quintile_breakpoints_F");
    expect(fNote?.text).toContain(
      "Quintile 2 and 3 are empty because 60% of customers share F = 1"
    );
    expect(output.notes.find((n) => n.key === "quintile_tie_rule")).toBeDefined();
  });
});

describe("abc: ABC grading", () => {
  const settings = (combine: Settings["abc"]["combine"]) => {
    const s = defaultSettings();
    s.abc.combine = combine;
    return s;
  };
  // amount A, orders C, profit B, CLV A
  const mixed = input({ monetary: 600000, frequency: 2, profit: 60000, clv: 2000000 });

  it("grades each criterion against its bounds", () => {
    const grade = (patch: Partial<RfmInput>) =>
      score("abc", [input(patch)], settings("amount_only")).results[0].tier;
    expect(grade({ monetary: 500000 })).toBe("A");
    expect(grade({ monetary: 499999.99 })).toBe("B");
    expect(grade({ monetary: 200000 })).toBe("B");
    expect(grade({ monetary: 199999 })).toBe("C");
  });

  it.each([
    ["majority", "A"],
    ["all", "C"],
    ["any", "A"],
    ["amount_only", "A"],
  ] as const)("combines with %s into %s", (combine, expected) => {
    expect(score("abc", [mixed], settings(combine)).results[0].tier).toBe(expected);
  });

  it("breaks a majority tie toward the lower grade", () => {
    const tie = input({ monetary: 600000, frequency: 2, profit: null, clv: null }); // A and C
    expect(score("abc", [tie], settings("majority")).results[0].tier).toBe("C");
    const ab = input({ monetary: 600000, frequency: 6, profit: null, clv: null }); // A and B
    expect(score("abc", [ab], settings("majority")).results[0].tier).toBe("B");
  });

  it("skips criteria without data and says so", () => {
    const output = score("abc", [input({ profit: null, clv: null })], settings("majority"));
    expect(output.notes.map((n) => n.key)).toEqual(["abc_profit_skipped", "abc_clv_skipped"]);
    // ¥4,000 is C (1 point), 5 orders is B (2 points).
    expect(output.results[0]).toMatchObject({
      rScore: null,
      fScore: 2,
      mScore: 1,
      weighted: null,
      total: 3,
    });
  });
});

describe("properties of every scheme", () => {
  const anyInput = fc.record({
    recencyDays: fc.integer({ min: 0, max: 4000 }),
    frequency: fc.integer({ min: 0, max: 60 }),
    monetary: fc.double({ min: -1e6, max: 1e7, noNaN: true }),
    profit: fc.option(fc.double({ min: -1e5, max: 1e6, noNaN: true })),
    clv: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true })),
  });
  const schemes: SchemeKey[] = ["fixed5", "pct100", "quintile11", "abc"];

  it("never throws and keeps scores in range", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...schemes),
        fc.array(anyInput, { maxLength: 40 }),
        (key, inputs) => {
          const { results } = score(key, inputs);
          expect(results).toHaveLength(inputs.length);
          const max = { fixed5: 5, pct100: 100, quintile11: 5, abc: 3 }[key];
          for (const r of results) {
            for (const s of [r.rScore, r.fScore, r.mScore])
              if (s !== null) expect(s >= 0 && s <= max).toBe(true);
            expect(r.family).toBe(familyOf(r.tier));
            expect(r.reason.length).toBeGreaterThan(0);
          }
        }
      )
    );
  });

  it("gives each customer the same result whatever the input order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...schemes),
        fc.array(anyInput, { maxLength: 30 }),
        (key, inputs) => {
          const forward = score(key, inputs).results;
          const backward = score(key, [...inputs].reverse()).results.reverse();
          expect(backward).toEqual(forward);
        }
      )
    );
  });
});
