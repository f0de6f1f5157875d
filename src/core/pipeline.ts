import { tierBalance } from "./balance";
import { customerVoices, type CustomerVoice } from "./feedback";
import { daysStale, updateCycle } from "./freshness";
import { contactWatch, followupWatch } from "./cadence";
import { simpleClv } from "./clv/simple";
import { CustomerIndex, QualityLog, readCustomers, type Customer } from "./customers";
import { distribution, SEGMENT_FIELDS } from "./distribution";
import { customerTimelines, FUNNEL_STAGES, readFollowups, type Followup } from "./followups";
import { funnel } from "./funnel";
import { detectInputs, type DetectedInputs, type DetectedTable } from "./headers";
import { hygieneReport } from "./hygiene";
import { cellAddress } from "./address";
import { cacFromReport, findNpsColumn, npsFromSheet } from "./metrics";
import { followupDetail } from "./followupDetail";
import { channelResults } from "./channels";
import { computeActivity, readOrders, type OrderBook } from "./orders";
import { cellText, isBlank, parseAmount, parseCount, parseDate } from "./parse";
import { scoreScheme } from "./schemes";
import { TIER_ORDER } from "./tiers";
import type { Settings } from "./settings";
import { NO_PURCHASES, type Cell, type RfmInput, type Serial, type SheetGrid } from "./types";

import type { CustomerResult, NpsReport, ScoreReport, WatchEntry } from "./report";

export interface ScoreOptions {
  settings: Settings;
  /** Today's date as a serial; the as-of date when settings fix none. Passed in to keep the core pure. */
  today: Serial;
  /** Sheets never read as inputs (the add-in's own output sheets). */
  excludeSheets?: ReadonlySet<string>;
}

export type {
  CustomerResult,
  FollowupReport,
  NpsReport,
  PipelineNote,
  ProblemKey,
  ReportNote,
  ScoreMode,
  ScoreReport,
  WatchEntry,
} from "./report";

