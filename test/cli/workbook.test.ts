import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { strings } from "../../src/i18n";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runScoreCommand, type CliOptions } from "../../src/cli/run";
import { parseDate } from "../../src/core/parse";

const root = resolve(__dirname, "../..");
const SAMPLE = join(root, "assets", "sample-customers.xlsx");
const AS_OF = parseDate("2024-12-31") as number;
const dir = mkdtempSync(join(tmpdir(), "rfm-workbook-"));

const options = (input: string, out: string): CliOptions => ({
  input,
  out,
  csv: null,
  asOf: AS_OF,
  scheme: null,
  lang: "zh-CN",
  modelJson: null,
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every sheet's values, as a reader sees them. */
async function valuesOf(path: string): Promise<Record<string, unknown>> {
  const wb = await load(path);
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]));
}

describe("the scored workbook", () => {
  const first = join(dir, "first.xlsx");
  const second = join(dir, "second.xlsx");

  beforeAll(async () => {
    await runScoreCommand(options(SAMPLE, first), AS_OF);
    await runScoreCommand(options(first, second), AS_OF);
  });

  it("holds the input sheets and the eight sheets of the add-in (the sample has follow-ups and owners)", async () => {
    const wb = await load(first);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "客户档案",
      "销售订单",
      "说明",
      "客户跟进记录",
      ...(
        [
          "tiers",
          "tracking",
          "review",
          "summary",
          "watchlist",
          "calls",
          "modelcheck",
          "owners",
          "history",
          "settings",
        ] as const
      ).map((k) => strings("zh-CN").sheets.names[k]),
    ]);
  });

  it("keeps the input sheets' values exactly", async () => {
    const before = await valuesOf(SAMPLE);
    const after = await valuesOf(second);
    for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
  });

  it("is unchanged by a second run on an unchanged workbook", async () => {
    expect(await valuesOf(second)).toEqual(await valuesOf(first));
  });

  it("offers the status drop-down and highlights overdue lines", async () => {
    const wb = await load(first);
    const ws = wb.getWorksheet(strings("zh-CN").sheets.names.tracking)!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).indexOf(
      strings("zh-CN").sheets.trackingHeaders.status
    );
    const validation = ws.getCell(2, header).dataValidation;
    expect(validation.type).toBe("list");
    expect(validation.formulae[0]).toBe(`"${strings("zh-CN").sheets.statusValues.join(",")}"`);
    const rules = (
      ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ formulae?: string[] }> }> }
    ).conditionalFormattings;
    expect(rules.some((cf) => cf.rules.some((r) => r.formulae?.[0]?.includes("TODAY()")))).toBe(
      true
    );
  });

  it("puts a native chart on the summary sheet", async () => {
    const zip = await JSZip.loadAsync(readFileSync(first));
    const chart = await zip.file("xl/charts/chart1.xml")?.async("string");
    expect(chart).toContain("<c:barChart>");
    // The series refer to the summary sheet's tier table.
    expect(chart).toMatch(
      new RegExp(`${strings("zh-CN").sheets.names.summary}(&apos;|')!\\$B\\$\\d+`)
    );
    expect(Object.keys(zip.files)).toContain("xl/drawings/drawing1.xml");
  });

  it("keeps what the manager typed when the workbook is scored again", async () => {
    const wb = await load(first);
    const ws = wb.getWorksheet(strings("zh-CN").sheets.names.tracking)!;
    const headers = ws.getRow(1).values as ExcelJS.CellValue[];
    const owner = headers.indexOf(strings("zh-CN").sheets.trackingHeaders.owner);
    const status = headers.indexOf(strings("zh-CN").sheets.trackingHeaders.status);
    const target = headers.indexOf(strings("zh-CN").sheets.trackingHeaders.target);
    const id = ws.getCell(3, 1).value;
    ws.getCell(3, owner).value = "=李娜";
    ws.getCell(3, status).value = strings("zh-CN").sheets.statusValues[1];
    ws.getCell(3, target).value = "新增交易金额3万元，交易频次提升20%";
    // The manager sorts the sheet: line 3 moves to the bottom.
    const moved = ws.getRow(3).values;
    ws.spliceRows(3, 1);
    ws.addRow(moved);
    const edited = join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const again = join(dir, "again.xlsx");
    await runScoreCommand(options(edited, again), AS_OF);
    const after = (await load(again)).getWorksheet(strings("zh-CN").sheets.names.tracking)!;
    let found: ExcelJS.Row | undefined;
    after.eachRow((row) => {
      if (row.getCell(1).value === id && row.getCell(owner).value === "=李娜") found = row;
    });
    expect(found).toBeDefined();
    expect(found!.getCell(owner).type).toBe(ExcelJS.ValueType.String);
    expect(found!.getCell(status).value).toBe(strings("zh-CN").sheets.statusValues[1]);
  });

  it("is what npm run demo writes", () => {
    execFileSync(process.execPath, ["--import", "tsx", join(root, "scripts/demo.ts")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(existsSync(join(root, "out", "sample-scored.xlsx"))).toBe(true);
  });
});
