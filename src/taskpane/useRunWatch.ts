/* global document, window, setInterval, clearInterval */
import * as React from "react";
import type { RunSummary, WorkbookHost } from "../app/host";

/** While the pane is visible it also looks every so often (one small read of the stamp). */
const POLL_MS = 15_000;

/**
 * Notices a scoring run made elsewhere (the ribbon's Score customers runs in its own runtime): when
 * the pane comes back into view (focus, visibility) or every POLL_MS while visible, it reads the run
 * stamp; a stamp that is not the one the pane knows brings that run's saved summary to `onRun`.
 * `known` is the stamp of what the pane shows (its own last score); `busy` pauses the watch.
 */
export function useRunWatch(
  host: WorkbookHost,
  known: string | null | undefined,
  busy: boolean,
  onRun: (summary: RunSummary | null, stamp: string) => void
): void {
  const seen = React.useRef<string | null | undefined>(undefined);
  const state = React.useRef({ known, busy, onRun });
  state.current = { known, busy, onRun };
  if (known) seen.current = known;

  React.useEffect(() => {
    let checking = false;
    const check = async () => {
      if (checking || state.current.busy || document.visibilityState === "hidden") return;
      checking = true;
      try {
        const stamp = await host.runStamp();
        // The first read is the baseline: a run from before the pane opened is not news.
        if (seen.current === undefined) seen.current = stamp;
        else if (stamp !== null && stamp !== seen.current) {
          seen.current = stamp;
          state.current.onRun(await host.lastRun(), stamp);
        }
      } catch {
        // A busy or closing workbook: the next look tries again.
      } finally {
        checking = false;
      }
    };
    void check();
    const onVisible = () => void check();
    window.addEventListener("focus", onVisible);
    document.addEventListener("visibilitychange", onVisible);
    const timer = setInterval(onVisible, POLL_MS);
    return () => {
      window.removeEventListener("focus", onVisible);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(timer);
    };
  }, [host]);
}