function simpleClvOf(
  monetary: number,
  frequency: number,
  profit: number | null,
  settings: Settings
): number | null {
  if (frequency <= 0 || monetary <= 0) return null;
  const margin = profit !== null ? profit / monetary : settings.clv.margin;
  const ordersPerYear = (frequency * 365) / settings.windowDays;
  const value = simpleClv(monetary / frequency, ordersPerYear, settings.clv.retentionYears, margin);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function emptyResult(customer: Customer): CustomerResult {
  return {
    customer,
    recencyDays: null,
    frequency: 0,
    monetary: 0,
    profit: null,
    firstPurchase: null,
    lastPurchase: null,
    ordersAllTime: 0,
    returns: 0,
    clv: null,
    tier: null,
  };
}

/** R, F, M from the orders sheet. */
function fromOrders(
  index: CustomerIndex,
  book: OrderBook,
  asOf: Serial,
  settings: Settings
): CustomerResult[] {
  const n = index.customers.length;
  const activity = computeActivity(book, n, asOf, settings.windowDays);
  const results: CustomerResult[] = new Array(n);
  for (let c = 0; c < n; c++) {
    const last = activity.lastPurchase[c];
    const bought = last >= 0;
    const frequency = activity.frequency[c];
    const monetary = activity.monetary[c];
    const profit = book.hasProfit ? activity.profit[c] : null;
    // One object per customer, built whole (the fields in emptyResult's order).
    results[c] = {
      customer: index.customers[c],
      recencyDays: bought ? asOf - last : null,
      frequency,
      monetary,
      profit,
      firstPurchase: bought ? activity.firstPurchase[c] : null,
      lastPurchase: bought ? last : null,
      ordersAllTime: activity.ordersAllTime[c],
      returns: activity.returns[c],
      clv: simpleClvOf(monetary, frequency, profit, settings),
      tier: null,
    };
  }
  return results;
}

/**
 * R, F, M from the archive's 最近交易日期 / 交易次数 / 累计交易金额 when there is no orders sheet.
 * These columns are lifetime totals, not the window: the report says so.
 */
function fromArchive(
  sheet: SheetGrid,
  table: DetectedTable,
  index: CustomerIndex,
  asOf: Serial,
  log: QualityLog,
  settings: Settings
): CustomerResult[] {
  const cols = table.columns;
  const originRow = sheet.origin?.row ?? 0;
  return index.customers.map((customer) => {
    const result = emptyResult(customer);
    const r = customer.row - originRow;
    const dateCell = customer.fields.lastPurchaseDate;
    const countCell = customer.fields.purchaseCount;
    const amountCell = customer.fields.totalAmount;
    if (isBlank(dateCell)) return result;
    const last = parseDate(dateCell);
    const count = isBlank(countCell) ? 1 : parseCount(countCell);
    const amount = isBlank(amountCell) ? 0 : parseAmount(amountCell);
    let ok = true;
    if (last === null) {
      log.add("bad_date", r, cols.lastPurchaseDate, dateCell, true);
      ok = false;
    } else if (last > asOf) {
      log.add("after_as_of", r, cols.lastPurchaseDate, dateCell, true);
      ok = false;
    }
    if (count === null) {
      log.add("bad_number", r, cols.purchaseCount, countCell, true);
      ok = false;
    }
    if (amount === null) {
      log.add("bad_amount", r, cols.totalAmount, amountCell, true);
      ok = false;
    }
    if (!ok) return result;
    result.recencyDays = asOf - (last as number);
    result.lastPurchase = last;
    result.frequency = count as number;
    result.ordersAllTime = count as number;
    result.monetary = amount as number;
    result.clv = simpleClvOf(result.monetary, result.frequency, null, settings);
    return result;
  });
}

/**
 * The whole computation on plain grids: find the inputs, parse, compute R/F/M, score and tier.
 * Never throws on any grid: what it cannot use is in `quality`, what it cannot do is in `problem`.
 */
export function scoreSheets(sheets: readonly SheetGrid[], options: ScoreOptions): ScoreReport {
  const { settings } = options;
  const asOf = settings.asOf ?? options.today;
  const windowStart = asOf - settings.windowDays + 1;
  const detected = detectInputs([...sheets], settings.columnMapping, options.excludeSheets);
  const sheetOf = (t: DetectedTable | null) =>
    t ? sheets.find((s) => s.name === t.sheet) : undefined;
  const archiveSheet = sheetOf(detected.customers);
  const ordersSheet = sheetOf(detected.orders);
  const followupSheet = sheetOf(detected.followups);

  const report: ScoreReport = {
    mode: "none",
    problem: null,
    scheme: settings.scheme,
    asOf,
    windowStart,
    inputs: {
      customers: detected.customers,
      orders: detected.orders,
      followups: followupSheet ? detected.followups : null,
      partial: detected.partial,
    },
    customers: [],
    quality: [],
    notes: [],
    tierCounts: {},
    orderLines: { read: 0, used: 0 },
    book: null,
    followups: null,
    distribution: { tables: [], best: null },
    hygiene: { duplicates: [], missing: null, withoutOrders: [] },
    nps: null,
    cac: {
      cac: null,
      spend: validSpend(settings.marketingSpend),
      newCustomers: 0,
      start: windowStart,
      end: asOf,
    },
    balance: { scheme: settings.scheme, tiered: 0, findings: [], suggestion: null },
  };

  let index = new CustomerIndex();
  if (archiveSheet && detected.customers) {
    const log = new QualityLog(archiveSheet);
    index = readCustomers(archiveSheet, detected.customers, log);
    report.quality.push(...log.issues);
  }

  if (ordersSheet && detected.orders) {
    const log = new QualityLog(ordersSheet);
    const book = readOrders(ordersSheet.values, detected.orders, index, asOf, log, !archiveSheet);
    report.quality.push(...log.issues);
    report.mode = "orders";
    report.book = book;
    report.orderLines = { read: book.linesRead, used: book.linesUsed };
    report.customers = fromOrders(index, book, asOf, settings);
    if (!archiveSheet) report.notes.push({ key: "customers_from_orders" });
  } else if (archiveSheet && detected.customers) {
    const log = new QualityLog(archiveSheet);
    report.customers = fromArchive(archiveSheet, detected.customers, index, asOf, log, settings);
    report.quality.push(...log.issues);
    report.mode = "archive";
    report.notes.push({ key: "archive_mode" });
  } else {
    report.problem = "no_customer_data";
    return report;
  }

  const scored: RfmInput[] = [];
  const scoredAt: number[] = [];
  for (let i = 0; i < report.customers.length; i++) {
    const result = report.customers[i];
    if (result.recencyDays === null) continue;
    // A result with a recency has every field a scheme reads: no copy per customer.
    scored.push(result as RfmInput);
    scoredAt.push(i);
  }
  const output = scoreScheme(settings.scheme, scored, settings);
  for (let k = 0; k < output.results.length; k++)
    report.customers[scoredAt[k]].tier = output.results[k];
  report.notes.push(...output.notes);
  report.balance = tierBalance(settings.scheme, scored, output.results, settings);

  const counts = new Map<string, number>();
  for (const result of report.customers) {
    const key = result.tier ? result.tier.tier : NO_PURCHASES;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Best tier first, customers without purchases last: the order every summary shows.
  const order = [...TIER_ORDER, NO_PURCHASES];
  report.tierCounts = Object.fromEntries(
    [...counts].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
  );

  const archiveOriginCol = archiveSheet?.origin?.col ?? 0;
  const won = addFollowups(
    report,
    index,
    followupSheet,
    detected,
    settings,
    asOf,
    archiveOriginCol
  );
  report.hygiene = hygieneReport(report.customers, detected.customers, archiveOriginCol);
  const segmentFields = SEGMENT_FIELDS.filter((f) => detected.customers?.columns[f] !== undefined);
  // Without a segment column there is nothing to group: no line per customer is built for it.
  report.distribution =
    segmentFields.length === 0
      ? { tables: [], best: null }
      : distribution(
          report.customers.map((r, i) => ({
            fields: r.customer.fields,
            revenue: r.monetary,
            converted: r.ordersAllTime > 0 || won.has(i),
          })),
          segmentFields
        );
  report.channels =
    detected.customers?.columns.source === undefined
      ? null
      : channelResults(
          report.customers.map((r, i) => ({
            source: r.customer.fields.source,
            converted: r.ordersAllTime > 0 || won.has(i),
            firstPurchase: r.firstPurchase,
            revenue: r.monetary,
          })),
          windowStart,
          asOf
        );
  report.nps = npsOf(report, archiveSheet, detected.customers, followupSheet, detected.followups);
  report.voices = voicesOf(report, index, archiveSheet, detected, followupSheet, asOf);
  report.cac = cacFromReport(report, settings.marketingSpend);
  return report;
}

function validSpend(spend: number | null): number | null {
  return spend !== null && Number.isFinite(spend) && spend >= 0 ? spend : null;
}

/**
 * Reads the follow-up sheet (when there is one) into the report: funnel and watchlist, unusable cells
 * in `quality`. Returns the customers (indexes) who reached 成交 in the records.
 */
function addFollowups(
  report: ScoreReport,
  index: CustomerIndex,
  sheet: SheetGrid | undefined,
  detected: DetectedInputs,
  settings: Settings,
  asOf: Serial,
  archiveCol: number
): Set<number> {
  const won = new Set<number>();
  const table = detected.followups;
  if (!sheet || !table) return won;
  const log = new QualityLog(sheet);
  const lines = readFollowups(sheet, table, index, log);
  report.quality.push(...log.issues);
  const n = index.customers.length;
  const timelines = customerTimelines(lines, n, asOf);
  for (const t of timelines) if (t.highest === FUNNEL_STAGES.length - 1) won.add(t.customer);
  const current = new Map(timelines.map((t) => [t.customer, t]));
  const byRow = new Map<number, Followup>(lines.map((f) => [f.row, f]));
  const originCol = sheet.origin?.col ?? 0;
  const cadenceDays = { ...settings.cadenceDays };
  const contacts = contactWatch(
    report.customers.map((r, c) => {
      const latest = current.get(c)?.latest;
      return {
        family: r.tier?.family ?? null,
        lastPurchase: r.lastPurchase,
        lastFollowup:
          latest && latest.day !== null
            ? { day: latest.day, row: latest.row, person: latest.person }
            : null,
      };
    }),
    asOf,
    settings.contactDays
  );
  const archive = detected.customers;
  const items = [...followupWatch(lines, n, asOf, cadenceDays), ...contacts].sort(
    (a, b) => b.daysLate - a.daysLate
  );
  const watch = items.map((item): WatchEntry => {
    const customer = index.customers[item.customer];
    const timeline = current.get(item.customer);
    const col =
      (item.kind === "overdue" ? table.columns.nextDate : table.columns.followDate) ??
      table.columns.customerId;
    const name = customer.fields.name;
    let address = "";
    if (item.row >= 0) address = cellAddress(sheet.name, item.row, col + originCol);
    else if (archive && customer.row >= 0)
      address = cellAddress(archive.sheet, customer.row, archive.columns.customerId + archiveCol);
    return {
      ...item,
      id: customer.id,
      name: isBlank(name) ? "" : cellText(name).trim(),
      intent: timeline?.intent ?? null,
      stage: timeline?.stage ?? null,
      nextAction: item.row >= 0 ? (byRow.get(item.row)?.nextAction ?? "") : "",
      address,
      tier: report.customers[item.customer]?.tier?.tier ?? null,
    };
  });
  report.followups = {
    sheet: sheet.name,
    lines: lines.length,
    funnel: funnel(lines, n, asOf),
    watch,
    cadenceDays,
    contactDays: { ...settings.contactDays },
    detail: followupDetail(
      lines,
      timelines,
      archive && archive.columns.created !== undefined
        ? index.customers.map((c) => (c.row >= 0 ? parseDate(c.fields.created) : null))
        : null,
      index.customers.map((c) => c.row),
      {
        followupSheet: sheet.name,
        statusCol: table.columns.done === undefined ? null : table.columns.done + originCol,
        archiveSheet: archive?.sheet ?? null,
        createdCol:
          archive?.columns.created === undefined ? null : archive.columns.created + archiveCol,
      },
      report.windowStart,
      asOf
    ),
  };
  return won;
}

/** The latest score and feedback of each customer, from the archive and the follow-up records. */
function voicesOf(
  report: ScoreReport,
  index: CustomerIndex,
  archiveSheet: SheetGrid | undefined,
  detected: DetectedInputs,
  followupSheet: SheetGrid | undefined,
  asOf: Serial
): CustomerVoice[] {
  const cellAt = (sheet: SheetGrid, sheetRow: number, col: number): Cell => {
    const row = sheet.values[sheetRow - (sheet.origin?.row ?? 0)];
    return Array.isArray(row) ? row[col] : null;
  };
  const archive = detected.customers;
  const archiveCol = archive ? findNpsColumn(archive.headers) : -1;
  const archiveScore = (c: number): Cell => {
    const row = index.customers[c]?.row ?? -1;
    return archiveSheet && archiveCol >= 0 && row >= 0
      ? cellAt(archiveSheet, row, archiveCol)
      : null;
  };
  let timelines: ReturnType<typeof customerTimelines> = [];
  let followupScore: ((line: Followup) => Cell) | null = null;
  const table = detected.followups;
  if (followupSheet && table) {
    const lines = readFollowups(followupSheet, table, index, new QualityLog(followupSheet));
    timelines = customerTimelines(lines, index.customers.length, asOf);
    const col = findNpsColumn(table.headers);
    if (col >= 0) followupScore = (line) => cellAt(followupSheet, line.row, col);
  }
  if (archiveSheet && archive && archive.columns.lastUpdated !== undefined)
    staleRecords(report, index, archiveSheet, archive.columns.lastUpdated, timelines, asOf);
  return customerVoices(report.customers.length, archiveScore, timelines, followupScore);
}

/**
 * Archive records older than their update cycle, listed in the data quality with the cell of their
 * last-updated date (an unreadable date is listed as bad_date; the record still counts everywhere).
 */
function staleRecords(
  report: ScoreReport,
  index: CustomerIndex,
  sheet: SheetGrid,
  col: number,
  timelines: ReturnType<typeof customerTimelines>,
  asOf: Serial
): void {
  const byCustomer = new Map(timelines.map((t) => [t.customer, t]));
  const log = new QualityLog(sheet);
  const originRow = sheet.origin?.row ?? 0;
  index.customers.forEach((customer, c) => {
    if (customer.row < 0) return;
    const cell = sheet.values[customer.row - originRow]?.[col];
    if (isBlank(cell)) return;
    const updated = parseDate(cell);
    if (updated === null) {
      log.add("bad_date", customer.row - originRow, col, cell, false);
      return;
    }
    const t = byCustomer.get(c);
    const won =
      (report.customers[c]?.ordersAllTime ?? 0) > 0 || t?.highest === FUNNEL_STAGES.length - 1;
    if (daysStale(updated, updateCycle(won, t?.intent === "A"), asOf) !== null)
      log.add("stale_record", customer.row - originRow, col, cell, false);
  });
  report.quality.push(...log.issues);
}

/** NPS from the archive's recommendation-score column, else the follow-up sheet's; null when neither has one. */
function npsOf(
  report: ScoreReport,
  archiveSheet: SheetGrid | undefined,
  archive: DetectedTable | null,
  followupSheet: SheetGrid | undefined,
  followups: DetectedTable | null
): NpsReport | null {
  for (const [sheet, table] of [
    [archiveSheet, archive],
    [followupSheet, followups],
  ] as const) {
    if (!sheet || !table) continue;
    const log = new QualityLog(sheet);
    const result = npsFromSheet(sheet, table, log);
    if (result === null) continue;
    report.quality.push(...log.issues);
    return { ...result, sheet: sheet.name };
  }
  return null;
}
