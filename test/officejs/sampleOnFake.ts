import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetGrid } from "../../src/core/types";
import { loadWorkbook, readGrids } from "../../src/xlsx/workbook";

/** The bundled sample workbook's sheets as Office.js would read them. */
export async function sampleGrids(): Promise<SheetGrid[]> {
  const file = readFileSync(join(__dirname, "../../assets/sample-customers.xlsx"));
  return readGrids((await loadWorkbook(file)).workbook);
}
