/**
 * `npm run bench:syncs`: a full Score customers run on the fake Excel host at Excel's row limit
 * (1,048,575 order lines, ~100k customers): context.sync() calls and the largest request, which
 * Excel on the web caps at 5 MB. Targets: at most 40 syncs, none over 5 MB.
 */
import { cpus, totalmem } from "node:os";
import { createExcelHost } from "../src/excel/host";
import type { Stage } from "../src/taskpane/host";
import { createFakeExcel, type FakeValue } from "../test/fake/fakeExcel";
import { BENCH_AS_OF, makeBenchWorkbook } from "./data";

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_048_575);
  const book = makeBenchWorkbook(rows);
  const fake = createFakeExcel(
    [book.archive, book.orders].map((g) => ({ name: g.name, values: g.values as FakeValue[][] }))
  );
  const host = createExcelHost({
    lang: "zh-CN",
    today: () => BENCH_AS_OF,
    run: (b) => fake.run(b),
  });
  const syncsAt: Partial<Record<Stage, number>> = {};
  const start = process.hrtime.bigint();
  const summary = await host.score({}, (p) => {
    syncsAt[p.stage] ??= fake.stats.syncs;
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  );
  console.log(
    JSON.stringify({
      orderRows: rows,
      customers: summary.customers,
      syncs: fake.stats.syncs,
      syncsBeforeStage: syncsAt,
      largestRequestMB: mb(fake.stats.largestRequestBytes),
      largestResponseMB: mb(Math.max(0, ...fake.stats.responses)),
      sheetsWritten: summary.sheetsWritten.length,
      seconds: Number(seconds.toFixed(1)),
    })
  );
}

void main();
