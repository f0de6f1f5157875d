import { fieldsOf, type DetectedTable } from "../core/headers";
import type { Lang } from "../i18n/lang";
import type { WorkbookRun } from "../plan/workbook";
import { CALLS_IN_PANE, type InputTable, type RunSummary } from "../app/host";

/** What the pane shows of a run, from the run and each sheet's first sheet row (used-range origin). */

function inputTables(run: WorkbookRun, originRow: (sheet: string) => number): InputTable[] {
  const { customers, orders, followups, partial } = run.report.inputs;
  const tables: Array<(DetectedTable & { missing?: string[] }) | null> = [
    customers,
    orders,
    followups,
    ...partial,
  ];
  return tables.flatMap((table) => {
    if (!table) return [];
    const columns: Record<string, string> = {};
    for (const [field, col] of Object.entries(table.columns)) columns[field] = table.headers[col];
    return [
      {
        kind: table.kind,
        sheet: table.sheet,
        headerRow: originRow(table.sheet) + table.headerRow + 1,
        headers: table.headers,
        fields: [...fieldsOf(table.kind)],
        columns,
        missing: table.missing ?? [],
      },
    ];
  });
}

export function summaryOf(
  run: WorkbookRun,
  originRow: (sheet: string) => number,
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
    inputs: inputTables(run, originRow),
    settings: run.settings,
    sheetsWritten: written,
    // A check (preview) plans no call list; a score's list is cut to what the pane shows.
    calls: run.calls?.slice(0, CALLS_IN_PANE),
    balance: report.balance,
  };
}
