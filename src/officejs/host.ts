/* global Excel */
import { SHEET_NAMES_BY_KEY } from "../i18n/ownSheets";
import { SCAN_ROWS } from "../core/headers";
import type { Settings } from "../core/settings";
import type { Cell, Serial } from "../core/types";
import type { Lang } from "../i18n/lang";
import { columnsNeeded } from "../plan/reads";
import type { SheetKey } from "../plan/types";
import { readPlanWrite, type WorkbookPort } from "../app/flow";
import { HostError, type Progress, type RunSummary, type WorkbookHost } from "../app/host";
import { GridBuilder } from "./grids";
import { inProcessPlanner, type PlannedRun, type Planner } from "./planner";
import { cellBytes, readParts, usedRanges, type ReadPart, type SheetShape } from "./read";
import { writeSheetPlans } from "./writePlan";

/**
 * The WorkbookHost on Office.js. A run reads each sheet's first rows (and the whole settings sheet),
 * decides from them which tables and columns it needs (plan/reads.ts), reads only those in
 * byte-budgeted blocks, streams them to the planner (a Web Worker in the add-in) and writes our
 * sheets in byte-sized batches. The same code runs in Excel and on the fake host (tests, workbench),
 * which passes its own `run`.
 */

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface ExcelHostOptions {
  lang: Lang;
  /** Today as a serial, asked at each run (a pane stays open past midnight). */
  today: () => Serial;
  /** Excel.run by default; waits while the user is editing a cell instead of failing. */
  run?: <T>(batch: Batch<T>) => Promise<T>;
  /** Where scoring and planning run: in-process by default; the pane and ribbon pass a Web Worker. */
  planner?: Planner;
  /** Response bytes aimed at per read sync (read.ts READ_BUDGET_BYTES by default). */
  readBudgetBytes?: number;
  /** Request bytes per write sync (writePlan.ts's default); tests lower it to write in many batches. */
  writeBytesPerSync?: number;
}

/** Our output sheets, under either language's name, except the settings sheet. */
const PREVIEW_SKIPS: ReadonlySet<string> = new Set(
  (Object.keys(SHEET_NAMES_BY_KEY) as SheetKey[])
    .filter((key) => key !== "settings")
    .flatMap((key) => SHEET_NAMES_BY_KEY[key])
);
const SETTINGS_NAMES: ReadonlySet<string> = new Set(SHEET_NAMES_BY_KEY.settings);

function excelRun<T>(batch: Batch<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}

/** Office's error code of a failed batch (OfficeExtension.Error), or null for any other failure. */
function officeCode(error: unknown): string | null {
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  if (!e || typeof e !== "object" || !("debugInfo" in e)) return null;
  const code = e.debugInfo?.code ?? e.code;
  return typeof code === "string" ? code : null;
}

const WORDED: Record<string, ConstructorParameters<typeof HostError>[0]> = {
  InvalidOperationInCellEditMode: "cell_edit_mode",
  RequestPayloadSizeLimitExceeded: "request_too_large",
  ResponsePayloadSizeLimitExceeded: "response_too_large",
  AccessDenied: "access_denied",
  ItemNotFound: "item_not_found",
};

/** Office's errors as the pane words them; any other Excel failure is worded as one to retry. */
export function hostErrorOf(error: unknown): unknown {
  if (error instanceof HostError) return error;
  const code = officeCode(error);
  if (code === null) return error;
  return new HostError(WORDED[code] ?? "excel_failed", code);
}

const allColumns = (sheet: SheetShape) => Array.from({ length: sheet.columns }, (_, c) => c);

/** Rows read before deciding: where headers are recognised, and the whole settings sheet. */
const headRows = (sheet: SheetShape) =>
  SETTINGS_NAMES.has(sheet.name) ? sheet.rows : Math.min(SCAN_ROWS, sheet.rows);

/** Average bytes of each column's cells in the first rows: the reader's first guess below them. */
function cellBytesFrom(heads: GridBuilder): (sheet: string, column: number) => number {
  const averages = new Map<string, number[]>();
  for (const grid of heads.grids()) {
    const sums: number[] = [];
    const rows = grid.values.filter((row): row is Cell[] => Array.isArray(row));
    for (const row of rows) row.forEach((v, c) => (sums[c] = (sums[c] ?? 0) + cellBytes(v)));
    averages.set(
      grid.name,
      sums.map((sum) => sum / Math.max(1, rows.length))
    );
  }
  return (sheet, column) => Math.max(8, averages.get(sheet)?.[column] ?? 48);
}

