/**
 * Results per salesperson (销售负责人, seed 000 table 1; seed 003 §7.2 "设立销售目标"): per owner their
 * customers, who bought in the window, revenue in the window, tier mix, new customers and repurchase
 * rate. Codes and numbers only; the sheet (with the manager's targets) is plan/owners.ts.
 */
import { cellText, foldWidth, isBlank } from "./parse";
import { memoByText } from "./textMemo";
import type { Cell, Serial } from "./types";

export interface OwnerInput {
  /** The archive's 销售负责人 cell. */
  owner: Cell;
  /** Tier key, or `no_purchases`. */
  tier: string;
  /** Orders and net amount in the window. */
  frequency: number;
  monetary: number;
  firstPurchase: Serial | null;
}

export interface OwnerResult {
  /** The owner as first written ("" for customers without one). */
  owner: string;
  /** Matching key: width folded, spaces dropped, case ignored ("" without an owner). */
  key: string;
  customers: number;
  /** Customers with at least one order in the window. */
  buyers: number;
  /** Net amount in the window. */
  revenue: number;
  /** Customers whose first purchase falls in the window (as for CAC). */
  newCustomers: number;
  /** Buyers with two or more orders in the window ÷ buyers; null without buyers. */
  repurchaseRate: number | null;
  /** Customers per tier key. */
  tiers: Record<string, number>;
}

/** An owner's line before any customer is counted (also kept for a target whose owner has none). */
export function emptyOwnerResult(owner: string, key: string): OwnerResult {
  return {
    owner,
    key,
    customers: 0,
    buyers: 0,
    revenue: 0,
    newCustomers: 0,
    repurchaseRate: null,
    tiers: {},
  };
}

export function ownerKey(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").toLowerCase();
}

/** Per owner, largest revenue first (then by name); customers without an owner are one line, last. */
export function ownerResults(
  customers: readonly OwnerInput[],
  windowStart: Serial,
  asOf: Serial
): OwnerResult[] {
  type Acc = OwnerResult & { repeat: number };
  const byKey = new Map<string, Acc>();
  const ownerOf = memoByText((cell: Cell): Acc => {
    const name = isBlank(cell) ? "" : cellText(cell).trim();
    const key = ownerKey(name);
    let r = byKey.get(key);
    if (!r) {
      r = { ...emptyOwnerResult(name, key), repeat: 0 };
      byKey.set(key, r);
    }
    return r;
  });
  for (const c of customers) {
    const r = ownerOf(c.owner);
    r.customers++;
    r.revenue += c.monetary;
    if (c.frequency > 0) r.buyers++;
    if (c.frequency > 1) r.repeat++;
    if (c.firstPurchase !== null && c.firstPurchase >= windowStart && c.firstPurchase <= asOf)
      r.newCustomers++;
    r.tiers[c.tier] = (r.tiers[c.tier] ?? 0) + 1;
  }
  return [...byKey.values()]
    .map(({ repeat, ...r }) => ({
      ...r,
      revenue: Math.round(r.revenue * 100) / 100,
      repurchaseRate: r.buyers > 0 ? repeat / r.buyers : null,
    }))
    .sort(
      (a, b) =>
        (a.key === "" ? 1 : 0) - (b.key === "" ? 1 : 0) ||
        b.revenue - a.revenue ||
        a.owner.localeCompare(b.owner)
    );
}
