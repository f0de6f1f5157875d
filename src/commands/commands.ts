/* global console, Office, URLSearchParams, window */
import { SHEET_NAMES_BY_KEY } from "../i18n/ownSheets";
import { todaySerial } from "../core/parse";
import { createExcelHost } from "../officejs/host";
import { workerPlanner } from "../officejs/workerPlanner";
import { strings } from "../i18n";
import type { Lang } from "../i18n/lang";
import { langOf } from "../i18n/lang";
import { errorText } from "../app/host";

/**
 * The ribbon's Score customers button: the whole run with the settings stored in the workbook, no
 * pane. A command has no window of its own: success brings the summary sheet (written by the run)
 * to the front; nothing to score or a failure opens a small dialog saying why (the help page with
 * the notice on top), and the command ends when the user closes it.
 */

/** Resolves when the user has closed the notice, or at once when no dialog could be shown. */
function notify(text: string, lang: Lang): Promise<void> {
  const query = new URLSearchParams({ notice: text, lang });
  const url = new URL(`help.html?${query}`, window.location.href).href;
  return new Promise((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(
        url,
        { height: 45, width: 40, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            // E.g. another dialog is open (12007): the message still reaches the log.
            console.error(`Score customers: ${text} (${result.error?.message ?? "no dialog"})`);
            return resolve();
          }
          result.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
        }
      );
    } catch (error) {
      console.error(`Score customers: ${text}`, error);
      resolve();
    }
  });
}

async function scoreCustomers(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf(Office.context.displayLanguage);
  const host = createExcelHost({ lang, today: () => todaySerial(), planner: workerPlanner() });
  try {
    const summary = await host.score({}, () => undefined);
    if (summary.problem) {
      await notify(strings(lang).run.problem[summary.problem], lang);
      return;
    }
    const summarySheet = summary.sheetsWritten.find((name) =>
      SHEET_NAMES_BY_KEY.summary.includes(name)
    );
    if (summarySheet) await host.select(`'${summarySheet.replace(/'/g, "''")}'!A1`);
  } catch (error) {
    await notify(errorText(lang, error), lang);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("scoreCustomers", scoreCustomers);
});
