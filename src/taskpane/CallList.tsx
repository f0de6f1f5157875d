import * as React from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../i18n/lang";
import { PANE_CALL_TEXT } from "../i18n/review";
import { fillText } from "../i18n/settings";
import { formatMoney } from "../i18n/tiers";
import type { CallListEntry } from "../plan/calls";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  entry: { justifyContent: "flex-start", textAlign: "left", minWidth: 0 },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
});

/** The customers most worth a call after a run; a click goes to the customer's row on the tiers sheet. */
export function CallList({
  lang,
  calls,
  onSelect,
}: {
  lang: Lang;
  calls: CallListEntry[];
  onSelect: (address: string) => void;
}): React.JSX.Element | null {
  const styles = useStyles();
  if (calls.length === 0) return null;
  return (
    <section data-testid="call-list">
      <Subtitle2>{PANE_CALL_TEXT.heading[lang]}</Subtitle2>
      <Caption1 className={styles.reason}>{PANE_CALL_TEXT.hint[lang]}</Caption1>
      <ol className={styles.list}>
        {calls.map((call) => (
          <li key={call.id}>
            <Button
              appearance="transparent"
              size="small"
              className={styles.entry}
              data-testid="call-item"
              disabled={call.address === null}
              onClick={() => call.address && onSelect(call.address)}
            >
              {call.owner ? `${call.owner} · ` : ""}
              {call.id} {call.name} ·{" "}
              {fillText(PANE_CALL_TEXT.atRisk[lang], { value: formatMoney(call.valueAtRisk) })}
            </Button>
            <Caption1 className={styles.reason}>{call.reason}</Caption1>
          </li>
        ))}
      </ol>
    </section>
  );
}
