/** The 历史趋势 Trends sheet: one line per as-of date, replaced on a re-score, targets kept. */
import { familyFigures, mergeHistory } from "../../src/core/history";
import { strings } from "../../src/i18n";
import { serialFromYmd } from "../../src/core/parse";
import type { Cell, SheetGrid } from "../../src/core/types";
import { gridOf } from "../../src/plan/grid";
import type { SheetPlan } from "../../src/plan/types";
import { planWorkbook } from "../../src/plan/workbook";

const DEC = serialFromYmd(2024, 12, 31);
const MAR = serialFromYmd(2025, 3, 31);

const archive: SheetGrid = {
  name: "客户档案",
  values: [
    ["客户ID", "客户名称"],
    ["C1", "甲"],
    ["C2", "乙"],
    ["C3", "丙"],
  ],
};
const orders: SheetGrid = {
  name: "销售订单",
  values: [
    ["订单号", "客户ID", "交易日期", "金额"],
    ["S1", "C1", DEC - 10, 12000],
    ["S2", "C1", DEC - 40, 9000],
    ["S3", "C2", DEC - 200, 800],
    ["S4", "C3", MAR - 5, 3000],
  ],
};

const historyOf = (plans: SheetPlan[]) => plans.find((p) => p.key === "history") as SheetPlan;
function lines(plan: SheetPlan): Record<string, Cell>[] {
  const t = plan.tables[0];
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.key, r[i]])));
}
/** Our sheets as the next run reads them, with `edit` applied to the history grid. */
function after(plans: SheetPlan[], edit: (g: SheetGrid) => SheetGrid = (g) => g): SheetGrid[] {
  return plans.map((p) => (p.key === "history" ? edit(gridOf(p)) : gridOf(p)));
}

describe("core history helpers", () => {
  it("counts customers and repurchase per playbook", () => {
    const { counts, repurchase } = familyFigures([
      { family: "maintain", frequency: 3 },
      { family: "maintain", frequency: 1 },
      { family: "keep", frequency: 0 },
      { family: null, frequency: 0 },
    ]);
    expect(counts).toEqual({ maintain: 2, develop: 0, keep: 1, win_back: 0, no_purchases: 1 });
    expect(repurchase).toEqual({ maintain: 0.5, develop: null, keep: null, win_back: null });
  });

  it("replaces the line of the same as-of date and keeps the rest in date order", () => {
    const merged = mergeHistory(
      [
        { asOf: 3, v: "c" },
        { asOf: 1, v: "a" },
      ],
      { asOf: 3, v: "new" }
    );
    expect(merged).toEqual([
      { asOf: 1, v: "a" },
      { asOf: 3, v: "new" },
    ]);
  });
});

describe("the history sheet across runs", () => {
  const first = planWorkbook([archive, orders], {
    lang: "zh-CN",
    today: DEC,
    overrides: { asOf: DEC },
  });

  it("starts with this run's key figures", () => {
    const [line] = lines(historyOf(first.plans));
    expect(line).toMatchObject({
      period: "2024-12-31",
      customers: 3,
      buyers: 2,
      revenue: 21800,
      repurchaseRate: 0.5,
      target: null,
      achieved: null,
    });
    const counted = ["maintain", "develop", "keep", "win_back", "no_purchases"].reduce(
      (sum, f) => sum + (line[`count.${f}`] as number),
      0
    );
    expect(counted).toBe(3);
  });

  it("keeps a typed target, adds a line for a new as-of date and replaces the line of the same date", () => {
    const typed = after(first.plans, (g) => {
      const values = g.values.map((r) => [...r]);
      const header = values.findIndex((r) => r[0] === strings("zh-CN").history.headers.period);
      const target = values[header].indexOf(strings("zh-CN").history.headers.target);
      values[header + 1][target] = "2万";
      return { ...g, values };
    });
    const same = planWorkbook([archive, orders, ...typed], {
      lang: "zh-CN",
      today: DEC,
      overrides: { asOf: DEC },
    });
    expect(lines(historyOf(same.plans))).toHaveLength(1);
    expect(lines(historyOf(same.plans))[0]).toMatchObject({
      target: 20000,
      achieved: 21800 / 20000,
    });

    const next = planWorkbook([archive, orders, ...after(same.plans)], {
      lang: "zh-CN",
      today: MAR,
      overrides: { asOf: MAR },
    });
    const trend = lines(historyOf(next.plans));
    expect(trend.map((l) => l.period)).toEqual(["2024-12-31", "2025-03-31"]);
    expect(trend[0]).toMatchObject({ revenue: 21800, target: 20000 });
    expect(trend[1].revenue).toBe(24800);
  });

  it("charts revenue against target and customers per playbook over the periods", () => {
    const plan = historyOf(first.plans);
    const cols = plan.tables[0].columns.map((c) => c.key);
    expect(plan.charts.map((c) => [c.type, c.categoryColumn, c.valueColumns])).toEqual([
      ["column", cols.indexOf("period"), [cols.indexOf("revenue"), cols.indexOf("target")]],
      [
        "column",
        cols.indexOf("period"),
        ["maintain", "develop", "keep", "win_back"].map((f) => cols.indexOf(`count.${f}`)),
      ],
    ]);
    const target = plan.tables[0].columns.find((c) => c.key === "target");
    expect(target?.manager).toBe(true);
  });
});
