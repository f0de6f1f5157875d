/* global Excel, Office */
import { columnLetter } from "../core/address";
import { HEADER_FILL, HEADER_FONT, MANAGER_HEADER_FILL, NUMBER_FORMATS } from "../plan/formats";
import { HostError } from "../app/host";
import type {
  ChartPlan,
  ColumnKind,
  ConditionalFormatPlan,
  PlanCell,
  RowSpan,
  SheetPlan,
} from "../plan/types";
import {
  linesOf,
  outlineOf,
  type LineSource,
  type SheetOutline,
  type TableOutline,
} from "./outline";

/**
 * The Office.js side of the workbook port: executes SheetPlans in the open workbook, with the same
 * result as the ExcelJS executor (src/xlsx/workbook.ts).
 *
 * - Our sheets are found by name and added when missing, never deleted (deleting clears undo);
 *   their previous content is cleared (used range, conditional formats, validations, charts, panes).
 * - Values go in row blocks; several blocks share one sync up to a byte budget, so the number of
 *   syncs grows with bytes, not rows. Text columns get the "@" format before their values in the
 *   same batch, and strings elsewhere get a leading apostrophe when Excel would read them as a
 *   formula, number, date, boolean or error: data never turns into formulas.
 * - Then formats, conditional formats bounded to the used rows (one range-level rule per plan rule),
 *   list validations and charts.
 * - A value block's lines are fetched (from the planning worker, see outline.ts) when a batch
 *   takes the block, and dropped once that batch is synced: the pane's thread holds about one batch
 *   of lines at a time, whatever the size of the sheets.
 * - A batch refused with RequestPayloadSizeLimitExceeded is retried with blocks (and the budget)
 *   halved. A failed sync leaves earlier syncs applied; running the write again repairs everything,
 *   since every run produces the same state.
 */

export interface WritePlanOptions {
  /** First size of a value block (rows); halved on RequestPayloadSizeLimitExceeded. */
  rowsPerBlock?: number;
  /** Estimated request bytes queued before a sync. */
  bytesPerSync?: number;
  /** Rows written so far, of all rows (preambles, headers and data lines). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Asked before each batch after the first: true ends the write there with
   * HostError("cancelled_writing"); what is written stays, and the next run repairs the rest.
   */
  shouldStop?: () => boolean;
}

/**
 * Lines per value block: building a block's values (and measuring them) is the longest piece of
 * work on the pane's thread between two pauses, so it stays small; batches still fill to the bytes.
 */
export const ROWS_PER_BLOCK = 5000;
/**
 * Under the 5 MB request cap of Excel on the web with room for what the estimate misses; a refused
 * batch is retried smaller. At 1M order lines this writes in 16 syncs (`npm run bench:syncs`).
 */
const BYTES_PER_SYNC = 3.5 * 1024 * 1024;
/** Request bytes of a step without values (a format, a rule, a chart): a generous estimate. */
const SMALL_STEP_BYTES = 400;

/** Column widths are in characters in a plan (as in ExcelJS), in points in Office.js. */
export function widthToPoints(characters: number): number {
  return Math.round(characters * 7) * 0.75; // 7 px per character of Calibri 11, 0.75 pt per px
}

/** One unit of work queued in a batch; a value block can split in two. */
interface Step {
  /** Estimated request bytes; 0 until `prepare` has run. */
  bytes: number;
  /** Sheet rows it writes, for progress. */
  rows: number;
  /** Cells of values it writes (lines of values only). */
  cells?: number;
  /** Fetches the lines the step writes and builds its values (before `bytes` is read). */
  prepare?(): Promise<void>;
  queue(): void;
  /** Drops what `prepare` built, once the step's batch is synced. */
  release?(): void;
  split?(): Step[];
}

interface Target {
  plan: SheetOutline;
  /** The plan's lines, by table. */
  lines: (table: number, from: number, to: number) => Promise<PlanCell[][]>;
  sheet: Excel.Worksheet;
  /** Previous content of an existing sheet; null for a sheet added now. */
  previous: { used: Excel.Range; charts: Excel.ChartCollection } | null;
}

