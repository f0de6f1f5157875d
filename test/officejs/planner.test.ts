/**
 * The planner over messages, as the pane's Web Worker runs it: only plain data crosses (each message
 * goes through structuredClone), results equal the in-process run, and Cancel ends the worker.
 */
import { serialFromYmd } from "../../src/core/parse";
import type { SheetGrid } from "../../src/core/types";
import { createExcelHost } from "../../src/officejs/host";
import {
  inProcessPlanner,
  portPlanner,
  type FromWorker,
  type Planner,
  type ToWorker,
} from "../../src/officejs/planner";
import { serveJobs } from "../../src/officejs/planSession";
import type { Progress } from "../../src/app/host";
import { fakeFromGrids } from "../fake/fakeExcel";
import { makeWideWorkbook } from "../fake/wideWorkbook";
import { sampleGrids } from "./sampleOnFake";

const TODAY = serialFromYmd(2025, 1, 15);

interface Log {
  terminated: number;
  sent: string[];
  /** Every message the pane's side received, as it received it. */
  received?: FromWorker[];
}

/** A worker on this thread: messages are cloned and delivered as tasks, as postMessage does. */
function loopbackPlanner(log: Log): Planner {
  return portPlanner(() => {
    let toMain: (message: FromWorker) => void = () => undefined;
    let alive = true;
    const deliver = <T>(message: T, to: (m: T) => void) =>
      setTimeout(() => alive && to(structuredClone(message)), 0);
    const handle = serveJobs((message) => deliver(message, (m) => toMain(m)));
    return {
      post: (message: ToWorker) => {
        log.sent.push(message.kind);
        deliver(message, handle);
      },
      listen: (handler) => {
        toMain = (message) => {
          log.received?.push(message);
          handler(message);
        };
      },
      terminate: () => {
        alive = false;
        log.terminated++;
      },
    };
  });
}

async function scoreWith(
  planner: Planner,
  onProgress: (p: Progress) => void = () => undefined,
  grids?: SheetGrid[]
) {
  const fake = fakeFromGrids(grids ?? (await sampleGrids()));
  const host = createExcelHost({
    lang: "zh-CN",
    today: () => TODAY,
    run: (b) => fake.run(b),
    planner,
  });
  const summary = await host.score({}, onProgress);
  return { summary, snapshot: JSON.stringify(fake.workbook.snapshot()) };
}

test("over messages the run equals the in-process run, with progress through every stage", async () => {
  const log = { terminated: 0, sent: [] as string[] };
  const stages = new Set<string>();
  const viaWorker = await scoreWith(loopbackPlanner(log), (p) => stages.add(p.stage));
  const inProcess = await scoreWith(inProcessPlanner);
  expect(viaWorker.snapshot).toBe(inProcess.snapshot);
  // Each run leaves its own stamp; everything else is the same.
  expect(viaWorker.summary.runStamp).not.toBe(inProcess.summary.runStamp);
  expect({ ...viaWorker.summary, runStamp: "" }).toEqual({ ...inProcess.summary, runStamp: "" });
  expect([...stages]).toEqual(["reading", "scoring", "planning", "writing"]);
  expect(log.sent[0]).toBe("start");
  expect(log.sent).toContain("block");
  // The run, then only requests for lines while writing.
  const afterBlocks = log.sent.slice(log.sent.lastIndexOf("block") + 1);
  expect(afterBlocks[0]).toBe("run");
  expect(new Set(afterBlocks.slice(1))).toEqual(new Set(["lines"]));
  expect(log.terminated).toBe(1); // a worker per run, ended after it
});

test("sheets longer than one message's lines arrive whole", async () => {
  const grids = makeWideWorkbook({ customers: 5200, orderLines: 6000, followups: 50 });
  const log = { terminated: 0, sent: [] as string[] };
  const viaWorker = await scoreWith(loopbackPlanner(log), () => undefined, grids);
  const inProcess = await scoreWith(inProcessPlanner, () => undefined, grids);
  expect(viaWorker.summary.customers).toBe(5200);
  expect(viaWorker.snapshot).toBe(inProcess.snapshot);
});

