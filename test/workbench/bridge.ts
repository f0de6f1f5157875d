import type { Lang } from "../../src/i18n/lang";

/**
 * What the workbench page lends the add-in's own pages (task pane, ribbon command) running in its
 * frames: the fake Excel behind `Excel.run`, and the Office facts a real host would give.
 */
export interface WorkbenchBridge {
  lang: Lang;
  theme: "light" | "dark";
  /** Resolves once a workbook is loaded into the fake host. */
  ready: Promise<void>;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Ribbon actions registered by the command page (`Office.actions.associate`). */
  associate(id: string, action: (event: Office.AddinCommands.Event) => unknown): void;
  /** Shows a page as Office's dialog would; resolves when the user closes it. */
  dialog(url: string): Promise<void>;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

/** Office's body background per theme, as Office.context.officeTheme gives it. */
export const THEME_BACKGROUNDS = { light: "#ffffff", dark: "#1f1f1f" } as const;
