import * as React from "react";
import { Body1, Button, Caption1, Card, makeStyles, tokens } from "@fluentui/react-components";
import { balanceLines } from "../plan/balanceNotes";
import type { Lang } from "../i18n/lang";
import { tierLabel } from "../i18n/tiers";
import { strings } from "../i18n";
import { CallList } from "./CallList";
import type { RunSummary } from "../app/host";

/** Quality entries shown in the pane; the summary sheet lists them all. */
const QUALITY_SHOWN = 200;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  quality: { justifyContent: "flex-start", textAlign: "left", minWidth: 0 },
});

/** What a run found: tier counts, sheets written, settings refused, and cells to look at. */
export function Result({
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
      {summary.problem === null && (
        <>
          <Body1>{strings(lang).ui.customers({ count: summary.customers })}</Body1>
          <ul className={styles.list} data-testid="tier-counts">
            {Object.entries(summary.tierCounts).map(([key, count]) => (
              <li key={key}>
                {tierLabel(key as never, lang)}: {count}
              </li>
            ))}
          </ul>
          {balanceLines(summary.balance, lang).map((line) => (
            <Caption1 key={line} data-testid="tier-balance">
              {line}
            </Caption1>
          ))}
          <Caption1>
            {summary.sheetsWritten.length > 0
              ? strings(lang).ui.written({ sheets: summary.sheetsWritten.join(", ") })
              : strings(lang).ui.preview}
          </Caption1>
          {summary.calls && <CallList lang={lang} calls={summary.calls} onSelect={onSelect} />}
        </>
      )}
      {summary.settingsProblems.length > 0 && (
        <>
          <Caption1>{strings(lang).ui.settingsProblems}</Caption1>
          <ul className={styles.list} data-testid="settings-problems">
            {summary.settingsProblems.map((text) => (
              <li key={text}>
                <Caption1>{text}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Caption1>{strings(lang).ui.quality}</Caption1>
      {summary.quality.length === 0 ? (
        <Body1>{strings(lang).ui.noIssues}</Body1>
      ) : (
        <>
          <Caption1>{strings(lang).ui.qualityHint}</Caption1>
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
                  {issue.address} {strings(lang).run.quality[issue.kind]} {issue.value}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
