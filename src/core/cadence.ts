/**
 * Follow-ups that need attention (seed 004: "重要客户(如A类)需每周至少1次跟进").
 *
 * Only known customers' follow-ups dated on or before the as-of date count (as in the funnel).
 * - **overdue**: a follow-up line with a 下次跟进日期 (nextDay) before the as-of date, not marked done,
 *   and no later follow-up of the same customer (later in time order: day, then row) dated on or
 *   after that nextDay. Each such line is one item; days late = asOf − nextDay (≥ 1). A next date
 *   due today is not late yet.
 * - **cadence**: a customer whose current intent class (latest follow-up that states one) is A, B or C,
 *   whose current stage is neither 成交 nor 流失, and whose latest follow-up is more than the class's
 *   cadence days before the as-of date. Days late = days since the latest follow-up − cadence; the row
 *   is the latest follow-up's.
 * Items come worst first (most days late), then by sheet row, overdue before cadence on ties.
 */
import { customerTimelines, type Followup, type IntentClass } from "./followups";
import type { Serial, StrategyFamily } from "./types";

export type CadenceDays = Record<IntentClass, number>;

/** Longest gap in days between contacts with a scored customer, per playbook of their tier. */
export type ContactDays = Record<StrategyFamily, number>;

/**
 * Seed 000 step 3: high-value customers are visited monthly, potential customers hear of new products
 * quarterly, general customers get the catalogue every six months, churn-risk customers a visit within
 * a week. Editable in settings (`contact.days.*`).
 */
export const DEFAULT_CONTACT_DAYS: Readonly<ContactDays> = {
  maintain: 30,
  develop: 90,
  keep: 180,
  win_back: 7,
};

/** A weekly for A (seed 004), fortnightly for B, monthly for C; editable in settings. */
export const DEFAULT_CADENCE: Readonly<CadenceDays> = { A: 7, B: 14, C: 30 };

export type WatchKind = "overdue" | "cadence" | "contact";

export interface WatchItem {
  /** Index into `CustomerIndex.customers`. */
  customer: number;
  kind: WatchKind;
  daysLate: number;
  /** 0-based sheet row of the follow-up line the item is about; -1 for a contact item without follow-ups. */
  row: number;
  /** The day the follow-up was due: nextDay (overdue) or latest follow-up + cadence (cadence). */
  due: Serial;
  /** 跟进人 of that line ("" when blank). */
  person: string;
}

export function followupWatch(
  followups: readonly Followup[],
  nCustomers: number,
  asOf: Serial,
  cadenceDays: Readonly<CadenceDays> = DEFAULT_CADENCE
): WatchItem[] {
  const items: WatchItem[] = [];
  for (const t of customerTimelines(followups, nCustomers, asOf)) {
    const lines = t.lines;
    for (let i = 0; i < lines.length; i++) {
      const f = lines[i];
      if (f.nextDay === null || f.done || f.nextDay >= asOf) continue;
      const due = f.nextDay;
      let met = false;
      for (let j = i + 1; j < lines.length && !met; j++) {
        const day = lines[j].day;
        met = day !== null && day >= due;
      }
      if (met) continue;
      items.push({
        customer: t.customer,
        kind: "overdue",
        daysLate: asOf - due,
        row: f.row,
        due,
        person: f.person,
      });
    }

    const latest = t.latest;
    if (t.intent === null || latest.day === null) continue;
    if (t.stage === "won" || t.stage === "lost") continue;
    const limit = cadenceDays[t.intent];
    if (!Number.isFinite(limit)) continue;
    const since = asOf - latest.day;
    if (since > limit) {
      items.push({
        customer: t.customer,
        kind: "cadence",
        daysLate: since - limit,
        row: latest.row,
        due: latest.day + limit,
        person: latest.person,
      });
    }
  }
  return items.sort(
    (a, b) =>
      b.daysLate - a.daysLate ||
      a.row - b.row ||
      (a.kind === b.kind ? 0 : a.kind === "overdue" ? -1 : 1)
  );
}

/** What the contact cadence needs of one customer. */
export interface ContactInput {
  /** Playbook of the customer's tier; null for a customer without a tier (never watched here). */
  family: StrategyFamily | null;
  /** Latest purchase on or before the as-of date. */
  lastPurchase: Serial | null;
  /** Latest follow-up on or before the as-of date, with its row and person; null without one. */
  lastFollowup: { day: Serial; row: number; person: string } | null;
}

/**
 * Contact cadence of every scored customer (key accounts are watched even without follow-up
 * records). The last contact is the later of the latest follow-up and the latest purchase (an
 * order is a conversation with the customer); a customer whose last contact is more than their
 * tier's days before the as-of date is one item, days late = days since the last contact − the
 * tier's days. Worst first, then by customer.
 */
export function contactWatch(
  customers: readonly ContactInput[],
  asOf: Serial,
  contactDays: Readonly<ContactDays> = DEFAULT_CONTACT_DAYS
): WatchItem[] {
  const items: WatchItem[] = [];
  customers.forEach((c, customer) => {
    if (c.family === null) return;
    const limit = contactDays[c.family];
    if (!Number.isFinite(limit)) return;
    const follow = c.lastFollowup !== null && c.lastFollowup.day <= asOf ? c.lastFollowup : null;
    const purchase = c.lastPurchase !== null && c.lastPurchase <= asOf ? c.lastPurchase : null;
    const last = Math.max(follow?.day ?? -Infinity, purchase ?? -Infinity);
    if (!Number.isFinite(last)) return;
    const since = asOf - last;
    if (since <= limit) return;
    items.push({
      customer,
      kind: "contact",
      daysLate: since - limit,
      row: follow?.row ?? -1,
      due: last + limit,
      person: follow?.person ?? "",
    });
  });
  return items.sort((a, b) => b.daysLate - a.daysLate || a.customer - b.customer);
}
