import { serialFromYmd } from "../../src/core/parse";
import type { Cell, SheetGrid } from "../../src/core/types";
import { strings } from "../../src/i18n";
import { gridOf } from "../../src/plan/grid";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);
const FROM = AS_OF - 29;
const zh = strings("zh-CN");
const OPTIONS: RunOptions = {
  lang: "zh-CN",
  today: AS_OF,
  overrides: { asOf: AS_OF, controlShare: 0, reviewCycleDays: 45 },
};
const TRACKING = zh.sheets.names.tracking;

/**
 * Three customers who buy every two weeks all year (so all are one tier). In the 30 days before the
 * period each has 2 orders of 1,000; during it C001 has 2 orders of 1,500 (AOV +50%), C002 2 of 1,000
 * (+0%), C003 1 of 500.
 */
function inputs(): SheetGrid[] {
  const lines: Array<[string, number, number]> = [];
  const during: Record<string, number[]> = { C001: [1500, 1500], C002: [1000, 1000], C003: [500] };
  for (const id of ["C001", "C002", "C003"]) {
    for (let k = 0; k < 20; k++) lines.push([id, FROM - 60 - 14 * k, 2000]);
    lines.push([id, FROM - 20, 1000], [id, FROM - 5, 1000]);
    during[id].forEach((amount, k) => lines.push([id, FROM + 3 + 10 * k, amount]));
  }
  return [
    {
      name: "客户档案",
      values: [
        ["客户ID", "客户名称"],
        ["C001", "甲"],
        ["C002", "乙"],
        ["C003", "丙"],
      ],
    },
    {
      name: "销售订单",
      values: [
        ["订单号", "客户ID", "交易日期", "金额(元)"],
        ...lines.map(([id, day, amount], i) => [`SO${i + 1}`, id, day, amount]),
      ],
    },
  ];
}

function rescore(sheets: SheetGrid[]) {
  const run = planWorkbook(sheets, OPTIONS);
  const ours = new Map(run.plans.map((p) => [p.name, gridOf(p)]));
  return { run, sheets: [...sheets.filter((s) => !ours.has(s.name)), ...ours.values()] };
}

/** The manager plans C001 and C002 over the period, and types only a start for C003. */
function plan(sheets: SheetGrid[]): SheetGrid[] {
  return sheets.map((s) => {
    if (s.name !== TRACKING) return s;
    const head = s.values[0];
    const start = head.indexOf(zh.sheets.trackingHeaders.start);
    const end = head.indexOf(zh.sheets.trackingHeaders.end);
    const target = head.indexOf(zh.sheets.trackingHeaders.target);
    const values = s.values.map((row, r): Cell[] => {
      if (r === 0) return [...row];
      const copy = [...row];
      copy[start] = FROM;
      if (row[0] !== "C003") copy[end] = AS_OF;
      copy[target] = "新增交易金额500元";
      return copy;
    });
    return { ...s, values };
  });
}

describe("the review loop closes", () => {
  const first = rescore(inputs());
  const second = rescore(plan(first.sheets));

  it("gives every strategy line a review date: the planned end, else the start plus the cycle", () => {
    const grid = second.sheets.find((s) => s.name === TRACKING)!;
    const due = grid.values[0].indexOf(zh.reviewLoop.headers.reviewDue);
    const byId = new Map(grid.values.slice(1).map((r) => [r[0], r[due]]));
    expect(byId.get("C001")).toBe(AS_OF);
    expect(byId.get("C003")).toBe(FROM + 45);
    const rule = second.run.plans
      .find((p) => p.key === "tracking")!
      .tables[0].conditionalFormats.find((f) => f.type === "formula" && f.firstColumn === due);
    expect(rule && rule.type === "formula" && rule.formula).toContain("TODAY()");
  });

  it("shows the core goal, the review date and the AOV growth per line", () => {
    const review = second.run.plans.find((p) => p.key === "review")!;
    const lines = review.tables.find((t) => t.id === "review")!;
    const col = (text: string) => lines.columns.findIndex((c) => c.header === text);
    const growth = col(zh.reviewLoop.headers.aovGrowth);
    const goal = col(zh.reviewLoop.headers.coreGoal);
    const byId = new Map(lines.rows.map((r) => [r[0], r]));
    expect(byId.get("C001")![growth]).toBeCloseTo(0.5, 10);
    expect(byId.get("C002")![growth]).toBeCloseTo(0, 10);
    // Without a planned end there is no period to compare yet (the review date still comes).
    expect(byId.has("C003")).toBe(false);
    expect(lines.rows.every((r) => typeof r[goal] === "string" && r[goal] !== "")).toBe(true);
    expect(col(zh.sheets.reviewHeaders.effect)).toBeGreaterThan(0);
  });

  it("rolls the verdicts up by playbook and by tier, matching the lines", () => {
    const review = second.run.plans.find((p) => p.key === "review")!;
    const lines = review.tables.find((t) => t.id === "review")!;
    const effectCol = lines.columns.findIndex((c) => c.header === zh.sheets.reviewHeaders.effect);
    const effects = lines.rows.map((r) => r[effectCol]);
    const rollUp = review.tables.find((t) => t.id === "rollUp")!;
    expect(rollUp.rows.map((r) => r[0])).toEqual([zh.reviewLoop.byStrategy, zh.reviewLoop.byTier]);
    for (const row of rollUp.rows) {
      expect(row[2]).toBe(lines.rows.length);
      expect(row[3]).toBe(effects.filter((e) => e === zh.sheets.effectValues.effective).length);
      expect(row[5]).toBe(effects.filter((e) => e === zh.sheets.effectValues.ineffective).length);
    }
    // Win-back rate and churn reasons are counted on the review too.
    expect(review.tables.some((t) => t.id === "review.churnReasons")).toBe(true);
  });

  it("keeps a core goal the manager rewrote", () => {
    const grid = second.sheets.find((s) => s.name === TRACKING)!;
    const goal = grid.values[0].indexOf(zh.reviewLoop.headers.coreGoal);
    const values = grid.values.map((r) => [...r]);
    values[1][goal] = "复购率提升到60%";
    const third = rescore(second.sheets.map((s) => (s.name === TRACKING ? { ...s, values } : s)));
    const after = third.sheets.find((s) => s.name === TRACKING)!;
    expect(after.values.find((r) => r[0] === values[1][0])![goal]).toBe("复购率提升到60%");
  });
});
