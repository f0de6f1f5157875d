import { planWorkbook } from "../plan/workbook";
import type { Progress, RunSummary } from "../app/host";
import { GridBuilder } from "./grids";
import type { PlanOptions } from "../app/flow";
import type { FromWorker, ToWorker } from "./workerMessages";
import { outlineOf } from "./outline";
import { linesBetween, type SheetPlan } from "../plan/types";
import type { RowsBlock, SheetShape } from "./read";
import { summaryOf } from "../app/runSummary";
import { columnsNeeded, type ColumnsNeeded } from "../plan/reads";

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

  /** The columns of each sheet the run needs, from the blocks added so far (plan/reads.ts). */
  columnsNeeded(options: PlanOptions): Map<string, ColumnsNeeded> {
    return columnsNeeded(this.builder.grids(), options);
  }

  run(
    options: PlanOptions,
    onProgress: (p: Progress) => void
  ): { summary: RunSummary; plans: SheetPlan[] } {
    const grids = this.builder.grids();
    const run = planWorkbook(grids, {
      ...options,
      onStep: (stage, done, total) => onProgress({ stage, done, total }),
    });
    const origin = (sheet: string) => this.shapes.find((s) => s.name === sheet)?.row ?? 0;
    return { summary: summaryOf(run, origin, options.lang, []), plans: run.plans };
  }
}

/**
 * The worker's side: answers one job's messages (a worker serves one job, then is ended). It keeps
 * the plans and sends the pane their outlines, then the lines of a block each time the pane's
 * writer asks: the pane's thread holds about one write batch of lines, never every sheet's.
 */
export function serveJobs(post: (message: FromWorker) => void): (message: ToWorker) => void {
  let session: PlanSession | null = null;
  let plans: SheetPlan[] = [];
  return (message) => {
    try {
      if (message.kind === "lines") {
        const table = plans[message.sheet].tables[message.table];
        post({
          kind: "lines",
          id: message.id,
          rows: linesBetween(table, message.from, message.to),
        });
      } else if (message.kind === "start") session = new PlanSession(message.shapes);
      else if (!session) throw new Error("No job started");
      else if (message.kind === "block") session.add(message.block);
      else if (message.kind === "needs")
        post({ kind: "needs", columns: [...session.columnsNeeded(message.options)] });
      else {
        const planned = session.run(message.options, (progress) =>
          post({ kind: "progress", progress })
        );
        session = null; // the grids can go; the plans stay for the writer
        plans = planned.plans;
        post({ kind: "planned", summary: planned.summary, plans: plans.map(outlineOf) });
      }
    } catch (error) {
      post({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };
}
