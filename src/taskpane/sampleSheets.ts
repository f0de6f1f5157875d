import type { SheetGrid } from "../core/types";
import { OWN_SHEET_NAMES } from "../i18n/ownSheets";
// The one file the pane reads is the bundled sample (on demand, inlined in this chunk): with the
// command line's value reader, not a second one. Sideways (UI to file adapter), never upward.
// eslint-disable-next-line no-restricted-imports
import { readWorkbookValues } from "../xlsx/values";
import sampleData from "../../assets/sample-customers.xlsx";

/**
 * The bundled sample workbook's input sheets (loaded on demand: the file is inlined in this chunk,
 * nothing is fetched). Our own result sheets in it are left out: the pane scores the sample itself.
 */
export async function sampleGrids(): Promise<SheetGrid[]> {
  const bytes = await fetch(sampleData).then((response) => response.arrayBuffer());
  const read = readWorkbookValues(new Uint8Array(bytes));
  if (!read.ok) throw new Error(`The bundled sample could not be read (${read.reason})`);
  return read.sheets.filter((sheet) => !OWN_SHEET_NAMES.has(sheet.name));
}
