import type { Cell, SheetGrid } from "../core/types";
import type { RowsBlock, SheetShape } from "./read";

/**
 * Puts read blocks back together as SheetGrids: one row array per used-range row, "" where a
 * column was not read (Office.js gives "" for an empty cell too). A sheet's grid is as long as the
 * rows read from it; rows never read stay holes, which every reader of grids skips as blank.
 */
export class GridBuilder {
  private readonly built = new Map<string, { shape: SheetShape; values: Cell[][] }>();

  constructor(shapes: readonly SheetShape[]) {
    for (const shape of shapes) this.built.set(shape.name, { shape, values: [] });
  }

  add(block: RowsBlock): void {
    const sheet = this.built.get(block.sheet);
    if (!sheet) throw new RangeError(`No sheet ${block.sheet}`);
    const { values } = sheet;
    const width = sheet.shape.columns;
    for (let i = 0; i < block.values.length; i++) {
      const r = block.firstRow + i;
      let row = values[r];
      if (row === undefined) {
        if (values.length < r) values.length = r; // holes, not "" rows, for rows not read yet
        row = values[r] = new Array<Cell>(width).fill("");
      }
      const line = block.values[i];
      for (let j = 0; j < line.length; j++) row[block.firstColumn + j] = line[j];
    }
  }

  /** Grids of the sheets any block came from, in workbook order. */
  grids(): SheetGrid[] {
    return [...this.built.values()]
      .filter((s) => s.values.length > 0)
      .map(({ shape, values }) => ({
        name: shape.name,
        values,
        origin: { row: shape.row, col: shape.col },
      }));
  }
}
