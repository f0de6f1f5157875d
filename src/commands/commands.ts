/* global Office, window */
import { todaySerial } from "../core/parse";
import { createExcelHost } from "../excel/host";
import { message } from "../i18n/messages";
import { SHEET_NAMES } from "../i18n/sheets";
import { langOf } from "../i18n/ui";
import { errorText } from "../taskpane/host";

/**
 * The ribbon's Score customers button: the whole run with the settings stored in the workbook, no
 * pane. A command has no window of its own: success brings the summary sheet (written by the run)
 * to the front; nothing to score or a failure opens a small dialog saying why (the help page with
 * the notice on top), and the command ends when the user closes it.
 */

function notify(text: string): Promise<void> {
  const url = new URL(`help.html?notice=${encodeURIComponent(text)}`, window.location.href).href;
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(
      url,
      { height: 45, width: 40, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        result.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      }
    )
  );
}

async function scoreCustomers(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf(Office.context.displayLanguage);
  const host = createExcelHost({ lang, today: () => todaySerial() });
  try {
    const summary = await host.score({}, () => undefined);
    if (summary.problem) {
      await notify(message(lang, summary.problem));
      return;
    }
    const summarySheet = summary.sheetsWritten.find((name) =>
      Object.values(SHEET_NAMES.summary).includes(name)
    );
    if (summarySheet) await host.select(`'${summarySheet.replace(/'/g, "''")}'!A1`);
  } catch (error) {
    await notify(errorText(lang, error));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("scoreCustomers", scoreCustomers);
});
