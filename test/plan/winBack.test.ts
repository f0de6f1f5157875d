import { serialFromYmd } from "../../src/core/parse";
import { reportJson } from "../../src/core/reportJson";
import type { Cell, SheetGrid } from "../../src/core/types";
import { strings } from "../../src/i18n";
import { gridOf } from "../../src/plan/grid";
import { churnReasonOf } from "../../src/plan/tracking";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);
const zh = strings("zh-CN");
const OPTIONS: RunOptions = {
  lang: "zh-CN",
  today: AS_OF,
  overrides: { asOf: AS_OF, controlShare: 0 },
};
const TRACKING = zh.sheets.names.tracking;

/**
 * C001 bought every 30 days, then fell silent for 200 days (a churn warning: silent more than twice
 * their usual gap) while still a potential customer; C002 buys every month up to the as-of date.
 */
function inputs(extra: Array<[string, number]> = []): SheetGrid[] {
  const lines: Array<[string, number]> = [];
  for (let k = 0; k < 8; k++) lines.push(["C001", AS_OF - 200 - 30 * k]);
  for (let k = 0; k < 12; k++) lines.push(["C002", AS_OF - 30 * k]);
  lines.push(...extra);
  return [
    {
      name: "客户档案",
      values: [
        ["客户ID", "客户名称"],
        ["C001", "甲公司"],
        ["C002", "乙公司"],
      ],
    },
    {
      name: "销售订单",
      values: [
        ["订单号", "客户ID", "交易日期", "金额(元)"],
        ...lines.map(([id, day], i) => [`SO${i + 1}`, id, day, 3000]),
      ],
    },
  ];
}

function rescore(sheets: SheetGrid[], options: RunOptions = OPTIONS) {
  const run = planWorkbook(sheets, options);
  const ours = new Map(run.plans.map((p) => [p.name, gridOf(p)]));
  return { run, sheets: [...sheets.filter((s) => !ours.has(s.name)), ...ours.values()] };
}

const column = (grid: SheetGrid, text: string) => (grid.values[0] ?? []).indexOf(text);
const tracking = (sheets: SheetGrid[]) => sheets.find((s) => s.name === TRACKING) as SheetGrid;
const linesOf = (grid: SheetGrid, id: string) => grid.values.filter((r) => r[0] === id);

describe("a churn warning opens a win-back line", () => {
  it("adds a 流失挽回 line beside the tier's own, worded for a warning, with its core goal and opening day", () => {
    const { sheets } = rescore(inputs());
    const grid = tracking(sheets);
    const type = column(grid, zh.sheets.trackingHeaders.type);
    const content = column(grid, zh.sheets.trackingHeaders.content);
    const goal = column(grid, zh.reviewLoop.headers.coreGoal);
    const opened = column(grid, zh.winBack.headers.opened);
    const c001 = linesOf(grid, "C001");
    expect(c001.map((r) => r[type]).sort()).toEqual(
      [zh.playbooks.strategyTypes.develop, zh.playbooks.strategyTypes.win_back].sort()
    );
    const winBack = c001.find((r) => r[type] === zh.playbooks.strategyTypes.win_back) as Cell[];
    expect(winBack[content]).toBe(zh.winBack.warningContent);
    expect(winBack[goal]).toBe(zh.reviewLoop.coreGoals.win_back);
    expect(winBack[opened]).toBe(AS_OF);
    // No warning, no extra line.
    expect(linesOf(grid, "C002").length).toBe(1);
  });

  it("keeps the churn reason typed in either language, counts it, and offers the drop-down", () => {
    let { sheets } = rescore(inputs());
    const grid = tracking(sheets);
    const reason = column(grid, zh.winBack.headers.churnReason);
    const values = grid.values.map((r) => [...r]);
    values[values.findIndex((r) => r[0] === "C001")][reason] = "价格";
    values[values.findIndex((r) => r[0] === "C002")][reason] =
      strings("en-US").winBack.reasons.competitor;
    sheets = sheets.map((s) => (s.name === TRACKING ? { ...s, values } : s));
    const again = rescore(sheets);
    const after = tracking(again.sheets);
    expect(linesOf(after, "C001").map((r) => r[reason])).toContain("价格");
    expect(again.run.winBack?.reasons).toMatchObject({ price: 1, competitor: 1, service: 0 });
    const plan = again.run.plans.find((p) => p.key === "tracking")!;
    const dropDown = plan.tables[0].validations.find((v) => v.column === reason);
    expect(dropDown?.values).toEqual(Object.values(zh.winBack.reasons));
  });

  it("reads unknown reason text as other and a blank as none", () => {
    expect(churnReasonOf("老板换人了")).toBe("other");
    expect(churnReasonOf("  ")).toBeNull();
    expect(churnReasonOf("Service")).toBe("service");
  });

  it("counts the customer as won back once they buy after the line opened, and marks the warning cleared", () => {
    const first = rescore(inputs());
    expect(first.run.winBack?.rate.treated).toEqual({ customers: 1, wonBack: 0, rate: 0 });
    // C001 buys again ten days later; the next run is twenty days on.
    const later = AS_OF + 20;
    const withOrder = first.sheets.map((s) =>
      s.name === "销售订单"
        ? { ...s, values: [...s.values, ["SO-NEW", "C001", AS_OF + 10, 3000]] }
        : s
    );
    const second = rescore(withOrder, {
      ...OPTIONS,
      today: later,
      overrides: { asOf: later, controlShare: 0 },
    });
    expect(second.run.winBack?.rate.treated).toEqual({ customers: 1, wonBack: 1, rate: 1 });
    const grid = tracking(second.sheets);
    const type = column(grid, zh.sheets.trackingHeaders.type);
    const line = column(grid, zh.sheets.trackingHeaders.line);
    const winBack = linesOf(grid, "C001").find(
      (r) => r[type] === zh.playbooks.strategyTypes.win_back
    );
    expect(winBack?.[line]).toBe(zh.winBack.warningCleared);
    const json = reportJson(second.run.report, { winBack: second.run.winBack });
    expect(json.win_back).toMatchObject({ rate: 1, customers: 1, won_back: 1 });
    // The summary shows the rate in a table of its own.
    const summary = second.run.plans.find((p) => p.key === "summary")!;
    const table = summary.tables.find((t) => t.id === "winBack")!;
    expect(table.rows[0]).toEqual([zh.winBack.rate, 1]);
  });
});
