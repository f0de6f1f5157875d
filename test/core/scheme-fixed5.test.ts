import { scoreFixed5 as scoreFixed5Codes } from "../../src/core/schemes/fixed5";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { familyOf } from "../../src/core/tiers";
import type { RfmInput } from "../../src/core/types";
import type { Lang } from "../../src/i18n/lang";
import { scoreScheme, wordedScheme } from "./worded";

const scoreFixed5 = wordedScheme(scoreFixed5Codes);

const base: RfmInput = { recencyDays: 10, frequency: 5, monetary: 4000, profit: null, clv: null };
const input = (patch: Partial<RfmInput>): RfmInput => ({ ...base, ...patch });
const one = (
  patch: Partial<RfmInput>,
  settings: Settings = defaultSettings(),
  lang: Lang = "en-US"
) => scoreFixed5([input(patch)], settings, lang).results[0];

describe("fixed5: R bins (days since the last purchase)", () => {
  it.each([
    [0, 5],
    [29, 5],
    [30, 5],
    [31, 4],
    [59, 4],
    [60, 4],
    [61, 3],
    [90, 3],
    [91, 2],
    [180, 2],
    [181, 1],
    [5000, 1],
  ])("%i days scores %i", (days, expected) => {
    expect(one({ recencyDays: days }).rScore).toBe(expected);
  });
});

describe("fixed5: F bins (orders in the window)", () => {
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
  ])("%i orders scores %i", (orders, expected) => {
    expect(one({ frequency: orders }).fScore).toBe(expected);
  });
});

describe("fixed5: M bins (net amount, a net refund scores as 0)", () => {
  it.each([
    [-50000, 1],
    [-0.01, 1],
    [0, 1],
    [999.99, 1],
    [1000, 2],
    [2999.99, 2],
    [3000, 3],
    [4999.99, 3],
    [5000, 4],
    [9999.99, 4],
    [10000, 5],
    [1e9, 5],
  ])("¥%d scores %i", (amount, expected) => {
    expect(one({ monetary: amount }).mScore).toBe(expected);
  });

  it("scores a net refund like nothing, but shows the real figure in the reason", () => {
    const refund = one({ monetary: -1200 });
    expect(refund.mScore).toBe(1);
    expect(refund.reason).toContain("M 1 (-¥1,200)");
  });
});

describe("fixed5: tiers by total", () => {
  // [days, orders, amount] → total → tier
  it.each([
    [181, 1, 0, 3, "churn_risk"],
    [181, 2, 0, 4, "general"],
    [30, 1, 0, 7, "general"],
    [30, 2, 0, 8, "potential"],
    [30, 8, 1000, 11, "potential"],
    [30, 8, 3000, 12, "high_value"],
    [30, 12, 10000, 15, "high_value"],
  ] as const)("R %i days, F %i, M %d: total %i is %s", (days, orders, amount, total, tier) => {
    const result = one({ recencyDays: days, frequency: orders, monetary: amount });
    expect(result.total).toBe(total);
    expect(result.tier).toBe(tier);
    expect(result.family).toBe(familyOf(tier));
  });

  it("maps the four tiers to the four playbooks", () => {
    const families = [
      one({ recencyDays: 1, frequency: 20, monetary: 20000 }),
      one({ recencyDays: 1, frequency: 2, monetary: 0 }),
      one({ recencyDays: 200, frequency: 2, monetary: 0 }),
      one({ recencyDays: 200, frequency: 0, monetary: 0 }),
    ].map((r) => [r.tier, r.family]);
    expect(families).toEqual([
      ["high_value", "maintain"],
      ["potential", "develop"],
      ["general", "keep"],
      ["churn_risk", "win_back"],
    ]);
  });
});

describe("fixed5: weighted score", () => {
  it("weights the scores 0.4 / 0.3 / 0.3 by default, to two decimals", () => {
    const result = one({ recencyDays: 10, frequency: 8, monetary: 1000 });
    expect(result.weighted).toBe(3.8); // 0.4×5 + 0.3×4 + 0.3×2
  });

  it("uses the weights of the settings", () => {
    const settings = defaultSettings();
    settings.weights = { r: 1 / 3, f: 1 / 3, m: 1 / 3 };
    const result = one({ recencyDays: 10, frequency: 8, monetary: 1000 }, settings);
    expect(result.weighted).toBe(3.67); // 11 / 3 rounded
  });
});

