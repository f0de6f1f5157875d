import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeFile } from "node:fs/promises";
import { injectCharts } from "./charts";
import { columnLetter } from "../core/address";
import { spanRef } from "../plan/grid";
import { HEADER_FILL, HEADER_FONT, MANAGER_HEADER_FILL, NUMBER_FORMATS } from "../plan/formats";
import type { ConditionalFormatPlan, SheetPlan, TablePlan } from "../plan/types";

/**
 * The .xlsx side of the workbook port, on ExcelJS: read sheets as Office.js-shaped grids (the
 * command line), execute SheetPlans into an ExcelJS workbook (tests). The command line writes its
 * output with output.ts instead, which keeps every part of the input package.
 */

export { todaySerial } from "../core/parse";
export { readGrid, readGrids, serialFromDate, toOfficeValue } from "./read";

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** Parts of the file ExcelJS does not carry through a read/write (charts, pivot tables, macros). */
  lost: string[];
}

const FRAGILE_PARTS: Array<[RegExp, string]> = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivotTables\//, "pivot tables"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/slicers\//, "slicers"],
];

/**
 * Loads an .xlsx. ExcelJS drops charts and pivot tables, and throws on some drawings: in that
 * case the drawings are removed from a copy and the load is tried again, and the loss is reported.
 */
export async function loadWorkbook(data: Buffer): Promise<LoadedWorkbook> {
  const zip = await JSZip.loadAsync(data);
  const lost = new Set<string>();
  for (const path of Object.keys(zip.files)) {
    for (const [pattern, label] of FRAGILE_PARTS) if (pattern.test(path)) lost.add(label);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    for (const path of Object.keys(zip.files)) {
      if (/^xl\/(drawings|charts)\//.test(path)) zip.remove(path);
      else if (/^xl\/worksheets\/_rels\//.test(path)) {
        const rels = await zip.file(path)!.async("string");
        zip.file(
          path,
          rels.replace(/<Relationship [^>]*Target="[^"]*drawings\/[^"]*"[^>]*\/>/g, "")
        );
      } else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) {
        const xml = await zip.file(path)!.async("string");
        zip.file(path, xml.replace(/<drawing [^>]*\/>/g, ""));
      }
    }
    const cleaned = await zip.generateAsync({ type: "nodebuffer" });
    const retry = new ExcelJS.Workbook();
    await retry.xlsx.load(cleaned as unknown as ExcelJS.Buffer);
    lost.add("drawings");
    void error;
    return { workbook: retry, lost: [...lost] };
  }
  return { workbook, lost: [...lost] };
}

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

function fillStyle(fill: string, font: string): Partial<ExcelJS.Style> {
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } },
    font: { color: { argb: argb(font) } },
  };
}

function cfRule(
  table: TablePlan,
  rule: ConditionalFormatPlan,
  priority: number
): ExcelJS.ConditionalFormattingOptions {
  const firstDataRow = table.startRow + 2 + rule.rows.firstRow;
  switch (rule.type) {
    case "textEquals": {
      const letter = columnLetter(table.startColumn + rule.column);
      const text = rule.text.replace(/"/g, '""');
      return {
        ref: spanRef(table, rule.column, rule.column, rule.rows),
        rules: [
          {
            type: "expression",
            priority,
            formulae: [`$${letter}${firstDataRow}="${text}"`],
            style: fillStyle(rule.fill, rule.font),
          },
        ],
      };
    }
    case "formula":
      return {
        ref: spanRef(table, rule.firstColumn, rule.lastColumn, rule.rows),
        rules: [
          {
            type: "expression",
            priority,
            formulae: [rule.formula.replace(/\{row\}/g, String(firstDataRow))],
            style: fillStyle(rule.fill, rule.font),
          },
        ],
      };
    case "colorScale":
      return {
        ref: spanRef(table, rule.column, rule.column, rule.rows),
        rules: [
          {
            type: "colorScale",
            priority,
            cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
            color: rule.colors.map((c) => ({ argb: argb(c) })),
          },
        ],
      };
    case "dataBar":
      return {
        ref: spanRef(table, rule.column, rule.column, rule.rows),
        rules: [
          {
            type: "dataBar",
            priority,
            minLength: 0,
            maxLength: 100,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: argb(rule.color) },
          } as ExcelJS.DataBarRuleType,
        ],
      };
  }
}

