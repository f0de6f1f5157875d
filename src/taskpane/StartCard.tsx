import * as React from "react";
import { Body1, Button, Caption1, Card, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";
import { templatePlans } from "../plan/templates";
import type { WorkbookHost } from "../app/host";

/**
 * A workbook without customer data: start from the template sheets, or add the sample's input
 * sheets. Either only adds sheets (a taken name gets a suffix); the pane then looks again.
 */

const useStyles = makeStyles({
  choice: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export function StartCard({
  lang,
  host,
  disabled,
  onAdded,
  onError,
}: {
  lang: Lang;
  host: WorkbookHost;
  disabled: boolean;
  onAdded: (sheets: string[]) => void;
  onError: (error: unknown) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const words = strings(lang).pane.start;
  const [adding, setAdding] = React.useState(false);
  const add = async (what: "templates" | "sample") => {
    setAdding(true);
    try {
      const added =
        what === "templates"
          ? await host.addSheets((taken) => templatePlans(lang, taken))
          : await import(/* webpackChunkName: "sample" */ "./sampleSheets").then(({ sampleGrids }) =>
              sampleGrids().then((grids) =>
                import("../plan/templates").then(({ copiedSheetPlans }) =>
                  host.addSheets((taken) => copiedSheetPlans(grids, taken))
                )
              )
            );
      onAdded(added);
    } catch (error) {
      onError(error);
    } finally {
      setAdding(false);
    }
  };
  const off = disabled || adding;
  return (
    <Card data-testid="start">
      <Subtitle2 as="h2">{words.heading}</Subtitle2>
      <Body1>{words.intro}</Body1>
      <div className={styles.choice}>
        <Button
          appearance="primary"
          disabledFocusable={off}
          onClick={() => add("templates")}
          data-testid="create-templates"
        >
          {words.createTemplates}
        </Button>
        <Caption1>{words.templatesHint}</Caption1>
      </div>
      <div className={styles.choice}>
        <Button disabledFocusable={off} onClick={() => add("sample")} data-testid="try-sample">
          {words.trySample}
        </Button>
        <Caption1>{words.sampleHint}</Caption1>
      </div>
      {adding && <Caption1 role="status">{words.adding}</Caption1>}
    </Card>
  );
}

export default StartCard;
