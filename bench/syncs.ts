/**
 * `npm run bench:syncs`: a full Score customers run through the Office.js host on the fake Excel
 * (5 MB request and response caps, as on the web), with scoring and planning in a worker thread as
 * the pane does with a Web Worker. For the wide Chinese workbook (20,000 customers × 24 columns,
 * 200,000 order lines × 14, 30,000 follow-ups with long notes) and 1,048,575 narrow order lines:
 * syncs, largest request and response, the whole job's time, and the longest stretch the calling
 * (pane's) thread was blocked. The fake itself runs on that thread (Excel runs out of process), so
 * longestBlockedMs includes the fake's work; longestBlockedPaneOnlyMs subtracts the time spent inside
 * the fake's syncs (Excel's side); each fake sync answers in a task of its own, as Excel's does.
 * Goal: never blocked over 1 s.
 *
 *   npm run bench:syncs                 both workbooks
 *   npm run bench:syncs -- wide|narrow  one of them; add `in-process` to plan on the calling thread
 */
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { SheetGrid } from "../src/core/types";
import { createExcelHost } from "../src/officejs/host";
import {
  inProcessPlanner,
  portPlanner,
  type FromWorker,
  type Planner,
} from "../src/officejs/planner";
import type { Stage } from "../src/app/host";
import { fakeFromGrids } from "../test/fake/fakeExcel";
import { makeWideWorkbook, WIDE_AS_OF, WIDE_FULL } from "../test/fake/wideWorkbook";
import { BENCH_AS_OF, makeBenchWorkbook } from "./data";

const threadPlanner: Planner = portPlanner(() => {
  // A worker does not inherit `--import tsx`: it registers tsx itself, then loads the TypeScript.
  const file = JSON.stringify(join(__dirname, "planWorker.ts"));
  const worker = new Worker(`require("tsx/cjs"); require(${file});`, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: 12000 },
  });
  return {
    post: (message) => worker.postMessage(message),
    listen: (handler, failed) => {
      worker.on("message", (message: FromWorker) => handler(message));
      worker.on("error", failed);
    },
    terminate: () => void worker.terminate(),
  };
});

/**
 * Longest gap between 10 ms timer ticks on the calling thread while `work` runs, in all and by the
 * stage under way when the gap ended, and the event loop's largest delay.
 */
async function blockedWhile<T>(
  work: () => Promise<T>,
  stageNow: () => string,
  fakeMs: () => number
) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = performance.now();
  let lastFake = fakeMs();
  const byStage: Record<string, number> = {};
  const paneOnlyByStage: Record<string, number> = {};
  const probe = setInterval(() => {
    const now = performance.now();
    const stage = stageNow();
    byStage[stage] = Math.max(byStage[stage] ?? 0, Math.round(now - last));
    const paneMs = Math.round(now - last - (fakeMs() - lastFake));
    paneOnlyByStage[stage] = Math.max(paneOnlyByStage[stage] ?? 0, paneMs);
    last = now;
    lastFake = fakeMs();
  }, 10);
  try {
    const result = await work();
    return {
      result,
      byStage,
      paneOnlyByStage,
      loopDelayMaxMs: Math.round(histogram.max / 1e6),
    };
  } finally {
    clearInterval(probe);
    histogram.disable();
  }
}

async function measure(
  name: string,
  makeGrids: () => SheetGrid[],
  today: number,
  planner: Planner
) {
  // The fake copies the grids; the generated ones are dropped at once, so the only workbook in
  // this thread's heap is the fake's (in Excel it is in another process altogether).
  const fake = fakeFromGrids(makeGrids());
  // The fake Excel works on the calling thread inside sync(); Excel does that out of process.
  let longestFakeSyncMs = 0;
  let fakeMs = 0;
  const run: typeof fake.run = (batch) =>
    fake.run((context) => {
      const sync = context.sync.bind(context);
      context.sync = async () => {
        const start = performance.now();
        try {
          return await sync();
        } finally {
          const ms = performance.now() - start;
          longestFakeSyncMs = Math.max(longestFakeSyncMs, ms);
          fakeMs += ms;
          // Excel answers a sync through the event loop (a task); the fake resolves at once, which
          // would chain the pane's work of many syncs into one stretch no pane ever sees.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };
      return batch(context);
    });
  const host = createExcelHost({ lang: "zh-CN", today: () => today, run, planner });
  const syncsBefore: Partial<Record<Stage, number>> = {};
  let stage = "start";
  const start = performance.now();
  const { result, byStage, paneOnlyByStage, loopDelayMaxMs } = await blockedWhile(
    () =>
      host.score({}, (p) => {
        stage = p.stage;
        syncsBefore[p.stage] ??= fake.stats.syncs;
      }),
    () => stage,
    () => fakeMs
  );
  const seconds = (performance.now() - start) / 1000;
  const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(2));
  console.log(
    JSON.stringify({
      workbook: name,
      planner: planner === inProcessPlanner ? "in-process" : "worker thread",
      customers: result.customers,
      syncs: fake.stats.syncs,
      syncsBeforeStage: syncsBefore,
      refusedResponses: fake.stats.responses.filter((b) => b > 5 * 1024 * 1024).length,
      largestRequestMB: mb(Math.max(...fake.stats.requests)),
      largestResponseMB: mb(fake.stats.largestResponseBytes),
      readMB: mb(fake.stats.responses.slice(0, syncsBefore.scoring).reduce((a, b) => a + b, 0)),
      seconds: Number(seconds.toFixed(1)),
      longestBlockedMs: Math.max(loopDelayMaxMs, ...Object.values(byStage)),
      longestBlockedMsByStage: byStage,
      longestFakeSyncMs: Math.round(longestFakeSyncMs),
      longestBlockedPaneOnlyMs: Math.max(...Object.values(paneOnlyByStage)),
      longestBlockedPaneOnlyMsByStage: paneOnlyByStage,
    })
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const planner = args.includes("in-process") ? inProcessPlanner : threadPlanner;
  const which = args.filter((a) => a === "wide" || a === "narrow");
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  );
  if (which.length === 0 || which.includes("wide"))
    await measure(
      "wide: 20,000 × 24 / 200,000 × 14 / 30,000 follow-ups",
      () => makeWideWorkbook(WIDE_FULL),
      WIDE_AS_OF,
      planner
    );
  if (which.length === 0 || which.includes("narrow")) {
    await measure(
      "narrow: 1,048,575 order lines",
      () => {
        const book = makeBenchWorkbook(1_048_575);
        return [book.archive, book.orders];
      },
      BENCH_AS_OF,
      planner
    );
  }
}

void main();
