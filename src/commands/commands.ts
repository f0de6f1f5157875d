/* global Office */
import { todaySerial } from "../core/parse";
import { createExcelHost } from "../excel/host";
import { SHEET_NAMES } from "../i18n/sheets";
import { langOf } from "../i18n/ui";

/**
 * The ribbon's Score customers button: the whole run with the settings stored in the workbook, no
 * pane. A command has no window of its own, so the outcome is shown by bringing the summary sheet
 * (written by the run) to the front; problems are worded in the pane.
 */
async function scoreCustomers(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf(Office.context.displayLanguage);
  const host = createExcelHost({
    lang,
    today: () => todaySerial(),
  });
  try {
    const summary = await host.score({}, () => undefined);
    const summarySheet = summary.sheetsWritten.find((name) =>
      Object.values(SHEET_NAMES.summary).includes(name)
    );
    if (summarySheet) await host.select(`'${summarySheet.replace(/'/g, "''")}'!A1`);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("scoreCustomers", scoreCustomers);
});
