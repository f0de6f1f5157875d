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
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";
import type { UiStrings } from "../i18n/strings/ui";
import {
  draftOf,
  hasErrors,
  mapColumn,
  overridesOf,
  rebase,
  typeSetting,
  type Draft,
} from "./draft";
import {
  errorText,
  HostError,
  type Progress,
  type RunSummary,
  type WorkbookHost,
} from "../app/host";
import { MappingForm } from "./MappingForm";
import { Result } from "./Result";
import { SettingsForm } from "./SettingsForm";

/** The pane only talks to a WorkbookHost; Office.js stays behind it (src/officejs/). */
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
  screenReaderOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

const STAGE_ANNOUNCED = {
  reading: "readingStage",
  scoring: "scoring",
  writing: "writingStage",
  planning: "planningStage",
} as const satisfies Record<Progress["stage"], keyof UiStrings>;

type Job = { kind: "inspect" | "score"; progress: Progress } | null;

function progressText(lang: Lang, job: NonNullable<Job>): string {
  const { stage, done, total } = job.progress;
  if (job.kind === "inspect" && stage !== "reading") return strings(lang).ui.checking;
  const words = strings(lang).ui;
  return stage === "scoring" ? words.scoring : words[stage]({ done, total });
}

export function App({ lang, host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [job, setJob] = React.useState<Job>(null);
  const [summary, setSummary] = React.useState<RunSummary | null>(null);
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  /** Said after a cancelled run: what was (not) changed. */
  const [notice, setNotice] = React.useState<string | null>(null);
  /** The running job's cancel switch; null when Cancel was pressed (or nothing runs). */
  const [cancel, setCancel] = React.useState<AbortController | null>(null);

  const running = React.useRef(false);
  /** A column chosen while a job ran: checked as soon as it ends. */
  const queued = React.useRef<Draft | null>(null);

  /** Reads (and for "score", writes) with the pane's choices; the form then shows what the run used. */
  const go = async (kind: "inspect" | "score", from: Draft | null) => {
    running.current = true;
    setError(null);
    setNotice(null);
    setJob({ kind, progress: { stage: "reading", done: 0, total: 0 } });
    const controller = new AbortController();
    setCancel(controller);
    const onProgress = (progress: Progress) => setJob({ kind, progress });
    try {
      const overrides = from ? overridesOf(from) : {};
      const result =
        kind === "score"
          ? await host.score(overrides, onProgress, controller.signal)
          : await host.inspect(overrides, onProgress, controller.signal);
      setSummary(result);
      // Only a run that wrote the sheets saved the choices in the settings sheet.
      const saved = result.sheetsWritten.length > 0;
      setDraft(from ? rebase(from, result.settings, saved) : draftOf(result.settings));
    } catch (failure) {
      const cancelled =
        failure instanceof HostError &&
        (failure.key === "cancelled" || failure.key === "cancelled_writing");
      if (cancelled) setNotice(errorText(lang, failure));
      else setError(errorText(lang, failure));
    } finally {
      running.current = false;
      setJob(null);
      setCancel(null);
      const next = queued.current;
      queued.current = null;
      if (next) void go("inspect", next);
    }
  };

  const mapColumnTo = (kind: string, field: string, header: string) => {
    if (!draft) return;
    // The drop-down stays usable during a check (arrow keys change it): the latest choice waits its turn.
    const next = mapColumn(queued.current ?? draft, kind, field, header);
    setDraft(next);
    if (running.current) queued.current = next;
    else void go("inspect", next);
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
      <Title3 as="h1">{strings(lang).ui.title}</Title3>
      <Body1>{strings(lang).ui.intro}</Body1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => go("score", draft)}
          disabledFocusable={working || blocked}
          data-testid="score-button"
        >
          {strings(lang).ui.score}
        </Button>
        <Button
          onClick={() => go("inspect", draft)}
          disabledFocusable={working}
          data-testid="check-button"
        >
          {strings(lang).ui.checkAgain}
        </Button>
        {working && (
          <Button
            onClick={() => {
              cancel?.abort();
              setCancel(null);
            }}
            disabledFocusable={cancel === null}
            data-testid="cancel-button"
          >
            {strings(lang).ui[cancel === null ? "cancelling" : "cancel"]}
          </Button>
        )}
      </div>
      {blocked && <Caption1 data-testid="fix-errors">{strings(lang).ui.fixErrors}</Caption1>}
      <div data-testid="progress">
        {job && (
          <>
            <ProgressBar
              value={job.progress.total ? job.progress.done / job.progress.total : undefined}
            />
            <Caption1>{progressText(lang, job)}</Caption1>
          </>
        )}
        {/* Screen readers hear each stage once, not every row count. */}
        <span role="status" aria-live="polite" className={styles.screenReaderOnly}>
          {job &&
            strings(lang).ui[job.kind === "inspect" ? "checking" : STAGE_ANNOUNCED[job.progress.stage]]}
        </span>
        {!job && summary && summary.sheetsWritten.length > 0 && (
          <Caption1 data-testid="done">{strings(lang).ui.finished}</Caption1>
        )}
      </div>
      {notice && (
        <Body1 role="status" data-testid="cancelled">
          {notice}
        </Body1>
      )}
      {error && (
        <Body1 role="alert" data-testid="error">
          {error}
        </Body1>
      )}
      {summary?.problem && (
        <Body1 role="alert" data-testid="problem">
          {strings(lang).run.problem[summary.problem]}
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
          <MappingForm lang={lang} tables={summary.inputs} onMap={mapColumnTo} />
        </>
      )}
    </main>
  );
}
