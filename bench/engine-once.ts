/**
 * One engine measurement in a fresh process (so peak memory is this size's alone):
 * prints a JSON line {rows, customers, ms, peakMb}. Called by bench/run.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { scoreSheets } from "../src/core/pipeline";
import { defaultSettings } from "../src/core/settings";
import { BENCH_AS_OF, makeBenchWorkbook } from "./data";

function rssMb(field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

const rows = Number(process.argv[2]);
const csvPath = process.argv[3];
const book = makeBenchWorkbook(rows);
if (csvPath) {
  const lines = book.orders.values.slice(1).map((r) => r.join(","));
  writeFileSync(csvPath, "order_no,customer_id,day,amount\n" + lines.join("\n") + "\n");
}
const settings = { ...defaultSettings(), asOf: BENCH_AS_OF };
const run = () =>
  scoreSheets([book.archive, book.orders], { settings, lang: "en-US", today: BENCH_AS_OF });

// Warm up the JIT on a slice, then measure full runs; the best of three is the engine's speed.
scoreSheets([book.archive, { ...book.orders, values: book.orders.values.slice(0, 20000) }], {
  settings,
  lang: "en-US",
  today: BENCH_AS_OF,
});
(globalThis as { gc?: () => void }).gc?.();
const before = rssMb("VmRSS");
const times: number[] = [];
let tiered = 0;
for (let i = 0; i < 3; i++) {
  const start = process.hrtime.bigint();
  const report = run();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  tiered = report.customers.filter((c) => c.tier).length;
}
const peak = rssMb("VmHWM");
console.log(
  JSON.stringify({
    rows,
    customers: book.customers,
    tiered,
    ms: Math.min(...times),
    peakMb: Math.round(peak),
    engineMb: Math.round(peak - before),
  })
);
