/* global Excel */
import type { Cell } from "../core/types";

/**
 * Reads parts of worksheets through Office.js within Excel on the web's 5 MB response cap, in few
 * syncs. Each part is cut into column runs (only the columns a run needs travel) and row blocks;
 * blocks share a sync up to a byte budget. Bytes are estimated per column run from what was read
 * so far (strings as their JSON-escaped UTF-8 length, numbers as their JSON text) and the estimate
 * is updated after every sync, so block sizes follow the data. A sync refused with
 * ResponsePayloadSizeLimitExceeded is retried with its blocks halved.
 */

/** A worksheet's used range (0-based sheet row and column of its top-left cell, and its size). */
export interface SheetShape {
  name: string;
  row: number;
  col: number;
  rows: number;
  columns: number;
}

/** Rows `firstRow` .. `firstRow + rows - 1` of a used range, these columns (ascending, 0-based in it). */
export interface ReadPart {
  sheet: SheetShape;
  firstRow: number;
  rows: number;
  columns: readonly number[];
}

/** Cells read: `values[i][j]` is used-range row `firstRow + i`, column `firstColumn + j`. */
export interface RowsBlock {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  values: Cell[][];
}

export interface ReadOptions {
  /** Response bytes aimed at per sync. */
  budgetBytes?: number;
  /** Bytes a cell is assumed to take before any of its column run was read. */
  cellBytes?: (sheet: string, column: number) => number;
  onBlock: (block: RowsBlock) => void;
  /** Rows read so far of all rows of the parts (a row of some columns counts as its share). */
  onProgress?: (done: number, total: number) => void;
  /** Called before every sync; throws to stop (cancel). */
  checkpoint?: () => void;
}

export interface ReadStats {
  syncs: number;
  /** Syncs refused for their response size and retried smaller. */
  refused: number;
  /** Largest response measured, in bytes. */
  largestBytes: number;
}

/**
 * Well under the 5 MB cap: an estimate from earlier blocks can be low by what later rows hold, and
 * Excel's own count of a response may exceed ours (escaping, framing).
 */
export const READ_BUDGET_BYTES = 2 * 1024 * 1024;
/** Excel on the web also caps a read at 5,000,000 cells; one sync stays far below. */
const CELLS_PER_SYNC = 1_000_000;
/** A first guess for a cell nothing is known of: a short text. */
const DEFAULT_CELL_BYTES = 48;
/** Room above the measured average for rows longer than those read so far. */
const MARGIN = 1.25;

/** Bytes of a value in a JSON response: JSON-escaped UTF-8 for strings, the JSON text for numbers. */
export function cellBytes(value: Cell): number {
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === "boolean") return value ? 4 : 5;
  if (typeof value !== "string") return 4; // null
  let n = 2;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) n += c === 10 || c === 13 || c === 9 || c === 8 || c === 12 ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff)
      n += 2; // half of a surrogate pair's 4 bytes
    else n += 3;
  }
  return n;
}

/** Bytes of a 2-D array of values as JSON (values, commas, brackets). */
export function valuesBytes(values: readonly (readonly Cell[])[]): number {
  let n = 2 + Math.max(0, values.length - 1);
  for (const row of values) {
    n += 2 + Math.max(0, row.length - 1);
    for (const value of row) n += cellBytes(value);
  }
  return n;
}

function isResponseTooLarge(error: unknown): boolean {
  const e = error as { code?: string; debugInfo?: { code?: string }; message?: string } | null;
  const code = "ResponsePayloadSizeLimitExceeded";
  return e?.code === code || e?.debugInfo?.code === code || (e?.message ?? "").includes(code);
}

/** Every worksheet's used range (values only), in one sync; empty sheets are left out. */
export async function usedRanges(
  context: Excel.RequestContext,
  skip: ReadonlySet<string>
): Promise<SheetShape[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const used = sheets.items
    .filter((ws) => !skip.has(ws.name))
    .map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return { name: ws.name, range };
    });
  await context.sync();
  return used.flatMap(({ name, range }) =>
    range.isNullObject
      ? []
      : [
          {
            name,
            row: range.rowIndex,
            col: range.columnIndex,
            rows: range.rowCount,
            columns: range.columnCount,
          },
        ]
  );
}

/** A run of adjacent columns of a part, still to read from `firstRow`. */
interface Piece {
  sheet: SheetShape;
  firstRow: number;
  rows: number;
  column: number;
  width: number;
  /** Share of its part's columns, for progress in rows. */
  share: number;
  /** Key of its column run for the byte estimate. */
  key: string;
}

