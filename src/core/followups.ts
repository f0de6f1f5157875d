/**
 * Follow-up records (seed 004 "跟进记录"): one line per contact with a customer, carrying the sales
 * stage (成交阶段) and the intent class (意向等级) as the sales person saw them at that contact.
 * Pure: reads a grid, never changes it.
 */
import { rowIsBlank, type CustomerIndex, type QualityLog } from "./customers";
import type { DetectedTable } from "./headers";
import { cellText, foldWidth, isBlank, isBlankId, parseDate } from "./parse";
import type { Cell, Serial, SheetGrid } from "./types";
import {
  DONE_WORDS,
  INTENT_WORDS,
  STAGE_WORDS,
  type IntentClass,
  type Stage,
} from "./vocabulary/status";
import { isPostponed, postponeReasonIn } from "./vocabulary/status";

export type { IntentClass, Stage };

/** The forward stages in funnel order; 流失 is not a step forward and stands apart. */
export const FUNNEL_STAGES: readonly Exclude<Stage, "lost">[] = [
  "potential",
  "intent",
  "negotiation",
  "won",
];

export const ALL_STAGES: readonly Stage[] = [...FUNNEL_STAGES, "lost"];

export interface Followup {
  /** Index into `CustomerIndex.customers`; -1 when the ID is not in the index (reported). */
  customer: number;
  /**
   * Day of the contact (Excel serial). null only when the sheet has no date column at all
   * (a stage-only sheet); then the row order is the time order.
   */
  day: Serial | null;
  method: string;
  person: string;
  content: string;
  feedback: string;
  nextAction: string;
  /** 下次跟进日期; null when blank or unreadable (unreadable is reported, the line is kept). */
  nextDay: Serial | null;
  /** 完成状态 says done (已完成/完成/是/done/yes/true/√ ...); anything else is not done. */
  done: boolean;
  stage: Stage | null;
  intent: IntentClass | null;
  /** 0-based sheet row (origin applied), like `Customer.row`. */
  row: number;
  /** 完成状态 says 已延期 (postponed); see core/followupDetail.ts. */
  postponed: boolean;
  /** Why it was postponed: the 延期原因 cell, else the text after 已延期 in the status cell. */
  postponeReason: string;
  /** 下一步负责人 ("" when blank or without the column). */
  nextOwner: string;
  /** 客户异议 ("" when blank or without the column). */
  objection: string;
}

// ---------------------------------------------------------------------------------------------
// Cell vocabularies

/** Lower-cased, width-folded, without any whitespace. */
function squash(cell: Cell): string {
  if (typeof cell !== "string" && typeof cell !== "number") return "";
  return foldWidth(String(cell))
    .toLowerCase()
    .replace(/[\s\u00a0\u3000]+/g, "");
}

/** Exact words only: "未完成" contains "完成" and must stay not done. */
export function parseDone(cell: Cell): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1;
  return DONE_WORDS.has(squash(cell));
}

const STAGE_OF: ReadonlyMap<string, Stage> = new Map(
  STAGE_WORDS.flatMap(([stage, words]) => words.map((w): [string, Stage] => [w, stage]))
);

/** "1.", "2、", "3-", "(4)" before a stage name, as numbered drop-downs write it. */
const LEADING_ORDINAL = /^[(（]?\d{1,2}[)）.、:：\-_]?/;

/**
 * 潜在/潜在客户/已成交/谈判阶段/"1.意向客户"/"Closed Won" → stage key; anything else → null.
 * A leading 已, a trailing 客户/阶段/期/中 and a leading ordinal are dropped before the exact match.
 */
export function parseStage(cell: Cell): Stage | null {
  let s = squash(cell);
  if (s.length === 0) return null;
  s = s.replace(LEADING_ORDINAL, "");
  const direct = STAGE_OF.get(s);
  if (direct) return direct;
  s = s.replace(/^已/, "").replace(/(客户|阶段|期|中|stage)$/, "");
  return STAGE_OF.get(s) ?? null;
}

