import ExcelJS from "exceljs";
import { writeSheetPlans, type WritePlanOptions } from "../../src/officejs/writePlan";
import { readAllSheets } from "../../src/officejs/read";
import { NUMBER_FORMATS, SCORE_SCALE } from "../../src/plan/formats";
import type { PlanCell, SheetPlan, TablePlan } from "../../src/plan/types";
import { createFakeExcel, type FakeValue } from "../fake/fakeExcel";
import { fakeToXlsx } from "../fake/fakeToXlsx";

const TRICKY = [
  '=HYPERLINK("x")',
  "+86 138",
  "-abc",
  "@home",
  "'quoted",
  "00123",
  "TRUE",
  "#N/A",
  "2024-01-05",
];
const TIERS = ["high_value", "potential", "general", "churn_risk"];

/** A tier-sheet-like plan: 10 columns of every kind, rules over the data lines, a manager column. */
function tiersPlan(rows: number, name = "Tiers"): SheetPlan {
  const columns: TablePlan["columns"] = [
    { key: "id", header: "Customer", kind: "text", width: 14 },
    { key: "name", header: "Name", kind: "text", width: 20 },
    { key: "tier", header: "Tier", kind: "text", width: 12 },
    { key: "r", header: "R", kind: "integer", width: 6 },
    { key: "f", header: "F", kind: "integer", width: 6 },
    { key: "m", header: "Amount", kind: "money", width: 14 },
    { key: "last", header: "Last order", kind: "date", width: 12 },
    { key: "share", header: "Share", kind: "percent", width: 8 },
    { key: "score", header: "Score", kind: "decimal", width: 8 },
    { key: "owner", header: "Owner", kind: "text", width: 12, manager: true },
  ];
  const data: PlanCell[][] = Array.from({ length: rows }, (_, i) => [
    `C${String(i).padStart(6, "0")}`,
    i % 97 === 0 ? TRICKY[(i / 97) % TRICKY.length] : `客户 ${i}`,
    TIERS[i % 4],
    (i * 7) % 365,
    1 + (i % 13),
    Math.round(i * 123.45) / 100,
    40000 + (i % 1500),
    (i % 100) / 100,
    (i % 50) / 10,
    i % 5 === 0 ? null : `owner ${i % 7}`,
  ]);
  const all = { firstRow: 0, lastRow: Math.max(0, rows - 1) };
  return {
    key: "tiers",
    name,
    preamble: [["Customer tiers"], ["As of", 45000, "-", "=not a formula"]],
    tables: [
      {
        id: "tiers",
        startRow: 2,
        startColumn: 0,
        columns,
        rows: data,
        conditionalFormats: [
          {
            type: "textEquals",
            column: 2,
            rows: all,
            text: "churn_risk",
            fill: "#FFC7CE",
            font: "#9C0006",
          },
          { type: "colorScale", column: 8, rows: all, colors: SCORE_SCALE },
          { type: "dataBar", column: 5, rows: all, color: "#5B9BD5" },
          {
            type: "formula",
            firstColumn: 0,
            lastColumn: 9,
            rows: all,
            formula: '$J{row}="owner 3"',
            fill: "#FCE4D6",
            font: "#C00000",
          },
        ],
        validations: [{ column: 9, rows: all, values: ["owner 1", "owner 2", "owner 3"] }],
      },
    ],
    charts: [],
    freezeRows: 3,
    freezeColumns: 1,
  };
}

/** A summary-like plan: captions, several tables, a line with its own number format, a chart. */
function summaryPlan(name = "Summary"): SheetPlan {
  const table = (id: string, startRow: number, rows: PlanCell[][]): TablePlan => ({
    id,
    startRow,
    startColumn: 0,
    caption: `Table ${id}`,
    columns: [
      { key: "k", header: "Key", kind: "text", width: 18 },
      { key: "v", header: "Value", kind: "general", width: 12 },
    ],
    rows,
    rowKinds: rows.map((_, i) => (i === 1 ? "percent" : i === 2 ? "money" : null)),
    conditionalFormats: [],
    validations: [],
  });
  return {
    key: "summary",
    name,
    preamble: [["Summary"]],
    tables: [
      table("tiers", 2, [
        ["high_value", 10],
        ["potential", 0.25],
        ["general", 1234.5],
      ]),
      table("quality", 8, [["-bad", "+1 555"]]),
    ],
    charts: [
      {
        type: "column",
        title: "Customers per tier",
        table: "tiers",
        categoryColumn: 0,
        valueColumns: [1],
        anchor: { row: 2, column: 4, columns: 7, rows: 16 },
      },
    ],
    freezeRows: 0,
    freezeColumns: 0,
  };
}

const ORDERS: FakeValue[][] = [
  ["Order", "Customer", "Amount"],
  ["A1", "C000001", 10],
  ["A2", "=not touched", 20],
];

async function write(
  fake: ReturnType<typeof createFakeExcel>,
  plans: SheetPlan[],
  options?: WritePlanOptions
) {
  return fake.run((context) => writeSheetPlans(context, plans, options));
}

