/* global Office, Excel, document */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { scoreSheets } from "../core/pipeline";
import { defaultSettings } from "../core/settings";
import { readAllSheets } from "../excel/read";
import { ownSheetNames } from "../i18n/sheets";
import { langOf } from "../i18n/ui";
import { App } from "./App";

function todaySerial(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000 + 25569;
}

/** Dark Office themes have a dark body background. */
function isDark(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor ?? "#ffffff";
  const rgb = parseInt(background.replace("#", ""), 16);
  return ((rgb >> 16) & 255) * 0.299 + ((rgb >> 8) & 255) * 0.587 + (rgb & 255) * 0.114 < 128;
}

Office.onReady(() => {
  const lang = langOf(Office.context.displayLanguage);
  const own = ownSheetNames();
  const preview = (onProgress: (read: number, total: number) => void) =>
    Excel.run(async (context) => {
      const sheets = await readAllSheets(context, own, onProgress);
      return scoreSheets(sheets, { settings: defaultSettings(), lang, today: todaySerial(), excludeSheets: own });
    });
  createRoot(document.getElementById("root") as HTMLElement).render(
    <FluentProvider theme={isDark() ? webDarkTheme : webLightTheme}>
      <App lang={lang} preview={preview} />
    </FluentProvider>
  );
});
