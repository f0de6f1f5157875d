import { simpleClv } from "./clv/simple";
import { QualityLog, readCustomers, type Customer, type CustomerIndex } from "./customers";
import { detectInputs, type DetectedTable } from "./headers";
import { computeActivity, readOrders, type OrderBook } from "./orders";
import { isBlank, parseAmount, parseCount, parseDate } from "./parse";
import { scoreScheme } from "./schemes";
import { TIER_ORDER } from "./tiers";
import { message } from "../i18n/messages";
import type { Settings } from "./settings";
import {
  NO_PURCHASES,
  type Lang,
  type QualityIssue,
  type RfmInput,
  type SchemeKey,
  type SchemeNote,
  type Serial,
  type SheetGrid,
  type TierResult,
} from "./types";

export interface ScoreOptions {
  settings: Settings;
  lang: Lang;
  /** Today's date as a serial; the as-of date when settings fix none. Passed in to keep the core pure. */
  today: Serial;
  /** Sheets never read as inputs (the add-in's own output sheets). */
  excludeSheets?: ReadonlySet<string>;
}

/**
 * Where R, F and M came from: the orders sheet, the archive's summary columns (no orders sheet),
 * or nowhere (nothing recognisable: see `problem`).
 */
export type ScoreMode = "orders" | "archive" | "none";

export interface CustomerResult {
  customer: Customer;
  /** Days since the latest purchase; null without purchases. */
  recencyDays: number | null;
  frequency: number;
  monetary: number;
  profit: number | null;
  firstPurchase: Serial | null;
  lastPurchase: Serial | null;
  /** Purchase orders up to the as-of date, window or not. */
  ordersAllTime: number;
  /** Return lines in the window. */
  returns: number;
  /** Seed 003's simple CLV; null where it cannot be computed. */
  clv: number | null;
  /** null for a customer without purchases ("no purchases"). */
  tier: TierResult | null;
}

export type ProblemKey = "no_customer_data" | "no_id_column";

export interface ScoreReport {
  mode: ScoreMode;
  problem: ProblemKey | null;
  scheme: SchemeKey;
  lang: Lang;
  asOf: Serial;
  windowStart: Serial;
  inputs: { customers: DetectedTable | null; orders: DetectedTable | null };
  customers: CustomerResult[];
  quality: QualityIssue[];
  notes: SchemeNote[];
  /** Customers per tier key, plus `no_purchases`. */
  tierCounts: Record<string, number>;
  /** Order lines read from the orders sheet and lines that went into the figures. */
  orderLines: { read: number; used: number };
  /** The merged orders (orders mode only), for models and reviews that need single purchases. */
  book: OrderBook | null;
}

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
    const result = emptyResult(index.customers[c]);
    const last = activity.lastPurchase[c];
    if (last >= 0) {
      result.recencyDays = asOf - last;
      result.lastPurchase = last;
      result.firstPurchase = activity.firstPurchase[c];
    }
    result.frequency = activity.frequency[c];
    result.monetary = activity.monetary[c];
    result.profit = book.hasProfit ? activity.profit[c] : null;
    result.ordersAllTime = activity.ordersAllTime[c];
    result.returns = activity.returns[c];
    result.clv = simpleClvOf(result.monetary, result.frequency, result.profit, settings);
    results[c] = result;
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
  const { settings, lang } = options;
  const asOf = settings.asOf ?? options.today;
  const windowStart = asOf - settings.windowDays + 1;
  const detected = detectInputs([...sheets], settings.columnMapping, options.excludeSheets);
  const sheetOf = (t: DetectedTable | null) =>
    t ? sheets.find((s) => s.name === t.sheet) : undefined;
  const archiveSheet = sheetOf(detected.customers);
  const ordersSheet = sheetOf(detected.orders);

  const report: ScoreReport = {
    mode: "none",
    problem: null,
    scheme: settings.scheme,
    lang,
    asOf,
    windowStart,
    inputs: { customers: detected.customers, orders: detected.orders },
    customers: [],
    quality: [],
    notes: [],
    tierCounts: {},
    orderLines: { read: 0, used: 0 },
    book: null,
  };

  let index: CustomerIndex = { customers: [], byKey: new Map() };
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
    if (!archiveSheet)
      report.notes.push({
        key: "customers_from_orders",
        text: message(lang, "customers_from_orders"),
      });
  } else if (archiveSheet && detected.customers) {
    const log = new QualityLog(archiveSheet);
    report.customers = fromArchive(archiveSheet, detected.customers, index, asOf, log, settings);
    report.quality.push(...log.issues);
    report.mode = "archive";
    report.notes.push({ key: "archive_mode", text: message(lang, "archive_mode") });
  } else {
    report.problem = "no_customer_data";
    return report;
  }

  const scored: RfmInput[] = [];
  const scoredAt: number[] = [];
  report.customers.forEach((result, i) => {
    if (result.recencyDays === null) return;
    scored.push({
      recencyDays: result.recencyDays,
      frequency: result.frequency,
      monetary: result.monetary,
      profit: result.profit,
      clv: result.clv,
    });
    scoredAt.push(i);
  });
  const output = scoreScheme(settings.scheme, scored, settings, lang);
  output.results.forEach((tier, k) => {
    report.customers[scoredAt[k]].tier = tier;
  });
  report.notes.push(...output.notes);

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
  return report;
}
