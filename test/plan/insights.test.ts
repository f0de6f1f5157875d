/**
 * Follow-up insights in the sheets: the summary's funnel (with its chart), distribution, indicators and hygiene
 * lists, and the follow-up watchlist sheet; the user's follow-up sheet is never among our plans.
 */
import fc from "fast-check";
import { strings } from "../../src/i18n";
import { serialFromYmd } from "../../src/core/parse";
import type { Cell, SheetGrid } from "../../src/core/types";
import { gridOf } from "../../src/plan/grid";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";
import type { SheetPlan, TablePlan } from "../../src/plan/types";
import { HEADER, line } from "../core/followupFixtures";

const AS_OF = serialFromYmd(2024, 12, 31);
const OPTIONS: RunOptions = { lang: "zh-CN", today: AS_OF, overrides: { asOf: AS_OF } };

const archive: SheetGrid = {
  name: "客户档案",
  values: [
    ["客户ID", "客户名称", "所属行业", "区域", "企业规模", "对接人姓名", "联系方式"],
    ["C1", "甲贸易有限公司", "制造业", "上海", "50-100人", "王经理", "13800138000"],
    ["C2", "乙商行", "零售", "杭州", "10-50人", "李经理", "138 0013 8000"],
    ["C3", "丙 餐饮", "餐饮", "", "10-50人", "赵经理", "13900000003"],
    ["C4", "丙餐饮", "餐饮", "上海", "10-50人", "", "13900000004"],
  ],
};

const orders: SheetGrid = {
  name: "销售订单",
  values: [
    ["订单号", "客户ID", "交易日期", "金额"],
    ["SO1", "C1", AS_OF - 5, 12000],
    ["SO2", "C2", AS_OF - 40, 800],
    ["SO3", "C3", AS_OF - 200, 300],
  ],
};

const followups: SheetGrid = {
  name: "客户跟进记录",
  values: [
    HEADER,
    line("C1", { day: AS_OF - 60, stage: "潜在", intent: "A", person: "张伟" }),
    line("C1", { day: AS_OF - 30, stage: "谈判", intent: "A", person: "张伟" }),
    line("C1", { day: AS_OF - 6, stage: "成交", intent: "A", person: "张伟" }),
    line("C2", { day: AS_OF - 50, stage: "潜在", intent: "B", person: "李娜" }),
    line("C2", {
      day: AS_OF - 20,
      stage: "意向",
      intent: "B",
      person: "李娜",
      next: AS_OF - 12,
      done: "未完成",
    }),
    line("C4", { day: AS_OF - 45, stage: "意向", intent: "A", person: "李娜" }),
  ],
};

const note: SheetGrid = { name: "说明", values: [["本工作簿由销售部维护"], ["=SUM(A1:A2)"]] };

function plans(sheets: SheetGrid[], options: RunOptions = OPTIONS): SheetPlan[] {
  return planWorkbook(sheets, options).plans;
}

const byKey = (list: SheetPlan[], key: string) => list.find((p) => p.key === key) as SheetPlan;
const tableOf = (plan: SheetPlan, id: string) => plan.tables.find((t) => t.id === id) as TablePlan;

/** One run: the inputs plus our sheets as a reader would find them afterwards. */
function rescore(sheets: SheetGrid[], options: RunOptions = OPTIONS): SheetGrid[] {
  const run = planWorkbook(sheets, options);
  const ours = new Map(run.plans.map((p) => [p.name, gridOf(p)]));
  return [...sheets.filter((s) => !ours.has(s.name)), ...ours.values()];
}