/** `销售订单!C57` or `'My Sheet'!A1` to its sheet name and cell. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) throw new RangeError(`Not a sheet address: ${address}`);
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1) };
}

/**
 * The workbook port on Office.js: reads each sheet's first rows (and the whole settings sheet),
 * decides from them which columns the run needs (plan/reads.ts), reads only those in byte-budgeted
 * blocks streamed to the planner, and writes our sheets in byte-sized batches.
 */
function officeJsPort(
  context: Excel.RequestContext,
  planner: Planner,
  options: ExcelHostOptions,
  onProgress: (p: Progress) => void,
  signal?: AbortSignal
): WorkbookPort<PlannedRun> {
  return {
    async readAndPlan(plan, checkpoint) {
      // A check needs none of our output sheets but the settings; a score reads them back for
      // the previous tiers and what managers typed.
      const shapes = await usedRanges(context, plan.preview ? PREVIEW_SKIPS : new Set());
      const planJob = planner.start(shapes, onProgress);
      const stop = () => planJob.cancel();
      signal?.addEventListener("abort", stop);
      try {
        const budgetBytes = options.readBudgetBytes;
        const heads = new GridBuilder(shapes);
        const headParts: ReadPart[] = shapes.map((sheet) => ({
          sheet,
          firstRow: 0,
          rows: headRows(sheet),
          columns: allColumns(sheet),
        }));
        await readParts(context, headParts, {
          budgetBytes,
          checkpoint,
          onBlock: (block) => {
            heads.add(block);
            planJob.add(block);
          },
        });
        const needed = columnsNeeded(heads.grids(), plan);
        const rest: ReadPart[] = shapes.flatMap((sheet) => {
          const columns = needed.get(sheet.name);
          const firstRow = headRows(sheet);
          if (!columns || firstRow >= sheet.rows) return [];
          return [
            {
              sheet,
              firstRow,
              rows: sheet.rows - firstRow,
              columns: columns === "all" ? allColumns(sheet) : columns,
            },
          ];
        });
        await readParts(context, rest, {
          budgetBytes,
          checkpoint,
          cellBytes: cellBytesFrom(heads),
          onBlock: (block) => planJob.add(block),
          onProgress: (done, total) => onProgress({ stage: "reading", done, total }),
        });
        checkpoint();
        return await planJob.finish(plan);
      } catch (error) {
        planJob.cancel();
        throw error;
      } finally {
        signal?.removeEventListener("abort", stop);
      }
    },
    async write(plans) {
      await writeSheetPlans(context, plans, {
        onProgress: (done, total) => onProgress({ stage: "writing", done, total }),
        shouldStop: () => signal?.aborted === true,
        bytesPerSync: options.writeBytesPerSync,
      });
    },
  };
}

export function createExcelHost(options: ExcelHostOptions): WorkbookHost {
  const run = options.run ?? excelRun;
  const planner = options.planner ?? inProcessPlanner;
  const { lang } = options;
  let busy = false;

  /** One job at a time: a second click while scoring would interleave writes. */
  async function job<T>(work: () => Promise<T>): Promise<T> {
    if (busy) throw new HostError("busy");
    busy = true;
    try {
      return await work();
    } catch (error) {
      throw hostErrorOf(error);
    } finally {
      busy = false;
    }
  }

  function go(
    write: boolean,
    overrides: Partial<Settings>,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal
  ): Promise<RunSummary> {
    const checkpoint = () => {
      if (signal?.aborted) throw new HostError("cancelled");
    };
    return job(() =>
      run(async (context) => {
        const plan = { lang, today: options.today(), overrides, preview: !write };
        const { planned, written } = await readPlanWrite(
          officeJsPort(context, planner, options, onProgress, signal),
          plan,
          onProgress,
          checkpoint
        );
        return { ...planned.summary, sheetsWritten: written };
      })
    );
  }

  return {
    inspect: (overrides, onProgress, signal) => go(false, overrides, onProgress, signal),
    score: (overrides, onProgress, signal) => go(true, overrides, onProgress, signal),
    select: (address) =>
      job(() =>
        run(async (context) => {
          const { sheet, cell } = splitAddress(address);
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(cell).select();
          await context.sync();
        })
      ),
  };
}
