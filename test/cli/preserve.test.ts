/**
 * Property: scoring never changes a sheet the user owns. Random follow-up logs (and orders and notes)
 * go through the real command line twice; every input sheet comes out with the same values and the
 * follow-up sheet with the same number formats and styles, cell by cell.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runScoreCommand, type CliOptions } from "../../src/cli/run";
import { parseDate } from "../../src/core/parse";
import { HEADER as FOLLOWUP_HEADER } from "../core/followupFixtures";

const AS_OF = parseDate("2024-12-31") as number;
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), "rfm-preserve-"));
const date = (daysBefore: number) => new Date(Date.UTC(2024, 11, 31) - daysBefore * DAY);

type Value = ExcelJS.CellValue;

const text = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom("潜在", "意向", "谈判", "成交", "流失", "已完成", "未完成", "下周一", "=SUM(A1)")
);
const value: fc.Arbitrary<Value> = fc.oneof(
  text,
  fc.integer({ min: -1000, max: 100000 }),
  fc.integer({ min: -30, max: 400 }).map(date),
  fc.boolean(),
  fc.constant(null)
);
const followupRow = fc.tuple(
  fc.constantFrom<Value>("C1", "C2", "c3", "C4", "C9", ""),
  fc.oneof(fc.integer({ min: -10, max: 200 }).map(date), value),
  fc.constantFrom<Value>("电话", "上门拜访", ""),
  fc.constantFrom<Value>("张伟", "李娜", ""),
  value,
  value,
  value,
  fc.oneof(fc.integer({ min: -30, max: 100 }).map(date), value),
  fc.constantFrom<Value>("已完成", "未完成", ""),
  fc.constantFrom<Value>("潜在", "意向", "谈判", "成交", "流失", ""),
  fc.constantFrom<Value>("A", "B", "C", "")
);

async function makeInput(
  path: string,
  followups: Value[][],
  notes: Value[][],
  orders: Array<[string, number, number]>
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const archive = wb.addWorksheet("客户档案");
  archive.addRow(["客户ID", "客户名称", "区域", "联系方式"]);
  archive.addRow(["C1", "甲商行", "上海", "13800138000"]);
  archive.addRow(["C2", "乙商行", "杭州", "138 0013 8000"]);
  archive.addRow(["C3", "丙 商行", "", "13900000003"]);
  archive.addRow(["C4", "丙商行", "上海", ""]);
  const sheet = wb.addWorksheet("销售订单");
  sheet.addRow(["订单号", "客户ID", "交易日期", "金额"]);
  orders.forEach(([id, ago, amount], i) => sheet.addRow([`SO${i}`, id, date(ago), amount]));
  const log = wb.addWorksheet("客户跟进记录");
  log.addRow(FOLLOWUP_HEADER).font = { bold: true };
  for (const row of followups) log.addRow(row);
  log.getColumn(2).numFmt = "yyyy-mm-dd";
  log.getColumn(8).numFmt = "yyyy/m/d";
  log.getCell("E2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  const note = wb.addWorksheet("说明");
  for (const row of notes) note.addRow(row);
  note.getCell("A1").value = { formula: "COUNTA(客户档案!A:A)", result: 5 };
  await wb.xlsx.writeFile(path);
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Values of every sheet, and number format, font and fill of every follow-up cell. */
async function userView(path: string, names: string[]): Promise<unknown> {
  const wb = await load(path);
  const view: Record<string, unknown> = {};
  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`sheet ${name} missing from ${path}`);
    // An empty row element (a line with no value at all) is not a value: ExcelJS drops it on saving.
    view[name] = ws
      .getSheetValues()
      .map((row) =>
        Array.isArray(row) && row.every((v) => v === undefined || v === null) ? undefined : row
      );
  }
  const log = wb.getWorksheet("客户跟进记录") as ExcelJS.Worksheet;
  const styles: unknown[] = [];
  log.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) =>
      styles.push([r, c, cell.numFmt ?? null, cell.font ?? null, cell.fill ?? null])
    )
  );
  view.styles = styles;
  return view;
}

const options = (input: string, out: string): CliOptions => ({
  input,
  out,
  csv: null,
  asOf: AS_OF,
  scheme: null,
  lang: "zh-CN",
  modelJson: null,
  reportJson: null,
});

describe("no user sheet changes through the command line", () => {
  it("keeps every input sheet, the follow-up sheet included, identical over two runs", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          followupRow.map((r) => [...r]),
          { maxLength: 25 }
        ),
        fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 5 }),
        fc.array(
          fc.tuple(
            fc.constantFrom("C1", "C2", "C3", "C8"),
            fc.integer({ min: -5, max: 500 }),
            fc.integer({ min: -200, max: 20000 })
          ),
          { maxLength: 15 }
        ),
        async (followups, notes, orders) => {
          n++;
          const input = join(dir, `in${n}.xlsx`);
          const first = join(dir, `first${n}.xlsx`);
          const second = join(dir, `second${n}.xlsx`);
          await makeInput(input, followups, notes, orders);
          await runScoreCommand(options(input, first), AS_OF);
          await runScoreCommand(options(first, second), AS_OF);
          const names = ["客户档案", "销售订单", "客户跟进记录", "说明"];
          const before = await userView(input, names);
          expect(await userView(first, names)).toEqual(before);
          expect(await userView(second, names)).toEqual(before);
        }
      ),
      { numRuns: 20 }
    );
  }, 120_000);
});
