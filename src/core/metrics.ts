/**
 * Seed 003's indicator table (6.1): NPS and CAC. A figure without data is null, never 0.
 */
import { rowIsBlank, type QualityLog } from "./customers";
import type { DetectedTable } from "./headers";
import { foldWidth, isBlank, normalizeHeader, parseDate } from "./parse";
import type { CustomerResult, ScoreMode } from "./results";
import type { Cell, Serial, SheetGrid } from "./types";

// ---------------------------------------------------------------------------------------------
// NPS

/** Headers of a 0–10 "how likely are you to recommend us" column (compared after normalizeHeader). */
export const NPS_HEADERS: readonly string[] = [
  "推荐意愿",
  "推荐意愿评分",
  "推荐评分",
  "推荐分",
  "推荐分数",
  "推荐度",
  "推荐指数",
  "NPS",
  "NPS评分",
  "NPS分数",
  "NPS得分",
  "净推荐值评分",
  "Recommendation score",
  "Recommend score",
  "Likelihood to recommend",
  "NPS score",
];

const NPS_KEYS: ReadonlySet<string> = new Set(NPS_HEADERS.map((h) => normalizeHeader(h)));

/** Column of the recommendation score among header cells, or -1. A bracketed note ("(0-10)") is ignored. */
export function findNpsColumn(headers: ReadonlyArray<Cell>): number {
  for (let c = 0; c < headers.length; c++) {
    const h = normalizeHeader(headers[c]).replace(/[([【].*$/, "");
    if (h.length > 0 && NPS_KEYS.has(h)) return c;
  }
  return -1;
}

/** An integer 0–10 (9, "9", "９", "9分", 9.0); anything else, including 8.5 and 11, is null. */
export function parseNpsScore(cell: Cell): number | null {
  let n: number;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "string") {
    const s = foldWidth(cell)
      .trim()
      .replace(/\s*分$/, "");
    if (!/^\d{1,2}(?:\.0+)?$/.test(s)) return null;
    n = Number(s);
  } else return null;
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n + 0 : null;
}

export interface NpsResult {
  /** (promoters − detractors) ÷ respondents × 100, in −100..100; null without respondents. */
  nps: number | null;
  respondents: number;
  /** Scores 9–10. */
  promoters: number;
  /** Scores 7–8. */
  passives: number;
  /** Scores 0–6. */
  detractors: number;
}

/** NPS of score cells; blank and unreadable cells are not respondents. */
export function nps(scores: ReadonlyArray<Cell>): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const cell of scores) {
    const s = parseNpsScore(cell);
    if (s === null) continue;
    if (s >= 9) promoters++;
    else if (s >= 7) passives++;
    else detractors++;
  }
  const respondents = promoters + passives + detractors;
  return {
    nps: respondents > 0 ? ((promoters - detractors) / respondents) * 100 : null,
    respondents,
    promoters,
    passives,
    detractors,
  };
}

/**
 * NPS from the recommendation-score column of a detected table (the archive, usually); null when the
 * table has no such column. Every non-blank data row is one answer; an unreadable score is reported
 * as bad_number (not excluded: the row still counts elsewhere) and left out of the NPS.
 */
export function npsFromSheet(
  sheet: SheetGrid,
  table: DetectedTable,
  log?: QualityLog
): NpsResult | null {
  const col = findNpsColumn(table.headers);
  if (col < 0) return null;
  const cells: Cell[] = [];
  for (let r = Math.max(0, table.firstDataRow); r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (!Array.isArray(row) || rowIsBlank(row)) continue;
    const cell = row[col];
    if (isBlank(cell)) continue;
    if (parseNpsScore(cell) === null) log?.add("bad_number", r, col, cell, false);
    cells.push(cell);
  }
  return nps(cells);
}

// ---------------------------------------------------------------------------------------------
// CAC

/**
 * Customer acquisition cost = marketing spend ÷ new customers in the period. Null when the spend is
 * not set (null, NaN, negative) or there is no new customer; a spend of 0 gives 0.
 */
export function cac(spend: number | null | undefined, newCustomers: number): number | null {
  if (spend === null || spend === undefined || !Number.isFinite(spend) || spend < 0) return null;
  if (!Number.isFinite(newCustomers) || newCustomers <= 0) return null;
  return spend / newCustomers;
}

/** Customers whose first purchase falls in [start, end] (both inclusive); null days are not new. */
export function countNewCustomers(
  firstDays: ReadonlyArray<Serial | null>,
  start: Serial,
  end: Serial
): number {
  let n = 0;
  for (const d of firstDays) if (d !== null && d >= start && d <= end) n++;
  return n;
}

export interface CacResult {
  cac: number | null;
  spend: number | null;
  newCustomers: number;
  start: Serial;
  end: Serial;
}

/**
 * CAC of a scoring run. A customer is new when their first purchase falls in the period (default:
 * the run's window, windowStart..asOf): the first order in the orders sheet, or, in archive mode,
 * the archive's 首次合作时间 (firstDealDate). An orders export that starts late makes old customers
 * look new; the period should lie inside the exported history.
 */
export function cacFromReport(
  report: {
    customers: readonly CustomerResult[];
    mode: ScoreMode;
    windowStart: Serial;
    asOf: Serial;
  },
  spend: number | null | undefined,
  period?: { start: Serial; end: Serial }
): CacResult {
  const start = period?.start ?? report.windowStart;
  const end = period?.end ?? report.asOf;
  const firstDays = report.customers.map((r) =>
    report.mode === "archive" ? parseDate(r.customer.fields.firstDealDate) : r.firstPurchase
  );
  const newCustomers = countNewCustomers(firstDays, start, end);
  const validSpend =
    spend === null || spend === undefined || !Number.isFinite(spend) || spend < 0 ? null : spend;
  return { cac: cac(validSpend, newCustomers), spend: validSpend, newCustomers, start, end };
}
