import { rank, scorePct100 as scorePct100Codes } from "../../src/core/schemes/pct100";
import { wordedScheme } from "./worded";

const scorePct100 = wordedScheme(scorePct100Codes);
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { RfmInput } from "../../src/core/types";
import type { Lang } from "../../src/i18n/lang";

const base: RfmInput = { recencyDays: 10, frequency: 5, monetary: 4000, profit: null, clv: null };
const input = (patch: Partial<RfmInput>): RfmInput => ({ ...base, ...patch });
const score = (inputs: RfmInput[], settings: Settings = defaultSettings(), lang: Lang = "en-US") =>
  scorePct100(inputs, settings, lang);

describe("pct100: percentile scores", () => {
  it("scores the share of the other customers beaten; ties share a score", () => {
    const results = score([
      input({ recencyDays: 1, frequency: 10, monetary: 100 }),
      input({ recencyDays: 5, frequency: 10, monetary: 200 }),
      input({ recencyDays: 5, frequency: 1, monetary: 300 }),
      input({ recencyDays: 9, frequency: 0, monetary: 400 }),
      input({ recencyDays: 20, frequency: 0, monetary: 500 }),
    ]).results;
    // R: fewer days is better. 1 day beats 4 others: 100; 5 days (twice) beat 2: 50.
    expect(results.map((r) => r.rScore)).toEqual([100, 50, 50, 25, 0]);
    expect(results.map((r) => r.fScore)).toEqual([75, 75, 50, 0, 0]);
    expect(results.map((r) => r.mScore)).toEqual([0, 25, 50, 75, 100]);
    expect(results.map((r) => r.total)).toEqual([175, 150, 150, 100, 100]);
  });

  it("rounds to whole points", () => {
    const results = score([0, 1, 2, 3].map((f) => input({ frequency: f }))).results;
    expect(results.map((r) => r.fScore)).toEqual([0, 33, 67, 100]);
  });

  it("gives a single customer 100 everywhere", () => {
    expect(score([base]).results[0]).toMatchObject({
      rScore: 100,
      fScore: 100,
      mScore: 100,
      total: 300,
      tier: "high_value",
    });
  });

  it("gives everyone 0 when all customers are equal (nobody beats anybody)", () => {
    const results = score([base, base, base]).results;
    expect(results.every((r) => r.rScore === 0 && r.fScore === 0 && r.mScore === 0)).toBe(true);
    expect(results[0].tier).toBe("churn_risk");
  });

  it("ranks net refunds together with zero (M scores max(0, net))", () => {
    const results = score([
      input({ monetary: -500 }),
      input({ monetary: 0 }),
      input({ monetary: -1 }),
      input({ monetary: 10 }),
    ]).results;
    expect(results.map((r) => r.mScore)).toEqual([0, 0, 0, 100]);
  });

  it("weights the percentiles with the settings' weights", () => {
    const results = score([
      input({ recencyDays: 1, frequency: 0, monetary: 10 }),
      input({ recencyDays: 2, frequency: 1, monetary: 0 }),
    ]).results;
    // R 100, F 0, M 100 → 0.4×100 + 0.3×0 + 0.3×100
    expect(results[0].weighted).toBe(70);
    expect(results[1].weighted).toBe(30);
  });
});

