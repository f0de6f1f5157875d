/**
 * Record freshness (seed 004 第四步 "客户信息定期更新"): a customer record whose last-updated date is
 * older than its update cycle is stale. Cycles: won customers (a purchase, or 成交 in the follow-up
 * records) quarterly, A-class prospects fortnightly, every other record monthly.
 */
import type { Serial } from "./types";

export type UpdateCycle = "won" | "class_a" | "regular";

/** Days per cycle: quarterly, fortnightly, monthly. */
export const UPDATE_CYCLE_DAYS: Readonly<Record<UpdateCycle, number>> = {
  won: 90,
  class_a: 14,
  regular: 30,
};

/** Won beats class A: a won customer is on the quarterly cycle whatever their last intent class. */
export function updateCycle(won: boolean, classA: boolean): UpdateCycle {
  return won ? "won" : classA ? "class_a" : "regular";
}

/** Days past the cycle (≥ 1) when stale; null when fresh, undated or dated after the as-of date. */
export function daysStale(updated: Serial | null, cycle: UpdateCycle, asOf: Serial): number | null {
  if (updated === null || updated > asOf) return null;
  const late = asOf - updated - UPDATE_CYCLE_DAYS[cycle];
  return late > 0 ? late : null;
}