async function cleanState(plans: SheetPlan[], initial = [{ name: "Orders", values: ORDERS }]) {
  const fake = createFakeExcel(initial);
  await write(fake, plans);
  return fake.workbook.snapshot();
}

describe("writeSheetPlans on the fake Excel host", () => {
  test("50,000 lines x 10 columns: few syncs, no request over 5 MB", async () => {
    const fake = createFakeExcel([{ name: "Orders", values: ORDERS }]);
    const progress: Array<[number, number]> = [];
    const plan = tiersPlan(50000);
    const { syncs } = await write(fake, [plan], {
      onProgress: (done, total) => progress.push([done, total]),
    });
    const totalBytes = fake.stats.requests.reduce((a, b) => a + b, 0);
    console.log(
      `50k x 10: ${syncs} syncs, ${(totalBytes / 1e6).toFixed(1)} MB in all, largest request ${(
        fake.stats.largestRequestBytes / 1e6
      ).toFixed(2)} MB`
    );
    expect(syncs).toBe(fake.stats.syncs);
    expect(syncs).toBeLessThanOrEqual(10);
    expect(fake.stats.largestRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(progress[progress.length - 1]).toEqual([50003, 50003]);

    const sheet = fake.workbook.sheet("Tiers")!;
    expect(sheet.usedRect(true)).toEqual({ row: 0, column: 0, rows: 50003, columns: 10 });
    expect(sheet.cell(3, 0)).toEqual({ value: "C000000", numberFormat: "@" });
    expect(sheet.cell(50002, 5)).toEqual({
      value: plan.tables[0].rows[49999][5],
      numberFormat: NUMBER_FORMATS.money,
    });
    expect(sheet.cell(3, 6)?.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet.cell(2, 9)).toMatchObject({ value: "Owner", fill: "#7F6000", bold: true });
    expect(sheet.freeze).toEqual({ rows: 3, columns: 1 });
  });

  test("data strings stay text, never formulas (text columns, other columns, preamble)", async () => {
    const fake = createFakeExcel();
    const plan = tiersPlan(1000);
    await write(fake, [plan, summaryPlan()]);
    const sheet = fake.workbook.sheet("Tiers")!;
    let tricky = 0;
    sheet.forEachCell({ row: 0, column: 0, rows: 2000, columns: 20 }, (cell) => {
      expect(cell.formula).toBeUndefined();
    });
    plan.tables[0].rows.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = sheet.cell(3 + r, c);
        if (value === null) expect(cell?.value ?? "").toBe("");
        else expect(cell?.value).toBe(value);
        if (typeof value === "string" && TRICKY.includes(value)) tricky++;
      })
    );
    expect(tricky).toBeGreaterThan(5);
    expect(sheet.grid({ row: 1, column: 0, rows: 1, columns: 4 }, "value", "")).toEqual([
      ["As of", 45000, "-", "=not a formula"],
    ]);
    const summary = fake.workbook.sheet("Summary")!;
    expect(summary.cell(9, 0)).toEqual({ value: "-bad", numberFormat: "@" });
    expect(summary.cell(9, 1)).toEqual({ value: "+1 555" });
    // A line with its own kind: numbers take its format.
    expect(summary.cell(4, 1)?.numberFormat).toBe(NUMBER_FORMATS.percent);
    expect(summary.cell(5, 1)?.numberFormat).toBe(NUMBER_FORMATS.money);
    expect(summary.cell(3, 1)?.numberFormat).toBeUndefined();
    expect(summary.cell(1, 0)).toEqual({ value: "Table tiers", bold: true });
  });

  test("conditional formats and validations: one range-level rule each, bounded to the data lines", async () => {
    const fake = createFakeExcel();
    await write(fake, [tiersPlan(5000), summaryPlan()]);
    const [tiers, summary] = fake.workbook.snapshot() as Array<{
      conditionalFormats: Array<{ type: string; ranges: string[]; props: Record<string, unknown> }>;
      validations: Array<{ ranges: string[]; rule: unknown }>;
      charts: unknown[];
    }>;
    // Plan order is priority order (the fake lists the top rule first).
    expect(tiers.conditionalFormats).toEqual([
      {
        type: "Custom",
        ranges: ["Tiers!C4:C5003"],
        props: { formula: '=$C4="churn_risk"', fill: "#FFC7CE", fontColor: "#9C0006" },
      },
      {
        type: "ColorScale",
        ranges: ["Tiers!I4:I5003"],
        props: {
          criteria: {
            minimum: { type: "LowestValue", color: SCORE_SCALE[0] },
            midpoint: { type: "Percentile", formula: "50", color: SCORE_SCALE[1] },
            maximum: { type: "HighestValue", color: SCORE_SCALE[2] },
          },
        },
      },
      {
        type: "DataBar",
        ranges: ["Tiers!F4:F5003"],
        props: {
          lowerBoundRule: { type: "LowestValue" },
          upperBoundRule: { type: "HighestValue" },
          fillColor: "#5B9BD5",
        },
      },
      {
        type: "Custom",
        ranges: ["Tiers!A4:J5003"],
        props: { formula: '=$J4="owner 3"', fill: "#FCE4D6", fontColor: "#C00000" },
      },
    ]);
    expect(tiers.validations).toEqual([
      {
        ranges: ["Tiers!J4:J5003"],
        rule: { list: { inCellDropDown: true, source: "owner 1,owner 2,owner 3" } },
      },
    ]);
    expect(summary.charts).toEqual([
      {
        name: "summary-tiers-1",
        type: "ColumnClustered",
        source: "Summary!A3:B6",
        seriesBy: "Columns",
        title: "Customers per tier",
        position: { start: "E3", end: "K18" },
      },
    ]);
  });

  test("RequestPayloadSizeLimitExceeded: blocks are halved and the batch retried", async () => {
    const plans = [tiersPlan(4000)];
    const limit = 60_000;
    const fake = createFakeExcel([{ name: "Orders", values: ORDERS }], {
      requestLimitBytes: limit,
    });
    const { syncs } = await write(fake, plans);
    const refused = fake.stats.requests.filter((bytes) => bytes > limit).length;
    expect(refused).toBeGreaterThan(0);
    expect(syncs).toBe(fake.stats.syncs);
    expect(fake.workbook.snapshot()).toEqual(await cleanState(plans));
  });

  test("writing twice leaves the same state (and never deletes a sheet)", async () => {
    const plans = [tiersPlan(3000), summaryPlan()];
    const fake = createFakeExcel([{ name: "Orders", values: ORDERS }]);
    await write(fake, plans);
    const once = fake.workbook.snapshot();
    const ids = fake.workbook.sheets.map((s) => s.id);
    await write(fake, plans);
    expect(fake.workbook.snapshot()).toEqual(once);
    expect(fake.workbook.sheets.map((s) => s.id)).toEqual(ids);
  });

  test("a shorter rewrite clears what the longer one left", async () => {
    const fake = createFakeExcel();
    await write(fake, [tiersPlan(3000), summaryPlan()]);
    await write(fake, [tiersPlan(200), summaryPlan()]);
    expect(fake.workbook.snapshot()).toEqual(await cleanState([tiersPlan(200), summaryPlan()], []));
  });

  test("any failed sync: the write throws, other sheets are untouched, a rewrite repairs all", async () => {
    const plans = [tiersPlan(3000), summaryPlan()];
    const options = { rowsPerBlock: 500, bytesPerSync: 40_000 };
    // Our summary sheet already exists with stale content: the clearing path is part of the test.
    const initial = [
      { name: "Orders", values: ORDERS },
      { name: "Summary", values: [["stale"], ["", "", "", "", "", "", "", "", "", "=old"]] },
    ];
    const clean = createFakeExcel(initial);
    const { syncs: total } = await write(clean, plans, options);
    expect(total).toBeGreaterThan(6);
    const orders = (fake: ReturnType<typeof createFakeExcel>) =>
      (fake.workbook.snapshot() as Array<{ name: string }>).find((s) => s.name === "Orders");
    for (let k = 1; k <= total; k++) {
      const fake = createFakeExcel(initial);
      const before = orders(fake);
      fake.failSync(k);
      await expect(write(fake, plans, options)).rejects.toMatchObject({ code: "GeneralException" });
      expect(orders(fake)).toEqual(before);
      await write(fake, plans, options);
      expect(fake.workbook.snapshot()).toEqual(clean.workbook.snapshot());
    }
  });

  test("the existing reader reads back what the writer wrote", async () => {
    const fake = createFakeExcel([{ name: "Orders", values: ORDERS }]);
    const plan = tiersPlan(300);
    await write(fake, [plan]);
    const grids = await fake.run((context) => readAllSheets(context, new Set(["Orders"])));
    expect(grids.map((g) => g.name)).toEqual(["Tiers"]);
    const values = grids[0].values;
    expect(values[3]).toEqual(plan.tables[0].rows[0].map((v) => v ?? ""));
    expect(values.length).toBe(303);
  });

  test("saved through ExcelJS: values, text that looks like a formula, formats, rules", async () => {
    const fake = createFakeExcel([{ name: "Orders", values: ORDERS }]);
    await write(fake, [tiersPlan(200), summaryPlan()]);
    const data = await fakeToXlsx(fake.workbook);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Orders", "Tiers", "Summary"]);
    const ws = wb.getWorksheet("Tiers")!;
    expect(ws.getCell("A4").value).toBe("C000000");
    expect(ws.getCell("B4").value).toBe('=HYPERLINK("x")'); // a plain string, not { formula }
    expect(ws.getCell("B4").numFmt).toBe("@");
    expect(ws.getCell("F5").numFmt).toBe(NUMBER_FORMATS.money);
    expect(ws.getCell("D2").value).toBe("=not a formula");
    expect(ws.getColumn(2).width).toBeCloseTo(20, 5);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    const rules = (ws as unknown as { conditionalFormattings: Array<{ ref: string }> })
      .conditionalFormattings;
    expect(rules.map((r) => r.ref)).toEqual(["C4:C203", "I4:I203", "F4:F203", "A4:J203"]);
    expect(wb.getWorksheet("Orders")!.getCell("B3").value).toBe("=not touched");
  });
});