describe("the summary's funnel", () => {
  const summary = byKey(plans([archive, orders, followups]), "summary");
  const funnel = tableOf(summary, "funnel");

  it("lists customers now and reached per stage, and the conversion to the next stage", () => {
    expect(funnel.caption).toContain("客户跟进记录");
    expect(funnel.rows).toEqual([
      ["潜在", 0, 3, 1],
      ["意向", 2, 3, 1 / 3],
      ["谈判", 0, 1, 1],
      ["成交", 1, 1, null],
      ["流失", 0, null, null],
    ]);
  });

  it("marks the step where conversion drops most with a live rule", () => {
    const rule = funnel.conditionalFormats.find((f) => f.type === "formula");
    expect(rule).toMatchObject({ rows: { firstRow: 0, lastRow: 2 } });
    const first = funnel.startRow + 2;
    expect(rule && "formula" in rule ? rule.formula : "").toBe(
      `AND(ISNUMBER($D{row}),$D{row}=MIN($D$${first}:$D$${first + 2}))`
    );
  });

  it("has a native column chart of the stages", () => {
    const chart = summary.charts.find((c) => c.table === "funnel");
    expect(chart).toMatchObject({
      type: "column",
      title: strings("zh-CN").summary.funnelChartTitle,
      categoryColumn: 0,
      valueColumns: [1, 2],
    });
  });

  it("puts no table under a chart", () => {
    for (const chart of summary.charts) {
      const { row, column, rows } = chart.anchor;
      for (const table of summary.tables) {
        const top = table.startRow - (table.caption === undefined ? 0 : 1);
        const bottom = table.startRow + table.rows.length;
        const right = table.startColumn + table.columns.length - 1;
        // A chart ends at the top edge of its anchor's last row.
        const overlaps = top < row + rows && bottom >= row && right >= column;
        expect(overlaps ? table.id : null).toBeNull();
      }
    }
    // Nor one chart on another.
    const [tiers, funnelChart] = summary.charts;
    expect(funnelChart.anchor.row).toBeGreaterThan(tiers.anchor.row + tiers.anchor.rows);
  });

  it("gives the follow-up effort and the funnel per sales person", () => {
    const effort = tableOf(summary, "followupFigures");
    const value = (label: string) => effort.rows.find((r) => r[0] === label)?.[1];
    expect(value(strings("zh-CN").summary.funnelCustomers)).toBe(3);
    expect(value(strings("zh-CN").summary.avgDaysToWin)).toBe(54);
    expect(value(strings("zh-CN").summary.biggestDrop)).toBe("意向 → 谈判：33.3%");
    expect(value(strings("zh-CN").summary.overdueCount)).toBe(1);
    expect(value(strings("zh-CN").summary.cadenceCount)).toBe(2);
    const people = tableOf(summary, "byPerson").rows.map((r) => [r[0], r[1]]);
    expect(people).toEqual([
      ["李娜", 2],
      ["张伟", 1],
    ]);
  });

  it("has no funnel without follow-up records", () => {
    const plain = byKey(plans([archive, orders]), "summary");
    expect(plain.tables.map((t) => t.id)).not.toContain("funnel");
    expect(plain.charts.map((c) => c.table)).toEqual(["tiers"]);
  });
});

describe("the summary's distribution, indicators and hygiene", () => {
  const summary = byKey(plans([archive, orders, followups]), "summary");
  const na = strings("zh-CN").summary.notAvailable;

  it("has customers, revenue and conversion by industry, region and size", () => {
    expect(summary.tables.map((t) => t.id)).toEqual(
      expect.arrayContaining(["distribution.industry", "distribution.region", "distribution.size"])
    );
    const region = tableOf(summary, "distribution.region");
    expect(region.caption).toBe("客户分布：按区域");
    expect(region.rows).toEqual([
      ["上海", 2, 0.5, 12000, 1, 0.5],
      ["杭州", 1, 0.25, 800, 1, 1],
      [strings("zh-CN").summary.blank, 1, 0.25, 300, 1, 1],
    ]);
  });

  it("says not available for NPS and CAC without their data, never 0", () => {
    const metrics = tableOf(summary, "metrics");
    const value = (label: string) => metrics.rows.find((r) => r[0] === label)?.[1];
    expect(value(strings("zh-CN").summary.nps)).toBe(na);
    expect(value(strings("zh-CN").summary.cac)).toBe(na);
    expect(value(strings("zh-CN").summary.marketingSpend)).toBe(na);
    expect(value(strings("zh-CN").summary.bestSegment)).toBe(na); // no segment of 5 customers
  });

  it("shows CAC once the marketing spend is set", () => {
    const withSpend = byKey(
      plans([archive, orders], { ...OPTIONS, overrides: { asOf: AS_OF, marketingSpend: 9000 } }),
      "summary"
    );
    const metrics = tableOf(withSpend, "metrics");
    const line = metrics.rows.findIndex((r) => r[0] === strings("zh-CN").summary.cac);
    expect(metrics.rows[line][1]).toBe(3000);
    expect(metrics.rowKinds?.[line]).toBe("money");
  });

  it("lists duplicates, missing fields and customers without orders with their cells", () => {
    expect(tableOf(summary, "duplicates").rows).toEqual([
      ["C1", "甲贸易有限公司", "客户档案!G2", "C2", "乙商行", "客户档案!G3", "联系电话相同"],
      ["C3", "丙 餐饮", "客户档案!B4", "C4", "丙餐饮", "客户档案!B5", "客户名称相同"],
    ]);
    expect(tableOf(summary, "missing").rows).toEqual([
      ["C3", "丙 餐饮", "区域", "客户档案!D4"],
      ["C4", "丙餐饮", "对接人姓名", "客户档案!F5"],
    ]);
    expect(tableOf(summary, "withoutOrders").rows).toEqual([["C4", "丙餐饮", "客户档案!A5"]]);
  });
});

