/**
 * Defaults that separate customers, in the sheets: the summary says when a scheme leaves most
 * customers in one tier, the settings sheet offers thresholds from this workbook, and each scheme's
 * playbook texts come from its own document.
 */
import { serialFromYmd } from "../../src/core/parse";
import { strings } from "../../src/i18n";
import { defaultPlaybook } from "../../src/plan/playbooks";
import type { Cell, SheetGrid } from "../../src/core/types";
import { gridOf } from "../../src/plan/grid";
import type { SheetPlan, TablePlan } from "../../src/plan/types";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);
const OPTIONS: RunOptions = { lang: "zh-CN", today: AS_OF, overrides: { asOf: AS_OF } };

/**
 * 30 wholesale customers, each ordering ¥20,000 or more, 2 to 12 times a year: seed 003's retail bins
 * call every one of them high value.
 */
function wholesaleWorkbook(): SheetGrid[] {
  const archive: Cell[][] = [["客户ID", "客户名称"]];
  const orders: Cell[][] = [["订单号", "客户ID", "交易日期", "金额"]];
  let n = 0;
  for (let c = 1; c <= 30; c++) {
    archive.push([`C${c}`, `客户${c}`]);
    const count = 12 - Math.floor(c / 3);
    for (let k = 0; k < count; k++)
      orders.push([`SO${++n}`, `C${c}`, AS_OF - c - 30 * k, 20000 + 1000 * c]);
  }
  return [
    { name: "客户档案", values: archive },
    { name: "销售订单", values: orders },
  ];
}

const byKey = (list: SheetPlan[], key: string) => list.find((p) => p.key === key) as SheetPlan;
const tableOf = (plan: SheetPlan, id: string) => plan.tables.find((t) => t.id === id);

describe("a lopsided scheme on the summary and in settings", () => {
  const run = planWorkbook(wholesaleWorkbook(), OPTIONS);

  it("says on the summary, under the tiers, which tier holds too many", () => {
    expect(run.report.tierCounts.high_value).toBe(30);
    const table = tableOf(byKey(run.plans, "summary"), "balance") as TablePlan;
    expect(table.caption).toBe(strings("zh-CN").balance.caption);
    expect(table.rows[0][0]).toBe(
      "分层未能区分客户：100% 的已分层客户（30/30）都在「高价值客户」。"
    );
    expect(table.rows[1][0]).toBe("「潜力客户」一个客户也没有。");
    expect(String(table.rows[table.rows.length - 1][0])).toContain("本工作簿建议值");
  });

  it("fills the settings sheet's suggested column for the scheme's thresholds only", () => {
    const settings = byKey(run.plans, "settings").tables[0];
    const col = settings.columns.findIndex((c) => c.key === "suggested");
    expect(settings.columns[col].header).toBe(strings("zh-CN").balance.suggestedHeader);
    const filled = settings.rows.filter((r) => r[col] !== null).map((r) => String(r[0]));
    expect(filled.length).toBe(15);
    for (const key of filled) expect(key.startsWith("fixed5.")).toBe(true);
  });

  it("separates the customers once the suggested values are typed in", () => {
    const settingsPlan = byKey(run.plans, "settings");
    const table = settingsPlan.tables[0];
    const value = table.columns.findIndex((c) => c.key === "value");
    const col = table.columns.findIndex((c) => c.key === "suggested");
    for (const row of table.rows) if (row[col] !== null) row[value] = row[col];
    const again = planWorkbook([...wholesaleWorkbook(), gridOf(settingsPlan)], {
      lang: "zh-CN",
      today: AS_OF,
    });
    expect(again.settingsProblems).toEqual([]);
    expect(again.report.balance.findings).toEqual([]);
    expect(tableOf(byKey(again.plans, "summary"), "balance")).toBeUndefined();
  });

  it("has no such table when the scheme separates the customers", () => {
    const balanced = planWorkbook(wholesaleWorkbook(), {
      ...OPTIONS,
      overrides: { asOf: AS_OF, scheme: "quintile11" },
    });
    expect(tableOf(byKey(balanced.plans, "summary"), "balance")).toBeUndefined();
    const settings = byKey(balanced.plans, "settings").tables[0];
    const col = settings.columns.findIndex((c) => c.key === "suggested");
    expect(settings.rows.every((r) => r[col] === null)).toBe(true);
  });
});

describe("each scheme's playbooks from its own document", () => {
  const strategyOf = (scheme: "fixed5" | "abc" | "pct100", family: string) => {
    const run = planWorkbook(wholesaleWorkbook(), {
      ...OPTIONS,
      overrides: { asOf: AS_OF, scheme },
    });
    const tracking = byKey(run.plans, "tracking").tables[0];
    const type = tracking.columns.findIndex((c) => c.key === "type");
    const content = tracking.columns.findIndex((c) => c.key === "content");
    const settings = byKey(run.plans, "settings").tables[0];
    return {
      line: tracking.rows.find((r) => r[type] === family)?.[content],
      setting: settings.rows.find((r) => r[0] === "playbook.maintain")?.[2],
    };
  };

  it("fixed5 uses seed 003's table, abc seed 002's grades, pct100 seed 000's step 3", () => {
    const fixed5 = strategyOf("fixed5", "重点维护");
    expect(fixed5.line).toBe(defaultPlaybook("maintain", "zh-CN", "fixed5"));
    expect(fixed5.line).toContain("专属VIP服务");
    expect(fixed5.setting).toBe(fixed5.line);
    const abc = strategyOf("abc", "基础保持");
    expect(abc.line).toBe(strings("zh-CN").playbooks.schemes.abc?.keep);
    expect(abc.line).toContain("C类客户");
    expect(strategyOf("pct100", "重点维护").setting).toContain("专属客户经理");
  });

  it("a default text read back from the sheet does not pin it when the scheme changes", () => {
    const first = planWorkbook(wholesaleWorkbook(), OPTIONS);
    const settings = gridOf(byKey(first.plans, "settings"));
    const again = planWorkbook([...wholesaleWorkbook(), settings], {
      ...OPTIONS,
      overrides: { asOf: AS_OF, scheme: "abc" },
    });
    expect(again.settings.playbooks).toEqual({});
    const line = byKey(again.plans, "settings").tables[0].rows.find(
      (r) => r[0] === "playbook.maintain"
    );
    expect(line?.[2]).toBe(defaultPlaybook("maintain", "zh-CN", "abc"));
  });
});
