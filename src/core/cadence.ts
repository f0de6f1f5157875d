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
import type { Serial } from "./types";

export type CadenceDays = Record<IntentClass, number>;

/** A weekly for A (seed 004), fortnightly for B, monthly for C; editable in settings. */
export const DEFAULT_CADENCE: Readonly<CadenceDays> = { A: 7, B: 14, C: 30 };

export type WatchKind = "overdue" | "cadence";

export interface WatchItem {
  /** Index into `CustomerIndex.customers`. */
  customer: number;
  kind: WatchKind;
  daysLate: number;
  /** 0-based sheet row of the follow-up line the item is about. */
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
