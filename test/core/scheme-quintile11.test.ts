import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scoreQuintile11 as scoreQuintile11Codes } from "../../src/core/schemes/quintile11";
import { wordedScheme } from "./worded";

const scoreQuintile11 = wordedScheme(scoreQuintile11Codes);
import { defaultSettings } from "../../src/core/settings";
import { familyOf, SEGMENT_BY_CODE, SEGMENT_CODES, SEGMENT_KEYS } from "../../src/core/tiers";
import type { RfmInput, SegmentKey } from "../../src/core/types";
import type { Lang } from "../../src/i18n/lang";

const base: RfmInput = { recencyDays: 10, frequency: 5, monetary: 4000, profit: null, clv: null };
const input = (patch: Partial<RfmInput>): RfmInput => ({ ...base, ...patch });
const score = (inputs: RfmInput[], lang: Lang = "en-US") =>
  scoreQuintile11(inputs, defaultSettings(), lang);

function allCodes(): string[] {
  const codes: string[] = [];
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) codes.push(`${r}${f}${m}`);
  return codes;
}

describe("the 11 segments by R-F-M code", () => {
  it("lists each of the 125 codes exactly once", () => {
    const listed = SEGMENT_KEYS.flatMap((s) => SEGMENT_CODES[s].split(" "));
    expect(listed).toHaveLength(125);
    expect(new Set(listed).size).toBe(125);
    expect([...listed].sort()).toEqual(allCodes());
    expect(SEGMENT_BY_CODE.size).toBe(125);
    for (const code of allCodes()) expect(SEGMENT_KEYS).toContain(SEGMENT_BY_CODE.get(code));
  });

  it("has the appendix's number of codes per segment", () => {
    const sizes = Object.fromEntries(
      SEGMENT_KEYS.map((s) => [s, SEGMENT_CODES[s].split(" ").length])
    );
    expect(sizes).toEqual({
      champions: 7,
      loyal_customers: 8,
      potential_loyalist: 24,
      new_customers: 7,
      promising: 16,
      need_attention: 8,
      about_to_sleep: 8,
      at_risk: 22,
      cant_lose_them: 8,
      hibernating: 11,
      lost: 6,
    });
  });

  it.each([
    ["555", "champions"],
    ["445", "champions"],
    ["444", "loyal_customers"],
    ["333", "potential_loyalist"],
    ["511", "new_customers"],
    ["311", "new_customers"],
    ["525", "promising"],
    ["343", "need_attention"],
    ["331", "about_to_sleep"],
    ["255", "at_risk"],
    ["124", "at_risk"],
    ["155", "cant_lose_them"],
    ["113", "cant_lose_them"],
    ["222", "hibernating"],
    ["111", "lost"],
    ["151", "lost"],
  ] as const)("%s is %s", (code, segment) => {
    expect(SEGMENT_BY_CODE.get(code)).toBe(segment);
  });

  it("matches the table in docs/scoring.md", () => {
    const doc = readFileSync(join(__dirname, "../../docs/scoring.md"), "utf8");
    const english: Record<string, SegmentKey> = {
      Champions: "champions",
      "Loyal Customers": "loyal_customers",
      "Potential Loyalist": "potential_loyalist",
      "New Customers": "new_customers",
      Promising: "promising",
      "Need Attention": "need_attention",
      "About To Sleep": "about_to_sleep",
      "At Risk": "at_risk",
      "Can't Lose Them": "cant_lose_them",
      Hibernating: "hibernating",
      Lost: "lost",
    };
    const fromDoc = new Map<string, SegmentKey>();
    for (const line of doc.split("\n")) {
      const cells = line.split("|").map((c) => c.trim());
      const codes = cells.find((c) => /^([1-5]{3} )*[1-5]{3}$/.test(c));
      const name = Object.keys(english).find((n) => cells[1]?.endsWith(n));
      if (codes && name) for (const code of codes.split(" ")) fromDoc.set(code, english[name]);
    }
    expect(fromDoc.size).toBe(125);
    for (const [code, segment] of fromDoc) expect(SEGMENT_BY_CODE.get(code)).toBe(segment);
  });
});

