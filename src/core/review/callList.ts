/**
 * Who to call today: the customers with the most value at risk. Value at risk = what the customer
 * brought in the scoring window (net amount, the last 365 days by default) × the chance that they
 * have stopped buying: 1 − P(alive) from the lifetime-value model, or, where the model has no
 * figure, the share of their silence beyond their own usual gap between orders.
 * Customers long gone brought nothing in the window and drop out of the list by themselves.
 */

/** What the list needs to know of one customer. */
export interface CallCandidate {
  /** Net amount in the window (never below 0 here). */
  value: number;
  /** P(alive) from BG/NBD; null where the model has no figure. */
  pAlive: number | null;
  /** The customer's own usual gap between orders and their current silence, in days; null when unknown. */
  usualGapDays: number | null;
  silentDays: number | null;
  /** Held back in a control group: calling them would spoil the comparison. */
  excluded: boolean;
}

export interface CallEntry {
  /** Index of the candidate. */
  customer: number;
  valueAtRisk: number;
  /** Chance (0..1) that the customer has stopped buying, as used for the value at risk. */
  risk: number;
  value: number;
  pAlive: number | null;
  /** Set when the customer is silent for longer than their usual gap. */
  overdue: { usualGapDays: number; silentDays: number } | null;
}

/** Below this chance of having stopped, a customer is not worth a call for that reason alone. */
export const MIN_CALL_RISK = 0.2;

export function callRisk(c: CallCandidate): {
  risk: number;
  overdue: CallEntry["overdue"];
} {
  const overdue = isOverdue(c)
    ? { usualGapDays: c.usualGapDays as number, silentDays: c.silentDays as number }
    : null;
  return { risk: riskOf(c), overdue };
}

/** Silent for longer than their own usual gap. */
function isOverdue(c: CallCandidate): boolean {
  return (
    c.usualGapDays !== null &&
    c.silentDays !== null &&
    c.usualGapDays > 0 &&
    c.silentDays > c.usualGapDays
  );
}

/** callRisk's risk, without building the overdue object (rankCalls asks it of every customer). */
function riskOf(c: CallCandidate): number {
  if (c.pAlive !== null && Number.isFinite(c.pAlive)) return Math.min(1, Math.max(0, 1 - c.pAlive));
  return isOverdue(c) ? 1 - (c.usualGapDays as number) / (c.silentDays as number) : 0;
}

/** Candidates worth a call, most value at risk first (ties: earlier candidate first). */
export function rankCalls(candidates: readonly CallCandidate[]): CallEntry[] {
  const entries: CallEntry[] = [];
  for (let customer = 0; customer < candidates.length; customer++) {
    const c = candidates[customer];
    if (c.excluded || !(c.value > 0)) continue;
    const risk = riskOf(c);
    if (risk < MIN_CALL_RISK) continue;
    entries.push({
      customer,
      valueAtRisk: c.value * risk,
      risk,
      value: c.value,
      pAlive: c.pAlive,
      overdue: isOverdue(c)
        ? { usualGapDays: c.usualGapDays as number, silentDays: c.silentDays as number }
        : null,
    });
  }
  return entries.sort((a, b) => b.valueAtRisk - a.valueAtRisk || a.customer - b.customer);
}
