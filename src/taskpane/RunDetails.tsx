import * as React from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";
import { tierLabel } from "../i18n/tiers";
import type { QualityIssue } from "../core/types";
import { groupQuality, sheetStart, type CountedLink, type PaneOverview } from "../plan/overview";

/**
 * The pane after a run (loaded on demand, so the pane's first script stays small): the tiers as a
 * chart of customers and revenue share, who moved since the last run, the funnel's weakest step and
 * overdue follow-ups, the hygiene counts, and the data-quality list grouped by kind. Every item is a
 * button that selects its sheet or cell.
 */

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { margin: 0, padding: 0, listStyleType: "none" },
  link: { justifyContent: "flex-start", textAlign: "left", minWidth: 0, width: "100%" },
  bars: { display: "flex", flexDirection: "column", gap: "2px", width: "100%" },
  label: { display: "block" },
  customers: { fill: tokens.colorBrandBackground },
  revenue: { fill: tokens.colorPaletteGreenBorderActive },
  track: { fill: tokens.colorNeutralBackground3 },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center" },
  swatch: { width: "10px", height: "10px", display: "inline-block", marginRight: "4px" },
  swatchCustomers: { backgroundColor: tokens.colorBrandBackground },
  swatchRevenue: { backgroundColor: tokens.colorPaletteGreenBorderActive },
  details: { marginLeft: tokens.spacingHorizontalS },
  summary: { cursor: "pointer", paddingBlock: "2px" },
});

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

/** A line of the overview that selects `address` (or shows plain when there is nothing to select). */
function Link({
  text,
  address,
  onSelect,
  testId,
}: {
  text: string;
  address: string | null | undefined;
  onSelect: (address: string) => void;
  testId: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <li>
      <Button
        appearance="transparent"
        size="small"
        className={styles.link}
        data-testid={testId}
        data-address={address ?? ""}
        disabled={!address}
        onClick={() => address && onSelect(address)}
      >
        {text}
      </Button>
    </li>
  );
}

