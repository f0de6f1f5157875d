import { normalizeId, serialFromYmd } from "../../src/core/parse";
import type { SheetStrings } from "../../src/i18n/strings/sheets";
import { reportJson, type ReviewJson } from "../../src/core/reportJson";
import { strings } from "../../src/i18n";
import { isControlDraw, seededRandom } from "../../src/core/review/draw";
import type { Cell, SheetGrid } from "../../src/core/types";
import { gridOf } from "../../src/plan/grid";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";
import { CALLS_PER_OWNER } from "../../src/plan/calls";
import { CALLS_IN_PANE } from "../../src/app/host";

/**
 * A generated workbook where every customer is high value (so every line is one strategy), with a
 * planned period in the last 60 days. Everyone buys more during the period (the season); with
 * `planted`, the treated customers buy one more order of ¥500 on top.
 */
const AS_OF = serialFromYmd(2024, 12, 31);
const FROM = AS_OF - 59;
const OPTIONS: RunOptions = { lang: "zh-CN", today: AS_OF, overrides: { asOf: AS_OF } };
const N = 300;
const id = (i: number) => `C${String(i + 1).padStart(3, "0")}`;

function workbook(planted: boolean, seed: number): SheetGrid[] {
  const random = seededRandom(seed);
  const lines: Cell[][] = [];
  const add = (i: number, day: number, amount: number) =>
    lines.push([`SO${lines.length + 1}`, id(i), day, amount]);
  for (let i = 0; i < N; i++) {
    // Twelve big orders long before the period: F, M and so the tier do not depend on the test.
    for (let k = 0; k < 12; k++) add(i, AS_OF - 150 - k * 15, 2000);
    add(i, AS_OF - 5, 300); // recent for everyone: R 5
    const before = Math.floor(random() * 3);
    const during = Math.floor(random() * 3) + 1; // the season: one more on average
    for (let k = 0; k < before; k++) add(i, FROM - 1 - k * 7, 300);
    for (let k = 0; k < during; k++) add(i, FROM + 1 + k * 7, 300);
    // The draw is seeded by the customer's matching key (IDs match ignoring case).
    const control = isControlDraw(normalizeId(id(i))!, "maintain", "", 0.15);
    if (planted && !control) add(i, FROM + 30, 500);
  }
  return [
    {
      name: "客户档案",
      values: [
        ["客户ID", "客户名称"],
        ...Array.from({ length: N }, (_, i) => [id(i), `客户${i + 1}`]),
      ],
    },
    { name: "销售订单", values: [["订单号", "客户ID", "交易日期", "金额(元)"], ...lines] },
  ];
}

function rescore(sheets: SheetGrid[]): {
  sheets: SheetGrid[];
  run: ReturnType<typeof planWorkbook>;
} {
  const run = planWorkbook(sheets, OPTIONS);
  const ours = new Map(run.plans.map((p) => [p.name, gridOf(p)]));
  return { sheets: [...sheets.filter((s) => !ours.has(s.name)), ...ours.values()], run };
}

const TRACKING = strings("zh-CN").sheets.names.tracking;
const column = (grid: SheetGrid, key: keyof SheetStrings["trackingHeaders"]) =>
  grid.values[0].indexOf(strings("zh-CN").sheets.trackingHeaders[key]);

/** The manager plans the period on every line that is not a control line (control lines stay blank). */
function planPeriod(sheets: SheetGrid[]): SheetGrid[] {
  return sheets.map((s) => {
    if (s.name !== TRACKING) return s;
    const [start, end, control] = [column(s, "start"), column(s, "end"), column(s, "control")];
    const values = s.values.map((row, r) => {
      if (r === 0 || row[control] !== strings("zh-CN").review.controlMark.yes) {
        if (r === 0) return row;
        const copy = [...row];
        copy[start] = FROM;
        copy[end] = AS_OF;
        return copy;
      }
      return row;
    });
    return { ...s, values };
  });
}

