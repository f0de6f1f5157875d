/**
 * One measurement of the whole job in a fresh process (so peak memory is this data set's alone):
 * what the user waits for between reading the sheets and writing ours — `planWorkbook`: scoring,
 * follow-ups, both lifetime fits and the plans of every sheet — then every line of every sheet made
 * as the writer asks for them, a block at a time. Also times scoring and the lifetime stage alone,
 * to show where the time goes. Writes the orders as CSV for the Python anchor and prints one JSON
 * line. Called by bench/run.ts:
 *   node --expose-gc --import tsx bench/job-once.ts <rows> <mix|alike|wide> [<csv>] [all-columns]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { computeLifetime } from "../src/core/lifetime";
import { scoreSheets } from "../src/core/pipeline";
import { defaultSettings } from "../src/core/settings";
import { ROWS_PER_BLOCK } from "../src/officejs/writePlan";
import { lineCount, linesBetween } from "../src/plan/types";
import { planWorkbook, type RunOptions, type WorkbookRun } from "../src/plan/workbook";
import type { SheetGrid } from "../src/core/types";
import { BENCH_AS_OF } from "./data";
import { addInGrids } from "./addInGrids";
import { makeMixWorkbook, type MixKind } from "./mix";

function rssMb(field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

const rows = Number(process.argv[2]);
const kind = (process.argv[3] ?? "mix") as MixKind;
const csvPath = process.argv.slice(4).find((arg) => arg !== "all-columns");
const options: RunOptions = { lang: "zh-CN", today: BENCH_AS_OF, overrides: { asOf: BENCH_AS_OF } };

let customers = 0;
const sheets = ((): SheetGrid[] => {
  const book = makeMixWorkbook(rows, kind);
  customers = book.customers;
  if (csvPath) {
    // Only the four columns the anchor needs (a pandas user would read just those).
    const lines = book.orders.values.slice(1).map((r) => `${r[0]},${r[1]},${r[2]},${r[3]}`);
    writeFileSync(csvPath, "order_no,customer_id,day,amount\n" + lines.join("\n") + "\n");
  }
  // `all-columns`: every column of the generated workbook, as the command line holds it.
  return process.argv.includes("all-columns")
    ? [book.archive, book.orders]
    : addInGrids([book.archive, book.orders], options);
})();
const now = () => Number(process.hrtime.bigint()) / 1e6;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * The job: plan every sheet, then make every line as the writer asks for them, a block at a time
 * (the tier sheet makes its lines only then).
 */
function job(input: SheetGrid[]): WorkbookRun {
  const run = planWorkbook(input, options);
  let cells = 0;
  for (const plan of run.plans)
    for (const table of plan.tables)
      for (let from = 0; from < lineCount(table); from += ROWS_PER_BLOCK)
        for (const line of linesBetween(table, from, from + ROWS_PER_BLOCK)) cells += line.length;
  // (The count uses every line made, so no engine can skip making them.)
  if (cells < 0) throw new Error("unreachable");
  return run;
}

// Warm up the JIT on a slice.
job([sheets[0], { ...sheets[1], values: sheets[1].values.slice(0, 20000) }]);
gc();
const before = rssMb("VmRSS");
try {
  // Peak memory from here on (Linux: "5" resets VmHWM), not the building of the grids.
  writeFileSync("/proc/self/clear_refs", "5");
} catch {
  // Elsewhere the peak includes building the grids.
}
const runs = rows > 200_000 ? 2 : 3;
let best = Infinity;
let run = job(sheets);
for (let i = 0; i < runs; i++) {
  gc();
  const start = now();
  run = job(sheets);
  best = Math.min(best, now() - start);
}
const peak = rssMb("VmHWM");
// Where the time goes: scoring alone, then the lifetime stage alone (both fits and predictions).
const settings = { ...defaultSettings(), asOf: BENCH_AS_OF };
let t = now();
const report = scoreSheets(sheets, { settings, today: BENCH_AS_OF });
const scoreMs = now() - t;
t = now();
const lifetime = computeLifetime(report, settings);
const lifetimeMs = now() - t;
const fit = (f: NonNullable<typeof lifetime.model>["bgnbd" | "gammagamma"]) =>
  f.ok
    ? `ok/${f.evaluations}`
    : `${f.reason}${f.parameter ? ":" + f.parameter : ""}/${f.evaluations}`;
console.log(
  JSON.stringify({
    rows,
    kind,
    customers,
    ms: best,
    scoreMs,
    lifetimeMs,
    plansMs: best - scoreMs - lifetimeMs,
    peakMb: Math.round(peak),
    jobMb: Math.round(peak - before),
    sheets: run.plans.length,
    bgnbd: lifetime.model ? fit(lifetime.model.bgnbd) : "none",
    gammagamma: lifetime.model ? fit(lifetime.model.gammagamma) : "none",
  })
);