/** Writes whole plans held on this thread. */
export function writeSheetPlans(
  context: Excel.RequestContext,
  plans: ReadonlyArray<SheetPlan<string>>,
  options: WritePlanOptions = {}
): Promise<{ syncs: number }> {
  return writeSheetOutlines(context, plans.map(outlineOf), linesOf(plans), options);
}

/** Writes plans whose lines come from `lines` a block at a time (the planning worker keeps them). */
export async function writeSheetOutlines(
  context: Excel.RequestContext,
  plans: readonly SheetOutline[],
  lines: LineSource,
  options: WritePlanOptions = {}
): Promise<{ syncs: number }> {
  const sheets = context.workbook.worksheets;
  const found = plans.map((plan) => sheets.getItemOrNullObject(plan.name));
  await context.sync();

  const targets: Target[] = plans.map((plan, i) => {
    const ofPlan = (table: number, from: number, to: number) => lines(i, table, from, to);
    if (found[i].isNullObject)
      return { plan, lines: ofPlan, sheet: sheets.add(plan.name), previous: null };
    const used = found[i].getUsedRangeOrNullObject();
    used.load("address");
    const charts = found[i].charts;
    charts.load("items/name");
    return { plan, lines: ofPlan, sheet: found[i], previous: { used, charts } };
  });
  await context.sync();

  const rowsPerBlock = Math.max(1, options.rowsPerBlock ?? ROWS_PER_BLOCK);
  const steps = targets.flatMap((target) => sheetSteps(target, rowsPerBlock));
  const budget = options.bytesPerSync ?? BYTES_PER_SYNC;
  return {
    syncs: 2 + (await runSteps(context, steps, budget, options.onProgress, options.shouldStop)),
  };
}

// ---------------------------------------------------------------------------------------------
// Batching

function isPayloadTooLarge(error: unknown): boolean {
  const e = error as { code?: string; debugInfo?: { code?: string }; message?: string } | null;
  const code = "RequestPayloadSizeLimitExceeded";
  return e?.code === code || e?.debugInfo?.code === code || (e?.message ?? "").includes(code);
}

function isSetSupported(version: string): boolean {
  // Outside Office (the fake host of the tests and the workbench) every API used here exists.
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** A task boundary: the pane's events and timers run before the work goes on. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Packs steps into batches of about `budget` bytes and syncs each batch; returns the syncs made. */
async function runSteps(
  context: Excel.RequestContext,
  steps: Step[],
  budget: number,
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean
): Promise<number> {
  const total = steps.reduce((n, s) => n + s.rows, 0);
  const queue = [...steps];
  /** Bytes and cells of the values taken so far (headers first): a block's guess before its fetch. */
  let seenBytes = 0;
  let seenCells = 0;
  const guess = (step: Step) => ((step.cells ?? 0) * seenBytes) / Math.max(1, seenCells);
  /** The next step, prepared; value blocks larger than the budget split first. */
  const next = async (): Promise<Step> => {
    for (;;) {
      const step = queue[0];
      // Lines that would not fit a batch are not fetched: the pane holds about a batch of them.
      if (step.split && step.bytes === 0 && guess(step) > budget) {
        queue.splice(0, 1, ...step.split());
        continue;
      }
      await step.prepare?.();
      if (step.bytes <= budget || !step.split) return step;
      queue.splice(0, 1, ...step.split());
    }
  };
  let syncs = 0;
  let done = 0;
  while (queue.length > 0) {
    if (syncs > 0 && shouldStop?.()) throw new HostError("cancelled_writing");
    const batch: Step[] = [];
    let bytes = 0;
    while (queue.length > 0) {
      const step = await next();
      if (batch.length === 0 || bytes + step.bytes <= budget) {
        bytes += step.bytes;
        if (step.cells) {
          seenBytes += step.bytes - SMALL_STEP_BYTES;
          seenCells += step.cells;
        }
        batch.push(queue.shift()!);
        // Building a block's values is the pane thread's longest work here: let it breathe between.
        if (step.rows > 0) await pause();
      } else if (step.split && bytes + step.bytes / 2 <= budget) {
        queue.splice(0, 1, ...step.split()); // fill the batch with part of the next block
      } else break;
    }
    if (isSetSupported("1.9")) {
      context.application.suspendScreenUpdatingUntilNextSync();
      context.application.suspendApiCalculationUntilNextSync();
    }
    batch.forEach((step) => step.queue());
    syncs++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch of blocks (bytes, not rows)
      await context.sync();
    } catch (error) {
      // Nothing of a refused batch was applied: retry it in smaller pieces.
      const splittable = batch.some((step) => step.split);
      if (!isPayloadTooLarge(error) || (batch.length === 1 && !splittable)) throw error;
      // Half the refused batch, less a tenth for what the estimate misses (the request's frame).
      budget = Math.max(1, Math.floor(Math.min(budget, bytes) * 0.45));
      queue.unshift(...batch.flatMap((step) => step.split?.() ?? [step]));
      continue;
    }
    for (const step of batch) step.release?.();
    done += batch.reduce((n, s) => n + s.rows, 0);
    onProgress?.(done, total);
  }
  return syncs;
}

