import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Divider,
  ProgressBar,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../core/types";
import { message } from "../i18n/messages";
import { ui } from "../i18n/ui";
import {
  draftOf,
  hasErrors,
  mapColumn,
  overridesOf,
  rebase,
  typeSetting,
  type Draft,
} from "./draft";
import { errorText, type Progress, type RunSummary, type WorkbookHost } from "./host";
import { MappingForm } from "./MappingForm";
import { Result } from "./Result";
import { SettingsForm } from "./SettingsForm";

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
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Job = { kind: "inspect" | "score"; progress: Progress } | null;

function progressText(lang: Lang, job: NonNullable<Job>): string {
  const { stage, done, total } = job.progress;
  if (job.kind === "inspect" && stage !== "reading") return ui(lang, "checking");
  return ui(lang, stage, { done, total });
}

export function App({ lang, host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [job, setJob] = React.useState<Job>(null);
  const [summary, setSummary] = React.useState<RunSummary | null>(null);
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  /** Reads (and for "score", writes) with the pane's choices; the form then shows what the run used. */
  const go = async (kind: "inspect" | "score", from: Draft | null) => {
    setError(null);
    setJob({ kind, progress: { stage: "reading", done: 0, total: 0 } });
    const onProgress = (progress: Progress) => setJob({ kind, progress });
    try {
      const overrides = from ? overridesOf(from) : {};
      const result =
        kind === "score"
          ? await host.score(overrides, onProgress)
          : await host.inspect(overrides, onProgress);
      setSummary(result);
      setDraft(from ? rebase(from, result.settings, kind === "score") : draftOf(result.settings));
    } catch (failure) {
      setError(errorText(lang, failure));
    } finally {
      setJob(null);
    }
  };

  // The first look at the workbook: which sheets and columns are recognised.
  React.useEffect(() => {
    void go("inspect", null);
  }, []);

  const select = (address: string) =>
    host.select(address).catch((failure) => setError(errorText(lang, failure)));
  const working = job !== null;
  const blocked = draft !== null && hasErrors(draft);
  return (
    <main className={styles.root}>
      <Title3 as="h1">{ui(lang, "title")}</Title3>
      <Body1>{ui(lang, "intro")}</Body1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => go("score", draft)}
          disabled={working || blocked}
          data-testid="score-button"
        >
          {ui(lang, "score")}
        </Button>
        <Button onClick={() => go("inspect", draft)} disabled={working} data-testid="check-button">
          {ui(lang, "checkAgain")}
        </Button>
      </div>
      {blocked && <Caption1 data-testid="fix-errors">{ui(lang, "fixErrors")}</Caption1>}
      <div role="status" aria-live="polite" data-testid="progress">
        {job && (
          <>
            <ProgressBar
              value={job.progress.total ? job.progress.done / job.progress.total : undefined}
            />
            <Caption1>{progressText(lang, job)}</Caption1>
          </>
        )}
        {!job && summary && summary.sheetsWritten.length > 0 && (
          <Caption1 data-testid="done">{ui(lang, "finished")}</Caption1>
        )}
      </div>
      {error && (
        <Body1 role="alert" data-testid="error">
          {error}
        </Body1>
      )}
      {summary?.problem && (
        <Body1 role="alert" data-testid="problem">
          {message(lang, summary.problem)}
        </Body1>
      )}
      {summary && <Result lang={lang} summary={summary} onSelect={select} />}
      {draft && (
        <>
          <Divider />
          <SettingsForm
            lang={lang}
            draft={draft}
            disabled={working}
            onType={(key, text) => setDraft(typeSetting(draft, key, text, lang))}
          />
        </>
      )}
      {summary && summary.inputs.length > 0 && draft && (
        <>
          <Divider />
          <MappingForm
            lang={lang}
            tables={summary.inputs}
            disabled={working}
            onMap={(kind, field, header) => {
              // Kept even if the check fails, so the choice goes with the next run.
              const next = mapColumn(draft, kind, field, header);
              setDraft(next);
              void go("inspect", next);
            }}
          />
        </>
      )}
    </main>
  );
}