test("Cancel while the worker scores ends the worker and writes nothing", async () => {
  const log = { terminated: 0, sent: [] as string[] };
  const fake = fakeFromGrids(await sampleGrids());
  const before = JSON.stringify(fake.workbook.snapshot());
  const host = createExcelHost({
    lang: "zh-CN",
    today: () => TODAY,
    run: (b) => fake.run(b),
    planner: loopbackPlanner(log),
  });
  const controller = new AbortController();
  const run = host.score(
    {},
    (p) => {
      if (p.stage === "scoring") controller.abort();
    },
    controller.signal
  );
  await expect(run).rejects.toMatchObject({ key: "cancelled" });
  expect(log.terminated).toBe(1);
  expect(JSON.stringify(fake.workbook.snapshot())).toBe(before);
});

test("the worker keeps the lines: the pane gets outlines, then the lines of a block per request", async () => {
  const grids = makeWideWorkbook({ customers: 5200, orderLines: 6000, followups: 50 });
  const fake = fakeFromGrids(grids);
  // The blocks the host would send: read through the in-process path's first half.
  const blocks: ToWorker[] = [];
  const recorder: Planner = {
    start(shapes, onProgress) {
      blocks.push({ kind: "start", shapes: [...shapes] });
      const job = inProcessPlanner.start(shapes, onProgress);
      return {
        add: (block) => {
          blocks.push({ kind: "block", block });
          job.add(block);
        },
        columnsNeeded: (options) => job.columnsNeeded(options),
        finish: () => Promise.reject(new Error("recorded")),
        cancel: () => undefined,
      };
    },
  };
  const host = createExcelHost({
    lang: "zh-CN",
    today: () => TODAY,
    run: (b) => fake.run(b),
    planner: recorder,
  });
  await expect(host.score({}, () => undefined)).rejects.toBeDefined();
  const out: FromWorker[] = [];
  const handle = serveJobs((message) => out.push(structuredClone(message)));
  for (const message of blocks) handle(message);
  handle({ kind: "run", options: { lang: "zh-CN", today: TODAY, overrides: {} } });
  const results = out.filter((m) => m.kind !== "progress");
  expect(results).toHaveLength(1);
  const planned = results[0];
  if (planned.kind !== "planned") throw new Error(`not planned: ${planned.kind}`);
  const tiers = planned.plans[0].tables[0];
  expect(tiers.lineCount).toBe(5200);
  expect("rows" in tiers).toBe(false);
  handle({ kind: "lines", id: 7, sheet: 0, table: 0, from: 5000, to: 5200 });
  const lines = out[out.length - 1];
  expect(lines).toMatchObject({ kind: "lines", id: 7 });
  expect(lines.kind === "lines" && lines.rows.length).toBe(200);
});

test("writing, the pane holds about one batch of lines at a time", async () => {
  const grids = makeWideWorkbook({ customers: 5200, orderLines: 6000, followups: 50 });
  const log: Log = { terminated: 0, sent: [], received: [] };
  const fake = fakeFromGrids(grids);
  const bytesPerSync = 100_000;
  // Bytes of the lines the pane received since the last sync ended: the writer drops a batch's
  // lines after its sync, so this is what the pane holds (a batch, and the next block it looked at).
  let held = 0;
  let mostHeld = 0;
  let all = 0;
  log.received!.push = (...messages: FromWorker[]) => {
    for (const m of messages)
      if (m.kind === "lines") {
        const bytes = JSON.stringify(m.rows).length;
        held += bytes;
        all += bytes;
        mostHeld = Math.max(mostHeld, held);
      }
    return 0;
  };
  const host = createExcelHost({
    lang: "zh-CN",
    today: () => TODAY,
    run: (batch) =>
      fake.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = (async () => {
          const result = await sync();
          held = 0;
          return result;
        }) as typeof context.sync;
        return batch(context);
      }),
    planner: loopbackPlanner(log),
    writeBytesPerSync: bytesPerSync,
  });
  await host.score({}, () => undefined);
  expect(Math.max(...fake.stats.requests)).toBeLessThanOrEqual(bytesPerSync * 1.2);
  expect(all).toBeGreaterThan(20 * bytesPerSync);
  expect(mostHeld).toBeLessThanOrEqual(2 * bytesPerSync);
});
