import type ExcelJS from "exceljs";
import type { Cell, SheetGrid } from "../core/types";

/**
 * ExcelJS sheets as Office.js would deliver them (`values`: numbers, text, booleans, dates as
 * serials). No Node imports, so the workbench page can read a dropped .xlsx with it too.
 */

const MS_PER_DAY = 86400000;
/** Days from 1899-12-30 (Excel's day 0 for modern dates) to 1970-01-01. */
const EPOCH_OFFSET = 25569;

export function serialFromDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + EPOCH_OFFSET;
}

/** One ExcelJS cell value as Office.js `values` would deliver it. */
export function toOfficeValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return "";
      if (typeof result === "object" && "error" in result) return result.error;
      return toOfficeValue(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in value) return (value as ExcelJS.CellHyperlinkValue).text;
    if ("error" in value) return (value as ExcelJS.CellErrorValue).error;
  }
  return String(value);
}

export function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.getSheetValues();
  const values: Cell[][] = [];
  // getSheetValues is 1-based and sparse: row i and column j hold sheet cell (i, j).
  for (let r = 1; r < rows.length; r++) {
    const source = rows[r];
    const row: Cell[] = [];
    if (Array.isArray(source)) {
      for (let c = 1; c < source.length; c++) row.push(toOfficeValue(source[c]));
    }
    values.push(row);
  }
  return { name: ws.name, values };
}

export function readGrids(wb: ExcelJS.Workbook): SheetGrid[] {
  return wb.worksheets.map(readGrid);
}
