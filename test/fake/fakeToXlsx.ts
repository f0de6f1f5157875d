import ExcelJS from "exceljs";
import { columnLetter } from "../../src/core/address";
import type { ChartPlan, PlanCell, TablePlan } from "../../src/plan/types";
import { injectCharts, type ChartToInject } from "../../src/xlsx/charts";
import type {
  FakeCell,
  FakeChart,
  FakeConditionalFormat,
  FakeSheetState,
  FakeWorkbookState,
  Rect,
} from "./fakeExcel";

/**
 * Saves a fake workbook through ExcelJS as an .xlsx (to look at it, or render it with LibreOffice):
 * values and formulas, number formats, fills and fonts, column widths, frozen panes, conditional
 * formats, list validations, and charts (ExcelJS cannot write charts: src/xlsx/charts.ts adds them to
 * the saved package, from the fake's chart records and the cells of their source ranges).
 */

function argb(color: string): string {
  return "FF" + color.replace("#", "").toUpperCase();
}

function ref(rect: Rect): string {
  const first = `${columnLetter(rect.column)}${rect.row + 1}`;
  const last = `${columnLetter(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
  return first === last ? first : `${first}:${last}`;
}

/** Inverse of writePlan's widthToPoints: ExcelJS widths are characters. */
function pointsToWidth(points: number): number {
  return points / 0.75 / 7;
}

function writeCell(cell: ExcelJS.Cell, source: FakeCell): void {
  if (source.formula) cell.value = { formula: String(source.value).replace(/^=/, "") };
  else if (source.value !== "") cell.value = source.value;
  if (source.numberFormat) cell.numFmt = source.numberFormat;
  if (source.fill)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(source.fill) } };
  if (source.bold || source.fontColor || source.fontSize)
    cell.font = {
      ...(source.bold ? { bold: true } : {}),
      ...(source.fontColor ? { color: { argb: argb(source.fontColor) } } : {}),
      ...(source.fontSize ? { size: source.fontSize } : {}),
    };
}

function fillStyle(props: Record<string, unknown>): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (typeof props.fill === "string")
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(props.fill) } };
  if (typeof props.fontColor === "string" || props.bold)
    style.font = {
      ...(typeof props.fontColor === "string" ? { color: { argb: argb(props.fontColor) } } : {}),
      ...(props.bold ? { bold: true } : {}),
    };
  return style;
}

const CFVO: Record<string, ExcelJS.CfvoTypes> = {
  LowestValue: "min",
  HighestValue: "max",
  Number: "num",
  Percent: "percent",
  Percentile: "percentile",
  Formula: "formula",
};

function cfvo(criterion: { type?: string; formula?: string } | undefined): ExcelJS.Cvfo {
  const type = CFVO[criterion?.type ?? "LowestValue"] ?? "min";
  const value = criterion?.formula === undefined ? undefined : Number(criterion.formula);
  return value === undefined || Number.isNaN(value) ? { type } : { type, value };
}

/** One fake rule as ExcelJS conditional formatting, or null for a rule ExcelJS cannot express. */
function rule(
  cf: FakeConditionalFormat,
  priority: number
): ExcelJS.ConditionalFormattingRule | null {
  const p = cf.props;
  switch (cf.type) {
    case "Custom":
      return {
        type: "expression",
        priority,
        formulae: [String(p.formula ?? "").replace(/^=/, "")],
        style: fillStyle(p),
      };
    case "ContainsText": {
      // As an expression on the rule's top-left cell (Excel shifts it over the range).
      const r = (p.rule ?? {}) as { operator?: string; text?: string };
      const text = `"${(r.text ?? "").replace(/"/g, '""')}"`;
      const cell = ref({ ...cf.ranges[0], rows: 1, columns: 1 });
      const tests: Record<string, string> = {
        Contains: `NOT(ISERROR(SEARCH(${text},${cell})))`,
        NotContains: `ISERROR(SEARCH(${text},${cell}))`,
        BeginsWith: `LEFT(${cell},LEN(${text}))=${text}`,
        EndsWith: `RIGHT(${cell},LEN(${text}))=${text}`,
      };
      const formula = tests[r.operator ?? "Contains"] ?? tests.Contains;
      return { type: "expression", priority, formulae: [formula], style: fillStyle(p) };
    }
    case "ColorScale": {
      const c = (p.criteria ?? {}) as Excel.ConditionalColorScaleCriteria;
      const points = [c.minimum, c.midpoint, c.maximum].filter(Boolean);
      return {
        type: "colorScale",
        priority,
        cfvo: points.map(cfvo),
        color: points.map((point) => ({ argb: argb(point!.color ?? "#FFFFFF") })),
      };
    }
    case "DataBar":
      return {
        type: "dataBar",
        priority,
        minLength: 0,
        maxLength: 100,
        cfvo: [
          cfvo(p.lowerBoundRule as { type?: string } | undefined),
          cfvo(p.upperBoundRule as { type?: string } | undefined),
        ],
        color: { argb: argb(String(p.fillColor ?? "#638EC6")) },
      } as ExcelJS.DataBarRuleType;
    default:
      return null;
  }
}