describe("fixed5: thresholds come from the settings", () => {
  it("R bins", () => {
    const settings = defaultSettings();
    settings.fixed5.recencyMaxDays = [7, 14, 21, 28];
    expect(
      [7, 8, 14, 15, 21, 22, 28, 29].map((d) => one({ recencyDays: d }, settings).rScore)
    ).toEqual([5, 4, 4, 3, 3, 2, 2, 1]);
  });

  it("F bins", () => {
    const settings = defaultSettings();
    settings.fixed5.frequencyMin = [20, 10, 5, 3];
    expect([2, 3, 4, 5, 9, 10, 19, 20].map((f) => one({ frequency: f }, settings).fScore)).toEqual([
      1, 2, 2, 3, 3, 4, 4, 5,
    ]);
  });

  it("M bins", () => {
    const settings = defaultSettings();
    settings.fixed5.monetaryMin = [100000, 50000, 20000, 5000];
    expect(
      [4999.99, 5000, 19999.99, 20000, 49999.99, 50000, 99999.99, 100000].map(
        (m) => one({ monetary: m }, settings).mScore
      )
    ).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it("tier totals", () => {
    const settings = defaultSettings();
    settings.fixed5.tierMinTotal = { high_value: 14, potential: 10, general: 6 };
    const tierAt = (days: number, orders: number, amount: number) =>
      one({ recencyDays: days, frequency: orders, monetary: amount }, settings);
    expect(tierAt(30, 12, 5000)).toMatchObject({ total: 14, tier: "high_value" });
    expect(tierAt(30, 12, 3000)).toMatchObject({ total: 13, tier: "potential" });
    expect(tierAt(30, 4, 1000)).toMatchObject({ total: 10, tier: "potential" });
    expect(tierAt(30, 2, 1000)).toMatchObject({ total: 9, tier: "general" });
    expect(tierAt(181, 2, 1000)).toMatchObject({ total: 5, tier: "churn_risk" });
  });
});

describe("fixed5: reasons", () => {
  it("explains the tier in one line, in English and Chinese", () => {
    const x = { recencyDays: 12, frequency: 9, monetary: 4200 };
    expect(one(x).reason).toBe(
      "R 5 (12 days), F 4 (9 orders), M 3 (¥4,200) → total 12 → High value"
    );
    expect(one(x, defaultSettings(), "zh-CN").reason).toBe(
      "R 5（12天）、F 4（9单）、M 3（¥4,200）→ 总分 12 → 高价值客户"
    );
  });

  it("writes one day and one order in the singular, and cents when there are any", () => {
    expect(one({ recencyDays: 1, frequency: 1, monetary: 1234567.5 }).reason).toBe(
      "R 5 (1 day), F 1 (1 order), M 5 (¥1,234,567.50) → total 11 → Potential"
    );
  });

  it("gives each customer their own figures in a long run", () => {
    const inputs = Array.from({ length: 300 }, (_, i) =>
      input({ recencyDays: i, frequency: i % 15, monetary: i * 111.11 })
    );
    const results = scoreFixed5(inputs, defaultSettings(), "en-US").results;
    results.forEach((r, i) => {
      expect(r.reason).toBe(scoreFixed5([inputs[i]], defaultSettings(), "en-US").results[0].reason);
    });
  });
});

describe("fixed5 through scoreScheme", () => {
  it("keeps the input order and has no notes", () => {
    const inputs = [input({ recencyDays: 200 }), input({ recencyDays: 1 })];
    const output = scoreScheme("fixed5", inputs, defaultSettings(), "en-US");
    expect(output.results.map((r) => r.rScore)).toEqual([1, 5]);
    expect(output.notes).toEqual([]);
  });

  it("returns nothing for no customers", () => {
    expect(scoreScheme("fixed5", [], defaultSettings(), "zh-CN")).toEqual({
      results: [],
      notes: [],
    });
  });
});
