/**
 * The sales funnel from the follow-up records (seed 004 "转化漏斗分析", "跟进效率分析").
 *
 * Definitions (all counted over known customers' follow-ups dated on or before the as-of date):
 * - A customer's **current stage** is the stage of their latest follow-up (latest day; on the same
 *   day the later row). A follow-up with a blank 成交阶段 carries the last stated stage forward;
 *   customers whose follow-ups never state a stage are counted as `unstaged`.
 * - A customer's **highest stage reached** is the furthest of 潜在 → 意向 → 谈判 → 成交 stated in
 *   any of their follow-ups. 流失 is not a step: a lost customer counts by the highest stage they
 *   reached (before losing, or after a revival); one only ever recorded as 流失 counts as 潜在.
 * - **Conversion k → k+1** = customers whose highest stage is k+1 or beyond ÷ customers whose
 *   highest stage is k or beyond; null when nobody reached k.
 * - **biggestDrop** = the consecutive pair with the lowest conversion (the earlier pair on ties);
 *   null when no conversion can be computed.
 * - **Average follow-ups** = follow-up lines ÷ customers with follow-ups.
 * - **Average days to win** = over customers who reached 成交 with dated follow-ups: days from their
 *   first follow-up (first contact) to their first 成交 follow-up.
 * - **Per person**: each customer belongs to the 跟进人 of their latest follow-up ("" when blank);
 *   the person's figures use all follow-ups of their customers. Persons are listed by customers
 *   (most first), then by first appearance in customer order.
 */
import {
  ALL_STAGES,
  FUNNEL_STAGES,
  customerTimelines,
  type CustomerTimeline,
  type Followup,
  type Stage,
} from "./followups";
import type { Serial } from "./types";

export type FunnelStage = Exclude<Stage, "lost">;

export interface Conversion {
  from: FunnelStage;
  to: FunnelStage;
  /** Customers whose highest stage is `from` or beyond. */
  reached: number;
  /** Customers whose highest stage is `to` or beyond. */
  advanced: number;
  /** advanced ÷ reached; null when reached is 0. */
  rate: number | null;
}

export interface FunnelFigures {
  /** Customers with at least one follow-up. */
  customers: number;
  /** Customers by current stage. */
  byStage: Record<Stage, number>;
  /** Customers whose follow-ups never state a stage. */
  unstaged: number;
  followups: number;
  /** followups ÷ customers; null without customers. */
  avgFollowups: number | null;
  /** Customers who reached 成交 (whatever their current stage). */
  won: number;
  /** null when no won customer has dated follow-ups. */
  avgDaysToWin: number | null;
}

export interface PersonFunnel extends FunnelFigures {
  /** 跟进人 as written (trimmed); "" for follow-ups without a person. */
  person: string;
}

export interface FunnelReport extends FunnelFigures {
  asOf: Serial;
  /** Customers whose highest stage is each stage or beyond (potential = every staged customer). */
  reached: Record<FunnelStage, number>;
  /** 潜在→意向, 意向→谈判, 谈判→成交. */
  conversions: Conversion[];
  biggestDrop: Conversion | null;
  byPerson: PersonFunnel[];
}

function emptyByStage(): Record<Stage, number> {
  const out = {} as Record<Stage, number>;
  for (const s of ALL_STAGES) out[s] = 0;
  return out;
}

function figures(timelines: readonly CustomerTimeline[]): FunnelFigures {
  const byStage = emptyByStage();
  let unstaged = 0;
  let followups = 0;
  let won = 0;
  let daysSum = 0;
  let daysCount = 0;
  for (const t of timelines) {
    if (t.stage === null) unstaged++;
    else byStage[t.stage]++;
    followups += t.lines.length;
    if (t.highest === FUNNEL_STAGES.length - 1) {
      won++;
      if (t.firstDay !== null && t.wonDay !== null) {
        daysSum += t.wonDay - t.firstDay;
        daysCount++;
      }
    }
  }
  const customers = timelines.length;
  return {
    customers,
    byStage,
    unstaged,
    followups,
    avgFollowups: customers > 0 ? followups / customers : null,
    won,
    avgDaysToWin: daysCount > 0 ? daysSum / daysCount : null,
  };
}

/** Funnel figures of the follow-ups; see the definitions at the top of this file. */
export function funnel(
  followups: readonly Followup[],
  nCustomers: number,
  asOf: Serial
): FunnelReport {
  const timelines = customerTimelines(followups, nCustomers, asOf);

  const reached = {} as Record<FunnelStage, number>;
  FUNNEL_STAGES.forEach((stage, k) => {
    reached[stage] = timelines.filter((t) => t.highest >= k).length;
  });
  const conversions: Conversion[] = [];
  for (let k = 0; k + 1 < FUNNEL_STAGES.length; k++) {
    const from = FUNNEL_STAGES[k];
    const to = FUNNEL_STAGES[k + 1];
    const r = reached[from];
    const a = reached[to];
    conversions.push({ from, to, reached: r, advanced: a, rate: r > 0 ? a / r : null });
  }
  let biggestDrop: Conversion | null = null;
  for (const c of conversions) {
    if (c.rate === null) continue;
    if (biggestDrop === null || c.rate < (biggestDrop.rate as number)) biggestDrop = c;
  }

  const groups = new Map<string, CustomerTimeline[]>();
  for (const t of timelines) {
    const person = t.latest.person.trim();
    let list = groups.get(person);
    if (!list) groups.set(person, (list = []));
    list.push(t);
  }
  // Map iteration follows insertion: the first appearance in customer order breaks ties.
  const byPerson: PersonFunnel[] = [...groups]
    .map(([person, list], first) => ({ first, figures: { person, ...figures(list) } }))
    .sort((a, b) => b.figures.customers - a.figures.customers || a.first - b.first)
    .map((entry) => entry.figures);

  return { asOf, ...figures(timelines), reached, conversions, biggestDrop, byPerson };
}
