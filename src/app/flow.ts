import type { RunOptions } from "../plan/workbook";
import type { Progress } from "./host";

/**
 * The one read → plan → write flow of a run, for every runtime: the command line on a .xlsx file
 * (src/cli/, through src/xlsx/) and the add-in in Excel (src/officejs/). Each runtime gives a small
 * workbook port; what a run does, in which order, and when it writes nothing lives here only.
 */

/** A run's options as they cross to the planner (progress is reported by the port). */
export type PlanOptions = Omit<RunOptions, "onStep">;

/**
 * A planned run: the sheets' plans, whole (SheetPlan) or as a port keeps them (the add-in's pane
 * gets them without their lines, which stay with its planning worker until written).
 */
export interface Planned {
  plans: ReadonlyArray<{ name: string }>;
}

/** What a workbook must do for a run. */
export interface WorkbookPort<P extends Planned> {
  /**
   * Reads what the run needs and plans it with plan/workbook.ts. A port may read in parts (only the
   * columns plan/reads.ts asks for) and plan elsewhere (a Web Worker); `checkpoint` throws once the
   * user cancelled.
   */
  readAndPlan(options: PlanOptions, checkpoint: () => void): Promise<P>;
  /** Adds or replaces our sheets; every other sheet stays as it was. */
  write(plans: P["plans"]): Promise<void>;
}

export interface FlowResult<P> {
  planned: P;
  /** Names of the sheets written; empty for a preview or when there was nothing to score. */
  written: string[];
}

/**
 * Reads, plans and, unless this is a preview or nothing could be scored (no plans), writes.
 * `checkpoint` is asked before each step and throws to stop the run (the pane's Cancel).
 */
export async function readPlanWrite<P extends Planned>(
  port: WorkbookPort<P>,
  options: PlanOptions,
  onProgress: (p: Progress) => void = () => {},
  checkpoint: () => void = () => {}
): Promise<FlowResult<P>> {
  checkpoint();
  onProgress({ stage: "reading", done: 0, total: 0 });
  const planned = await port.readAndPlan(options, checkpoint);
  checkpoint();
  if (options.preview || planned.plans.length === 0) return { planned, written: [] };
  await port.write(planned.plans);
  return { planned, written: planned.plans.map((plan) => plan.name) };
}
