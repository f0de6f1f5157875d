import type { Cell, SheetGrid } from "../core/types";
import { columnLetter } from "../core/address";
import type { RowSpan, SheetPlan, TablePlan } from "./types";

/** The grid a reader finds in a sheet written from this plan (as the adapters write it). */
export function gridOf(plan: SheetPlan<string>): SheetGrid {
  const values: Cell[][] = [];
  const put = (row: number, col: number, value: Cell) => {
    while (values.length <= row) values.push([]);
    const line = values[row];
    while (line.length < col) line.push("");
    line[col] = value === null ? "" : value;
  };
  plan.preamble.forEach((line, r) => line.forEach((v, c) => put(r, c, v)));
  for (const table of plan.tables) {
    if (table.caption !== undefined) put(table.startRow - 1, table.startColumn, table.caption);
    table.columns.forEach((column, c) => put(table.startRow, table.startColumn + c, column.header));
    table.rows.forEach((row, r) =>
      row.forEach((v, c) => put(table.startRow + 1 + r, table.startColumn + c, v))
    );
  }
  return { name: plan.name, values };
}

/** A1 reference of a column span over some data lines of a table (both file writers use it). */
export function spanRef(
  table: TablePlan,
  firstColumn: number,
  lastColumn: number,
  rows: RowSpan
): string {
  const top = table.startRow + 2 + rows.firstRow;
  const bottom = table.startRow + 2 + rows.lastRow;
  const left = columnLetter(table.startColumn + firstColumn);
  const right = columnLetter(table.startColumn + lastColumn);
  return `${left}${top}:${right}${bottom}`;
}
