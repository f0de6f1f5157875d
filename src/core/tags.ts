import type { CustomerResult } from "./pipeline";

/**
 * Behaviour tags (seed 001): what the orders say about a customer, beside the user's own tags.
 * The thresholds are here, in one place.
 */
export type BehaviourTag =
  "one_time_buyer" | "high_frequency" | "low_frequency" | "frequent_returns";

/** At least this many orders in the window: a high-frequency buyer (monthly or more). */
export const HIGH_FREQUENCY_ORDERS = 12;
/** Bought more than once in all, but at most this many times in the window. */
export const LOW_FREQUENCY_ORDERS = 1;
/** Returns in the window at least this many and at least this share of the window's orders. */
export const FREQUENT_RETURNS_MIN = 2;
export const FREQUENT_RETURNS_SHARE = 0.2;

export function behaviourTags(result: CustomerResult): BehaviourTag[] {
  const tags: BehaviourTag[] = [];
  if (result.ordersAllTime === 1) tags.push("one_time_buyer");
  if (result.frequency >= HIGH_FREQUENCY_ORDERS) tags.push("high_frequency");
  else if (result.ordersAllTime > 1 && result.frequency <= LOW_FREQUENCY_ORDERS)
    tags.push("low_frequency");
  if (
    result.returns >= FREQUENT_RETURNS_MIN &&
    result.returns >= FREQUENT_RETURNS_SHARE * Math.max(1, result.frequency)
  ) {
    tags.push("frequent_returns");
  }
  return tags;
}
