/* global window */
import { THEME_BACKGROUNDS, type WorkbenchBridge } from "./bridge";

/**
 * Loaded before the add-in's own bundle in the workbench's frames, instead of office.js: the globals
 * `Office` and `Excel` the add-in uses, answered by the workbench page around the fake Excel.
 * Only what the add-in calls exists here; anything else fails loudly as undefined.
 */
const bridge = window.parent.workbench as WorkbenchBridge;

const office = {
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return bridge.ready.then(() => {
      callback?.(info);
      return info;
    });
  },
  context: {
    displayLanguage: bridge.lang,
    officeTheme: { bodyBackgroundColor: THEME_BACKGROUNDS[bridge.theme] },
    requirements: { isSetSupported: () => true },
  },
  actions: { associate: bridge.associate },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: {
    DialogEventReceived: "dialogEventReceived",
    DialogMessageReceived: "dialogMessageReceived",
  },
};

/** Office.context.ui.displayDialogAsync: the workbench shows the page; closing it is event 12006. */
Object.assign(office.context, {
  ui: {
    displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
      const closed: Array<(arg: { error: number }) => void> = [];
      const dialog = {
        addEventHandler: (type: string, handler: (arg: { error: number }) => void) => {
          if (type === office.EventType.DialogEventReceived) closed.push(handler);
        },
        close: () => undefined,
      };
      void bridge.dialog(url).then(() => closed.forEach((handler) => handler({ error: 12006 })));
      callback({ status: office.AsyncResultStatus.Succeeded, value: dialog });
    },
  },
});

const excel = {
  // Excel.run(batch) or Excel.run(options, batch): the options (delayForCellEdit) mean nothing here.
  run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as (
      context: Excel.RequestContext
    ) => Promise<T>;
    return bridge.run(batch);
  },
};

Object.assign(window, { Office: office, Excel: excel });
