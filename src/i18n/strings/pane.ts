import type { FunnelStage } from "../../core/funnel";

/** The task pane's start, first look and after-run overview (the rest of the pane is in `ui`). */
export interface PaneStrings {
  /** The start card in a workbook without customer data. */
  start: {
    heading: string;
    intro: string;
    createTemplates: string;
    templatesHint: string;
    trySample: string;
    sampleHint: string;
    adding: string;
    added: (p: { sheets: string }) => string;
  };
  /** Said before scoring when the newest purchase is older than the window. */
  stale: {
    text: (p: { latest: string; asOf: string; days: number }) => string;
    useLatest: (p: { date: string }) => string;
  };
  overview: {
    heading: string;
    tiersCaption: string;
    /** One bar's label: customers and share of revenue. */
    tierBar: (p: { tier: string; customers: number; share: string }) => string;
    customersAxis: string;
    revenueAxis: string;
    movementHeading: string;
    firstRun: string;
    up: (p: { count: number }) => string;
    down: (p: { count: number }) => string;
    new: (p: { count: number }) => string;
    lapsed: (p: { count: number }) => string;
    followupsHeading: string;
    weakestStep: (p: { from: string; to: string; rate: string }) => string;
    noFunnel: string;
    overdue: (p: { count: number }) => string;
    noFollowups: string;
    hygieneHeading: string;
    duplicates: (p: { count: number }) => string;
    blankCells: (p: { count: number }) => string;
    withoutOrders: (p: { count: number }) => string;
    stage: Record<FunnelStage, string>;
  };
  quality: {
    group: (p: { kind: string; count: number }) => string;
    more: (p: { count: number }) => string;
  };
  /** The workbook was scored elsewhere (the ribbon) while the pane was open. */
  elsewhere: {
    shown: (p: { time: string }) => string;
    changed: string;
    refresh: string;
  };
}
