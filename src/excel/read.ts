/* global Excel */
import type { Cell, SheetGrid } from "../core/types";

/**
 * Reads every worksheet's used range as Office.js values, in row blocks: one sync for the sizes,
 * then one sync per batch of blocks, so syncs grow with bytes, not with rows.
 */

/** Rows per read request; 5 MB per request on the web is the limit that counts. */
const ROWS_PER_BLOCK = 20000;
/** Cells queued before a sync: keeps one response well under the 5 MB cap. */
const CELLS_PER_SYNC = 400000;

export async function readAllSheets(
  context: Excel.RequestContext,
  skip: ReadonlySet<string>,
  onProgress?: (rowsRead: number, rowsTotal: number) => void
): Promise<SheetGrid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const wanted = sheets.items.filter((ws) => !skip.has(ws.name));
  const used = wanted.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return { ws, range };
  });
  await context.sync();

  const grids: SheetGrid[] = [];
  const blocks: Array<{ grid: Cell[][]; at: number; cells: number; range: Excel.Range }> = [];
  let total = 0;
  for (const { ws, range } of used) {
    if (range.isNullObject) continue;
    const grid: Cell[][] = new Array(range.rowCount);
    grids.push({
      name: ws.name,
      values: grid,
      origin: { row: range.rowIndex, col: range.columnIndex },
    });
    total += range.rowCount;
    for (let at = 0; at < range.rowCount; at += ROWS_PER_BLOCK) {
      const rows = Math.min(ROWS_PER_BLOCK, range.rowCount - at);
      const block = ws.getRangeByIndexes(
        range.rowIndex + at,
        range.columnIndex,
        rows,
        range.columnCount
      );
      blocks.push({ grid, at, cells: rows * range.columnCount, range: block });
    }
  }

  let read = 0;
  let queued: typeof blocks = [];
  let queuedCells = 0;
  const flush = async () => {
    queued.forEach((b) => b.range.load("values"));
    await context.sync();
    for (const b of queued) {
      const values = b.range.values as Cell[][];
      for (let i = 0; i < values.length; i++) b.grid[b.at + i] = values[i];
      read += values.length;
    }
    onProgress?.(read, total);
    queued = [];
    queuedCells = 0;
  };
  for (const block of blocks) {
    queued.push(block);
    queuedCells += block.cells;
    if (queuedCells >= CELLS_PER_SYNC) await flush();
  }
  if (queued.length > 0) await flush();
  return grids;
}
