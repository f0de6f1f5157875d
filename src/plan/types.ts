/**
 * A SheetPlan is everything the add-in writes to one of its own sheets, as plain data.
 * Adapters (ExcelJS for the command line, Office.js for the add-in) execute the same plan.
 * A sheet holds one or more tables (the summary has several); each table is a header line
 * followed by data lines.
 */

/** Strings in a plan are always written as text, never as formulas. */
export type PlanCell = string | number | boolean | null;

/** Column kinds pick the number format in each adapter from one table (see formats.ts). */
export type ColumnKind = "text" | "general" | "integer" | "decimal" | "money" | "date" | "percent";

export interface ColumnPlan {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters (the widest table of a sheet sets a column's width). */
  width: number;
  /** A column the manager fills in: never overwritten by a re-score. */
  manager?: boolean;
}

/** A sheet's column list as [key, kind, width, manager?], with each header worded by key. */
export function columnPlans<K extends string>(
  columns: ReadonlyArray<readonly [key: K, kind: ColumnKind, width: number, manager?: boolean]>,
  header: (key: K) => string
): ColumnPlan[] {
  return columns.map(([key, kind, width, manager]) => ({
    key,
    kind,
    width,
    manager,
    header: header(key),
  }));
}

/** Data lines a rule applies to: indexes into the table's `rows`, inclusive. */
export interface RowSpan {
  firstRow: number;
  lastRow: number;
}

export type ConditionalFormatPlan =
  | { type: "textEquals"; column: number; rows: RowSpan; text: string; fill: string; font: string }
  | { type: "colorScale"; column: number; rows: RowSpan; colors: [string, string, string] }
  | { type: "dataBar"; column: number; rows: RowSpan; color: string }
  /**
   * Fill whole lines (columns firstColumn..lastColumn) where an Excel formula is true.
   * The formula is written for the table's first data line, with `{row}` for its sheet row number
   * (1-based) and column letters as they are; Excel shifts it down the range.
   */
  | {
      type: "formula";
      firstColumn: number;
      lastColumn: number;
      rows: RowSpan;
      formula: string;
      fill: string;
      font: string;
    };

export interface ListValidationPlan {
  column: number;
  rows: RowSpan;
  values: string[];
}

export interface TablePlan {
  /** Stable identity within the sheet (charts refer to it). */
  id: string;
  /** 0-based sheet row of the header line. */
  startRow: number;
  /** 0-based sheet column of the first column. */
  startColumn: number;
  /** Optional caption on the line above the header. */
  caption?: string;
  columns: ColumnPlan[];
  rows: PlanCell[][];
  /** A line whose numbers need another format than their column's (a list of mixed figures). */
  rowKinds?: Array<ColumnKind | null>;
  conditionalFormats: ConditionalFormatPlan[];
  validations: ListValidationPlan[];
  /**
   * Make the header and lines an Excel table (the template sheets, the sample's orders): a table
   * carries its formats and drop-downs down to every line typed below it. Office.js only; the file
   * writer of the command line never writes input sheets.
   */
  excelTable?: boolean;
}

/** Makes lines [from, to) of a table whose lines are made on demand. */
export type LineMaker = (from: number, to: number) => PlanCell[][];

interface OnDemand {
  count: number;
  make: LineMaker;
  made: PlanCell[][] | null;
}

const onDemand = new WeakMap<TablePlan, OnDemand>();

/**
 * A table whose lines are made when they are read, for the sheets with a line per customer: at
 * 1,048,575 order lines the tier sheet alone is millions of cells, and holding them all until they
 * are written cost more in garbage collection than making them. Writers read them a block at a time
 * through `linesBetween`; reading `rows` makes every line once, for readers that want the list.
 * `make` must be pure: a line is the same whenever it is made.
 */
export function withLinesOnDemand(table: TablePlan, count: number, make: LineMaker): TablePlan {
  const lines: OnDemand = { count, make, made: null };
  const lazy = {} as TablePlan;
  // The same fields in the same order, `rows` made when read.
  for (const key of Object.keys(table) as Array<keyof TablePlan>)
    Object.defineProperty(
      lazy,
      key,
      key === "rows"
        ? { get: () => (lines.made ??= make(0, count)), enumerable: true, configurable: true }
        : { value: table[key], enumerable: true, writable: true, configurable: true }
    );
  onDemand.set(lazy, lines);
  return lazy;
}

/** How many lines a table has (without making lines made on demand). */
export function lineCount(table: TablePlan): number {
  return onDemand.get(table)?.count ?? table.rows.length;
}

/** Lines [from, to) of a table; made now when the table makes its lines on demand. */
export function linesBetween(table: TablePlan, from: number, to: number): PlanCell[][] {
  const lines = onDemand.get(table);
  if (!lines) return table.rows.slice(from, to);
  if (lines.made) return lines.made.slice(from, to);
  const end = Math.min(to, lines.count);
  return from < end ? lines.make(from, end) : [];
}

/** A native Excel chart over a table's columns. */
export interface ChartPlan {
  type: "column" | "bar" | "pie";
  title: string;
  table: string;
  /** Column of the table holding the category labels. */
  categoryColumn: number;
  /** Columns holding the series (header text is the series name). */
  valueColumns: number[];
  /** Where the chart sits: 0-based sheet cell of its top-left corner, size in columns and rows. */
  anchor: { row: number; column: number; columns: number; rows: number };
}

export type { SheetKey } from "../core/types";
import type { SheetKey } from "../core/types";

/** Input sheets the pane adds on request (templates, sample data): never our own output sheets. */
export type InputSheetKey = "input_customers" | "input_orders" | "input_followups" | "input_other";

/** Our output sheets by default; `SheetPlan<InputSheetKey>` for the input sheets the pane adds. */
export interface SheetPlan<Key extends string = SheetKey> {
  /** Stable identity of the sheet, whatever its localised name. */
  key: Key;
  name: string;
  /** Lines above the first table (title, as-of date), from row 0. */
  preamble: PlanCell[][];
  tables: TablePlan[];
  charts: ChartPlan[];
  /** Lines and columns kept in view when scrolling. */
  freezeRows: number;
  freezeColumns: number;
}

/** A sheet with one table right under the preamble: the common shape (tiers, tracking, review). */
export function singleTableSheet(
  key: SheetKey,
  name: string,
  preamble: PlanCell[][],
  table: Omit<TablePlan, "id" | "startRow" | "startColumn">,
  freezeColumns: number
): SheetPlan {
  const startRow = preamble.length;
  return {
    key,
    name,
    preamble,
    tables: [{ id: key, startRow, startColumn: 0, ...table }],
    charts: [],
    freezeRows: startRow + 1,
    freezeColumns,
  };
}
