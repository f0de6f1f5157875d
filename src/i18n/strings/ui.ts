/**
 * The task pane's words; `errors` are the failures of a run, one per kind the workbook host
 * reports.
 */
export interface UiStrings {
  title: string;
  intro: string;
  score: string;
  reading: (p: { done: string | number; total: string | number }) => string;
  scoring: string;
  readingStage: string;
  writingStage: string;
  writing: (p: { done: string | number; total: string | number }) => string;
  written: (p: { sheets: string | number }) => string;
  qualityHint: string;
  customers: (p: { count: string | number }) => string;
  quality: string;
  noIssues: string;
  failed: (p: { message: string | number }) => string;
  preview: string;
  finished: string;
  checking: string;
  checkAgain: string;
  settingsTitle: string;
  settingsHint: string;
  asOfHint: string;
  weightsTitle: string;
  thresholdsTitle: string;
  noThresholds: string;
  fixErrors: string;
  columnsTitle: string;
  columnsHint: string;
  tableOf: (p: { kind: string | number; row: string | number; sheet: string | number }) => string;
  missingColumns: (p: { fields: string | number }) => string;
  automatic: string;
  settingsProblems: string;
  planning: (p: { done: string | number; total: string | number }) => string;
  planningStage: string;
  cancel: string;
  cancelling: string;
  errors: {
    cell_edit_mode: string;
    request_too_large: string;
    busy: string;
    response_too_large: string;
    access_denied: string;
    item_not_found: string;
    excel_failed: (p: { detail: string | number }) => string;
    cancelled: string;
    cancelled_writing: string;
    /** The ribbon's command, on a workbook too large for it: `detail` is the number of lines. */
    run_in_pane: (p: { detail: string | number }) => string;
  };
}