/** A, a, A类, A级, A类客户, 高/高意向 (A), 中 (B), 低 (C), High/Medium/Low → class; else null. */
export function parseIntent(cell: Cell): IntentClass | null {
  let s = squash(cell);
  if (s.length === 0) return null;
  s = s.replace(/(类客户|级客户|客户|类|级|意向|intent|class)$/, "");
  s = s.replace(/^(意向|intent|class)/, "");
  s = s.replace(/[()（）]/g, "");
  return INTENT_WORDS.get(s) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Reader

function textAt(row: ReadonlyArray<Cell>, col: number | undefined): string {
  return col === undefined ? "" : cellText(row[col]).trim();
}

/**
 * Reads the follow-up sheet. Every line with a customer ID becomes a Followup, except lines whose
 * contact date is blank (missing_date) or unreadable (bad_date): those are reported and dropped.
 * Lines without an ID are reported (missing_id) and dropped; IDs not in the index are reported
 * (unknown_customer) and kept with customer -1 (no figure counts them). An unreadable 下次跟进日期
 * is reported (bad_date, not excluded) and kept as null. Completely blank rows are skipped.
 */
export function readFollowups(
  sheet: SheetGrid,
  table: DetectedTable,
  customers: CustomerIndex,
  log: QualityLog
): Followup[] {
  const cols = table.columns;
  const cId = cols.customerId;
  const cDate = cols.followDate;
  const cNext = cols.nextDate;
  const cDone = cols.done;
  const cStage = cols.stage;
  const cIntent = cols.intent;
  const originRow = sheet.origin?.row ?? 0;
  const values = sheet.values;
  const out: Followup[] = [];
  if (cId === undefined) return out;

  for (let r = Math.max(0, table.firstDataRow); r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowIsBlank(row)) continue;

    let keep = true;
    const idCell = row[cId];
    let customer = -1;
    if (isBlankId(idCell)) {
      log.add("missing_id", r, cId, idCell, true);
      keep = false;
    } else {
      customer = customers.find(idCell);
      if (customer < 0) log.add("unknown_customer", r, cId, idCell, true);
    }

    let day: Serial | null = null;
    if (cDate !== undefined) {
      const dateCell = row[cDate];
      day = parseDate(dateCell);
      if (day === null) {
        log.add(isBlank(dateCell) ? "missing_date" : "bad_date", r, cDate, dateCell, true);
        keep = false;
      }
    }

    let nextDay: Serial | null = null;
    if (cNext !== undefined) {
      const nextCell = row[cNext];
      if (!isBlank(nextCell)) {
        nextDay = parseDate(nextCell);
        if (nextDay === null) log.add("bad_date", r, cNext, nextCell, false);
      }
    }

    if (!keep) continue;
    out.push({
      customer,
      day,
      method: textAt(row, cols.method),
      person: textAt(row, cols.person),
      content: textAt(row, cols.content),
      feedback: textAt(row, cols.feedback),
      nextAction: textAt(row, cols.nextAction),
      nextDay,
      done: cDone === undefined ? false : parseDone(row[cDone]),
      stage: cStage === undefined ? null : parseStage(row[cStage]),
      intent: cIntent === undefined ? null : parseIntent(row[cIntent]),
      row: r + originRow,
      postponed: cDone !== undefined && isPostponed(row[cDone]),
      postponeReason:
        textAt(row, cols.postponeReason) ||
        (cDone === undefined ? "" : postponeReasonIn(row[cDone])),
      nextOwner: textAt(row, cols.nextOwner),
      objection: textAt(row, cols.objection),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per-customer view shared by the funnel and the follow-up watch

/** Rank of a forward stage in the funnel: 潜在 0, 意向 1, 谈判 2, 成交 3. */
export function stageRank(stage: Exclude<Stage, "lost">): number {
  return FUNNEL_STAGES.indexOf(stage);
}

/** Time order of follow-ups: by day (a missing day sorts first), a later row wins ties. */
export function compareFollowups(a: Followup, b: Followup): number {
  const da = a.day ?? -Infinity;
  const db = b.day ?? -Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return a.row - b.row;
}

export interface CustomerTimeline {
  customer: number;
  /** The customer's follow-ups on or before the as-of date, in time order (see compareFollowups). */
  lines: Followup[];
  latest: Followup;
  /**
   * Current stage: the stage of the latest follow-up that states one (a blank 成交阶段 cell carries
   * the last stated stage forward); null when no follow-up states a stage.
   */
  stage: Stage | null;
  /** Current intent class, by the same carry-forward rule as the stage. */
  intent: IntentClass | null;
  /**
   * Highest forward stage ever reached (rank, 0..3): 流失 counts by the highest stage reached
   * before it, and a customer only ever recorded as 流失 counts as 潜在 (0). -1 without stages.
   */
  highest: number;
  /** Earliest dated follow-up (first contact) and earliest dated 成交 follow-up; null when none. */
  firstDay: Serial | null;
  wonDay: Serial | null;
}

/**
 * Groups follow-ups by known customer (customer -1 and indexes >= nCustomers are skipped), keeping
 * only those dated on or before `asOf` (undated lines of a date-less sheet are kept).
 * Returned in customer-index order, one entry per customer with at least one follow-up.
 */
export function customerTimelines(
  followups: readonly Followup[],
  nCustomers: number,
  asOf: Serial
): CustomerTimeline[] {
  const byCustomer = new Map<number, Followup[]>();
  for (const f of followups) {
    if (!Number.isInteger(f.customer) || f.customer < 0 || f.customer >= nCustomers) continue;
    if (f.day !== null && f.day > asOf) continue;
    let list = byCustomer.get(f.customer);
    if (!list) byCustomer.set(f.customer, (list = []));
    list.push(f);
  }
  const out: CustomerTimeline[] = [];
  for (const customer of [...byCustomer.keys()].sort((a, b) => a - b)) {
    const lines = (byCustomer.get(customer) as Followup[]).slice().sort(compareFollowups);
    let stage: Stage | null = null;
    let intent: IntentClass | null = null;
    let highest = -1;
    let sawLost = false;
    let firstDay: Serial | null = null;
    let wonDay: Serial | null = null;
    for (const f of lines) {
      if (f.day !== null && firstDay === null) firstDay = f.day;
      if (f.intent !== null) intent = f.intent;
      if (f.stage === null) continue;
      stage = f.stage;
      if (f.stage === "lost") sawLost = true;
      else highest = Math.max(highest, stageRank(f.stage));
      if (f.stage === "won" && wonDay === null && f.day !== null) wonDay = f.day;
    }
    if (highest < 0 && sawLost) highest = 0;
    out.push({
      customer,
      lines,
      latest: lines[lines.length - 1],
      stage,
      intent,
      highest,
      firstDay,
      wonDay,
    });
  }
  return out;
}
