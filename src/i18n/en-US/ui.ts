import type { UiStrings } from "../strings/ui";

export const ui: UiStrings = {
  title: "Customer tiers",
  intro:
    "Reads this workbook's customer archive and orders, and scores and tiers every customer by RFM. Everything is computed here; no data leaves the workbook.",
  score: "Score customers",
  reading: (p) => `Reading ${p.done}/${p.total} rows…`,
  scoring: "Scoring…",
  readingStage: "Reading the sheets…",
  writingStage: "Writing the results…",
  writing: (p) => `Writing ${p.done}/${p.total} rows…`,
  written: (p) => `Written: ${p.sheets}`,
  qualityHint: "Click an entry to select its cell in the workbook.",
  customers: (p) => `${p.count} customers`,
  quality: "Skipped or doubtful cells",
  noIssues: "No rows skipped.",
  failed: (p) => `Something went wrong: ${p.message}`,
  preview: "Preview: nothing written yet; Score customers writes the sheets.",
  finished: "Scoring finished.",
  checking: "Checking the workbook…",
  checkAgain: "Check the workbook again",
  settingsTitle: "Scoring settings",
  settingsHint:
    "When you score, changes made here are saved in the Settings sheet and used by later runs, the ribbon button included.",
  asOfHint: "Blank means today.",
  weightsTitle: "Weights of the weighted score",
  thresholdsTitle: "Thresholds of this scheme",
  noThresholds: "This scheme splits customers into fifths by itself; it has no thresholds to set.",
  fixErrors: "Correct the settings marked in red before scoring.",
  columnsTitle: "Recognised sheets and columns",
  columnsHint:
    "If a column was recognised wrongly, pick the right one; it is saved in the Settings sheet when you score.",
  tableOf: (p) => `${p.kind}: sheet “${p.sheet}”, headers on row ${p.row}`,
  missingColumns: (p) => `Not used: the required column ${p.fields} was not found. Pick it below.`,
  automatic: "(not found / automatic)",
  settingsProblems: "These settings could not be used; their defaults were used instead:",
  planning: (p) => `Preparing the result sheets ${p.done}/${p.total}…`,
  planningStage: "Preparing the result sheets…",
  cancel: "Cancel",
  cancelling: "Cancelling…",
  errors: {
    cell_edit_mode:
      "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
    request_too_large:
      "The data exceeded Excel's request limit. Try again; if it still fails, remove unneeded columns.",
    busy: "The previous run is still going; please wait.",
    response_too_large:
      "Excel could not hand over a part of the workbook within its limit (5 MB at a time in Excel on the web), even in smaller pieces. Try again; if it still fails, move very long texts (notes, call histories) to a separate sheet, or use Excel on Windows or Mac.",
    access_denied:
      "Excel refused to change a sheet: one of the result sheets (such as Customer Tiers or Settings) or the workbook is protected. Unprotect it on the Review tab (Unprotect Sheet / Protect Workbook), then score again.",
    item_not_found:
      "A sheet or cell was not found: it may have been renamed or deleted since the check. Click Check the workbook again to refresh the list, then try again.",
    excel_failed: (p) =>
      `Excel could not complete the operation (${p.detail}). Wait a moment and try again; if it keeps happening, save and reopen the workbook.`,
    cancelled: "Cancelled. Nothing in the workbook was changed.",
    cancelled_writing:
      "Stopped while writing: some result sheets may be half updated; your own sheets are unchanged. Click Score customers again to complete them.",
    run_in_pane: (p) =>
      `This workbook has ${p.detail} lines of data: scored from the ribbon button, the run could outlast the time Office gives a button. Click Open panel on the Home tab and score it there, with progress and Cancel. Nothing in the workbook was changed.`,
  },
};
