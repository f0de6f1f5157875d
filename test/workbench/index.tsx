/* global document, fetch, performance, URL, URLSearchParams, window */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/i18n/lang";
import { readFailureMessage } from "../../src/plan/readFailure";
import { readWorkbookValues } from "../../src/xlsx/values";
import { createFakeExcel, fakeFromGrids, type FakeExcel } from "../fake/fakeExcel";
import { fakeToXlsx } from "../fake/fakeToXlsx";
import type { WorkbenchBridge } from "./bridge";
import { Workbench } from "./Workbench";

/**
 * The workbench page: a fake Excel in the browser, preloaded with the sample workbook, lent to the
 * add-in's own task pane and command pages through `window.workbench` (see officeShim.ts).
 * Nothing leaves the page: the workbook is read from this server and saved by download.
 */

const params = new URLSearchParams(window.location.search);
let lang: Lang = params.get("lang") === "en-US" ? "en-US" : "zh-CN";
let theme: "light" | "dark" = params.get("theme") === "dark" ? "dark" : "light";
let fake: FakeExcel = createFakeExcel([]);
let fileName = "";
let version = 0;
/** A new session reloads the add-in's frames (new workbook, language or theme), as reopening would. */
let session = 0;
/** The dialog a page of the add-in opened (Office.context.ui.displayDialogAsync), if any. */
let dialog: { url: string; close: () => void } | null = null;
const actions = new Map<string, (event: Office.AddinCommands.Event) => unknown>();
let loaded: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (loaded = resolve));

const bridge: WorkbenchBridge = {
  get lang() {
    return lang;
  },
  get theme() {
    return theme;
  },
  ready,
  async run(batch) {
    try {
      return await fake.run(batch);
    } finally {
      version++;
      render();
    }
  },
  associate(id, action) {
    actions.set(id, action);
  },
  dialog(url) {
    return new Promise<void>((resolve) => {
      dialog = {
        url,
        close: () => {
          dialog = null;
          render();
          resolve();
        },
      };
      render();
    });
  },
};
window.workbench = bridge;

async function open(data: ArrayBuffer, name: string): Promise<void> {
  // The command line's reader: what a file holds, or why it cannot be read, in the page's language.
  const read = readWorkbookValues(new Uint8Array(data));
  if (!read.ok) {
    window.alert(readFailureMessage(read, lang, name));
    return;
  }
  fake = fakeFromGrids(read.sheets);
  fileName = name;
  session++;
  loaded();
  render();
}

/** Runs the ribbon command as Excel does: its action gets an event to complete. */
function ribbonScore(): Promise<number> {
  const action = actions.get("scoreCustomers");
  if (!action)
    return Promise.reject(new Error("the command page has not registered scoreCustomers"));
  const start = performance.now();
  return new Promise<number>((resolve) => {
    const event = {
      completed: () => resolve(performance.now() - start),
      source: { id: "ScoreCustomers" },
    };
    void action(event as unknown as Office.AddinCommands.Event);
  });
}

async function download(): Promise<void> {
  const bytes = await fakeToXlsx(fake.workbook);
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    })
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName.replace(/(\.xlsx)?$/i, "-scored.xlsx");
  link.click();
  URL.revokeObjectURL(url);
}

const root = createRoot(document.getElementById("root") as HTMLElement);

function render(): void {
  root.render(
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <Workbench
        key={session}
        fake={fake}
        fileName={fileName}
        version={version}
        lang={lang}
        theme={theme}
        dialog={dialog}
        onRibbonScore={ribbonScore}
        onOpen={(file) => void file.arrayBuffer().then((data) => open(data, file.name))}
        onDownload={() => void download()}
        onLang={(next) => {
          lang = next;
          session++;
          render();
        }}
        onTheme={(next) => {
          theme = next;
          session++;
          render();
        }}
      />
    </FluentProvider>
  );
}

render();
void fetch("assets/sample-customers.xlsx")
  .then((response) => response.arrayBuffer())
  .then((data) => open(data, "sample-customers.xlsx"));
