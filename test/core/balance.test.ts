import fc from "fast-check";
import {
  balanceFindings,
  DOMINANT_SHARE,
  MIN_TIERED,
  tierBalance,
  type BalanceSuggestion,
} from "../../src/core/balance";
import { scoreScheme } from "../../src/core/schemes";
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { RfmInput, SchemeKey, TierKey } from "../../src/core/types";
import { gridOf } from "../../src/plan/grid";
import { planSettingsSheet, readSettingsSheet } from "../../src/plan/settings";

/** A small deterministic generator, so the data is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Wholesale (B2B) customers: large orders, a few a month, as in the sample workbook. */
function wholesale(n: number, seed = 7): RfmInput[] {
  const rand = lcg(seed);
  return Array.from({ length: n }, () => {
    const frequency = 2 + Math.floor(rand() * 24);
    const monetary = Math.round(20000 + rand() * rand() * 900000);
    return {
      recencyDays: Math.floor(rand() * rand() * 200),
      frequency,
      monetary,
      profit: Math.round(monetary * 0.2),
      clv: monetary * 2,
    };
  });
}

function score(scheme: SchemeKey, inputs: RfmInput[], settings: Settings) {
  const s = { ...settings, scheme };
  const out = scoreScheme(scheme, inputs, s);
  return { out, balance: tierBalance(scheme, inputs, out.results, s) };
}

function applied(settings: Settings, suggestion: BalanceSuggestion | null): Settings {
  const next = structuredClone(settings);
  if (suggestion?.fixed5) next.fixed5 = suggestion.fixed5;
  if (suggestion?.abc) Object.assign(next.abc, suggestion.abc);
  return next;
}

const share = (tiers: TierKey[], tier: TierKey) =>
  tiers.filter((t) => t === tier).length / tiers.length;

describe("balanceFindings", () => {
  const many = (tier: TierKey, n: number): TierKey[] => Array<TierKey>(n).fill(tier);

  it("calls one tier holding more than 60% of the tiered customers lopsided", () => {
    const tiers = [
      ...many("high_value", 13),
      ...many("potential", 3),
      ...many("general", 2),
      ...many("churn_risk", 2),
    ];
    const { findings } = balanceFindings("fixed5", tiers);
    expect(findings).toEqual([
      { code: "tier_dominates", tier: "high_value", count: 13, share: 13 / 20 },
    ]);
  });

  it("accepts exactly 60% in one tier", () => {
    const tiers = [
      ...many("general", 12),
      ...many("potential", 4),
      ...many("high_value", 2),
      ...many("churn_risk", 2),
    ];
    expect(12 / 20).toBe(DOMINANT_SHARE);
    expect(balanceFindings("fixed5", tiers).findings).toEqual([]);
  });

  it("names a tier the scheme expects that holds nobody", () => {
    const tiers = [...many("B", 10), ...many("C", 10)];
    expect(balanceFindings("abc", tiers).findings).toEqual([
      { code: "tier_empty", tier: "A", count: 0, share: 0 },
    ]);
  });

  it("does not expect every one of the 11 segments to be filled", () => {
    const tiers = [...many("champions", 10), ...many("lost", 10)];
    expect(balanceFindings("quintile11", tiers).findings).toEqual([]);
  });

  it("does not judge fewer than the minimum of tiered customers", () => {
    expect(balanceFindings("fixed5", many("general", MIN_TIERED - 1)).findings).toEqual([]);
  });
});

describe("tierBalance on wholesale customers", () => {
  const inputs = wholesale(300);

  it("finds seed 003's retail bins lopsided and suggests bins that separate the customers", () => {
    const first = score("fixed5", inputs, defaultSettings());
    expect(
      share(
        first.out.results.map((r) => r.tier),
        "high_value"
      )
    ).toBeGreaterThan(0.6);
    expect(first.balance.findings).toContainEqual(
      expect.objectContaining({ code: "tier_dominates", tier: "high_value" })
    );
    expect(first.balance.suggestion?.fixed5).toBeDefined();

    const second = score("fixed5", inputs, applied(defaultSettings(), first.balance.suggestion));
    const tiers = second.out.results.map((r) => r.tier);
    expect(second.balance.findings).toEqual([]);
    for (const tier of ["high_value", "potential", "general", "churn_risk"] as const)
      expect(share(tiers, tier)).toBeGreaterThan(0.05);
  });

  it("finds seed 002's bounds lopsided and suggests bounds giving about a fifth A and half A or B", () => {
    const first = score("abc", inputs, defaultSettings());
    expect(first.balance.findings).toContainEqual(
      expect.objectContaining({ code: "tier_dominates", tier: "C" })
    );
    const second = score("abc", inputs, applied(defaultSettings(), first.balance.suggestion));
    const tiers = second.out.results.map((r) => r.tier);
    expect(second.balance.findings).toEqual([]);
    expect(share(tiers, "A")).toBeGreaterThan(0.1);
    expect(share(tiers, "A")).toBeLessThan(0.35);
    expect(share(tiers, "A") + share(tiers, "B")).toBeGreaterThan(0.35);
    expect(share(tiers, "A") + share(tiers, "B")).toBeLessThan(0.65);
  });

  it("suggests nothing when the scheme separates the customers", () => {
    const balanced = score("pct100", inputs, defaultSettings());
    expect(balanced.balance.suggestion).toBeNull();
  });
});

describe("suggested thresholds obey the settings sheet's rules", () => {
  const customer = fc.record({
    recencyDays: fc.integer({ min: 0, max: 2000 }),
    frequency: fc.integer({ min: 0, max: 60 }),
    monetary: fc.double({ min: -5000, max: 5e6, noNaN: true }),
    profit: fc.option(fc.double({ min: -1000, max: 1e6, noNaN: true })),
    clv: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true })),
  });

  it("copied into the value column, they read back without a problem and as suggested", () => {
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: MIN_TIERED, maxLength: 80 }),
        fc.constantFrom<SchemeKey>("fixed5", "abc"),
        (inputs, scheme) => {
          const settings = { ...defaultSettings(), scheme };
          const out = scoreScheme(scheme, inputs, settings);
          // Force a suggestion whatever the tiers look like: the rules must hold for any data.
          const balance = tierBalance(scheme, inputs, out.results, settings);
          const suggestion =
            balance.suggestion ??
            tierBalance(
              scheme,
              inputs,
              out.results.map((r) => ({ ...r, tier: scheme === "abc" ? "C" : "general" })),
              settings
            ).suggestion;
          const plan = planSettingsSheet(settings, "en-US", { detectedColumns: [], suggestion });
          const table = plan.tables[0];
          const value = table.columns.findIndex((c) => c.key === "value");
          const suggested = table.columns.findIndex((c) => c.key === "suggested");
          let filled = 0;
          for (const row of table.rows) {
            if (row[suggested] === null) continue;
            row[value] = row[suggested];
            filled++;
          }
          expect(filled).toBeGreaterThan(0);
          const back = readSettingsSheet(gridOf(plan), "en-US");
          expect(back.problems).toEqual([]);
          expect(back.settings).toEqual(applied(settings, suggestion));
        }
      ),
      { numRuns: 60 }
    );
  });
});