function piecesOf(part: ReadPart): Piece[] {
  const pieces: Piece[] = [];
  const { columns } = part;
  for (let i = 0; i < columns.length;) {
    let j = i + 1;
    while (j < columns.length && columns[j] === columns[j - 1] + 1) j++;
    const width = j - i;
    pieces.push({
      sheet: part.sheet,
      firstRow: part.firstRow,
      rows: part.rows,
      column: columns[i],
      width,
      share: width / columns.length,
      key: `${part.sheet.name}\u0000${columns[i]}:${width}`,
    });
    i = j;
  }
  return pieces.filter((p) => p.rows > 0);
}

/** Reads the parts in as few syncs as the byte budget allows; blocks go to `onBlock` as they come. */
export async function readParts(
  context: Excel.RequestContext,
  parts: readonly ReadPart[],
  options: ReadOptions
): Promise<ReadStats> {
  const budget = options.budgetBytes ?? READ_BUDGET_BYTES;
  const queue = parts.flatMap(piecesOf);
  const total = parts.reduce((n, p) => n + p.rows, 0);
  /** Bytes per row of each column run, measured (or guessed until measured). */
  const perRow = new Map<string, number>();
  const rowBytes = (piece: Piece) => {
    let bytes = perRow.get(piece.key);
    if (bytes === undefined) {
      bytes = 2 + piece.width;
      for (let c = 0; c < piece.width; c++)
        bytes += options.cellBytes?.(piece.sheet.name, piece.column + c) ?? DEFAULT_CELL_BYTES;
      perRow.set(piece.key, bytes);
    }
    return bytes * MARGIN;
  };
  const stats: ReadStats = { syncs: 0, refused: 0, largestBytes: 0 };
  let done = 0;

  while (queue.length > 0) {
    const batch: Array<{ piece: Piece; range: Excel.Range }> = [];
    let bytes = 0;
    let cells = 0;
    while (queue.length > 0) {
      const piece = queue[0];
      const each = rowBytes(piece);
      const fit = Math.min(
        Math.floor((budget - bytes) / each),
        Math.floor((CELLS_PER_SYNC - cells) / piece.width)
      );
      // A batch always takes at least one row; a piece that does not fit whole is split.
      const rows = Math.min(piece.rows, batch.length === 0 ? Math.max(1, fit) : fit);
      if (rows <= 0) break;
      const taken: Piece = { ...piece, rows };
      if (rows === piece.rows) queue.shift();
      else queue[0] = { ...piece, firstRow: piece.firstRow + rows, rows: piece.rows - rows };
      batch.push({
        piece: taken,
        range: context.workbook.worksheets
          .getItem(piece.sheet.name)
          .getRangeByIndexes(
            piece.sheet.row + taken.firstRow,
            piece.sheet.col + taken.column,
            rows,
            taken.width
          ),
      });
      bytes += rows * each;
      cells += rows * taken.width;
      if (rows < piece.rows) break;
    }
    options.checkpoint?.();
    batch.forEach((b) => b.range.load("values"));
    stats.syncs++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per byte budget, not per row
      await context.sync();
    } catch (error) {
      const single = batch.length === 1 && batch[0].piece.rows === 1;
      if (!isResponseTooLarge(error) || single) throw error;
      // Refused: our estimate was low. Double it for these runs and read them again in halves.
      stats.refused++;
      for (const { piece } of batch) perRow.set(piece.key, 2 * rowBytes(piece));
      queue.unshift(...batch.map((b) => b.piece));
      continue;
    }
    let received = 2;
    for (const { piece, range } of batch) {
      const values = range.values as Cell[][];
      const measured = valuesBytes(values);
      received += measured;
      perRow.set(piece.key, measured / Math.max(1, values.length));
      options.onBlock({
        sheet: piece.sheet.name,
        firstRow: piece.firstRow,
        firstColumn: piece.column,
        values,
      });
      done += piece.rows * piece.share;
    }
    stats.largestBytes = Math.max(stats.largestBytes, received);
    options.onProgress?.(Math.round(done), total);
  }
  return stats;
}

/** Every column of every sheet not skipped, as grids (tests; a run reads by `columnsNeeded`). */
export async function readAllSheets(
  context: Excel.RequestContext,
  skip: ReadonlySet<string>
): Promise<Array<{ name: string; values: Cell[][]; origin: { row: number; col: number } }>> {
  const shapes = await usedRanges(context, skip);
  const grids = shapes.map((shape) => ({
    name: shape.name,
    values: Array.from({ length: shape.rows }, () => new Array<Cell>(shape.columns).fill("")),
    origin: { row: shape.row, col: shape.col },
  }));
  await readParts(
    context,
    shapes.map((sheet) => ({
      sheet,
      firstRow: 0,
      rows: sheet.rows,
      columns: Array.from({ length: sheet.columns }, (_, c) => c),
    })),
    {
      onBlock: (block) => {
        const grid = grids.find((g) => g.name === block.sheet)!;
        block.values.forEach((line, i) =>
          line.forEach(
            (value, j) => (grid.values[block.firstRow + i][block.firstColumn + j] = value)
          )
        );
      },
    }
  );
  return grids;
}