describe("the follow-up watchlist sheet", () => {
  const all = plans([archive, orders, followups, note]);
  const watch = byKey(all, "watchlist");

  it("comes after the summary, under its own name, only with follow-up records", () => {
    expect(all.map((p) => p.key)).toEqual([
      "tiers",
      "tracking",
      "review",
      "summary",
      "watchlist",
      "calls",
      "modelcheck",
      "history",
      "settings",
    ]);
    expect(watch.name).toBe(strings("zh-CN").sheets.names.watchlist);
    expect(plans([archive, orders]).map((p) => p.key)).not.toContain("watchlist");
  });

  it("lists overdue next steps and broken cadences worst first, with the cell to look at", () => {
    const table = watch.tables[0];
    expect(table.columns.map((c) => c.header)).toEqual(
      Object.values(strings("zh-CN").sheets.watchHeaders)
    );
    // The contact cadence per tier (its own tests below) adds lines of another kind.
    const contact = strings("zh-CN").followups.watchKinds.contact;
    expect(table.rows.filter((r) => r[4] !== contact).map((r) => r.slice(0, 10))).toEqual([
      [
        "C4",
        "丙餐饮",
        "A",
        "意向",
        "跟进间隔超期",
        AS_OF - 38,
        38,
        "李娜",
        null,
        "客户跟进记录!B7",
      ],
      ["C2", "乙商行", "B", "意向", "逾期未跟进", AS_OF - 12, 12, "李娜", null, "客户跟进记录!H6"],
      ["C2", "乙商行", "B", "意向", "跟进间隔超期", AS_OF - 6, 6, "李娜", null, "客户跟进记录!B6"],
    ]);
  });

  it("colours the reasons and class A, with data bars on the days late", () => {
    const formats = watch.tables[0].conditionalFormats;
    const texts = formats.flatMap((f) => (f.type === "textEquals" ? [f.text] : []));
    expect(texts).toEqual([
      strings("zh-CN").followups.watchKinds.overdue,
      strings("zh-CN").followups.watchKinds.cadence,
      strings("zh-CN").followups.watchKinds.contact,
      "A",
    ]);
    expect(formats.some((f) => f.type === "dataBar" && f.column === 6)).toBe(true);
  });

  it("says so when nothing is overdue, and follows the cadences of the settings", () => {
    const relaxed = byKey(
      plans([archive, orders, followups], {
        ...OPTIONS,
        overrides: {
          asOf: AS_OF,
          cadenceDays: { A: 60, B: 60, C: 60 },
          contactDays: { maintain: 366, develop: 366, keep: 366, win_back: 366 },
        },
      }),
      "watchlist"
    );
    expect(relaxed.tables[0].rows.map((r) => r[4])).toEqual(["逾期未跟进"]);
    const calm: SheetGrid = { ...followups, values: followups.values.slice(0, 4) };
    const none = byKey(
      plans([archive, orders, calm], {
        ...OPTIONS,
        overrides: {
          asOf: AS_OF,
          cadenceDays: { A: 60, B: 60, C: 60 },
          contactDays: { maintain: 366, develop: 366, keep: 366, win_back: 366 },
        },
      }),
      "watchlist"
    );
    expect(none.tables[0].rows).toEqual([
      [
        strings("zh-CN").sheets.watch.none,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
    expect(none.tables[0].conditionalFormats).toEqual([]);
  });

  it("is rebuilt empty, not left stale, when the follow-up sheet is removed", () => {
    const first = rescore([archive, orders, followups]);
    const without = first.filter((s) => s.name !== followups.name);
    const watchAgain = byKey(plans(without), "watchlist");
    expect(watchAgain.tables[0].rows[0][0]).toBe(strings("zh-CN").sheets.watch.none);
    expect(watchAgain.preamble[0][0]).toContain("未找到跟进记录表");
  });

  it("writes the cadences in force into its explanation", () => {
    expect(String(watch.preamble[1][0])).toContain("A 类超过 7 天");
  });
});

describe("no user sheet changes", () => {
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      "C1",
      "c2 ",
      "Ｃ３",
      "C9",
      "",
      "潜在",
      "谈判",
      "成交",
      "流失",
      "A",
      "B",
      "已完成"
    ),
    fc.constantFrom('=HYPERLINK("x")', "+86 138", "@home", "下周一", "1.2万"),
    fc.integer({ min: AS_OF - 400, max: AS_OF + 30 }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null)
  );
  const followupRow = fc.tuple(
    fc.constantFrom<Cell>("C1", "C2", "c3", "C4", "C9", ""),
    fc.oneof(fc.integer({ min: AS_OF - 200, max: AS_OF + 10 }), cell),
    cell,
    fc.constantFrom<Cell>("张伟", "李娜", ""),
    cell,
    cell,
    cell,
    fc.oneof(fc.integer({ min: AS_OF - 100, max: AS_OF + 30 }), cell),
    fc.constantFrom<Cell>("已完成", "未完成", "", true),
    fc.constantFrom<Cell>("潜在", "意向", "谈判", "成交", "流失", "", "3.谈判客户"),
    fc.constantFrom<Cell>("A", "B", "C", "", "高")
  );
  const workbook = fc.record({
    followupRows: fc.array(
      followupRow.map((r) => [...r]),
      { maxLength: 30 }
    ),
    noteRows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }),
    orderRows: fc.array(
      fc.tuple(
        fc.constantFrom("SO1", "SO2", "SO3", "SO4"),
        fc.constantFrom<Cell>("C1", "C2", "C3", "C4", "C8"),
        fc.integer({ min: AS_OF - 500, max: AS_OF + 5 }),
        fc.oneof(fc.integer({ min: -500, max: 20000 }), cell)
      ),
      { maxLength: 20 }
    ),
    scheme: fc.constantFrom("fixed5" as const, "pct100" as const, "quintile11" as const),
  });

  it("leaves every input sheet, the follow-up sheet included, exactly as it was over repeated runs", () => {
    fc.assert(
      fc.property(workbook, ({ followupRows, noteRows, orderRows, scheme }) => {
        const inputs: SheetGrid[] = [
          archive,
          { name: "销售订单", values: [orders.values[0], ...orderRows.map((r) => [...r])] },
          { name: "客户跟进记录", values: [HEADER, ...followupRows] },
          { name: "说明", values: noteRows },
        ];
        const snapshot = JSON.stringify(inputs);
        const options = { ...OPTIONS, overrides: { asOf: AS_OF, scheme } };
        const first = rescore(inputs, options);
        const second = rescore(first, options);
        // Inputs are neither mutated nor rewritten: no plan ever targets a user sheet.
        expect(JSON.stringify(inputs)).toBe(snapshot);
        for (const sheets of [first, second])
          for (const input of inputs) expect(sheets.find((s) => s.name === input.name)).toBe(input);
        const ourNames = planWorkbook(first, options).plans.map((p) => p.name);
        for (const input of inputs) expect(ourNames).not.toContain(input.name);
        // And a second run on an unchanged workbook changes nothing of ours either.
        expect(second).toEqual(first);
      }),
      { numRuns: 60 }
    );
  });
});

