/* global Excel */
import { fieldsOf, type DetectedTable } from "../core/headers";
import type { Settings } from "../core/settings";
import type { Lang, Serial, SheetGrid } from "../core/types";
import { SHEET_NAMES } from "../i18n/sheets";
import type { SheetKey } from "../plan/types";
import { planWorkbook, type WorkbookRun } from "../plan/workbook";
import {
  CALLS_IN_PANE,
  HostError,
  type InputTable,
  type Progress,
  type RunSummary,
  type WorkbookHost,
} from "../taskpane/host";
import { readAllSheets } from "./read";
import { writeSheetPlans } from "./writePlan";

/**
 * The WorkbookHost on Office.js: read every sheet in row blocks, plan in-process, write our sheets
 * in byte-sized batches. The same code runs in Excel and on the fake host (tests, workbench), which
 * passes its own `run`.
 */

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface ExcelHostOptions {
  lang: Lang;
  /** Today as a serial, asked at each run (a pane stays open past midnight). */
  today: () => Serial;
  /** Excel.run by default; waits while the user is editing a cell instead of failing. */
  run?: <T>(batch: Batch<T>) => Promise<T>;
}

/** Our output sheets, under either language's name, except the settings sheet. */
const PREVIEW_SKIPS: ReadonlySet<string> = new Set(
  (Object.keys(SHEET_NAMES) as SheetKey[])
    .filter((key) => key !== "settings")
    .flatMap((key) => Object.values(SHEET_NAMES[key]))
);

function excelRun<T>(batch: Batch<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}

/** Office's error codes the pane words for the user. */
function hostErrorOf(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === "InvalidOperationInCellEditMode") return new HostError("cell_edit_mode");
  if (code === "RequestPayloadSizeLimitExceeded") return new HostError("request_too_large");
  return error;
}

function inputTables(run: WorkbookRun, grids: readonly SheetGrid[]): InputTable[] {
  const { customers, orders, followups, partial } = run.report.inputs;
  const tables: Array<(DetectedTable & { missing?: string[] }) | null> = [
    customers,
    orders,
    followups,
    ...partial,
  ];
  return tables.flatMap((table) => {
    if (!table) return [];
    const origin = grids.find((g) => g.name === table.sheet)?.origin?.row ?? 0;
    const columns: Record<string, string> = {};
    for (const [field, col] of Object.entries(table.columns)) columns[field] = table.headers[col];
    return [
      {
        kind: table.kind,
        sheet: table.sheet,
        headerRow: origin + table.headerRow + 1,
        headers: table.headers,
        fields: [...fieldsOf(table.kind)],
        columns,
        missing: table.missing ?? [],
      },
    ];
  });
}

function summaryOf(
  run: WorkbookRun,
  grids: readonly SheetGrid[],
  lang: Lang,
  written: string[]
): RunSummary {
  const { report } = run;
  return {
    lang,
    scheme: report.scheme,
    asOf: report.asOf,
    mode: report.mode,
    problem: report.problem,
    customers: report.customers.length,
    tierCounts: report.tierCounts,
    quality: report.quality,
    settingsProblems: run.settingsProblems,
    inputs: inputTables(run, grids),
    settings: run.settings,
    sheetsWritten: written,
    calls: written.length > 0 ? (run.calls ?? []).slice(0, CALLS_IN_PANE) : undefined,
    balance: report.balance,
  };
}

/** `销售订单!C57` or `'My Sheet'!A1` to its sheet name and cell. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) throw new RangeError(`Not a sheet address: ${address}`);
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1) };
}

export function createExcelHost(options: ExcelHostOptions): WorkbookHost {
  const run = options.run ?? excelRun;
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

  function go(write: boolean, overrides: Partial<Settings>, onProgress: (p: Progress) => void) {
    return job(() =>
      run(async (context) => {
        // A check needs none of our output sheets but the settings; a score reads them back for
        // the previous tiers and what managers typed.
        const skip = write ? new Set<string>() : PREVIEW_SKIPS;
        const grids = await readAllSheets(context, skip, (done, total) =>
          onProgress({ stage: "reading", done, total })
        );
        onProgress({ stage: "scoring", done: 0, total: 0 });
        const today = options.today();
        const planned = planWorkbook(grids, { lang, today, overrides, preview: !write });
        if (!write || planned.plans.length === 0) return summaryOf(planned, grids, lang, []);
        await writeSheetPlans(context, planned.plans, {
          onProgress: (done, total) => onProgress({ stage: "writing", done, total }),
        });
        return summaryOf(
          planned,
          grids,
          lang,
          planned.plans.map((plan) => plan.name)
        );
      })
    );
  }

  return {
    inspect: (overrides, onProgress) => go(false, overrides, onProgress),
    score: (overrides, onProgress) => go(true, overrides, onProgress),
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
