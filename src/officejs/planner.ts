import type { SheetPlan } from "../plan/types";
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
 * most one sync's worth in, one SheetPlan per message out.
 */

export type { PlanOptions };
export type { FromWorker, PlannedRun, ToWorker };

export interface PlanJob {
  add(block: RowsBlock): void;
  finish(options: PlanOptions): Promise<PlannedRun>;
  /** Stops the work; `finish` rejects with HostError("cancelled"). */
  cancel(): void;
}

export interface Planner {
  start(shapes: readonly SheetShape[], onProgress: (p: Progress) => void): PlanJob;
}

/**
 * Runs the session on the calling thread (tests; a host without workers). The planning code is
 * loaded on first use: the pane's first script does not carry it (the pane plans in a worker).
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
      finish: async (options) => {
        await loading;
        if (cancelled) throw new HostError("cancelled");
        const planned = (session as unknown as PlanSession).run(options, onProgress);
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

/** A worker as the planner sees it. */
export interface WorkerPort {
  post(message: ToWorker): void;
  listen(handler: (message: FromWorker) => void, failed: (error: unknown) => void): void;
  terminate(): void;
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
