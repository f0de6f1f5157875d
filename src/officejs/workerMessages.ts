import type { PlanOptions } from "../app/flow";
import type { Progress, RunSummary } from "../app/host";
import type { SheetPlan } from "../plan/types";
import type { RowsBlock, SheetShape } from "./read";

/**
 * What crosses between the pane's thread and the planning worker: plain data only. Apart from the
 * planner and the session so that neither imports the other.
 */

export interface PlannedRun {
  /** sheetsWritten is empty: the host fills it once written. */
  summary: RunSummary;
  plans: SheetPlan[];
}

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
