/** Results per sales owner (销售负责人): figures per owner, the manager's targets kept across runs. */
import { ownerResults } from "../../src/core/owners";
import { strings } from "../../src/i18n";
import { serialFromYmd } from "../../src/core/parse";
import type { Cell, SheetGrid } from "../../src/core/types";
import { gridOf } from "../../src/plan/grid";
import type { SheetPlan } from "../../src/plan/types";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);
const OPTIONS: RunOptions = { lang: "zh-CN", today: AS_OF, overrides: { asOf: AS_OF } };

const archive: SheetGrid = {
  name: "客户档案",
  values: [
    ["客户ID", "客户名称", "销售负责人"],
    ["C1", "甲", "张伟"],
    ["C2", "乙", " 张伟 "],
    ["C3", "丙", "李娜"],
    ["C4", "丁", ""],
    ["C5", "戊", "李娜"],
  ],
};
const orders: SheetGrid = {
  name: "销售订单",
  values: [
    ["订单号", "客户ID", "交易日期", "金额"],
    ["S1", "C1", AS_OF - 500, 1000], // before the window: C1 is not new
    ["S2", "C1", AS_OF - 100, 20000],
    ["S3", "C1", AS_OF - 10, 30000],
    ["S4", "C2", AS_OF - 40, 5000],
    ["S5", "C3", AS_OF - 20, 8000],
    ["S6", "C4", AS_OF - 400, 700],
  ],
};

const ownersOf = (plans: SheetPlan[]) => plans.find((p) => p.key === "owners");

function rows(plan: SheetPlan): Record<string, Cell>[] {
  const table = plan.tables[0];
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.key, r[i]])));
}

describe("ownerResults", () => {
  it("adds up each owner's customers, revenue, new customers and repurchase, spellings folded", () => {
    const results = ownerResults(
      [
        { owner: "张伟", tier: "A", frequency: 2, monetary: 50000, firstPurchase: 10 },
        { owner: " 张伟", tier: "B", frequency: 1, monetary: 5000, firstPurchase: 300 },
        { owner: "", tier: "C", frequency: 0, monetary: 0, firstPurchase: 5 },
      ],
      100,
      400
    );
    expect(results).toEqual([
      {
        owner: "张伟",
        key: "张伟",
        customers: 2,
        buyers: 2,
        revenue: 55000,
        newCustomers: 1,
        repurchaseRate: 0.5,
        tiers: { A: 1, B: 1 },
      },
      {
        owner: "",
        key: "",
        customers: 1,
        buyers: 0,
        revenue: 0,
        newCustomers: 0,
        repurchaseRate: null,
        tiers: { C: 1 },
      },
    ]);
  });
});

describe("the 销售业绩 sheet", () => {
  const first = planWorkbook([archive, orders], OPTIONS);
  const plan = ownersOf(first.plans) as SheetPlan;

  it("has one line per owner, largest revenue first, customers without an owner last", () => {
    expect(plan.name).toBe(strings("zh-CN").sheets.names.owners);
    expect(
      rows(plan).map((r) => [r.owner, r.customers, r.buyers, r.revenue, r.newCustomers])
    ).toEqual([
      ["张伟", 2, 2, 55000, 1],
      ["李娜", 2, 1, 8000, 1],
      [strings("zh-CN").owners.unassigned, 1, 0, 0, 0],
    ]);
    expect(rows(plan)[0].repurchaseRate).toBe(0.5);
    // Tier mix: one column per tier of the run, adding up to the owner's customers.
    const tierKeys = plan.tables[0].columns
      .filter((c) => c.key.startsWith("tier."))
      .map((c) => c.key);
    expect(tierKeys.length).toBe(Object.keys(first.report.tierCounts).length);
    for (const r of rows(plan))
      expect(tierKeys.reduce((sum, k) => sum + (r[k] as number), 0)).toBe(r.customers);
  });

  it("keeps the targets the manager typed and shows the share achieved", () => {
    const grid = gridOf(plan);
    const header = grid.values.findIndex((r) => r[0] === strings("zh-CN").owners.headers.owner);
    const targetCol = grid.values[header].indexOf(strings("zh-CN").owners.headers.target);
    const values = grid.values.map((r) => [...r]);
    values[header + 1][targetCol] = "10万"; // 张伟
    values[header + 2][targetCol] = "待定"; // 李娜: not an amount
    // An owner who has left: the line and target are kept.
    values.push(["王强", 0, 0, 0, 80000]);
    const again = planWorkbook([archive, orders, { name: grid.name, values }], OPTIONS);
    const byOwner = new Map(rows(ownersOf(again.plans) as SheetPlan).map((r) => [r.owner, r]));
    expect(byOwner.get("张伟")).toMatchObject({ target: 100000, achieved: 0.55 });
    expect(byOwner.get("李娜")).toMatchObject({ target: "待定", achieved: null });
    expect(byOwner.get("王强")).toMatchObject({ customers: 0, target: 80000, achieved: 0 });
  });

  it("is not added when the archive names no owner", () => {
    const plain: SheetGrid = { ...archive, values: archive.values.map((r) => r.slice(0, 2)) };
    expect(ownersOf(planWorkbook([plain, orders], OPTIONS).plans)).toBeUndefined();
  });

  it("marks the target column as the manager's", () => {
    const target = plan.tables[0].columns.find((c) => c.key === "target");
    expect(target?.manager).toBe(true);
  });
});
