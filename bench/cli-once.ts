/**
 * One measured run for `npm run bench:cli`, in its own process so its peak memory is its own.
 *   cli <input.xlsx> <output.xlsx>          the command line end to end (runScoreCommand)
 *   write <input.xlsx> <output.xlsx> <order lines> <customers>
 *                                           the write half alone: the input's sheets are generated in
 *                                           memory (as a reader would deliver them), planned, and our
 *                                           sheets written into the input package
 * Prints one JSON line.
 */
import { readFile, writeFile } from "node:fs/promises";
import { runScoreCommand } from "../src/cli/run";
import { planWorkbook } from "../src/plan/workbook";
import { writeScoredWorkbook } from "../src/xlsx/output";
import { BENCH_AS_OF, makeBenchWorkbook } from "./data";

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function cli(input: string, out: string): Promise<Record<string, number>> {
  const start = process.hrtime.bigint();
  const { report } = await runScoreCommand(
    { input, out, csv: null, asOf: BENCH_AS_OF, scheme: null, lang: "zh-CN", modelJson: null },
    BENCH_AS_OF
  );
  return {
    total_s: seconds(start),
    peak_mb: peakMb(),
    customers: report.customers.length,
    order_lines: report.orderLines.read,
  };
}

async function writeHalf(
  input: string,
  out: string,
  lines: number,
  customers: number
): Promise<Record<string, number>> {
  const book = makeBenchWorkbook(lines, 42, customers);
  const data = await readFile(input);
  const before = peakMb();
  const planStart = process.hrtime.bigint();
  const run = planWorkbook([book.archive, book.orders], {
    lang: "zh-CN",
    today: BENCH_AS_OF,
    overrides: { asOf: BENCH_AS_OF },
  });
  const plan = seconds(planStart);
  const afterPlan = peakMb();
  const writeStart = process.hrtime.bigint();
  await writeFile(out, await writeScoredWorkbook(data, run.plans));
  return {
    plan_s: plan,
    write_s: seconds(writeStart),
    peak_mb_before_plan: before,
    peak_mb_after_plan: afterPlan,
    peak_mb: peakMb(),
    customers: run.report.customers.length,
    tier_rows: run.plans.find((p) => p.key === "tiers")?.tables[0].rows.length ?? 0,
  };
}

async function main(): Promise<void> {
  const [mode, input, out, lines, customers] = process.argv.slice(2);
  const result =
    mode === "cli"
      ? await cli(input, out)
      : await writeHalf(input, out, Number(lines), Number(customers));
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
