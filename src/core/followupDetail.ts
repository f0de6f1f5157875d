/**
 * Follow-up detail (seed 004 第三步 跟进过程动态记录, 第五步 跟进效率分析): postponed next steps and
 * their reasons (完成状态 已延期, "延期需注明原因"), the owner of the next step (下一步行动: 时间、负责人、
 * 动作), objections (异议处理), the first response to a new lead within 24 hours, and follow-ups and
 * days per stage. Pure: codes, numbers and cell positions.
 */
import { cellAddress } from "./address";
import type { CustomerTimeline, Followup, Stage } from "./followups";
import { ALL_STAGES } from "./followups";
import { isPostponed, postponeReasonIn } from "./vocabulary/status";
export { isPostponed, postponeReasonIn };
import type { Serial } from "./types";

export type Progress = "done" | "postponed" | "open";

/** A new lead's first follow-up is due within 24 hours of its creation: whole days, so by the next day. */
export const FIRST_RESPONSE_DAYS = 1;

export interface FirstResponseLate {
  customer: number;
  created: Serial;
  /** Day of the first follow-up on or after creation; null when there is none yet. */
  firstDay: Serial | null;
  /** Days past the 24-hour limit (to the first follow-up, or to the as-of date without one). */
  daysLate: number;
}

/**
 * Leads created in [windowStart, asOf] whose first follow-up came later than FIRST_RESPONSE_DAYS
 * after their creation, or has not come by the as-of date. `created[c]` is customer c's creation
 * day (null: unknown). Follow-ups before the creation day do not count as its response.
 */
export function lateFirstResponses(
  created: ReadonlyArray<Serial | null>,
  timelines: readonly CustomerTimeline[],
  windowStart: Serial,
  asOf: Serial
): FirstResponseLate[] {
  const byCustomer = new Map(timelines.map((t) => [t.customer, t]));
  const out: FirstResponseLate[] = [];
  created.forEach((day, customer) => {
    if (day === null || day < windowStart || day > asOf) return;
    const lines = byCustomer.get(customer)?.lines ?? [];
    const first = lines.find((f) => f.day !== null && f.day >= day && f.day <= asOf)?.day ?? null;
    const until = first ?? asOf;
    const late = until - day - FIRST_RESPONSE_DAYS;
    if (late > 0) out.push({ customer, created: day, firstDay: first, daysLate: late });
  });
  return out.sort((a, b) => b.daysLate - a.daysLate || a.customer - b.customer);
}

export interface StageEffort {
  stage: Stage;
  /** Customers with at least one follow-up at this stage (stated or carried forward). */
  customers: number;
  /** Follow-up lines recorded at this stage. */
  followups: number;
  /** followups ÷ customers; null without customers. */
  avgFollowups: number | null;
  /** Customers who moved on from this stage (dated), over whom the days are averaged. */
  movedOn: number;
  /** Days from the first follow-up at the stage to the first at the next stage; null when nobody moved on. */
  avgDays: number | null;
}

/**
 * Follow-ups and days per stage (seed 004 "各阶段客户平均跟进次数、成交周期"). A line without a stated
 * stage counts at the stage last stated before it; lines before any stated stage are not counted.
 * A customer's stay at a stage runs from its first line there to the first line of the next stage.
 */
export function stageEffort(timelines: readonly CustomerTimeline[]): StageEffort[] {
  const acc = new Map<Stage, { customers: number; followups: number; moved: number; days: number }>(
    ALL_STAGES.map((s) => [s, { customers: 0, followups: 0, moved: 0, days: 0 }])
  );
  for (const t of timelines) {
    let stage: Stage | null = null;
    let since: Serial | null = null;
    const seen = new Set<Stage>();
    for (const f of t.lines) {
      if (f.stage !== null && f.stage !== stage) {
        if (stage !== null && since !== null && f.day !== null) {
          const a = acc.get(stage)!;
          a.moved++;
          a.days += f.day - since;
        }
        stage = f.stage;
        since = f.day;
      }
      if (stage === null) continue;
      const a = acc.get(stage)!;
      a.followups++;
      if (!seen.has(stage)) {
        seen.add(stage);
        a.customers++;
      }
    }
  }
  return ALL_STAGES.map((stage) => {
    const a = acc.get(stage)!;
    return {
      stage,
      customers: a.customers,
      followups: a.followups,
      avgFollowups: a.customers > 0 ? a.followups / a.customers : null,
      movedOn: a.moved,
      avgDays: a.moved > 0 ? a.days / a.moved : null,
    };
  });
}

export type DetailFindingKind = "postponed_no_reason" | "first_response_late" | "no_first_response";

/** One follow-up finding with the cell to look at. */
export interface DetailFinding {
  kind: DetailFindingKind;
  customer: number;
  /** e.g. `跟进记录!I7` (the status cell), or the archive's creation-date cell. */
  address: string;
  /** Days past the 24-hour limit (first-response findings), else null. */
  daysLate: number | null;
}

export interface FollowupDetail {
  /** Follow-up lines whose status says postponed. */
  postponed: number;
  /** Of them, with a reason (in the status cell or the 延期原因 column). */
  postponedWithReason: number;
  /** Lines whose 客户异议 cell is filled. */
  objections: number;
  /** Lines whose 下一步负责人 is filled and differs from the 跟进人. */
  handedOver: number;
  /** Leads the 24-hour check could judge (a creation date in the window), null without the column. */
  leadsChecked: number | null;
  findings: DetailFinding[];
  stages: StageEffort[];
}

/** Where the cells are: sheet names, the columns used and each grid's origin column. */
export interface DetailCells {
  followupSheet: string;
  statusCol: number | null;
  archiveSheet: string | null;
  createdCol: number | null;
}

export function followupDetail(
  lines: readonly Followup[],
  timelines: readonly CustomerTimeline[],
  created: ReadonlyArray<Serial | null> | null,
  createdRow: ReadonlyArray<number>,
  cells: DetailCells,
  windowStart: Serial,
  asOf: Serial
): FollowupDetail {
  const findings: DetailFinding[] = [];
  let postponed = 0;
  let postponedWithReason = 0;
  let objections = 0;
  let handedOver = 0;
  for (const f of lines) {
    if (f.objection !== "") objections++;
    if (f.nextOwner !== "" && f.nextOwner !== f.person) handedOver++;
    if (!f.postponed) continue;
    postponed++;
    if (f.postponeReason !== "") postponedWithReason++;
    else if (f.customer >= 0 && cells.statusCol !== null)
      findings.push({
        kind: "postponed_no_reason",
        customer: f.customer,
        address: cellAddress(cells.followupSheet, f.row, cells.statusCol),
        daysLate: null,
      });
  }
  let leadsChecked: number | null = null;
  if (created && cells.archiveSheet !== null && cells.createdCol !== null) {
    leadsChecked = created.filter((d) => d !== null && d >= windowStart && d <= asOf).length;
    for (const late of lateFirstResponses(created, timelines, windowStart, asOf))
      findings.push({
        kind: late.firstDay === null ? "no_first_response" : "first_response_late",
        customer: late.customer,
        address: cellAddress(cells.archiveSheet, createdRow[late.customer], cells.createdCol),
        daysLate: late.daysLate,
      });
  }
  return {
    postponed,
    postponedWithReason,
    objections,
    handedOver,
    leadsChecked,
    findings,
    stages: stageEffort(timelines),
  };
}
