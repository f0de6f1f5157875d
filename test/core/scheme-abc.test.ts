import { scoreAbc as scoreAbcCodes } from "../../src/core/schemes/abc";
import { defaultSettings, type AbcCombine, type Settings } from "../../src/core/settings";
import type { RfmInput } from "../../src/core/types";
import type { Lang } from "../../src/i18n/lang";
import { wordedScheme } from "./worded";

const scoreAbc = wordedScheme(scoreAbcCodes);

const base: RfmInput = { recencyDays: 10, frequency: 5, monetary: 4000, profit: null, clv: null };
const input = (patch: Partial<RfmInput>): RfmInput => ({ ...base, ...patch });
const settingsWith = (combine: AbcCombine): Settings => {
  const s = defaultSettings();
  s.abc.combine = combine;
  return s;
};
const one = (patch: Partial<RfmInput>, combine: AbcCombine = "majority", lang: Lang = "en-US") =>
  scoreAbc([input(patch)], settingsWith(combine), lang).results[0];

describe("abc: each criterion against its bounds", () => {
  // With only one criterion graded (amount_only) the tier is that criterion's grade.
  it.each([
    [500000, "A"],
    [499999.99, "B"],
    [200000, "B"],
    [199999.99, "C"],
    [0, "C"],
    [-300000, "C"],
  ] as const)("annual purchase ¥%d is %s", (amount, grade) => {
    expect(one({ monetary: amount }, "amount_only")).toMatchObject({
      tier: grade,
      mScore: { A: 3, B: 2, C: 1 }[grade],
    });
  });

  it.each([
    [10, 3],
    [9, 2],
    [5, 2],
    [4, 1],
    [0, 1],
  ])("%i orders per year score %i grade points", (orders, points) => {
    expect(one({ frequency: orders }).fScore).toBe(points);
  });

  it.each([
    [100000, 1000000, "A", "A"],
    [99999.99, 999999.99, "B", "B"],
    [50000, 500000, "B", "B"],
    [49999.99, 499999.99, "C", "C"],
    [-20000, 0, "C", "C"],
  ] as const)("profit ¥%d and CLV ¥%d grade %s and %s", (profit, clv, p, c) => {
    const reason = one({ profit, clv }).reason;
    expect(reason).toContain(`profit ${p} (`);
    expect(reason).toContain(`CLV ${c} (`);
  });

  it("uses the bounds of the settings", () => {
    const settings = settingsWith("majority");
    settings.abc.annualAmount = [10000, 3000];
    settings.abc.ordersPerYear = [6, 3];
    const result = scoreAbc([input({ monetary: 4000, frequency: 6 })], settings, "en-US")
      .results[0];
    expect(result).toMatchObject({ mScore: 2, fScore: 3, tier: "B" }); // B + A tie → B
  });
});

