import { lineCount, linesBetween } from "../plan/types";
import type { PlanCell, SheetPlan, TablePlan } from "../plan/types";

/**
 * A sheet plan as the pane's thread gets it from the planning worker: everything but the tables'
 * lines. The lines stay with the planner and the writer fetches a block of them when it packs that
 * block into a batch, so the pane never holds every sheet's lines at once (at 1,048,575 order lines
 * they are hundreds of MB, and one full collection of such a heap blocks the pane for over a second).
 */

/** A table without its lines; `lineCount` says how many it has. */
export type TableOutline = Omit<TablePlan, "rows"> & { lineCount: number };

export type SheetOutline = Omit<SheetPlan<string>, "tables"> & { tables: TableOutline[] };

/** Lines [from, to) of table `table` of sheet `sheet` (indexes into the outlines). */
export type LineSource = (
  sheet: number,
  table: number,
  from: number,
  to: number
) => Promise<PlanCell[][]>;

export function outlineOf(plan: SheetPlan<string>): SheetOutline {
  return {
    ...plan,
    tables: plan.tables.map((table) => {
      // Every field but the lines (reading `rows` would make lines made on demand).
      const outline = { lineCount: lineCount(table) } as TableOutline;
      for (const key of Object.keys(table) as Array<keyof TablePlan>)
        if (key !== "rows") Object.assign(outline, { [key]: table[key] });
      return outline;
    }),
  };
}

/** Lines read from plans on this thread (the in-process planner, writeSheetPlans). */
export function linesOf(plans: ReadonlyArray<SheetPlan<string>>): LineSource {
  return (sheet, table, from, to) =>
    Promise.resolve(linesBetween(plans[sheet].tables[table], from, to));
}