function writeTable(ws: ExcelJS.Worksheet, table: TablePlan, nextPriority: () => number): void {
  const left = table.startColumn + 1;
  if (table.caption !== undefined) {
    const caption = ws.getCell(table.startRow, left);
    caption.value = table.caption;
    caption.font = { bold: true };
  }
  const headerRow = ws.getRow(table.startRow + 1);
  table.columns.forEach((column, c) => {
    const cell = headerRow.getCell(left + c);
    cell.value = column.header;
    cell.font = { bold: true, color: { argb: argb(HEADER_FONT) } };
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(column.manager ? MANAGER_HEADER_FILL : HEADER_FILL) },
    };
  });
  const formats = table.columns.map((column) => NUMBER_FORMATS[column.kind]);
  table.rows.forEach((values, r) => {
    const row = ws.getRow(table.startRow + 2 + r);
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(left + c);
      // Plain strings are written as shared-string text; ExcelJS writes a formula only for { formula }.
      cell.value = value;
      const rowKind = table.rowKinds?.[r];
      cell.numFmt = rowKind && typeof value === "number" ? NUMBER_FORMATS[rowKind] : formats[c];
    });
  });
  if (table.rows.length === 0) return;
  for (const rule of table.conditionalFormats)
    ws.addConditionalFormatting(cfRule(table, rule, nextPriority()));
  const validations = (
    ws as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of table.validations) {
    // One rule for the whole range (per-cell assignment writes overlapping rules).
    validations.add(spanRef(table, v.column, v.column, v.rows), {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.values.join(",")}"`],
    });
  }
}

/**
 * Writes one plan into its sheet, replacing the sheet's previous content; the sheet keeps its
 * place among the others.
 */
export function writePlan(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(plan.name);
  const position = existing ? wb.worksheets.indexOf(existing) : -1;
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(plan.name, {
    views: [{ state: "frozen", xSplit: plan.freezeColumns, ySplit: plan.freezeRows }],
    // Printed (or turned into PDF), a sheet is as wide as one landscape page.
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  if (position >= 0) {
    // ExcelJS orders sheets by orderNo: put the new sheet back where the old one was.
    const sheets = wb.worksheets.filter((s) => s !== ws);
    sheets.splice(position, 0, ws);
    sheets.forEach((s, i) => ((s as unknown as { orderNo: number }).orderNo = i));
  }
  const widths: number[] = [];
  for (const table of plan.tables) {
    table.columns.forEach((column, c) => {
      const at = table.startColumn + c;
      widths[at] = Math.max(widths[at] ?? 0, column.width);
    });
  }
  widths.forEach((width, c) => {
    if (width) ws.getColumn(c + 1).width = width;
  });
  plan.preamble.forEach((line, r) => {
    line.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value;
    });
  });
  if (plan.preamble.length > 0) ws.getCell(1, 1).font = { bold: true, size: 13 };
  let priority = 0;
  for (const table of plan.tables) writeTable(ws, table, () => ++priority);
  return ws;
}

/** Saves the workbook; the plans' charts are added afterwards (ExcelJS cannot write charts). */
export async function saveWorkbook(
  wb: ExcelJS.Workbook,
  path: string,
  plans: readonly SheetPlan[] = []
): Promise<void> {
  const charts = plans.flatMap((plan) =>
    plan.charts.map((chart) => ({
      sheetName: plan.name,
      chart,
      table: plan.tables.find((t) => t.id === chart.table)!,
    }))
  );
  if (charts.length === 0) {
    await wb.xlsx.writeFile(path);
    return;
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await writeFile(path, await injectCharts(buffer, charts));
}
