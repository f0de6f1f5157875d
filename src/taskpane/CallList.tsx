import * as React from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { strings } from "../i18n";
import type { Lang } from "../i18n/lang";
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
      <Subtitle2>{strings(lang).review.paneCalls.heading}</Subtitle2>
      <Caption1 className={styles.reason}>{strings(lang).review.paneCalls.hint}</Caption1>
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
              {strings(lang).review.paneCalls.atRisk({ value: formatMoney(call.valueAtRisk) })}
            </Button>
            <Caption1 className={styles.reason}>{call.reason}</Caption1>
          </li>
        ))}
      </ol>
    </section>
  );
}