export function Overview({
  lang,
  overview,
  onSelect,
}: {
  lang: Lang;
  overview: PaneOverview;
  onSelect: (address: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const words = strings(lang).pane.overview;
  const sheet = (key: keyof PaneOverview["sheets"]) => {
    const name = overview.sheets[key];
    return name ? sheetStart(name) : null;
  };
  const total = overview.tiers.reduce((n, t) => n + t.customers, 0);
  const counted = (link: CountedLink, text: string, testId: string) => (
    <Link key={testId} text={text} address={link.address} onSelect={onSelect} testId={testId} />
  );
  const { movement, weakestStep, overdue } = overview;
  return (
    <div className={styles.section} data-testid="overview">
      <Subtitle2 as="h2">{words.heading}</Subtitle2>
      <Caption1>{words.tiersCaption}</Caption1>
      <div className={styles.legend} aria-hidden="true">
        <Caption1>
          <span className={`${styles.swatch} ${styles.swatchCustomers}`} />
          {words.customersAxis}
        </Caption1>
        <Caption1>
          <span className={`${styles.swatch} ${styles.swatchRevenue}`} />
          {words.revenueAxis}
        </Caption1>
      </div>
      <ul className={styles.list} data-testid="tier-chart">
        {overview.tiers.map((tier) => {
          const name = tierLabel(tier.key as never, lang);
          const customerShare = total > 0 ? tier.customers / total : 0;
          const text = words.tierBar({
            tier: name,
            customers: tier.customers,
            share: percent(tier.revenueShare),
          });
          return (
            <li key={tier.key}>
              <Button
                appearance="transparent"
                size="small"
                className={styles.link}
                data-testid="tier-bar"
                data-tier={tier.key}
                onClick={() => {
                  const target = sheet("tiers");
                  if (target) onSelect(target);
                }}
              >
                <span className={styles.bars}>
                  <Caption1 className={styles.label}>{text}</Caption1>
                  <svg width="100%" height="14" viewBox="0 0 100 14" preserveAspectRatio="none">
                    <rect className={styles.track} x="0" y="0" width="100" height="6" />
                    <rect className={styles.customers} x="0" y="0" width={customerShare * 100} height="6" />
                    <rect className={styles.track} x="0" y="8" width="100" height="6" />
                    <rect
                      className={styles.revenue}
                      x="0"
                      y="8"
                      width={Math.max(0, tier.revenueShare ?? 0) * 100}
                      height="6"
                    />
                  </svg>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      <Subtitle2 as="h3">{words.movementHeading}</Subtitle2>
      {movement === null ? (
        <Caption1 data-testid="movement-first">{words.firstRun}</Caption1>
      ) : (
        <ul className={styles.list} data-testid="movement">
          {(["up", "down", "new", "lapsed"] as const).map((kind) => (
            <Link
              key={kind}
              text={words[kind]({ count: movement[kind] })}
              address={sheet("tiers")}
              onSelect={onSelect}
              testId={`movement-${kind}`}
            />
          ))}
        </ul>
      )}
      <Subtitle2 as="h3">{words.followupsHeading}</Subtitle2>
      <ul className={styles.list}>
        {overdue === null ? (
          <li>
            <Caption1>{words.noFollowups}</Caption1>
          </li>
        ) : (
          <>
            <Link
              text={
                weakestStep
                  ? words.weakestStep({
                      from: words.stage[weakestStep.from],
                      to: words.stage[weakestStep.to],
                      rate: percent(weakestStep.rate),
                    })
                  : words.noFunnel
              }
              address={sheet("summary")}
              onSelect={onSelect}
              testId="weakest-step"
            />
            {counted(
              { count: overdue.count, address: sheet("watchlist") ?? overdue.address },
              words.overdue({ count: overdue.count }),
              "overdue"
            )}
          </>
        )}
      </ul>
      <Subtitle2 as="h3">{words.hygieneHeading}</Subtitle2>
      <ul className={styles.list} data-testid="hygiene">
        {counted(
          overview.duplicates,
          words.duplicates({ count: overview.duplicates.count }),
          "hygiene-duplicates"
        )}
        {counted(
          overview.blankCells,
          words.blankCells({ count: overview.blankCells.count }),
          "hygiene-blanks"
        )}
        {counted(
          overview.withoutOrders,
          words.withoutOrders({ count: overview.withoutOrders.count }),
          "hygiene-without-orders"
        )}
      </ul>
    </div>
  );
}

/** Entries listed per group when opened; the summary sheet lists them all. */
const SHOWN_PER_GROUP = 50;

/** The data-quality list by kind with counts, each group opened on demand. */
export function QualityGroups({
  lang,
  issues,
  onSelect,
}: {
  lang: Lang;
  issues: readonly QualityIssue[];
  onSelect: (address: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const words = strings(lang).pane.quality;
  return (
    <div data-testid="quality-groups">
      {groupQuality(issues).map((group) => (
        <details key={group.kind} className={styles.details} data-testid="quality-group">
          <summary className={styles.summary}>
            <Caption1>
              {words.group({ kind: strings(lang).run.quality[group.kind], count: group.issues.length })}
            </Caption1>
          </summary>
          <ul className={styles.list}>
            {group.issues.slice(0, SHOWN_PER_GROUP).map((issue) => (
              <Link
                key={issue.address + issue.kind}
                text={`${issue.address} ${issue.value}`}
                address={issue.address}
                onSelect={onSelect}
                testId="quality-item"
              />
            ))}
          </ul>
          {group.issues.length > SHOWN_PER_GROUP && (
            <Caption1>{words.more({ count: group.issues.length - SHOWN_PER_GROUP })}</Caption1>
          )}
        </details>
      ))}
    </div>
  );
}

export default Overview;
