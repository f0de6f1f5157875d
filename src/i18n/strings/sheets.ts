import type { SheetKey } from "../../core/types";

/**
 * Names of the sheets the add-in owns and the words of the tiers, tracking, review and watch
 * sheets.
 */
export interface SheetStrings {
  names: Record<SheetKey, string>;
  tierHeaders: {
    id: string;
    name: string;
    owner: string;
    phone: string;
    lastPurchase: string;
    recency: string;
    frequency: string;
    monetary: string;
    rScore: string;
    fScore: string;
    mScore: string;
    total: string;
    weighted: string;
    tier: string;
    family: string;
    reason: string;
    clv: string;
    pAlive: string;
    expectedPurchases: string;
    expectedSpend: string;
    predictedClv: string;
    churnWarning: string;
    tags: string;
    previousTier: string;
    change: string;
    behaviour: string;
    nps: string;
    feedback: string;
  };
  tierAsOf: string;
  tierChange: {
    new: string;
    same: string;
    up: string;
    down: string;
    changed: string;
  };
  behaviourTags: {
    one_time_buyer: string;
    high_frequency: string;
    low_frequency: string;
    frequent_returns: string;
  };
  tierTitle: (p: {
    asOf: string | number;
    scheme: string | number;
    start: string | number;
  }) => string;
  churnWarning: {
    p_alive: (p: { p: string | number }) => string;
    overdue: (p: { gap: string | number; silent: string | number }) => string;
  };
  trackingHeaders: {
    id: string;
    name: string;
    tier: string;
    type: string;
    content: string;
    owner: string;
    start: string;
    end: string;
    target: string;
    actual: string;
    status: string;
    note: string;
    line: string;
    control: string;
    plannedTier: string;
  };
  statusValues: readonly [string, string, string];
  lineStatus: {
    left_tier: string;
    gone: string;
  };
  reviewHeaders: {
    id: string;
    name: string;
    type: string;
    start: string;
    end: string;
    ordersBefore: string;
    amountBefore: string;
    ordersDuring: string;
    amountDuring: string;
    target: string;
    effect: string;
    analysis: string;
    improvement: string;
    control: string;
  };
  effectValues: {
    effective: string;
    partial: string;
    ineffective: string;
    not_started: string;
  };
  watchHeaders: {
    id: string;
    name: string;
    intent: string;
    stage: string;
    kind: string;
    due: string;
    daysLate: string;
    person: string;
    nextAction: string;
    address: string;
    tier: string;
  };
  watch: {
    title: (p: { asOf: string | number; sheet: string | number }) => string;
    titleNoSheet: (p: { asOf: string | number }) => string;
    rules: (p: { A: string | number; B: string | number; C: string | number }) => string;
    rebuilt: string;
    none: string;
  };
}