describe("the watch sheet's contact cadence per tier", () => {
  const run = planWorkbook([archive, orders, followups], OPTIONS);
  const watch = byKey(run.plans, "watchlist");
  const table = watch.tables[0];
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);

  it("lists scored customers not contacted within their tier's days, with their tier", () => {
    const contact = strings("zh-CN").followups.watchKinds.contact;
    const rows = table.rows.filter((r) => r[col("kind")] === contact);
    // Every listed line is late for its own tier.
    for (const r of rows) {
      const id = String(r[col("id")]);
      const c = run.report.customers.find((x) => x.customer.id === id)!;
      const limit = run.settings.contactDays[c.tier!.family];
      expect(r[col("daysLate")]).toBeGreaterThan(0);
      expect(r[col("due")]).toBe(AS_OF - (r[col("daysLate")] as number));
      expect(AS_OF - limit).toBeGreaterThan((r[col("due")] as number) - limit - 1);
      expect(r[col("tier")]).not.toBeNull();
    }
    // C3 bought 200 days ago and was never followed up: listed at its archive ID cell.
    const c3 = rows.find((r) => r[col("id")] === "C3");
    expect(c3?.[col("address")]).toBe("客户档案!A4");
    const limit = run.settings.contactDays[run.report.customers[2].tier!.family];
    expect(c3?.[col("daysLate")]).toBe(200 - limit);
  });

  it("states the days per playbook above the table", () => {
    expect(watch.preamble.flat().join(" ")).toContain("维护 30 天");
  });

  it("takes the days from the settings", () => {
    const strict = planWorkbook([archive, orders, followups], {
      ...OPTIONS,
      overrides: {
        asOf: AS_OF,
        contactDays: { maintain: 1, develop: 1, keep: 1, win_back: 1 },
      },
    });
    const kinds = strict.report.followups!.watch.filter((w) => w.kind === "contact");
    expect(kinds.map((w) => w.id).sort()).toEqual(["C1", "C2", "C3"]);
  });
});
