/**
 * `npm run bench:cli`: the command line end to end (read .xlsx, score, plan five sheets, write .xlsx)
 * on the sample workbook and on a generated workbook of 100k customers and 400k order lines.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { runScoreCommand } from "../src/cli/run";
import { BENCH_AS_OF, makeBenchWorkbook } from "./data";

const root = resolve(__dirname, "..");
const workDir = join(root, ".bench");

async function writeBig(path: string): Promise<void> {
  const book = makeBenchWorkbook(400_000, 42, 100_000);
  // Streaming writer: the generated file is too big to build in memory cell by cell.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  for (const sheet of [book.archive, book.orders]) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row as ExcelJS.CellValue[]).commit();
    ws.commit();
  }
  await wb.commit();
}

async function time(label: string, input: string): Promise<void> {
  const start = process.hrtime.bigint();
  const { report } = await runScoreCommand(
    {
      input,
      out: join(workDir, "scored.xlsx"),
      csv: null,
      asOf: BENCH_AS_OF,
      scheme: null,
      lang: "zh-CN",
      modelJson: null,
    },
    BENCH_AS_OF
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(
    `${label}: ${report.customers.length} customers, ${report.orderLines.read} order lines: ${seconds.toFixed(1)} s (RSS now ${peak} MB)`
  );
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  await time("sample workbook", join(root, "assets", "sample-customers.xlsx"));
  const big = join(workDir, "customers-100k-orders-400k.xlsx");
  if (!existsSync(big)) await writeBig(big);
  await time("generated workbook", big);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
