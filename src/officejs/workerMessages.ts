import type { PlanOptions } from "../app/flow";
import type { Progress, RunSummary } from "../app/host";
import type { PlanCell } from "../plan/types";
import type { ColumnsNeeded } from "../plan/reads";
import type { LineSource, SheetOutline } from "./outline";
import type { RowsBlock, SheetShape } from "./read";

/**
 * What crosses between the pane's thread and the planning worker: plain data only. Apart from the
 * planner and the session so that neither imports the other.
 */

/** A planned run as the pane holds it: the plans' lines stay with the planner (outline.ts). */
export interface PlannedRun {
  /** sheetsWritten is empty: the host fills it once written. */
  summary: RunSummary;
  plans: SheetOutline[];
  /** The plans' lines, a block at a time, until `close`. */
  lines: LineSource;
  /** Ends the job: the worker and the plans it keeps. */
  close(): void;
}

export type ToWorker =
  | { kind: "start"; shapes: SheetShape[] }
  | { kind: "block"; block: RowsBlock }
  /** Which columns the run needs, from the blocks sent so far (each sheet's first rows). */
  | { kind: "needs"; options: PlanOptions }
  | { kind: "run"; options: PlanOptions }
  /** Lines [from, to) of a table of a planned sheet, answered with `id`. */
  | { kind: "lines"; id: number; sheet: number; table: number; from: number; to: number };

export type FromWorker =
  | { kind: "progress"; progress: Progress }
  | { kind: "needs"; columns: Array<[sheet: string, columns: ColumnsNeeded]> }
  /** The run is planned: the summary and every sheet's plan without its lines. */
  | { kind: "planned"; summary: RunSummary; plans: SheetOutline[] }
  | { kind: "lines"; id: number; rows: PlanCell[][] }
  | { kind: "error"; message: string };
