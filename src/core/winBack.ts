/**
 * Churn that acts (seed 000 第三步 流失风险客户策略, seed 001 十 客户流失预警与挽回, seed 003 5.5):
 * a churn warning or a churn-risk tier opens a win-back line; the win-back rate (挽回率, seed 000
 * 第五步's indicator for churn-risk customers) counts those who bought again after the line was
 * opened or planned; the churn reasons (流失原因) typed on the lines are counted. Pure: codes and
 * numbers only.
 */
import { TextIds } from "./keyTable";
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
 * after the line's start, counted once per customer at their earliest line. `lastPurchase` gives a
 * customer's latest purchase day on or before the as-of date (null: never bought; undefined: not
 * scored this run, and their lines are not counted).
 */
export function winBackRate(
  lines: readonly WinBackLine[],
  lastPurchase: (customerKey: string) => Serial | null | undefined
): WinBackRate {
  const numbers = new TextIds();
  const latest: Array<Serial | null | undefined> = [];
  const customer = lines.map((line) => {
    const id = numbers.idOf(line.customerKey);
    if (id === latest.length) latest.push(lastPurchase(line.customerKey));
    return latest[id] === undefined ? -1 : id;
  });
  return winBackRateOf(
    lines,
    latest.length,
    (_line, i) => customer[i],
    (c) => latest[c] as Serial | null
  );
}

/**
 * winBackRate with the customers numbered 0 .. customers − 1 (a run's customer index): no map of
 * keys, which at a hundred thousand win-back lines costs more than the rest. `customerOf` gives a
 * line's customer, −1 when they are not scored this run (the line is not counted).
 */
export function winBackRateOf<L extends WinBackLine>(
  lines: readonly L[],
  customers: number,
  customerOf: (line: L, index: number) => number,
  lastPurchase: (customer: number) => Serial | null
): WinBackRate {
  // Each customer's earliest line with a start (index into lines; -1 while none).
  const earliest = new Int32Array(customers).fill(-1);
  for (let i = 0; i < lines.length; i++) {
    const since = lines[i].since;
    if (since === null) continue;
    const c = customerOf(lines[i], i);
    if (c < 0) continue;
    const seen = earliest[c];
    if (seen < 0 || (lines[seen].since as Serial) > since) earliest[c] = i;
  }
  const arm = (): WinBackArm => ({ customers: 0, wonBack: 0, rate: null });
  const out: WinBackRate = { treated: arm(), control: arm() };
  for (let c = 0; c < customers; c++) {
    if (earliest[c] < 0) continue;
    const line = lines[earliest[c]];
    const last = lastPurchase(c);
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