function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1; // a surrogate pair: 4
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Values

/** Excel reads such typed text as a formula, number, date, boolean or error value. */
const NOT_PLAIN_TEXT = /^[=+\-@'#]|\d|^\s*(true|false)\s*$/i;

/** A plan cell as written to `values`: strings stay text (null leaves the cleared cell empty). */
export function cellInput(value: PlanCell | undefined, textFormatted: boolean): PlanCell {
  if (value === undefined) return null;
  if (typeof value !== "string" || textFormatted || !NOT_PLAIN_TEXT.test(value)) return value;
  return "'" + value; // the apostrophe is a prefix, not part of the value
}

/** Office.js applies a single value set on `values` or `numberFormat` to every cell of the range. */
function everyCell(value: string): string[][] {
  return value as unknown as string[][];
}

/** Consecutive columns sharing a key: [first, count, key]. */
function runs<K>(keys: K[]): Array<[number, number, K]> {
  const out: Array<[number, number, K]> = [];
  keys.forEach((key, c) => {
    const last = out[out.length - 1];
    if (last && last[2] === key && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1, key]);
  });
  return out;
}

/** Lines written as they are (preamble, caption, header): strings escaped, padded to one width. */
function linesStep(sheet: Excel.Worksheet, row: number, column: number, lines: PlanCell[][]): Step {
  const width = Math.max(...lines.map((line) => line.length));
  const values = lines.map((line) =>
    Array.from({ length: width }, (_, c) => cellInput(line[c], false))
  );
  return {
    bytes: utf8Length(JSON.stringify(values)) + SMALL_STEP_BYTES,
    rows: lines.length,
    cells: lines.length * width,
    queue: () => {
      sheet.getRangeByIndexes(row, column, lines.length, width).values = values;
    },
  };
}

type Lines = (from: number, to: number) => Promise<PlanCell[][]>;

/**
 * Data lines [from, to) of a table; text columns formatted "@" first, in the same batch. Its lines
 * are fetched and its values built when the batch that takes this block is packed, and dropped once
 * that batch is synced: the pane's thread works in slices between syncs and holds about a batch.
 */
