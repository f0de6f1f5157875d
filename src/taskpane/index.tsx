/* global Office, document */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createExcelHost } from "../officejs/host";
import { workerPlanner } from "../officejs/workerPlanner";
import { langOf } from "../i18n/lang";
import { todaySerial } from "../core/parse";
import { App } from "./App";

/** Dark Office themes have a dark body background. */
function isDark(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor ?? "#ffffff";
  const rgb = parseInt(background.replace("#", ""), 16);
  return ((rgb >> 16) & 255) * 0.299 + ((rgb >> 8) & 255) * 0.587 + (rgb & 255) * 0.114 < 128;
}

Office.onReady(() => {
  const lang = langOf(Office.context.displayLanguage);
  const host = createExcelHost({ lang, today: () => todaySerial(), planner: workerPlanner() });
  createRoot(document.getElementById("root") as HTMLElement).render(
    <FluentProvider theme={isDark() ? webDarkTheme : webLightTheme}>
      <App lang={lang} host={host} />
    </FluentProvider>
  );
});