function writeSheet(wb: ExcelJS.Workbook, sheet: FakeSheetState): void {
  const { rows, columns } = sheet.freeze;
  const views: Array<Partial<ExcelJS.WorksheetView>> =
    rows > 0 || columns > 0 ? [{ state: "frozen", xSplit: columns, ySplit: rows }] : [];
  const ws = wb.addWorksheet(sheet.name, { views });
  sheet.columnWidths.forEach((points, c) => {
    if (points !== undefined) ws.getColumn(c + 1).width = pointsToWidth(points);
  });
  sheet.forEachCell({ row: 0, column: 0, rows: sheet.cells.length, columns: 16384 }, (cell, r, c) =>
    writeCell(ws.getCell(r + 1, c + 1), cell)
  );
  // The fake lists rules highest priority first; ExcelJS priority 1 is the highest.
  sheet.conditionalFormats.forEach((cf, i) => {
    const converted = rule(cf, i + 1);
    if (converted)
      ws.addConditionalFormatting({ ref: cf.ranges.map(ref).join(" "), rules: [converted] });
  });
  const validations = (
    ws as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of sheet.validations) {
    const source = v.rule.list?.source;
    if (typeof source !== "string") continue; // a Range source is not kept by the fake
    for (const range of v.ranges)
      validations.add(ref(range), {
        type: "list",
        allowBlank: true,
        formulae: [`"${source}"`],
      });
  }
}

const CHART_KINDS: Array<[RegExp, ChartPlan["type"]]> = [
  [/^Pie/, "pie"],
  [/^Bar/, "bar"],
];

/** "H12" as 0-based row and column. */
function cellAt(address: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/**
 * A fake chart as a chart over a table: the source range's first line holds the series names, its
 * first column the categories (series by columns, as the add-in adds them).
 */
function chartToInject(sheet: FakeSheetState, chart: FakeChart): ChartToInject {
  const { row, column, rows, columns } = chart.source;
  const value = (r: number, c: number): PlanCell => {
    const v = sheet.cell(r, c)?.value;
    return v === undefined || v === "" ? null : v;
  };
  const table: TablePlan = {
    id: chart.name,
    startRow: row,
    startColumn: column,
    columns: Array.from({ length: columns }, (_, c) => ({
      key: `c${c}`,
      header: String(value(row, column + c) ?? ""),
      kind: "general" as const,
      width: 10,
    })),
    rows: Array.from({ length: rows - 1 }, (_, r) =>
      Array.from({ length: columns }, (_, c) => value(row + 1 + r, column + c))
    ),
    conditionalFormats: [],
    validations: [],
  };
  const start = chart.position
    ? cellAt(chart.position.start)
    : { row, column: column + columns + 1 };
  const end = chart.position?.end
    ? cellAt(chart.position.end)
    : { row: start.row + 15, column: start.column + 7 };
  return {
    sheetName: sheet.name,
    table,
    chart: {
      type: CHART_KINDS.find(([pattern]) => pattern.test(chart.type))?.[1] ?? "column",
      title: chart.title,
      table: table.id,
      categoryColumn: 0,
      valueColumns: Array.from({ length: columns - 1 }, (_, c) => c + 1),
      anchor: {
        row: start.row,
        column: start.column,
        rows: end.row - start.row + 1,
        columns: end.column - start.column + 1,
      },
    },
  };
}

/** The workbook as .xlsx bytes (a Buffer under Node). */
export async function fakeToXlsx(state: FakeWorkbookState): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of state.sheets) writeSheet(wb, sheet);
  const written = await wb.xlsx.writeBuffer();
  const data = written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
  const charts = state.sheets.flatMap((sheet) => sheet.charts.map((c) => chartToInject(sheet, c)));
  return charts.length === 0 ? data : injectCharts(data, charts);
}