function blockStep(
  sheet: Excel.Worksheet,
  table: TableOutline,
  lines: Lines,
  from: number,
  to: number
): Step {
  const kinds = table.columns.map((column) => column.kind);
  let lineValues: PlanCell[][] | null = null;
  let values: unknown[][] | null = null;
  const top = table.startRow + 1 + from;
  const half = from + Math.ceil((to - from) / 2);
  const step: Step = {
    bytes: 0,
    rows: to - from,
    cells: (to - from) * kinds.length,
    prepare: async () => {
      if (values) return;
      lineValues = await lines(from, to);
      values = lineValues.map((line) =>
        kinds.map((kind, c) => cellInput(line[c], kind === "text"))
      );
      step.bytes = utf8Length(JSON.stringify(values)) + SMALL_STEP_BYTES;
    },
    queue: () => {
      for (const [c, n, kind] of runs(kinds)) {
        if (kind !== "text") continue;
        sheet.getRangeByIndexes(top, table.startColumn + c, to - from, n).numberFormat =
          everyCell("@");
      }
      sheet.getRangeByIndexes(top, table.startColumn, to - from, kinds.length).values = values!;
    },
    release: () => {
      lineValues = values = null;
    },
    split:
      to - from > 1
        ? () => {
            // The halves take their lines from this block's when it has them (a refused batch).
            const held = lineValues;
            const of: Lines = held
              ? (f, t) => Promise.resolve(held.slice(f - from, t - from))
              : lines;
            lineValues = values = null;
            return [blockStep(sheet, table, of, from, half), blockStep(sheet, table, of, half, to)];
          }
        : undefined,
  };
  return step;
}

// ---------------------------------------------------------------------------------------------
// One sheet

function small(queue: () => void, bytes = SMALL_STEP_BYTES): Step {
  return { bytes, rows: 0, queue };
}

function sheetSteps({ plan, lines, sheet, previous }: Target, rowsPerBlock: number): Step[] {
  const steps: Step[] = [];
  if (previous) steps.push(small(() => clearSheet(sheet, previous)));
  if (plan.preamble.length > 0) steps.push(linesStep(sheet, 0, 0, plan.preamble));
  const linesOfTable = plan.tables.map(
    (_, t): Lines =>
      (from, to) =>
        lines(t, from, to)
  );
  plan.tables.forEach((table, t) => {
    if (table.caption !== undefined)
      steps.push(linesStep(sheet, table.startRow - 1, table.startColumn, [[table.caption]]));
    const header = table.columns.map((column) => column.header);
    steps.push(linesStep(sheet, table.startRow, table.startColumn, [header]));
    for (let from = 0; from < table.lineCount; from += rowsPerBlock) {
      const to = Math.min(table.lineCount, from + rowsPerBlock);
      steps.push(blockStep(sheet, table, linesOfTable[t], from, to));
    }
  });
  plan.tables.forEach((table, t) => steps.push(tableFormatStep(sheet, table, linesOfTable[t])));
  for (const table of plan.tables)
    if (table.excelTable && table.lineCount > 0) steps.push(small(() => excelTable(sheet, table)));
  steps.push(small(() => sheetFormats(sheet, plan)));
  steps.push(...conditionalFormatSteps(sheet, plan));
  for (const table of plan.tables) {
    if (table.lineCount === 0) continue;
    for (const v of table.validations) {
      const source = v.values.join(",");
      steps.push(
        small(
          () => {
            span(sheet, table, v.column, v.column, v.rows).dataValidation.rule = {
              list: { inCellDropDown: true, source },
            };
          },
          SMALL_STEP_BYTES + utf8Length(source)
        )
      );
    }
  }
  plan.charts.forEach((chart, i) => {
    const table = plan.tables.find((t) => t.id === chart.table);
    if (table && table.lineCount > 0)
      steps.push(small(() => addChart(sheet, plan, table, chart, i)));
  });
  return steps;
}

function clearSheet(sheet: Excel.Worksheet, previous: NonNullable<Target["previous"]>): void {
  if (!previous.used.isNullObject) previous.used.clear();
  const whole = sheet.getRange();
  whole.conditionalFormats.clearAll();
  whole.dataValidation.clear();
  sheet.freezePanes.unfreeze();
  previous.charts.items.forEach((chart) => chart.delete());
}

