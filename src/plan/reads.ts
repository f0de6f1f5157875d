import { columnsRead } from "../core/columnsRead";
import { OWN_HEADERS } from "../i18n/ownSheets";
import type { SheetGrid } from "../core/types";
import type { Lang } from "../i18n/lang";
import { findTable } from "./previous";
import { TRACKING_MANAGER_COLUMNS } from "./tracking";
import type { SheetKey } from "./types";
import { ownSheets, planWorkbook, type RunOptions } from "./workbook";

/**
 * What a run needs of each sheet below its first rows, decided on those first rows alone: the same
 * header recognition and settings as the run itself, on the header region of every sheet (and the
 * whole settings sheet). A sheet not in the answer needs nothing more; an input table needs the
 * columns its figures use; our own sheets only what merging the managers' edits and the previous
 * tiers reads. The adapters read the rest of the workbook by this answer, column by column.
 */

/** Every column, or these column indexes (into the grid's rows). */
export type ColumnsNeeded = "all" | number[];

/** Columns of our sheets an earlier run is read back from (readTiers, readTracking, readReview). */
const OWN_COLUMNS: Partial<
  Record<SheetKey, { headers: Record<string, Record<Lang, string>>; keys: string[] }>
> = {
  tiers: { headers: OWN_HEADERS.tiers, keys: ["id", "tier", "previousTier", "tags"] },
  tracking: {
    headers: OWN_HEADERS.tracking,
    keys: ["id", "type", "name", ...TRACKING_MANAGER_COLUMNS],
  },
  review: {
    headers: OWN_HEADERS.review,
    keys: ["id", "type", "start", "end", "analysis", "improvement"],
  },
};

export function columnsNeeded(
  heads: readonly SheetGrid[],
  options: RunOptions
): Map<string, ColumnsNeeded> {
  const needed = new Map<string, ColumnsNeeded>();
  const look = planWorkbook(heads, { ...options, preview: true, onStep: undefined });
  const { customers, orders, followups } = look.report.inputs;
  for (const table of [customers, orders, followups])
    if (table) needed.set(table.sheet, columnsRead(table));
  if (options.preview) return needed;
  for (const [key, sheet] of ownSheets(heads)) {
    if (key === "settings") {
      needed.set(sheet.name, "all");
      continue;
    }
    const own = OWN_COLUMNS[key];
    const table = own && findTable(sheet.values, own.headers);
    if (!own || !table) continue;
    const columns = own.keys.flatMap((k) => {
      const c = table.columns.get(k);
      return c === undefined ? [] : [c];
    });
    needed.set(
      sheet.name,
      [...new Set(columns)].sort((a, b) => a - b)
    );
  }
  return needed;
}
