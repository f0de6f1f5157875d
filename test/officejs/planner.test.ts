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

/** A worker on this thread: messages are cloned and delivered as tasks, as postMessage does. */
function loopbackPlanner(log: { terminated: number; sent: string[] }): Planner {
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
        toMain = handler;
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
  expect(log.sent.filter((kind) => kind !== "next").pop()).toBe("run");
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

test("the worker sends the plans a slice at a time, each after the pane asks for the next", async () => {
  const grids = makeWideWorkbook({ customers: 5200, orderLines: 6000, followups: 50 });
  const fake = fakeFromGrids(grids);
  // The blocks the host would send: read through the in-process path's first half.
  const blocks: ToWorker[] = [];
  const recorder: Planner = {
    start(shapes) {
      blocks.push({ kind: "start", shapes: [...shapes] });
      return {
        add: (block) => blocks.push({ kind: "block", block }),
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
  const results = () => out.filter((m) => m.kind !== "progress");
  expect(results()).toHaveLength(2); // a little ahead, never the whole result
  let asked = 0;
  while (results()[results().length - 1].kind !== "done") {
    handle({ kind: "next" });
    asked++;
    expect(results()).toHaveLength(2 + asked);
  }
  // More than one slice of lines came back: the tiers sheet has 5,200 customers.
  expect(results().filter((m) => m.kind === "rows").length).toBeGreaterThan(
    results().filter((m) => m.kind === "plan").length
  );
});
