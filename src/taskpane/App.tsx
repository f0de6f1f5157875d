import * as React from "react";
import { Body1, Button, Caption1, Card, ProgressBar, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { ScoreReport } from "../core/pipeline";
import type { Lang } from "../core/types";
import { qualityLabel } from "../i18n/messages";
import { tierLabel } from "../i18n/tiers";
import { ui } from "../i18n/ui";

/** What the pane can ask of the workbook; the Office.js side is passed in, never imported here. */
export interface AppProps {
  lang: Lang;
  preview: (onProgress: (read: number, total: number) => void) => Promise<ScoreReport>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type State =
  | { stage: "idle" }
  | { stage: "reading"; read: number; total: number }
  | { stage: "done"; report: ScoreReport }
  | { stage: "failed"; message: string };

export function App({ lang, preview }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ stage: "idle" });
  const run = async () => {
    setState({ stage: "reading", read: 0, total: 0 });
    try {
      const report = await preview((read, total) => setState({ stage: "reading", read, total }));
      setState({ stage: "done", report });
    } catch (error) {
      setState({ stage: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <main className={styles.root}>
      <Title3 as="h1">{ui(lang, "title")}</Title3>
      <Body1>{ui(lang, "intro")}</Body1>
      <Button appearance="primary" onClick={run} disabled={state.stage === "reading"}>
        {ui(lang, "preview")}
      </Button>
      {state.stage === "reading" && (
        <div role="status">
          <ProgressBar value={state.total ? state.read / state.total : undefined} />
          <Caption1>{ui(lang, "reading", { read: state.read, total: state.total })}</Caption1>
        </div>
      )}
      {state.stage === "failed" && <Body1 role="alert">{ui(lang, "failed", { message: state.message })}</Body1>}
      {state.stage === "done" && <Result lang={lang} report={state.report} />}
    </main>
  );
}

function Result({ lang, report }: { lang: Lang; report: ScoreReport }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Card>
      <Body1>{ui(lang, "customers", { count: report.customers.length })}</Body1>
      <ul className={styles.list}>
        {Object.entries(report.tierCounts).map(([key, count]) => (
          <li key={key}>
            {tierLabel(key as never, lang)}: {count}
          </li>
        ))}
      </ul>
      <Caption1>{ui(lang, "quality")}</Caption1>
      {report.quality.length === 0 ? (
        <Body1>{ui(lang, "noIssues")}</Body1>
      ) : (
        <ul className={styles.list}>
          {report.quality.slice(0, 50).map((issue) => (
            <li key={issue.address + issue.kind}>
              {issue.address} {qualityLabel(issue.kind, lang)} {issue.value}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
