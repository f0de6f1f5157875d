import { normalizeHeader, normalizeId } from "../core/parse";
import type { Cell, Grid } from "../core/types";
import { LANGS, type Lang } from "../i18n/lang";

/**
 * What the add-in finds in its own sheets from an earlier run: the tiers it gave, the custom tags and
 * everything the manager typed. Columns are found by their header text in either language, lines by
 * customer (and strategy), never by position: managers sort, filter and insert lines.
 */

/** A table found again: header line, and column index by our column key. */
export interface FoundTable {
  headerRow: number;
  columns: Map<string, number>;
}

/** Finds the header line whose cells name most of the given columns (in either language). */
export function findTable(
  values: Grid,
  headers: Record<string, Record<Lang, string>>,
  scanRows = 10
): FoundTable | null {
  const byText = new Map<string, string>();
  for (const [key, texts] of Object.entries(headers)) {
    for (const lang of LANGS) byText.set(normalizeHeader(texts[lang]), key);
  }
  let best: FoundTable | null = null;
  for (let r = 0; r < Math.min(scanRows, values.length); r++) {
    const row = values[r] ?? [];
    const columns = new Map<string, number>();
    row.forEach((cell, c) => {
      const key = byText.get(normalizeHeader(cell));
      if (key !== undefined && !columns.has(key)) columns.set(key, c);
    });
    if (columns.size >= 2 && (!best || columns.size > best.columns.size))
      best = { headerRow: r, columns };
  }
  return best;
}

/** One data line of a found table, as cells by column key. */
export type FoundLine = Map<string, Cell>;

export function linesOf(values: Grid, table: FoundTable): Array<{ row: number; cells: FoundLine }> {
  const out: Array<{ row: number; cells: FoundLine }> = [];
  for (let r = table.headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const cells: FoundLine = new Map();
    let blank = true;
    for (const [key, c] of table.columns) {
      const value = row[c];
      if (value !== undefined && value !== null && value !== "") blank = false;
      cells.set(key, value === undefined ? "" : value);
    }
    if (!blank) out.push({ row: r, cells });
  }
  return out;
}

/** The matching key of a customer ID cell (same folding as the inputs). */
export function customerKeyOf(cell: Cell): string | null {
  return normalizeId(cell);
}
