import { cellAddress } from "../core/address";
import type { FunnelStage } from "../core/funnel";
import type { ScoreReport } from "../core/pipeline";
import { familyOf, TIER_ORDER } from "../core/tiers";
import { NO_PURCHASES, type QualityIssue, type QualityKind, type TierKey } from "../core/types";
import type { SheetKey } from "./types";
import type { TierOrNone } from "./tiers";

/**
 * What the pane shows after a run, as numbers and addresses (no words): the tiers with their share
 * of customers and revenue, the movement since the previous run, the funnel's weakest step, overdue
 * follow-ups and the hygiene counts. Every item carries the cell a click selects.
 */

export interface TierShare {
  key: TierOrNone;
  customers: number;
  /** Revenue in the window (net of returns). */
  revenue: number;
  /** revenue ÷ all customers' revenue; null when the total is not positive. */
  revenueShare: number | null;
}

/** Customers whose tier moved since the previous run of the tiers sheet. */
export interface Movement {
  up: number;
  down: number;
  /** Not on the previous run's tiers sheet. */
  new: number;
  /** Had a tier of a keep-or-grow playbook before; now win-back or without purchases. */
  lapsed: number;
}

export interface CountedLink {
  count: number;
  /** The first cell to look at; null when none. */
  address: string | null;
}

export interface PaneOverview {
  /** Tiers holding customers, best first, then customers without purchases. */
  tiers: TierShare[];
  /** null on the first run (no earlier tiers sheet). */
  movement: Movement | null;
  /** The conversion with the largest drop; null without follow-up records or stages. */
  weakestStep: { from: FunnelStage; to: FunnelStage; rate: number | null } | null;
  /** Overdue next actions; null without follow-up records. */
  overdue: CountedLink | null;
  duplicates: CountedLink;
  /** Blank required cells of the archive (cells, not customers). */
  blankCells: CountedLink;
  withoutOrders: CountedLink;
  /** Where each of our sheets was written: the links' targets. */
  sheets: Partial<Record<SheetKey, string>>;
}

/** The top-left cell of a sheet, as a link target. */
export function sheetStart(sheet: string): string {
  return cellAddress(sheet, 0, 0);
}

const isPurchaseTier = (tier: TierOrNone): tier is TierKey => tier !== NO_PURCHASES;
const lapsedState = (tier: TierOrNone) => !isPurchaseTier(tier) || familyOf(tier) === "win_back";

/** Position within one scheme's block of TIER_ORDER; -1 across schemes or without purchases. */
function rank(tier: TierOrNone): number {
  return isPurchaseTier(tier) ? TIER_ORDER.indexOf(tier) : -1;
}
const block = (i: number) => (i < 4 ? 0 : i < 15 ? 1 : 2);

/** Movement of each customer from `before` (null: not on the previous sheet) to `now`. */
export function movementOf(
  now: readonly TierOrNone[],
  before: ReadonlyArray<TierOrNone | null>
): Movement {
  const m: Movement = { up: 0, down: 0, new: 0, lapsed: 0 };
  now.forEach((tier, i) => {
    const was = before[i];
    if (was === null || was === undefined) {
      m.new++;
      return;
    }
    if (was === tier) return;
    if (lapsedState(tier) && !lapsedState(was)) {
      m.lapsed++;
      return;
    }
    const a = rank(tier);
    const b = rank(was);
    if (a >= 0 && b >= 0 && block(a) === block(b)) {
      if (a < b) m.up++;
      else m.down++;
    } else if (!isPurchaseTier(was) && isPurchaseTier(tier)) m.up++; // back to buying
  });
  return m;
}

export function tierShares(report: ScoreReport): TierShare[] {
  const byKey = new Map<TierOrNone, { customers: number; revenue: number }>();
  let total = 0;
  for (const c of report.customers) {
    const key: TierOrNone = c.tier ? c.tier.tier : NO_PURCHASES;
    const entry = byKey.get(key) ?? { customers: 0, revenue: 0 };
    entry.customers++;
    entry.revenue += c.monetary;
    total += c.monetary;
    byKey.set(key, entry);
  }
  const order: TierOrNone[] = [...TIER_ORDER, NO_PURCHASES];
  return order.flatMap((key) => {
    const entry = byKey.get(key);
    if (!entry) return [];
    const revenue = Math.round(entry.revenue * 100) / 100;
    return [
      {
        key,
        customers: entry.customers,
        revenue,
        revenueShare: total > 0 ? entry.revenue / total : null,
      },
    ];
  });
}

/**
 * The pane's overview of a scored run. `before` is each customer's tier on the previous run's sheet
 * (previousTiersOf), or null when there was no earlier tiers sheet at all; either way, movement is
 * null until some customer has an earlier tier.
 */
export function paneOverview(
  report: ScoreReport,
  before: ReadonlyArray<TierOrNone | null> | null,
  sheets: Partial<Record<SheetKey, string>>
): PaneOverview {
  const now = report.customers.map((c): TierOrNone => (c.tier ? c.tier.tier : NO_PURCHASES));
  const followups = report.followups;
  const drop = followups?.funnel.biggestDrop ?? null;
  const overdue = followups?.watch.filter((w) => w.kind === "overdue") ?? null;
  const { hygiene } = report;
  const blanks = (hygiene.missing?.rows ?? []).flatMap((row) => row.missing);
  return {
    tiers: tierShares(report),
    // Tiers sheets without any earlier tier (a first run, re-scored on its date) show no movement.
    movement: before && before.some((b) => b !== null) ? movementOf(now, before) : null,
    weakestStep: drop ? { from: drop.from, to: drop.to, rate: drop.rate } : null,
    overdue: overdue
      ? {
          count: overdue.length,
          address: overdue.find((w) => w.address)?.address ?? null,
        }
      : null,
    duplicates: {
      count: hygiene.duplicates.length,
      address: hygiene.duplicates.find((d) => d.first.address)?.first.address ?? null,
    },
    blankCells: { count: blanks.length, address: blanks[0]?.address ?? null },
    withoutOrders: {
      count: hygiene.withoutOrders.length,
      address: hygiene.withoutOrders.find((r) => r.address)?.address ?? null,
    },
    sheets,
  };
}

export interface QualityGroup {
  kind: QualityKind;
  issues: QualityIssue[];
}

/** The data-quality list by kind, the largest group first (ties in the order first met). */
export function groupQuality(issues: readonly QualityIssue[]): QualityGroup[] {
  const groups = new Map<QualityKind, QualityIssue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.kind);
    if (list) list.push(issue);
    else groups.set(issue.kind, [issue]);
  }
  return [...groups]
    .map(([kind, list]) => ({ kind, issues: list }))
    .sort((a, b) => b.issues.length - a.issues.length);
}
