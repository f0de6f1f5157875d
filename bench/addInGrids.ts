import { SCAN_ROWS } from "../src/core/headers";
import type { Cell, SheetGrid } from "../src/core/types";
import { GridBuilder } from "../src/officejs/grids";
import { columnsNeeded } from "../src/plan/reads";
import type { RunOptions } from "../src/plan/workbook";

/**
 * The grids as the add-in's planner holds them after reading: the first rows of every column
 * (SCAN_ROWS), then only the columns the run needs (plan/reads.ts), each cell a value of its own as
 * Excel's JSON answer and the message to the worker make it, the columns not read "" (GridBuilder).
 * The caller drops the workbook it generated, so the heap is the planner's.
 */
export function addInGrids(input: readonly SheetGrid[], options: RunOptions): SheetGrid[] {
  const asRead = (values: ReadonlyArray<readonly Cell[]>) =>
    JSON.parse(JSON.stringify(values)) as Cell[][];
  const shapes = input.map((s) => ({
    name: s.name,
    row: 0,
    col: 0,
    rows: s.values.length,
    columns: s.values[0].length,
  }));
  const builder = new GridBuilder(shapes);
  for (const s of input)
    builder.add({
      sheet: s.name,
      firstRow: 0,
      firstColumn: 0,
      values: asRead(s.values.slice(0, SCAN_ROWS)),
    });
  const needed = columnsNeeded(builder.grids(), options);
  for (const s of input) {
    const columns = needed.get(s.name);
    if (columns === undefined) continue;
    const list = columns === "all" ? s.values[0].map((_, c) => c) : columns;
    for (let from = SCAN_ROWS; from < s.values.length; from += 50_000)
      for (const c of list)
        builder.add({
          sheet: s.name,
          firstRow: from,
          firstColumn: c,
          values: asRead(s.values.slice(from, from + 50_000).map((row) => [row[c]])),
        });
  }
  return builder.grids();
}