/** Header fill and font, caption in bold, number formats per column (and per line kind). */
function tableFormatStep(sheet: Excel.Worksheet, table: TableOutline, lines: Lines): Step {
  const left = table.startColumn;
  const formats = table.columns.map((column) => NUMBER_FORMATS[column.kind]);
  const rowKinds = table.rowKinds ?? [];
  // Lines whose numbers take another format than their column's: one array, null = unchanged.
  // Only short lists of mixed figures have line kinds; their lines are fetched with the batch.
  let lineFormats: Array<Array<string | null>> | null = null;
  const queue = () => {
    const header = sheet.getRangeByIndexes(table.startRow, left, 1, table.columns.length);
    header.format.fill.color = HEADER_FILL;
    header.format.font.bold = true;
    header.format.font.color = HEADER_FONT;
    const managers = table.columns.map((column) => Boolean(column.manager));
    for (const [c, n, manager] of runs(managers)) {
      if (manager)
        sheet.getRangeByIndexes(table.startRow, left + c, 1, n).format.fill.color =
          MANAGER_HEADER_FILL;
    }
    if (table.caption !== undefined)
      sheet.getRangeByIndexes(table.startRow - 1, left, 1, 1).format.font.bold = true;
    if (table.lineCount === 0) return;
    for (const [c, n, format] of runs(formats)) {
      if (format === "@" || format === "General") continue; // text: set with the values
      sheet.getRangeByIndexes(table.startRow + 1, left + c, table.lineCount, n).numberFormat =
        everyCell(format);
    }
    if (lineFormats)
      sheet.getRangeByIndexes(
        table.startRow + 1,
        left,
        table.lineCount,
        table.columns.length
      ).numberFormat = lineFormats;
  };
  const step = small(queue, SMALL_STEP_BYTES * 2);
  if (!rowKinds.some(Boolean)) return step;
  step.prepare = async () => {
    if (lineFormats) return;
    const rows = await lines(0, table.lineCount);
    lineFormats = rows.map((line, r) =>
      table.columns.map((_, c) => {
        const kind: ColumnKind | null | undefined = rowKinds[r];
        return kind && typeof line[c] === "number" ? NUMBER_FORMATS[kind] : null;
      })
    );
    step.bytes = SMALL_STEP_BYTES * 2 + utf8Length(JSON.stringify(lineFormats));
  };
  step.release = () => {
    lineFormats = null;
  };
  return step;
}

/**
 * The header and lines as an Excel table (ExcelApi 1.1): Excel names it, so it never clashes with a
 * table the workbook has. Our header fill stays on top of the table style.
 */
function excelTable(sheet: Excel.Worksheet, table: TableOutline): void {
  const range = sheet.getRangeByIndexes(
    table.startRow,
    table.startColumn,
    table.lineCount + 1,
    table.columns.length
  );
  sheet.tables.add(range, true).style = "TableStyleLight9";
}

/** Column widths (the widest table sets a column), the title in bold, frozen panes. */
function sheetFormats(sheet: Excel.Worksheet, plan: SheetOutline): void {
  const widths: number[] = [];
  for (const table of plan.tables)
    table.columns.forEach((column, c) => {
      const at = table.startColumn + c;
      widths[at] = Math.max(widths[at] ?? 0, column.width);
    });
  for (const [c, n, width] of runs(Array.from(widths, (w) => w ?? 0))) {
    if (width > 0) sheet.getRangeByIndexes(0, c, 1, n).format.columnWidth = widthToPoints(width);
  }
  if (plan.preamble.length > 0) {
    const title = sheet.getRangeByIndexes(0, 0, 1, 1);
    title.format.font.bold = true;
    title.format.font.size = 13;
  }
  const { freezeRows: rows, freezeColumns: columns } = plan;
  if (rows > 0 && columns > 0)
    sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
}

// ---------------------------------------------------------------------------------------------
// Rules and charts