describe("quintile11: quintiles", () => {
  it("splits distinct values into five equal quintiles, 5 best (R: fewest days)", () => {
    const inputs = Array.from({ length: 10 }, (_, i) =>
      input({ recencyDays: i, frequency: i, monetary: i * 100 })
    );
    const results = score(inputs).results;
    expect(results.map((r) => r.rScore)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(results.map((r) => r.fScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(results.map((r) => r.mScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(results[0]).toMatchObject({ tier: "new_customers", total: 7, family: "develop" });
    expect(results[9]).toMatchObject({ tier: "cant_lose_them", total: 11, family: "win_back" });
    expect(results[0].weighted).toBe(2.6); // 0.4×5 + 0.3×1 + 0.3×1
  });

  it("explains the segment by its code", () => {
    const inputs = Array.from({ length: 5 }, (_, i) =>
      input({ recencyDays: i, frequency: 10 - i, monetary: 1000 - i })
    );
    expect(score(inputs).results[0].reason).toBe("R 5 F 5 M 5 (code 555) → Champions");
    expect(score(inputs, "zh-CN").results[1].reason).toBe("R 4 F 4 M 4（代码 444）→ 忠诚客户");
  });

  it("keeps ties together and names the quintiles they leave empty", () => {
    // 6 of 10 customers share F = 1.
    const inputs = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5].map((f, i) =>
      input({ frequency: f, recencyDays: i, monetary: i })
    );
    const output = score(inputs);
    expect(output.results.slice(0, 6).every((r) => r.fScore === 1)).toBe(true);
    expect(output.results.slice(6).map((r) => r.fScore)).toEqual([4, 4, 5, 5]);
    const fNote = output.notes.find((n) => n.key === "quintile_breakpoints_F")?.text;
    expect(fNote).toBe(
      "F (orders) by quintile: 5 = 4–5, 4 = 2–3, 3 = empty, 2 = empty, 1 = 1. " +
        "F: quintiles 2 and 3 are empty because 60% of customers (6) share F = 1 (ties are never split)."
    );
    // R and M have no ties: no empty quintile is named.
    const rNote = output.notes.find((n) => n.key === "quintile_breakpoints_R")?.text;
    expect(rNote).toBe(
      "R (days since last purchase) by quintile: 5 = 0–1, 4 = 2–3, 3 = 4–5, 2 = 6–7, 1 = 8–9."
    );
    expect(output.notes.map((n) => n.key)).toEqual([
      "quintile_tie_rule",
      "quintile_breakpoints_R",
      "quintile_breakpoints_F",
      "quintile_breakpoints_M",
    ]);
  });

  it("names the tie of the product's example: 61% share F = 1", () => {
    const inputs = Array.from({ length: 100 }, (_, i) => input({ frequency: i < 61 ? 1 : i }));
    const note = score(inputs).notes.find((n) => n.key === "quintile_breakpoints_F")?.text;
    expect(note).toContain(
      "F: quintiles 2 and 3 are empty because 61% of customers (61) share F = 1"
    );
  });

  it("attributes each empty quintile to the tie that emptied it", () => {
    // 3 share R = 50 days (the worst), then 1, then 5 share R = 10 days, then one at 1 day.
    const days = [50, 50, 50, 20, 10, 10, 10, 10, 10, 1];
    const output = score(
      days.map((d) => input({ recencyDays: d })),
      "en-US"
    );
    expect(output.results.map((r) => r.rScore)).toEqual([1, 1, 1, 2, 3, 3, 3, 3, 3, 5]);
    const note = output.notes.find((n) => n.key === "quintile_breakpoints_R")?.text;
    expect(note).toContain("5 = 1, 4 = empty, 3 = 10, 2 = 20, 1 = 50.");
    expect(note).toContain("R: quintile 4 is empty because 50% of customers (5) share R = 10 days");
    expect(note).not.toContain("share R = 50 days");
  });

  it("puts everyone in quintile 1 when all are equal, and says so", () => {
    const output = score([base, base, base, base]);
    expect(output.results.every((r) => r.rScore === 1 && r.fScore === 1 && r.mScore === 1)).toBe(
      true
    );
    expect(output.results[0].tier).toBe("lost");
    const m = output.notes.find((n) => n.key === "quintile_breakpoints_M")?.text;
    expect(m).toContain(
      "M: quintiles 2, 3, 4 and 5 are empty because 100% of customers (4) share M = ¥4,000"
    );
  });

  it("writes the notes in Chinese", () => {
    const inputs = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5].map((f) => input({ frequency: f }));
    const output = score(inputs, "zh-CN");
    expect(output.notes[0].text).toContain("五等分规则");
    expect(output.notes.find((n) => n.key === "quintile_breakpoints_F")?.text).toBe(
      "F（订单数）各档取值：5 档 4–5，4 档 2–3，3 档 空，2 档 空，1 档 1。" +
        "F：第 2、3 档为空，因为 60% 的客户（6 个）F 同为 1（并列值不拆分）。"
    );
  });

  it("has no notes without customers", () => {
    expect(score([])).toEqual({ results: [], notes: [] });
  });

  it("maps every result to its code's segment and playbook", () => {
    let seed = 3;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const inputs = Array.from({ length: 500 }, () =>
      input({
        recencyDays: Math.floor(next() * 400),
        frequency: Math.floor(next() * 20),
        monetary: Math.round(next() * 1e6) / 100,
      })
    );
    for (const r of score(inputs).results) {
      expect(r.tier).toBe(SEGMENT_BY_CODE.get(`${r.rScore}${r.fScore}${r.mScore}`));
      expect(r.family).toBe(familyOf(r.tier));
      expect(r.total).toBe((r.rScore ?? 0) + (r.fScore ?? 0) + (r.mScore ?? 0));
    }
  });
});