describe("abc: combining the grades", () => {
  // amount A, orders C, profit B, CLV A
  const mixed = { monetary: 600000, frequency: 2, profit: 60000, clv: 2000000 };

  it.each([
    ["majority", "A", 9],
    ["all", "C", 9],
    ["any", "A", 9],
    ["amount_only", "A", 3],
  ] as const)("%s gives %s (total %i)", (combine, tier, total) => {
    const result = one(mixed, combine);
    expect(result).toMatchObject({
      tier,
      total,
      rScore: null,
      weighted: null,
      fScore: 1,
      mScore: 3,
    });
  });

  it("majority: the grade most criteria give", () => {
    expect(one({ monetary: 600000, frequency: 12, profit: 10, clv: 10 }).tier).toBe("C"); // A A C C → C
    expect(one({ monetary: 600000, frequency: 12, profit: 10, clv: 2e6 }).tier).toBe("A"); // A A C A
    expect(one({ monetary: 300000, frequency: 7, profit: 60000, clv: 2e6 }).tier).toBe("B"); // B B B A
  });

  it("majority: a tie goes to the lower grade", () => {
    expect(one({ monetary: 600000, frequency: 2 }).tier).toBe("C"); // A C
    expect(one({ monetary: 600000, frequency: 6 }).tier).toBe("B"); // A B
    expect(one({ monetary: 300000, frequency: 2 }).tier).toBe("C"); // B C
    expect(one({ monetary: 600000, frequency: 6, profit: 10 }).tier).toBe("C"); // A B C
    expect(one({ monetary: 600000, frequency: 12, profit: 60000, clv: 600000 }).tier).toBe("B"); // A A B B
  });

  it("all: A only when every criterion is A, C when any is C, otherwise B", () => {
    expect(one({ monetary: 600000, frequency: 12, profit: 2e5, clv: 2e6 }, "all").tier).toBe("A");
    expect(one({ monetary: 600000, frequency: 12, profit: 2e5, clv: 6e5 }, "all").tier).toBe("B");
    expect(one({ monetary: 600000, frequency: 12, profit: 2e5, clv: 10 }, "all").tier).toBe("C");
    expect(one({ monetary: 600000, frequency: 12 }, "all").tier).toBe("A"); // skipped criteria don't count
  });

  it("any: the best grade any criterion gives", () => {
    expect(one({ monetary: 0, frequency: 0, profit: 0, clv: 2e6 }, "any").tier).toBe("A");
    expect(one({ monetary: 0, frequency: 6 }, "any").tier).toBe("B");
    expect(one({ monetary: 0, frequency: 0 }, "any").tier).toBe("C");
  });

  it("amount_only: the annual purchase alone", () => {
    const result = one({ monetary: 300000, frequency: 50, profit: 1e6, clv: 1e8 }, "amount_only");
    expect(result).toMatchObject({ tier: "B", total: 2, fScore: 3 });
    expect(result.reason).toBe("annual purchase B (¥300,000) → amount only → Grade B");
  });

  it("treats an unknown combine setting as the default, all", () => {
    const settings = defaultSettings();
    (settings.abc as { combine: string }).combine = "whatever";
    const result = scoreAbc([input({ monetary: 600000, frequency: 2 })], settings, "en-US")
      .results[0];
    expect(result.tier).toBe("C");
  });

  it("grades seed 002's three example customers A, B and C by default (every criterion met)", () => {
    const settings = defaultSettings();
    expect(settings.abc.combine).toBe("all");
    const grades = scoreAbc(
      [
        input({ monetary: 800000, frequency: 12, profit: 150000, clv: 1200000 }),
        input({ monetary: 300000, frequency: 8, profit: 80000, clv: 600000 }),
        input({ monetary: 150000, frequency: 4, profit: 30000, clv: 300000 }),
        // A on three criteria, B on CLV: not every A criterion is met (majority would say A).
        input({ monetary: 800000, frequency: 12, profit: 150000, clv: 600000 }),
      ],
      settings,
      "en-US"
    ).results.map((r) => r.tier);
    expect(grades).toEqual(["A", "B", "C", "B"]);
  });

  it("maps grades to playbooks: A maintain, B develop, C keep", () => {
    expect(one({ monetary: 600000 }, "amount_only").family).toBe("maintain");
    expect(one({ monetary: 300000 }, "amount_only").family).toBe("develop");
    expect(one({ monetary: 3000 }, "amount_only").family).toBe("keep");
  });
});

describe("abc: reasons and notes", () => {
  it("lists each criterion's grade with its value", () => {
    const x = { monetary: 600000, frequency: 2, profit: 60000, clv: 2000000.5 };
    expect(one(x).reason).toBe(
      "annual purchase A (¥600,000), orders per year C (2 orders), profit B (¥60,000), CLV A (¥2,000,000.50) → majority → Grade A"
    );
    expect(one(x, "all", "zh-CN").reason).toBe(
      "年采购额 A（¥600,000）、年订单数 C（2单）、利润 B（¥60,000）、终身价值 A（¥2,000,000.50）→ 全部达标 → C类客户"
    );
  });

  it("leaves out criteria without data, scores the rest and says so", () => {
    const output = scoreAbc(
      [input({ profit: null, clv: null }), input({ profit: 70000, clv: null })],
      settingsWith("majority"),
      "en-US"
    );
    expect(output.notes.map((n) => n.key)).toEqual([
      "abc_criteria",
      "abc_profit_skipped",
      "abc_clv_skipped",
    ]);
    expect(output.notes[0].text).toBe(
      "ABC grades combine by majority: the grade most criteria give; a tie goes to the lower grade. " +
        "Criteria used: annual purchase, orders per year, profit (for 1 of 2 customers). Not used: CLV."
    );
    expect(output.notes[1].text).toContain("1 customer has no profit figure");
    expect(output.notes[2].text).toContain("2 customers have no CLV");
    // ¥4,000 is C (1 point), 5 orders is B (2 points); no profit, no CLV.
    expect(output.results[0]).toMatchObject({ fScore: 2, mScore: 1, total: 3, tier: "C" });
    expect(output.results[0].reason).not.toContain("profit");
    // The second customer adds profit B (2 points): C B B → B.
    expect(output.results[1]).toMatchObject({ total: 5, tier: "B" });
  });

  it("says that amount_only uses the annual purchase alone, and skips nothing", () => {
    const output = scoreAbc([input({})], settingsWith("amount_only"), "zh-CN");
    expect(output.notes.map((n) => n.key)).toEqual(["abc_criteria"]);
    expect(output.notes[0].text).toContain(
      "使用的标准：年采购额。未使用：年订单数、利润、终身价值。"
    );
  });

  it("has no notes without customers", () => {
    expect(scoreAbc([], defaultSettings(), "en-US")).toEqual({ results: [], notes: [] });
  });
});
