import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Card,
  ProgressBar,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../core/types";
import { qualityLabel } from "../i18n/messages";
import { tierLabel } from "../i18n/tiers";
import { ui } from "../i18n/ui";
import { HostError, type Progress, type RunSummary, type WorkbookHost } from "./host";

/** The pane only talks to a WorkbookHost; Office.js stays behind it (src/excel/). */
export interface AppProps {
  lang: Lang;
  host: WorkbookHost;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  quality: { justifyContent: "flex-start", textAlign: "left", minWidth: 0 },
});

/** Quality entries shown in the pane; the summary sheet lists them all. */
const QUALITY_SHOWN = 200;

type State =
  | { stage: "idle" }
  | { stage: "working"; progress: Progress }
  | { stage: "done"; summary: RunSummary }
  | { stage: "failed"; message: string };

function errorText(lang: Lang, error: unknown): string {
  if (error instanceof HostError) return ui(lang, error.key);
  return ui(lang, "failed", { message: error instanceof Error ? error.message : String(error) });
}

function progressText(lang: Lang, { stage, done, total }: Progress): string {
  return ui(lang, stage, { done, total });
}

export function App({ lang, host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ stage: "idle" });
  const run = async () => {
    setState({ stage: "working", progress: { stage: "reading", done: 0, total: 0 } });
    try {
      const summary = await host.score({}, (progress) => setState({ stage: "working", progress }));
      setState({ stage: "done", summary });
    } catch (error) {
      setState({ stage: "failed", message: errorText(lang, error) });
    }
  };
  const select = (address: string) =>
    host.select(address).catch((error) => setState({ stage: "failed", message: errorText(lang, error) }));
  const working = state.stage === "working";
  return (
    <main className={styles.root}>
      <Title3 as="h1">{ui(lang, "title")}</Title3>
      <Body1>{ui(lang, "intro")}</Body1>
      <Button appearance="primary" onClick={run} disabled={working} data-testid="score-button">
        {ui(lang, "score")}
      </Button>
      <div role="status" aria-live="polite" data-testid="progress">
        {working && (
          <>
            <ProgressBar
              value={state.progress.total ? state.progress.done / state.progress.total : undefined}
            />
            <Caption1>{progressText(lang, state.progress)}</Caption1>
          </>
        )}
      </div>
      {state.stage === "failed" && (
        <Body1 role="alert" data-testid="error">
          {state.message}
        </Body1>
      )}
      {state.stage === "done" && <Result lang={lang} summary={state.summary} onSelect={select} />}
    </main>
  );
}

function Result({
  lang,
  summary,
  onSelect,
}: {
  lang: Lang;
  summary: RunSummary;
  onSelect: (address: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <Card data-testid="result">
      <Body1>{ui(lang, "customers", { count: summary.customers })}</Body1>
      <ul className={styles.list}>
        {Object.entries(summary.tierCounts).map(([key, count]) => (
          <li key={key}>
            {tierLabel(key as never, lang)}: {count}
          </li>
        ))}
      </ul>
      {summary.sheetsWritten.length > 0 && (
        <Caption1>{ui(lang, "written", { sheets: summary.sheetsWritten.join(", ") })}</Caption1>
      )}
      <Caption1>{ui(lang, "quality")}</Caption1>
      {summary.quality.length === 0 ? (
        <Body1>{ui(lang, "noIssues")}</Body1>
      ) : (
        <>
          <Caption1>{ui(lang, "qualityHint")}</Caption1>
          <ul className={styles.list}>
            {summary.quality.slice(0, QUALITY_SHOWN).map((issue) => (
              <li key={issue.address + issue.kind}>
                <Button
                  appearance="transparent"
                  size="small"
                  className={styles.quality}
                  data-testid="quality-item"
                  onClick={() => onSelect(issue.address)}
                >
                  {issue.address} {qualityLabel(issue.kind, lang)} {issue.value}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
