import type { Serial } from "./types";

/**
 * The first look's honesty check: when the newest purchase is older than the scoring window, no
 * customer has a purchase inside it and every one of them lands in the lowest tier. That is almost
 * always an old export or the sample (orders ending in 2024) scored as of today, not a fact about
 * the customers, so the pane says so before scoring and offers the newest purchase as the as-of date.
 */
export interface StaleOrders {
  code: "stale_orders";
  /** Day of the newest purchase on or before the as-of date. */
  latestPurchase: Serial;
  asOf: Serial;
  windowDays: number;
  /** First day of the window: latestPurchase is before it. */
  windowStart: Serial;
}

/**
 * Null when some purchase falls in the window (or there are none at all: nothing to suggest).
 * `lastPurchases` holds each customer's newest purchase day, null without one.
 */
export function staleOrders(
  lastPurchases: Iterable<Serial | null>,
  asOf: Serial,
  windowDays: number
): StaleOrders | null {
  let latest: Serial | null = null;
  for (const day of lastPurchases)
    if (day !== null && day <= asOf && (latest === null || day > latest)) latest = day;
  const windowStart = asOf - windowDays + 1; // as computeActivity counts the window
  if (latest === null || latest >= windowStart) return null;
  return { code: "stale_orders", latestPurchase: latest, asOf, windowDays, windowStart };
}
