import type { SheetPlan } from "../plan/types";
import { planWorkbook } from "../plan/workbook";
import type { PlanOptions } from "../app/flow";
import { HostError, type Progress, type RunSummary } from "../app/host";
import { GridBuilder } from "./grids";
import type { RowsBlock, SheetShape } from "./read";
import { summaryOf } from "../app/runSummary";

/**
 * The scoring and planning of a run, away from the pane's thread. The host streams the blocks it
 * reads into a job and asks for the plans; a Web Worker does the work in the add-in (the pane stays
 * responsive, progress moves, Cancel ends the worker), the same session runs in-process under jest
 * and in a worker_threads worker in `npm run bench:syncs`. Only plain data crosses: blocks of at
 * most one sync's worth in, one SheetPlan per message out.
 */

export type { PlanOptions };

export interface PlannedRun {
  /** sheetsWritten is empty: the host fills it once written. */
  summary: RunSummary;
  plans: SheetPlan[];
}

export interface PlanJob {
  add(block: RowsBlock): void;
  finish(options: PlanOptions): Promise<PlannedRun>;
  /** Stops the work; `finish` rejects with HostError("cancelled"). */
  cancel(): void;
}

export interface Planner {
  start(shapes: readonly SheetShape[], onProgress: (p: Progress) => void): PlanJob;
}

/** The computing side of a job: grids from blocks, then planWorkbook with progress. */
export class PlanSession {
  private readonly builder: GridBuilder;

  constructor(private readonly shapes: readonly SheetShape[]) {
    this.builder = new GridBuilder(shapes);
  }

  add(block: RowsBlock): void {
    this.builder.add(block);
  }

  run(options: PlanOptions, onProgress: (p: Progress) => void): PlannedRun {
    const grids = this.builder.grids();
    const run = planWorkbook(grids, {
      ...options,
      onStep: (stage, done, total) => onProgress({ stage, done, total }),
    });
    const origin = (sheet: string) => this.shapes.find((s) => s.name === sheet)?.row ?? 0;
    return { summary: summaryOf(run, origin, options.lang, []), plans: run.plans };
  }
}

/** Runs the session on the calling thread (tests; a host without workers). */
export const inProcessPlanner: Planner = {
  start(shapes, onProgress) {
    const session = new PlanSession(shapes);
    let cancelled = false;
    return {
      add: (block) => session.add(block),
      finish: async (options) => {
        await Promise.resolve();
        if (cancelled) throw new HostError("cancelled");
        const planned = session.run(options, onProgress);
        if (cancelled) throw new HostError("cancelled");
        return planned;
      },
      cancel: () => {
        cancelled = true;
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Over messages (a Web Worker, a worker_threads worker)

export type ToWorker =
  | { kind: "start"; shapes: SheetShape[] }
  | { kind: "block"; block: RowsBlock }
  | { kind: "run"; options: PlanOptions }
  /** The pane has taken in the last slice of the plans: send the next one. */
  | { kind: "next" };

export type FromWorker =
  | { kind: "progress"; progress: Progress }
  | { kind: "plan"; plan: SheetPlan }
  | { kind: "rows"; table: number; rows: SheetPlan["tables"][number]["rows"] }
  | { kind: "done"; summary: RunSummary }
  | { kind: "error"; message: string };

/** A worker as the planner sees it. */
export interface WorkerPort {
  post(message: ToWorker): void;
  listen(handler: (message: FromWorker) => void, failed: (error: unknown) => void): void;
  terminate(): void;
}

/** Lines of a sheet plan per message back to the pane. */
const ROWS_PER_MESSAGE = 5000;
/**
 * Messages of the plans the worker sends ahead of the pane's "next". A host may take in every
 * message already queued in one go (Node's worker_threads do), so the worker never queues the
 * whole result: the pane's thread copies in one slice at a time, with its events in between.
 */
const MESSAGES_AHEAD = 2;

/** The worker's side: answers one job's messages (a worker serves one job, then is ended). */
export function serveJobs(post: (message: FromWorker) => void): (message: ToWorker) => void {
  let session: PlanSession | null = null;
  /** The run's result, message by message, sent as the pane asks for it. */
  let outbox: Array<() => FromWorker> = [];
  const sendNext = () => {
    const make = outbox.shift();
    if (make) post(make());
  };
  return (message) => {
    try {
      if (message.kind === "next") sendNext();
      else if (message.kind === "start") session = new PlanSession(message.shapes);
      else if (!session) throw new Error("No job started");
      else if (message.kind === "block") session.add(message.block);
      else {
        const planned = session.run(message.options, (progress) =>
          post({ kind: "progress", progress })
        );
        session = null; // the grids can go before the plans are copied out
        // A sheet's plan without its lines, then its lines in slices: the pane's thread copies in
        // a slice at a time and stays free between them.
        outbox = planned.plans.flatMap((plan) => [
          (): FromWorker => ({
            kind: "plan",
            plan: { ...plan, tables: plan.tables.map((t) => ({ ...t, rows: [] })) },
          }),
          ...plan.tables.flatMap((table, t) =>
            Array.from(
              { length: Math.ceil(table.rows.length / ROWS_PER_MESSAGE) },
              (_, k) => (): FromWorker => ({
                kind: "rows",
                table: t,
                rows: table.rows.slice(k * ROWS_PER_MESSAGE, (k + 1) * ROWS_PER_MESSAGE),
              })
            )
          ),
        ]);
        outbox.push(() => ({ kind: "done", summary: planned.summary }));
        for (let k = 0; k < MESSAGES_AHEAD; k++) sendNext();
      }
    } catch (error) {
      post({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };
}

/** A planner that gives each job a fresh worker from `create` and ends it after the job. */
export function portPlanner(create: () => WorkerPort): Planner {
  return {
    start(shapes, onProgress) {
      const port = create();
      const plans: SheetPlan[] = [];
      let settle: { resolve: (r: PlannedRun) => void; reject: (e: unknown) => void } | null = null;
      let outcome: { ok: PlannedRun } | { error: unknown } | null = null;
      const end = (result: { ok: PlannedRun } | { error: unknown }) => {
        if (outcome) return;
        outcome = result;
        port.terminate();
        if (settle) {
          if ("ok" in result) settle.resolve(result.ok);
          else settle.reject(result.error);
        }
      };
      port.listen(
        (message) => {
          if (message.kind === "progress") onProgress(message.progress);
          else if (message.kind === "plan") {
            plans.push(message.plan);
            if (!outcome) port.post({ kind: "next" });
          } else if (message.kind === "rows") {
            const rows = plans[plans.length - 1].tables[message.table].rows;
            for (const row of message.rows) rows.push(row);
            if (!outcome) port.post({ kind: "next" });
          } else if (message.kind === "done") end({ ok: { summary: message.summary, plans } });
          else end({ error: new Error(message.message) });
        },
        (error) => end({ error })
      );
      port.post({ kind: "start", shapes: [...shapes] });
      return {
        add: (block) => {
          if (!outcome) port.post({ kind: "block", block });
        },
        finish: (options) =>
          new Promise<PlannedRun>((resolve, reject) => {
            settle = { resolve, reject };
            if (outcome) {
              if ("ok" in outcome) resolve(outcome.ok);
              else reject(outcome.error);
              return;
            }
            port.post({ kind: "run", options });
          }),
        cancel: () => end({ error: new HostError("cancelled") }),
      };
    },
  };
}