function reviewOf(planted: boolean, seed: number): ReviewJson[] {
  const first = rescore(workbook(planted, seed));
  const second = rescore(planPeriod(first.sheets));
  return reportJson(second.run.report, second.run).review as ReviewJson[];
}

describe("the strategy review compares treated and control customers", () => {
  it("a planted effect: the interval covers it and the verdict is effective", () => {
    const review = reviewOf(true, 1);
    expect(review).toHaveLength(1);
    const [g] = review;
    expect(g.strategy).toBe("maintain");
    expect(g.tier).toBe("high_value");
    expect(g.period).toEqual(["2024-11-02", "2024-12-31"]);
    expect(g.treated + g.control).toBe(N);
    expect(g.control).toBeGreaterThanOrEqual(20);
    expect(g.ci90_orders![0]).toBeLessThanOrEqual(1);
    expect(g.ci90_orders![1]).toBeGreaterThanOrEqual(1);
    expect(g.ci90_amount![0]).toBeLessThanOrEqual(500);
    expect(g.ci90_amount![1]).toBeGreaterThanOrEqual(500);
    expect(g.verdict).toBe("effective");
  });

  it("no effect: the season alone is not called effective", () => {
    for (const seed of [2, 3, 4]) {
      const [g] = reviewOf(false, seed);
      expect(g.verdict).toBe("no_effect");
      expect(g.ci90_orders![0]).toBeLessThanOrEqual(0);
      expect(g.ci90_orders![1]).toBeGreaterThanOrEqual(0);
    }
  });

  it("shows the comparison with its verdict on the review sheet", () => {
    const first = rescore(workbook(true, 1));
    const second = rescore(planPeriod(first.sheets));
    const review = second.run.plans.find((p) => p.key === "review")!;
    const uplift = review.tables.find((t) => t.id === "uplift")!;
    expect(uplift.columns.map((c) => c.header)).toContain(
      strings("zh-CN").review.upliftHeaders.verdict
    );
    expect(uplift.rows).toHaveLength(1);
    expect(uplift.rows[0].at(-1)).toBe(strings("zh-CN").review.upliftVerdicts.effective);
    // The per-customer lines stay: every customer once, control customers marked.
    const lines = review.tables.find((t) => t.id === "review")!;
    expect(lines.rows).toHaveLength(N);
  });
});

describe("the control mark on the tracking sheet", () => {
  it("is drawn the same on every re-score, even when the sheet was lost", () => {
    const first = rescore(workbook(false, 5));
    const tracking = first.sheets.find((s) => s.name === TRACKING)!;
    const control = column(tracking, "control");
    const marks = tracking.values.slice(1).map((r) => r[control]);
    expect(new Set(marks)).toEqual(
      new Set([strings("zh-CN").review.controlMark.yes, strings("zh-CN").review.controlMark.no])
    );
    const held = marks.filter((m) => m === strings("zh-CN").review.controlMark.yes).length;
    expect(held / N).toBeGreaterThan(0.08);
    expect(held / N).toBeLessThan(0.22);
    const again = rescore(workbook(false, 5)).sheets.find((s) => s.name === TRACKING)!;
    expect(again.values.slice(1).map((r) => r[control])).toEqual(marks);
  });

  it("survives a manager's hand edit, both ways", () => {
    const first = rescore(workbook(false, 6));
    const tracking = first.sheets.find((s) => s.name === TRACKING)!;
    const control = column(tracking, "control");
    const yes = tracking.values.findIndex(
      (r, i) => i > 0 && r[control] === strings("zh-CN").review.controlMark.yes
    );
    const no = tracking.values.findIndex(
      (r, i) => i > 0 && r[control] === strings("zh-CN").review.controlMark.no
    );
    const values = tracking.values.map((r) => [...r]);
    values[yes][control] = "否";
    values[no][control] = "Yes"; // typed in English: still a mark
    const edited = first.sheets.map((s) => (s.name === TRACKING ? { ...s, values } : s));
    const after = rescore(edited).sheets.find((s) => s.name === TRACKING)!;
    const byId = (grid: SheetGrid, customer: Cell) => grid.values.find((r) => r[0] === customer)!;
    expect(byId(after, values[yes][0])[control]).toBe("否");
    expect(byId(after, values[no][0])[control]).toBe("Yes");
  });

  it("a share of 0 holds back nobody", () => {
    const run = planWorkbook(workbook(false, 7), {
      ...OPTIONS,
      overrides: { ...OPTIONS.overrides, controlShare: 0 },
    });
    const tracking = gridOf(run.plans.find((p) => p.key === "tracking")!);
    const control = column(tracking, "control");
    expect(
      tracking.values.slice(1).every((r) => r[control] === strings("zh-CN").review.controlMark.no)
    ).toBe(true);
  });
});

