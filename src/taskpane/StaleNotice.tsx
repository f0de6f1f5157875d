import * as React from "react";
import { Body1, Button, Card } from "@fluentui/react-components";
import { formatSerial } from "../core/parse";
import type { StaleOrders } from "../core/staleOrders";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";

/** Said before scoring: the newest order is older than the window; one click scores as of it. */
export function StaleNotice({
  lang,
  stale,
  disabled,
  onUseLatest,
}: {
  lang: Lang;
  stale: StaleOrders;
  disabled: boolean;
  onUseLatest: (date: string) => void;
}): React.JSX.Element {
  const words = strings(lang).pane.stale;
  const latest = formatSerial(stale.latestPurchase);
  return (
    <Card data-testid="stale-orders" role="note">
      <Body1>
        {words.text({ latest, asOf: formatSerial(stale.asOf), days: stale.windowDays })}
      </Body1>
      <Button
        appearance="primary"
        disabledFocusable={disabled}
        onClick={() => onUseLatest(latest)}
        data-testid="use-latest-date"
      >
        {words.useLatest({ date: latest })}
      </Button>
    </Card>
  );
}
