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

/**
 * Lines (all sheets the run reads) above which the button hands the run to the pane. Office ends a
 * button's command after a time that differs between versions and is not published in seconds;
 * the pane has no limit, shows progress and can cancel. `npm run bench:syncs`: the wide workbook
 * (250,000 lines) takes 28 syncs, 1,048,575 order lines 51; in Excel on the web a sync of a few MB
 * takes seconds, so a run of this size stays within a minute or two there.
 */
const RIBBON_MAX_LINES = 300_000;

async function scoreCustomers(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf(Office.context.displayLanguage);
  const host = createExcelHost({
    lang,
    today: () => todaySerial(),
    planner: workerPlanner(),
    maxLines: RIBBON_MAX_LINES,
  });
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
