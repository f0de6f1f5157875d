import { createFakeExcel, parseAddress, storeInput, subtractRect } from "../fake/fakeExcel";

/** The error a promise rejects with (or a function throws). */
async function caught(run: () => unknown): Promise<{ code?: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected an error");
}

describe("fake Excel host", () => {
  test("reading a property before load and sync throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel([
      {
        name: "Data",
        values: [
          [1, "a"],
          [2, "b"],
        ],
      },
    ]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      expect((await caught(() => range.values)).code).toBe("PropertyNotLoaded");
      range.load("values, rowCount");
      // Loaded but not synced yet.
      const error = await caught(() => range.values);
      expect(error.code).toBe("PropertyNotLoaded");
      expect(error.message).toContain("The property 'values' is not available");
      await context.sync();
      expect(range.values).toEqual([
        [1, "a"],
        [2, "b"],
      ]);
      expect(range.rowCount).toBe(2);
      expect((await caught(() => range.columnCount)).code).toBe("PropertyNotLoaded");

      const sheets = context.workbook.worksheets;
      expect((await caught(() => sheets.items)).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      const count = sheets.getCount();
      expect((await caught(() => count.value)).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data"]);
      expect(count.value).toBe(1);
      expect((await caught(() => sheets.items[0].position)).code).toBe("PropertyNotLoaded");
    });
  });

  test("writes are queued until sync; a set property reads back at once", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("B2");
      range.values = [[42]];
      expect(range.values).toEqual([[42]]);
      expect(fake.workbook.sheet("Data")!.cell(1, 1)).toBeUndefined();
      await context.sync();
      expect(fake.workbook.sheet("Data")!.cell(1, 1)).toEqual({ value: 42 });
    });
  });

  test("counts syncs and measures requests and responses", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B1").values = [["x".repeat(1000), 1]];
      await context.sync();
      const range = sheet.getRange("A1:B1");
      range.load("values");
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requests[0]).toBeGreaterThan(1000);
    expect(fake.stats.requests[1]).toBeLessThan(200);
    expect(fake.stats.responses[1]).toBeGreaterThan(1000);
    expect(fake.stats.largestRequestBytes).toBe(
      Math.max(...fake.stats.requests, ...fake.stats.responses)
    );
  });

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    const rows = 60000;
    const big = Array.from({ length: rows }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("C1").values = [["small write, same batch"]];
      sheet.getRange(`A1:A${rows}`).values = big;
      const error = await caught(() => context.sync());
      expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
      expect(fake.workbook.sheet("Data")!.usedRect(false)).toBeNull();
      // The next batch goes through: nothing of the refused one is left in the queue.
      sheet.getRange("C1").values = [["later"]];
      await context.sync();
    });
    expect(fake.stats.requests[0]).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.workbook.sheet("Data")!.usedRect(false)).toEqual({
      row: 0,
      column: 2,
      rows: 1,
      columns: 1,
    });
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded and delivers nothing", async () => {
    const rows = 20000;
    // Chinese text: 3 bytes a character in UTF-8, so 20,000 × 100 characters is about 6 MB.
    const values = Array.from({ length: rows }, (_, i) => [`${i}${"跟进记录".repeat(25)}`]);
    const fake = createFakeExcel([{ name: "Data", values }]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const whole = sheet.getRange(`A1:A${rows}`);
      whole.load("values");
      expect((await caught(() => context.sync())).code).toBe("ResponsePayloadSizeLimitExceeded");
      expect((await caught(() => whole.values)).code).toBe("PropertyNotLoaded");
      // Half of it is under the cap and arrives.
      const half = sheet.getRange(`A1:A${rows / 2}`);
      half.load("values");
      await context.sync();
      expect(half.values[rows / 2 - 1][0]).toBe(values[rows / 2 - 1][0]);
    });
    expect(fake.stats.responses[0]).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.stats.largestResponseBytes).toBe(fake.stats.responses[0]);
    expect(fake.stats.responses[1]).toBeLessThan(5 * 1024 * 1024);
  });

  test("the response cap can be lowered apart from the request cap", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [["x".repeat(2000)]] }], {
      responseLimitBytes: 1000,
    });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B1").values = [["y".repeat(2000)]]; // a request over 1,000 bytes is fine
      await context.sync();
      const range = sheet.getRange("A1");
      range.load("values");
      expect((await caught(() => context.sync())).code).toBe("ResponsePayloadSizeLimitExceeded");
    });
  });

  test("failSync fails the n-th sync from now; earlier batches stay, later ones go through", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    fake.failSync(2);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [["first"]];
      await context.sync();
      sheet.getRange("A2").values = [["second"]];
      sheet.getRange("A3").format.fill.color = "#FF0000";
      expect((await caught(() => context.sync())).code).toBe("GeneralException");
      sheet.getRange("A4").values = [["third"]];
      await context.sync();
    });
    const sheet = fake.workbook.sheet("Data")!;
    expect(sheet.grid({ row: 0, column: 0, rows: 4, columns: 1 }, "value", "")).toEqual([
      ["first"],
      [""],
      [""],
      ["third"],
    ]);
    expect(sheet.cell(2, 0)).toBeUndefined();
  });

  test("an operation failing inside a sync keeps the ones before it (no rollback)", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Data").getRange("A1").values = [["kept"]];
      sheets.getItem("Missing").getRange("A1").values = [["x"]];
      sheets.getItem("Data").getRange("A2").values = [["never"]];
      expect((await caught(() => context.sync())).code).toBe("ItemNotFound");
      sheets.getItem("Data").getRange("A1:B1").values = [[1]]; // wrong size
      expect((await caught(() => context.sync())).code).toBe("InvalidArgument");
    });
    expect(
      fake.workbook.sheet("Data")!.grid({ row: 0, column: 0, rows: 2, columns: 1 }, "value", "")
    ).toEqual([["kept"], [""]]);
  });

  test("strings written to values: formulas unless text-formatted or apostrophe-prefixed", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:A2").values = [["=1+1"], ["'=1+1"]];
      sheet.getRange("B1").numberFormat = [["@"]]; // an earlier batch
      await context.sync();
      sheet.getRange("B1").values = [["=1+1"]];
      sheet.getRange("C1").numberFormat = "@" as unknown as string[][]; // same batch, before
      sheet.getRange("C1").values = [["=1+1"]];
      sheet.getRange("D1").values = [["=1+1"]];
      sheet.getRange("D1").numberFormat = [["@"]]; // after the write: too late
    });
    const sheet = fake.workbook.sheet("Data")!;
    expect(sheet.cell(0, 0)).toEqual({ value: "=1+1", formula: true });
    expect(sheet.cell(1, 0)).toEqual({ value: "=1+1" });
    expect(sheet.cell(0, 1)).toEqual({ value: "=1+1", numberFormat: "@" });
    expect(sheet.cell(0, 2)).toEqual({ value: "=1+1", numberFormat: "@" });
    expect(sheet.cell(0, 3)).toEqual({ value: "=1+1", formula: true, numberFormat: "@" });
  });

  test("Excel's input rules for +, -, @, numbers and booleans", () => {
    expect(storeInput("+86 138")).toEqual({ value: "+86 138", formula: true });
    expect(storeInput("-abc")).toEqual({ value: "-abc", formula: true });
    expect(storeInput("@home")).toEqual({ value: "@home", formula: true });
    expect(storeInput('=HYPERLINK("x")')).toEqual({ value: '=HYPERLINK("x")', formula: true });
    expect(storeInput("-5")).toEqual({ value: -5, formula: false });
    expect(storeInput("+1.5e3")).toEqual({ value: 1500, formula: false });
    expect(storeInput("00123")).toEqual({ value: 123, formula: false });
    expect(storeInput("50%")).toEqual({ value: 0.5, formula: false });
    expect(storeInput("true")).toEqual({ value: true, formula: false });
    expect(storeInput("-")).toEqual({ value: "-", formula: false });
    expect(storeInput("@")).toEqual({ value: "@", formula: false });
    expect(storeInput("'00123")).toEqual({ value: "00123", formula: false });
    expect(storeInput("00123", "@")).toEqual({ value: "00123", formula: false });
    expect(storeInput("-abc", "@")).toEqual({ value: "-abc", formula: false });
  });

  test("getUsedRangeOrNullObject on an empty sheet and getItemOrNullObject on a missing one", async () => {
    const fake = createFakeExcel([
      { name: "Empty", values: [] },
      { name: "Data", values: [["", "x"]] },
    ]);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const empty = sheets.getItem("Empty").getUsedRangeOrNullObject(true);
      const data = sheets.getItem("Data").getUsedRangeOrNullObject(true);
      data.load("address, rowIndex, columnIndex");
      const missing = sheets.getItemOrNullObject("Missing");
      const found = sheets.getItemOrNullObject("data"); // names are case-insensitive
      expect((await caught(() => empty.isNullObject)).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      expect(data.isNullObject).toBe(false);
      expect(data.address).toBe("Data!B1");
      expect(data.columnIndex).toBe(1);
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect((await caught(() => missing.name)).code).toBe("InvalidOperation");
      empty.clear(); // acting on a null object fails the sync
      expect((await caught(() => context.sync())).code).toBe("ItemNotFound");
    });
  });

  test("worksheets.add, duplicate names, freeze panes, widths and formats", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add("New");
      sheet.freezePanes.freezeAt(sheet.getRange("A1:B3"));
      const header = sheet.getRangeByIndexes(0, 0, 1, 2);
      header.values = [["a", "b"]];
      header.format.fill.color = "#1f4e78";
      header.format.font.bold = true;
      header.format.columnWidth = 63;
      await context.sync();
      context.workbook.worksheets.add("new");
      expect((await caught(() => context.sync())).code).toBe("ItemAlreadyExists");
    });
    const sheet = fake.workbook.sheet("New")!;
    expect(sheet.freeze).toEqual({ rows: 3, columns: 2 });
    expect(sheet.cell(0, 1)).toEqual({ value: "b", fill: "#1F4E78", bold: true });
    expect(sheet.columnWidths.slice(0, 2)).toEqual([63, 63]);
  });

  test("conditional formats: new rules on top, clearAll trims ranges; validations replace", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const first = sheet.getRange("A2:A100").conditionalFormats.add("Custom");
      first.custom.rule.formula = '=$A2="x"';
      first.custom.format.fill.color = "#C6EFCE";
      const bar = sheet.getRange("B2:B100").conditionalFormats.add("DataBar");
      bar.dataBar.positiveFormat.fillColor = "#5B9BD5";
      sheet.getRange("C2:C100").dataValidation.rule = {
        list: { inCellDropDown: true, source: "a,b" },
      };
      sheet.getRange("C50:C60").dataValidation.rule = {
        list: { inCellDropDown: true, source: "c" },
      };
      await context.sync();
      sheet.getRange("A51:B100").conditionalFormats.clearAll();
      bar.custom.rule.formula = "=1"; // a DataBar rule has no custom part: the sync fails
      expect((await caught(() => context.sync())).code).toBe("InvalidOperation");
    });
    const snapshot = fake.workbook.snapshot() as Array<{
      conditionalFormats: Array<{ type: string; ranges: string[]; props: object }>;
      validations: Array<{ ranges: string[] }>;
    }>;
    const [data] = snapshot;
    expect(data.conditionalFormats).toEqual([
      { type: "DataBar", ranges: ["Data!B2:B50"], props: { fillColor: "#5B9BD5" } },
      { type: "Custom", ranges: ["Data!A2:A50"], props: { formula: '=$A2="x"', fill: "#C6EFCE" } },
    ]);
    expect(data.validations.map((v) => v.ranges)).toEqual([
      ["Data!C2:C49", "Data!C61:C100"],
      ["Data!C50:C60"],
    ]);
  });

  test("charts: add, title, position, load items, delete", async () => {
    const fake = createFakeExcel([
      {
        name: "Data",
        values: [
          ["k", "v"],
          ["a", 1],
          ["b", 2],
        ],
      },
    ]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns");
      chart.title.text = "Sales";
      chart.setPosition("D2", "J15");
      await context.sync();
      expect(fake.workbook.sheet("Data")!.charts).toEqual([
        {
          name: "Chart 1",
          type: "ColumnClustered",
          source: { row: 0, column: 0, rows: 3, columns: 2 },
          seriesBy: "Columns",
          title: "Sales",
          position: { start: "D2", end: "J15" },
        },
      ]);
      sheet.charts.load("items/name");
      await context.sync();
      expect(sheet.charts.items.map((c) => c.name)).toEqual(["Chart 1"]);
      sheet.charts.items[0].delete();
    });
    expect(fake.workbook.sheet("Data")!.charts).toEqual([]);
  });

  test("run syncs what is still queued when the batch resolves", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [] }]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
    });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.workbook.sheet("Data")!.cell(0, 0)?.value).toBe(1);
  });

  test("address helpers", () => {
    expect(parseAddress("B2:D9")).toEqual({ row: 1, column: 1, rows: 8, columns: 3 });
    expect(parseAddress("'My Sheet'!$A$1")).toEqual({ row: 0, column: 0, rows: 1, columns: 1 });
    expect(parseAddress("A:C")).toEqual({ row: 0, column: 0, rows: 1048576, columns: 3 });
    expect(parseAddress("3:5")).toEqual({ row: 2, column: 0, rows: 3, columns: 16384 });
    expect(parseAddress("A1:5")).toBeNull();
    expect(parseAddress("")).toBeNull();
    const a = { row: 0, column: 0, rows: 10, columns: 10 };
    const parts = subtractRect(a, { row: 2, column: 3, rows: 2, columns: 2 });
    expect(parts.reduce((n, r) => n + r.rows * r.columns, 0)).toBe(96);
  });
});
