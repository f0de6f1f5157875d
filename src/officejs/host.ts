/* global Excel */
import { SHEET_NAMES_BY_KEY } from "../i18n/ownSheets";
import { SCAN_ROWS } from "../core/headers";
import type { Settings } from "../core/settings";
import type { Cell, Serial } from "../core/types";
import type { Lang } from "../i18n/lang";
import type { SheetKey, SheetPlan } from "../plan/types";
import { readPlanWrite, type WorkbookPort } from "../app/flow";
import { HostError, type Progress, type RunSummary, type WorkbookHost } from "../app/host";
import { GridBuilder } from "./grids";
import { inProcessPlanner, type PlannedRun, type Planner } from "./planner";
import { cellBytes, readParts, usedRanges, type ReadPart, type SheetShape } from "./read";
import { writeSheetOutlines, writeSheetPlans } from "./writePlan";

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
  /**
   * A run over this many lines in the sheets it reads stops before reading them, with
   * HostError("run_in_pane") saying how many: the ribbon's command hands long runs to the pane.
   */
  maxLines?: number;
}

/** Our output sheets, under either language's name, except the settings sheet. */
const PREVIEW_SKIPS: ReadonlySet<string> = new Set(
  (Object.keys(SHEET_NAMES_BY_KEY) as SheetKey[])
    .filter((key) => key !== "settings")
    .flatMap((key) => SHEET_NAMES_BY_KEY[key])
);
const SETTINGS_NAMES: ReadonlySet<string> = new Set(SHEET_NAMES_BY_KEY.settings);

/**
 * One truth on screen without a shared runtime: the ribbon command and the pane run in separate
 * JavaScript runtimes (Office's shared runtime needs the SharedRuntime 1.1 requirement set and a
 * <Runtimes> manifest entry, which the ExcelApi 1.9 manifest does not ask for and older Excel
 * lacks). So every scoring run leaves a stamp and its summary in the add-in's document settings
 * (Excel.SettingCollection, ExcelApi 1.4); the pane reads the stamp (a few bytes) when it comes into
 * view and shows the saved summary when the stamp is not its own.
 */
export const RUN_STAMP_SETTING = "rfmTiers.runStamp";
export const RUN_SUMMARY_SETTING = "rfmTiers.runSummary";
/** Quality entries kept with the saved summary: the summary sheet lists them all. */
const SAVED_QUALITY = 300;

function newStamp(): string {
  return `${new Date().toISOString()}#${Math.random().toString(36).slice(2, 10)}`;
}

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
 * blocks streamed to the planner, and writes our sheets in byte-sized batches, fetching their lines
 * from the planner a batch at a time. `close` ends the planner's job once the run is over.
 */
function officeJsPort(
  context: Excel.RequestContext,
  planner: Planner,
  options: ExcelHostOptions,
  onProgress: (p: Progress) => void,
  signal?: AbortSignal
): WorkbookPort<PlannedRun> & { close(): void } {
  let planned: PlannedRun | null = null;
  return {
    async readAndPlan(plan, checkpoint) {
      // A check needs none of our output sheets but the settings; a score reads them back for
      // the previous tiers and what managers typed.
      const shapes = await usedRanges(context, plan.preview ? PREVIEW_SKIPS : new Set());
      const lines = shapes.reduce((n, sheet) => n + sheet.rows, 0);
      if (options.maxLines !== undefined && lines > options.maxLines)
        throw new HostError("run_in_pane", lines.toLocaleString(options.lang));
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
        // Decided where the planning code is (a scoring of the first rows): the pane's thread
        // neither loads nor runs it.
        const needed = await planJob.columnsNeeded(plan);
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
        planned = await planJob.finish(plan);
        return planned;
      } catch (error) {
        planJob.cancel();
        throw error;
      } finally {
        signal?.removeEventListener("abort", stop);
      }
    },
    async write(plans) {
      if (!planned) throw new Error("write before readAndPlan");
      await writeSheetOutlines(context, plans, planned.lines, {
        onProgress: (done, total) => onProgress({ stage: "writing", done, total }),
        shouldStop: () => signal?.aborted === true,
        bytesPerSync: options.writeBytesPerSync,
      });
    },
    close: () => planned?.close(),
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
        const port = officeJsPort(context, planner, options, onProgress, signal);
        const { planned, written } = await readPlanWrite(
          port,
          plan,
          onProgress,
          checkpoint
        ).finally(() => port.close());
        const summary: RunSummary = { ...planned.summary, sheetsWritten: written };
        if (written.length === 0) return summary;
        const runStamp = newStamp();
        const saved = { ...summary, runStamp, quality: summary.quality.slice(0, SAVED_QUALITY) };
        context.workbook.settings.add(RUN_SUMMARY_SETTING, JSON.stringify(saved));
        context.workbook.settings.add(RUN_STAMP_SETTING, runStamp);
        await context.sync();
        return { ...summary, runStamp };
      })
    );
  }

  /** A document setting's value; null when absent. Not a job: it may run beside one. */
  const setting = (key: string) =>
    run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      await context.sync();
      return item.isNullObject ? null : (item.value as unknown);
    }).catch((error) => {
      throw hostErrorOf(error);
    });

  const addSheets = (make: (taken: readonly string[]) => ReadonlyArray<SheetPlan<string>>) =>
    job(() =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const taken = sheets.items.map((sheet) => sheet.name);
        const plans = make(taken);
        const lower = new Set(taken.map((name) => name.toLowerCase()));
        const clash = plans.find((plan) => lower.has(plan.name.toLowerCase()));
        if (clash) throw new RangeError(`Sheet exists: ${clash.name}`); // a planning bug: never overwrite
        await writeSheetPlans(context, plans);
        if (plans.length > 0) {
          const first = sheets.getItem(plans[0].name);
          first.activate();
          first.getRange("A1").select();
          await context.sync();
        }
        return plans.map((plan) => plan.name);
      })
    );

  return {
    addSheets,
    runStamp: async () => {
      const value = await setting(RUN_STAMP_SETTING);
      return typeof value === "string" ? value : null;
    },
    lastRun: async () => {
      const value = await setting(RUN_SUMMARY_SETTING);
      if (typeof value !== "string") return null;
      try {
        return JSON.parse(value) as RunSummary;
      } catch {
        return null; // edited or cut by hand: the pane keeps what it shows
      }
    },
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