describe("pct100: tier rules, first match wins", () => {
  // Ten ladder customers plus the one under test: sharing ladder step i, it beats i of the other
  // ten, so its percentile is exactly 10 × i.
  const ladder = (r: number, f: number, m: number): RfmInput[] => {
    const inputs = Array.from({ length: 10 }, (_, i) =>
      input({ recencyDays: 100 - i * 10, frequency: i, monetary: i * 100 })
    );
    inputs.push(input({ recencyDays: 100 - r, frequency: f / 10, monetary: m * 10 }));
    return inputs;
  };
  const last = (r: number, f: number, m: number, settings?: Settings, lang?: Lang) => {
    const results = score(ladder(r, f, m), settings, lang).results;
    return results[results.length - 1];
  };

  it.each([
    [100, 100, 100, "high_value", "R, F and M all ≥ 80"],
    [80, 80, 80, "high_value", "R, F and M all ≥ 80"],
    [60, 60, 70, "potential", "R ≥ 60, F ≥ 60, M < 80"],
    [90, 90, 50, "potential", "R ≥ 60, F ≥ 60, M < 80"],
    [90, 90, 30, "potential", "R ≥ 60, F ≥ 60, M < 80"], // wins before the churn rule
    [50, 90, 60, "potential", "R < 80, F ≥ 80, M ≥ 60"], // R < 60: not the first rule
    [70, 80, 90, "potential", "R < 80, F ≥ 80, M ≥ 60"], // M ≥ 80: not the first rule
    [30, 90, 90, "potential", "R < 80, F ≥ 80, M ≥ 60"], // even with a low R
    [80, 80, 70, "potential", "R ≥ 60, F ≥ 60, M < 80"],
    [40, 40, 40, "general", "R, F and M all ≥ 40"],
    [50, 100, 40, "general", "R, F and M all ≥ 40"], // F ≥ 80 but M < 60: not potential
    [50, 50, 90, "general", "R, F and M all ≥ 40"], // F < 60: not the first potential rule
    [30, 50, 90, "churn_risk", "R < 40"],
    [90, 30, 90, "churn_risk", "F < 40"],
    [10, 20, 30, "churn_risk", "R, F, M < 40"],
  ] as const)("R %i, F %i, M %i is %s (%s)", (r, f, m, tier, rule) => {
    const result = last(r, f, m);
    expect([result.rScore, result.fScore, result.mScore]).toEqual([r, f, m]);
    expect(result.tier).toBe(tier);
    expect(result.reason).toContain(`→ ${rule} →`);
  });

  it("shows the three percentiles with the figures behind them", () => {
    expect(last(90, 90, 50).reason).toBe(
      "R 90 (10 days), F 90 (9 orders), M 50 (¥500) → R ≥ 60, F ≥ 60, M < 80 → Potential"
    );
    expect(last(90, 90, 50, defaultSettings(), "zh-CN").reason).toBe(
      "R 90（10天）、F 90（9单）、M 50（¥500）→ R ≥ 60、F ≥ 60、M < 80 → 潜力客户"
    );
  });

  it("follows the thresholds in settings", () => {
    const settings = defaultSettings();
    settings.pct100 = { high: 90, potentialR: 70, potentialF: 70, potentialM: 50, general: 20 };
    expect(last(80, 80, 80, settings)).toMatchObject({ tier: "potential" }); // M < 90
    expect(last(90, 90, 90, settings)).toMatchObject({ tier: "high_value" });
    expect(last(60, 90, 50, settings).tier).toBe("potential"); // R < 90, F ≥ 90, M ≥ 50
    expect(last(60, 60, 60, settings).tier).toBe("general");
    expect(last(20, 20, 20, settings).tier).toBe("general");
    expect(last(10, 90, 90, settings).tier).toBe("potential");
    expect(last(10, 60, 90, settings)).toMatchObject({ tier: "churn_risk" });
    expect(last(10, 60, 90, settings).reason).toContain("→ R < 20 →");
  });
});

describe("pct100: notes", () => {
  it("states the percentile definition", () => {
    const notes = score([base, base]).notes;
    expect(notes.map((n) => n.key)).toEqual(["pct100_rule"]);
    expect(notes[0].text).toContain("round(100 × customers strictly worse ÷ (customers − 1))");
    expect(score([]).notes).toEqual([]);
  });
});

describe("rank: customers strictly worse", () => {
  const naive = (values: number[]) =>
    values.map(
      (v) => values.filter((w) => (w === w ? w : -Infinity) < (v === v ? v : -Infinity)).length
    );

  it("counts smaller values, with ties sharing the count, across signs and magnitudes", () => {
    const values = [3, -1, 3, 0, -0, 1e300, -1e300, 2.5, -Infinity, Infinity, NaN, 0.1, -2.5, 3];
    expect(Array.from(rank(Float64Array.from(values)).worse)).toEqual(naive(values));
  });

  it("orders the indices by value, stable among ties", () => {
    const { order } = rank(Float64Array.from([5, 1, 5, 0, 1]));
    expect(Array.from(order)).toEqual([3, 1, 4, 0, 2]);
  });

  it("agrees with counting one by one on larger random columns", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const values = Array.from(
      { length: 3000 },
      () => Math.round((next() - 0.3) * 10 ** Math.floor(next() * 8)) / 100
    );
    expect(Array.from(rank(Float64Array.from(values)).worse)).toEqual(naive(values));
  });
});
