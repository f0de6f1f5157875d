import type { Customer } from "./customers";
import type { Serial, TierResult } from "./types";

/** One customer's scored result, and where the figures came from (no dependencies on the report). */

/**
 * Where R, F and M came from: the orders sheet, the archive's summary columns (no orders sheet),
 * or nowhere (nothing recognisable: see `problem`).
 */
export type ScoreMode = "orders" | "archive" | "none";

export interface CustomerResult {
  customer: Customer;
  /** Days since the latest purchase; null without purchases. */
  recencyDays: number | null;
  frequency: number;
  monetary: number;
  profit: number | null;
  firstPurchase: Serial | null;
  lastPurchase: Serial | null;
  /** Purchase orders up to the as-of date, window or not. */
  ordersAllTime: number;
  /** Return lines in the window. */
  returns: number;
  /** Seed 003's simple CLV; null where it cannot be computed. */
  clv: number | null;
  /** null for a customer without purchases ("no purchases"). */
  tier: TierResult | null;
}
