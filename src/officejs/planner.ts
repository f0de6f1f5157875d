import type { PlanCell } from "../plan/types";
import type { ColumnsNeeded } from "../plan/reads";
import { linesOf, outlineOf } from "./outline";
import type { PlanOptions } from "../app/flow";
import { HostError, type Progress } from "../app/host";
import type { PlanSession } from "./planSession";
import type { FromWorker, PlannedRun, ToWorker } from "./workerMessages";
import type { RowsBlock, SheetShape } from "./read";

/**
 * The scoring and planning of a run, away from the pane's thread. The host streams the blocks it
 * reads into a job and asks for the plans; a Web Worker does the work in the add-in (the pane stays
 * responsive, progress moves, Cancel ends the worker), the same session runs in-process under jest
 * and in a worker_threads worker in `npm run bench:syncs`. Only plain data crosses: blocks of at
 * most one sync's worth in; out, the plans without their lines (outline.ts), then the lines of one
 * value block per request while the writer packs its batches. The worker lives until the run is
 * written (PlannedRun.close).
 */

export type { PlanOptions };
export type { FromWorker, PlannedRun, ToWorker };

export interface PlanJob {
  add(block: RowsBlock): void;
  /**
   * The columns of each sheet the run needs (plan/reads.ts), decided from the blocks added so far:
   * each sheet's first rows. Where the planning code is: the pane's thread neither loads nor runs it.
   */
  columnsNeeded(options: PlanOptions): Promise<Map<string, ColumnsNeeded>>;
  finish(options: PlanOptions): Promise<PlannedRun>;
  /** Stops the work and ends the worker; a pending `finish` rejects with HostError("cancelled"). */
  cancel(): void;
}

export interface Planner {
  start(shapes: readonly SheetShape[], onProgress: (p: Progress) => void): PlanJob;
}

/**
 * Runs the session on the calling thread (tests; a host without workers): the plans, lines
 * included, stay on this thread. The planning code is loaded on first use: the pane's first script
 * does not carry it (the pane plans in a worker).
 */
export const inProcessPlanner: Planner = {
  start(shapes, onProgress) {
    let session: PlanSession | null = null;
    let pending: RowsBlock[] = [];
    const loading = import(/* webpackChunkName: "planning" */ "./planSession").then((module) => {
      session = new module.PlanSession(shapes);
      for (const block of pending) session.add(block);
      pending = [];
    });
    let cancelled = false;
    return {
      add: (block) => {
        if (session) session.add(block);
        else pending.push(block);
      },
      columnsNeeded: async (options) => {
        await loading;
        return (session as unknown as PlanSession).columnsNeeded(options);
      },
      finish: async (options) => {
        await loading;
        if (cancelled) throw new HostError("cancelled");
        const planned = (session as unknown as PlanSession).run(options, onProgress);
        session = null;
        if (cancelled) throw new HostError("cancelled");
        return {
          summary: planned.summary,
          plans: planned.plans.map(outlineOf),
          lines: linesOf(planned.plans),
          close: () => undefined,
        };
      },
      cancel: () => {
        cancelled = true;
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Over messages (a Web Worker, a worker_threads worker)

/** A worker as the planner sees it. */
export interface WorkerPort {
  post(message: ToWorker): void;
  listen(handler: (message: FromWorker) => void, failed: (error: unknown) => void): void;
  terminate(): void;
}

type Settle<T> = { resolve: (value: T) => void; reject: (error: unknown) => void };

/** A planner that gives each job a fresh worker from `create`, ended once the run is written. */
export function portPlanner(create: () => WorkerPort): Planner {
  return {
    start(shapes, onProgress) {
      const port = create();
      let finishing: Settle<PlannedRun> | null = null;
      let needing: Settle<Map<string, ColumnsNeeded>> | null = null;
      /** Line requests waiting for the worker, by id. */
      const asked = new Map<number, Settle<PlanCell[][]>>();
      let nextId = 0;
      /** Why the job ended (cancelled, failed, closed); null while the worker lives. */
      let ended: { error: unknown } | null = null;
      const end = (error: unknown) => {
        if (ended) return;
        ended = { error };
        port.terminate();
        finishing?.reject(error);
        needing?.reject(error);
        for (const request of asked.values()) request.reject(error);
        asked.clear();
      };
      const lines = (sheet: number, table: number, from: number, to: number) =>
        new Promise<PlanCell[][]>((resolve, reject) => {
          if (ended) return reject(ended.error);
          const id = nextId++;
          asked.set(id, { resolve, reject });
          port.post({ kind: "lines", id, sheet, table, from, to });
        });
      port.listen(
        (message) => {
          if (message.kind === "progress") onProgress(message.progress);
          else if (message.kind === "needs") {
            needing?.resolve(new Map(message.columns));
            needing = null;
          } else if (message.kind === "lines") {
            asked.get(message.id)?.resolve(message.rows);
            asked.delete(message.id);
          } else if (message.kind === "planned") {
            const { summary, plans } = message;
            const close = () => end(new HostError("cancelled"));
            finishing?.resolve({ summary, plans, lines, close });
            finishing = null;
          } else end(new Error(message.message));
        },
        (error) => end(error)
      );
      port.post({ kind: "start", shapes: [...shapes] });
      return {
        add: (block) => {
          if (!ended) port.post({ kind: "block", block });
        },
        columnsNeeded: (options) =>
          new Promise<Map<string, ColumnsNeeded>>((resolve, reject) => {
            if (ended) return reject(ended.error);
            needing = { resolve, reject };
            port.post({ kind: "needs", options });
          }),
        finish: (options) =>
          new Promise<PlannedRun>((resolve, reject) => {
            if (ended) return reject(ended.error);
            finishing = { resolve, reject };
            port.post({ kind: "run", options });
          }),
        cancel: () => end(new HostError("cancelled")),
      };
    },
  };
}
