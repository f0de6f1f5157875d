/**
 * Churn that acts (seed 000 第三步 流失风险客户策略, seed 001 十 客户流失预警与挽回, seed 003 5.5):
 * a churn warning or a churn-risk tier opens a win-back line; the win-back rate (挽回率, seed 000
 * 第五步's indicator for churn-risk customers) counts those who bought again after the line was
 * opened or planned; the churn reasons (流失原因) typed on the lines are counted. Pure: codes and
 * numbers only.
 */
import type { Serial } from "./types";

/**
 * Churn reasons the documents name: 价格, 服务, 竞品 (seed 000), 物流慢 (seed 003 6.2), 业务收缩
 * (seed 004 第四步 经营状况变化), and anything else.
 */
export const CHURN_REASONS = [
  "price",
  "service",
  "competitor",
  "delivery",
  "business_change",
  "other",
] as const;
export type ChurnReason = (typeof CHURN_REASONS)[number];

/** One win-back line as the rate needs it. */
export interface WinBackLine {
  /** Matching key of the customer (one customer counts once, at their earliest line). */
  customerKey: string;
  /**
   * From when a purchase counts as won back: the planned start when typed, else the day the line
   * was opened; null when neither is known (the line is not counted).
   */
  since: Serial | null;
  /** Held back as the control group: counted apart, so the rate can be compared with doing nothing. */
  control: boolean;
}

export interface WinBackArm {
  /** Customers with a win-back line and a known start. */
  customers: number;
  /** Of them, those whose latest purchase (on or before the as-of date) is after the start. */
  wonBack: number;
  /** wonBack ÷ customers; null without customers. */
  rate: number | null;
}

export interface WinBackRate {
  treated: WinBackArm;
  control: WinBackArm;
}

/**
 * 挽回率: of the customers with a win-back line (warned or churn-risk), the share who bought again
 * after the line's start. `lastPurchase` gives a customer's latest purchase day on or before the
 * as-of date (null: never bought, or not scored any more — such a line is not counted).
 */
export function winBackRate(
  lines: readonly WinBackLine[],
  lastPurchase: (customerKey: string) => Serial | null | undefined
): WinBackRate {
  const earliest = new Map<string, WinBackLine>();
  for (const line of lines) {
    if (line.since === null) continue;
    const seen = earliest.get(line.customerKey);
    if (!seen || (seen.since as Serial) > line.since) earliest.set(line.customerKey, line);
  }
  const arm = (): WinBackArm => ({ customers: 0, wonBack: 0, rate: null });
  const out: WinBackRate = { treated: arm(), control: arm() };
  for (const line of earliest.values()) {
    const last = lastPurchase(line.customerKey);
    if (last === undefined) continue; // not scored this run: nothing to say about them
    const a = line.control ? out.control : out.treated;
    a.customers++;
    if (last !== null && last > (line.since as Serial)) a.wonBack++;
  }
  for (const a of [out.treated, out.control])
    a.rate = a.customers > 0 ? a.wonBack / a.customers : null;
  return out;
}

/** Lines per churn reason (every reason listed, 0 where none); lines without a reason are not counted. */
export function countChurnReasons(
  reasons: ReadonlyArray<ChurnReason | null>
): Record<ChurnReason, number> {
  const out = Object.fromEntries(CHURN_REASONS.map((r) => [r, 0])) as Record<ChurnReason, number>;
  for (const r of reasons) if (r !== null) out[r]++;
  return out;
}
