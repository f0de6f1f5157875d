import { planWorkbook } from "../plan/workbook";
import type { Progress } from "../app/host";
import { GridBuilder } from "./grids";
import type { PlanOptions } from "../app/flow";
import type { FromWorker, PlannedRun, ToWorker } from "./workerMessages";
import type { RowsBlock, SheetShape } from "./read";
import { summaryOf } from "../app/runSummary";

/**
 * The planning side of a job (scoring and the sheets' plans), apart from planner.ts so that only
 * the worker, and an in-process planner when asked, load it.
 */

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