/** Data lines `rows` of table columns first..last. */
function span(
  sheet: Excel.Worksheet,
  table: TableOutline,
  first: number,
  last: number,
  rows: RowSpan
) {
  return sheet.getRangeByIndexes(
    table.startRow + 1 + rows.firstRow,
    table.startColumn + first,
    rows.lastRow - rows.firstRow + 1,
    last - first + 1
  );
}

/**
 * One range-level rule per plan rule. Excel puts each new rule at the top priority, so rules are
 * added last first: the plan's first rule ends up on top, as priority 1 in the ExcelJS executor.
 */
function conditionalFormatSteps(sheet: Excel.Worksheet, plan: SheetOutline): Step[] {
  const rules = plan.tables
    .filter((table) => table.lineCount > 0)
    .flatMap((table) => table.conditionalFormats.map((rule) => ({ table, rule })));
  return rules.reverse().map(({ table, rule }) => small(() => addRule(sheet, table, rule)));
}

function addRule(sheet: Excel.Worksheet, table: TableOutline, rule: ConditionalFormatPlan): void {
  const firstDataRow = table.startRow + 2 + rule.rows.firstRow; // 1-based sheet row
  const custom = (range: Excel.Range, formula: string, fill: string, font: string) => {
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=" + formula;
    cf.custom.format.fill.color = fill;
    cf.custom.format.font.color = font;
  };
  switch (rule.type) {
    case "textEquals": {
      const letter = columnLetter(table.startColumn + rule.column);
      const text = rule.text.replace(/"/g, '""');
      const range = span(sheet, table, rule.column, rule.column, rule.rows);
      custom(range, `$${letter}${firstDataRow}="${text}"`, rule.fill, rule.font);
      return;
    }
    case "formula": {
      const range = span(sheet, table, rule.firstColumn, rule.lastColumn, rule.rows);
      const formula = rule.formula.replace(/\{row\}/g, String(firstDataRow)).replace(/^=/, "");
      custom(range, formula, rule.fill, rule.font);
      return;
    }
    case "colorScale": {
      const range = span(sheet, table, rule.column, rule.column, rule.rows);
      const [low, mid, high] = rule.colors;
      range.conditionalFormats.add("ColorScale").colorScale.criteria = {
        minimum: { type: "LowestValue", color: low },
        midpoint: { type: "Percentile", formula: "50", color: mid },
        maximum: { type: "HighestValue", color: high },
      };
      return;
    }
    case "dataBar": {
      const range = span(sheet, table, rule.column, rule.column, rule.rows);
      const bar = range.conditionalFormats.add("DataBar").dataBar;
      bar.lowerBoundRule = { type: "LowestValue" };
      bar.upperBoundRule = { type: "HighestValue" };
      bar.positiveFormat.fillColor = rule.color;
      return;
    }
  }
}

const CHART_TYPES = { column: "ColumnClustered", bar: "BarClustered", pie: "Pie" } as const;

/**
 * A native chart over the table's header and data lines, from the category column to the last
 * value column (Office.js takes one contiguous range: columns in between would become series too).
 */
function addChart(
  sheet: Excel.Worksheet,
  plan: SheetOutline,
  table: TableOutline,
  chart: ChartPlan,
  index: number
): void {
  const columns = [chart.categoryColumn, ...chart.valueColumns];
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  const source = sheet.getRangeByIndexes(
    table.startRow,
    table.startColumn + first,
    table.lineCount + 1,
    last - first + 1
  );
  const added = sheet.charts.add(CHART_TYPES[chart.type], source, "Columns");
  added.name = `${plan.key}-${chart.table}-${index + 1}`; // stable: a rewrite gives the same state
  added.title.text = chart.title;
  const { row, column, rows, columns: width } = chart.anchor;
  const cell = (r: number, c: number) => `${columnLetter(c)}${r + 1}`;
  added.setPosition(cell(row, column), cell(row + rows - 1, column + width - 1));
}