describe("call list and model check sheets", () => {
  it("leaves control customers off the call list and names the tiers sheet row", () => {
    const { run } = rescore(workbook(false, 8));
    const tracking = gridOf(run.plans.find((p) => p.key === "tracking")!);
    const control = column(tracking, "control");
    const held = new Set(
      tracking.values
        .filter((r) => r[control] === strings("zh-CN").review.controlMark.yes)
        .map((r) => r[0])
    );
    for (const entry of run.calls ?? []) {
      expect(held.has(entry.id)).toBe(false);
      expect(entry.address).toMatch(/^客户分层!A\d+$/);
    }
    const sorted = [...(run.calls ?? [])].sort((a, b) => b.valueAtRisk - a.valueAtRisk);
    expect(run.calls).toEqual(sorted);
  });

  it("lists the lines the call sheet shows: at most CALLS_PER_OWNER per owner, the pane's among them", () => {
    // 90 customers, three owners (one blank), all silent for 200 days after a year of monthly orders.
    const ids = Array.from({ length: 90 }, (_, i) => id(i));
    const owners = ["王", "李", ""];
    const run = planWorkbook(
      [
        {
          name: "客户档案",
          values: [
            ["客户ID", "客户名称", "销售负责人"],
            ...ids.map((c, i) => [c, c, owners[i % 3]]),
          ],
        },
        {
          name: "销售订单",
          values: [
            ["订单号", "客户ID", "交易日期", "金额(元)"],
            ...ids.flatMap((c, i) =>
              Array.from({ length: 12 }, (_, k) => [`${c}-${k}`, c, AS_OF - 200 - 30 * k, 100 + i])
            ),
          ],
        },
      ],
      { ...OPTIONS, overrides: { asOf: AS_OF, controlShare: 0 } }
    );
    const calls = run.calls ?? [];
    expect(calls.length).toBe(3 * CALLS_PER_OWNER);
    const perOwner = new Map<string, number>();
    for (const entry of calls) perOwner.set(entry.owner, (perOwner.get(entry.owner) ?? 0) + 1);
    for (const count of perOwner.values()) expect(count).toBeLessThanOrEqual(CALLS_PER_OWNER);
    // The pane shows the list's first CALLS_IN_PANE: they are an owner's first lines only if fewer.
    expect(CALLS_IN_PANE).toBeLessThanOrEqual(CALLS_PER_OWNER);
    const sheet = gridOf(run.plans.find((p) => p.key === "calls")!);
    const header = sheet.values.findIndex((r) =>
      r.includes(strings("zh-CN").review.callHeaders.id)
    );
    const idCol = sheet.values[header].indexOf(strings("zh-CN").review.callHeaders.id);
    const listed = sheet.values.slice(header + 1).map((r) => r[idCol]);
    expect([...listed].sort()).toEqual(calls.map((c) => c.id).sort());
  });

  it("checks the model on a holdout and reports it, or says why not", () => {
    const { run } = rescore(workbook(false, 9));
    const json = reportJson(run.report, run).model_check as Record<string, unknown>;
    expect(json.holdout_weeks).toBe(26);
    // Eight months of history: not twice the 26-week holdout.
    expect(json.reason).toBe("history_too_short");
    const sheet = run.plans.find((p) => p.key === "modelcheck")!;
    expect(String(sheet.preamble[1][0])).toContain("历史不够长");
  });
});
