import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetGrid } from "../../src/core/types";
import { createFakeExcel, type FakeExcel, type FakeValue } from "../../src/workbench/fakeExcel";
import { loadWorkbook, readGrids } from "../../src/xlsx/workbook";

/** The bundled sample workbook's sheets as Office.js would read them. */
export async function sampleGrids(): Promise<SheetGrid[]> {
  const file = readFileSync(join(__dirname, "../../assets/sample-customers.xlsx"));
  return readGrids((await loadWorkbook(file)).workbook);
}

/** A fake Excel holding these grids, each cell where its sheet has it. */
export function fakeWith(grids: readonly SheetGrid[]): FakeExcel {
  return createFakeExcel(
    grids.map((g) => {
      const top = g.origin?.row ?? 0;
      const left = g.origin?.col ?? 0;
      const values: FakeValue[][] = Array.from({ length: top }, () => []);
      for (const line of g.values)
        values.push([...new Array<FakeValue>(left).fill(""), ...(line ?? []).map((v) => v ?? "")]);
      return { name: g.name, values };
    })
  );
}
