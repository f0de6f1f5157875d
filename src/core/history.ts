/**
 * Key figures per run, kept as a history (seed 003 §2.1: 复购率 from 20% to 30% in three months is a
 * trend, not a snapshot). Codes and numbers only; the sheet is plan/history.ts.
 */
import type { Serial, StrategyFamily } from "./types";

export const HISTORY_FAMILIES: readonly StrategyFamily[] = [
  "maintain",
  "develop",
  "keep",
  "win_back",
];

/** Customers per playbook of their tier and, per playbook, buyers with 2+ orders in the window ÷ buyers. */
export function familyFigures(
  customers: ReadonlyArray<{ family: StrategyFamily | null; frequency: number }>
): {
  counts: Record<StrategyFamily | "no_purchases", number>;
  repurchase: Record<StrategyFamily, number | null>;
} {
  const counts = { maintain: 0, develop: 0, keep: 0, win_back: 0, no_purchases: 0 };
  const buyers = { maintain: 0, develop: 0, keep: 0, win_back: 0 };
  const repeat = { maintain: 0, develop: 0, keep: 0, win_back: 0 };
  for (const c of customers) {
    if (c.family === null) {
      counts.no_purchases++;
      continue;
    }
    counts[c.family]++;
    if (c.frequency > 0) buyers[c.family]++;
    if (c.frequency > 1) repeat[c.family]++;
  }
  const repurchase = {} as Record<StrategyFamily, number | null>;
  for (const f of HISTORY_FAMILIES) repurchase[f] = buyers[f] > 0 ? repeat[f] / buyers[f] : null;
  return { counts, repurchase };
}

/**
 * The history with this run's line in place: a line of the same as-of date is replaced (scoring the
 * same period again corrects it, never doubles it), others are kept; oldest first.
 */
export function mergeHistory<T extends { asOf: Serial }>(previous: readonly T[], current: T): T[] {
  return [...previous.filter((line) => line.asOf !== current.asOf), current].sort(
    (a, b) => a.asOf - b.asOf
  );
}
