import type { CustomerIndex, QualityLog } from "./customers";
import { rowIsBlank } from "./customers";
import type { DetectedTable } from "./headers";
import { KeyTable } from "./keyTable";
import { cellText, isBlank, isBlankId, normalizeId, parseAmount, parseDate } from "./parse";
import type { Cell, Grid, Serial } from "./types";
import { RETURN_STATUS_WORDS } from "./vocabulary/status";

/**
 * Orders as the engine sees them: lines with one order number merged into one purchase order;
 * return lines kept apart (they subtract from M and never count in F).
 * Column-wise typed arrays because a sheet may hold Excel's full 1,048,575 rows.
 */
export interface OrderBook {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  profit: Float64Array;
  isReturn: Uint8Array;
  /** The orders carry a profit column. */
  hasProfit: boolean;
  /** Data lines read and lines used (the rest are in the quality log). */
  linesRead: number;
  linesUsed: number;
}

const MAX_SERIAL = 2958465; // 9999-12-31

function serialOf(cell: Cell): number | null {
  if (typeof cell === "number")
    return cell >= 1 && cell <= MAX_SERIAL + 1 ? Math.floor(cell) : null;
  return parseDate(cell);
}

function amountOf(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  return parseAmount(cell);
}

function isReturnStatus(text: string): boolean {
  const lower = text.toLowerCase();
  return RETURN_STATUS_WORDS.some((w) => lower.includes(w));
}

/**
 * `text` is printable ASCII only and sorts strictly after `highest` with upper case folded to
 * lower (`highest` is printable ASCII or ""): then no ID equal to `highest` or below it is equal
 * to `text` under `normalizeId`.
 */
function sortsAfter(text: string, highest: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let order = 0; // sign of text - highest over the characters compared so far
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
    if (order !== 0) continue;
    if (i >= highest.length) {
      order = 1;
      continue;
    }
    let h = highest.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (h >= 0x41 && h <= 0x5a) h += 0x20;
    if (c !== h) order = c > h ? 1 : -1;
  }
  return order > 0;
}

const UNKNOWN = -1;
const BLANK = -2;

/** The customer of an order line's ID cell: an index, UNKNOWN or BLANK; adds it when `addUnknown`. */
function customerOf(idCell: Cell, customers: CustomerIndex, addUnknown: boolean): number {
  if (isBlankId(idCell)) return BLANK;
  const found = customers.find(idCell);
  if (found >= 0 || !addUnknown) return found >= 0 ? found : UNKNOWN;
  const key = normalizeId(idCell) as string;
  customers.addNew({ key, id: cellText(idCell).trim(), row: -1, fields: {} });
  return customers.customers.length - 1;
}

/**
 * Reads order lines into an OrderBook. Unknown customers are reported unless `addUnknown`
 * (no archive: the orders define the customers).
 */
export function readOrders(
  values: Grid,
  table: DetectedTable,
  customers: CustomerIndex,
  asOf: Serial,
  log: QualityLog,
  addUnknown: boolean
): OrderBook {
  const cols = table.columns;
  const cId = cols.customerId;
  const cDate = cols.orderDate;
  const cAmount = cols.amount;
  const cOrder = cols.orderId ?? -1;
  const cProfit = cols.profit ?? -1;
  const cStatus = cols.status ?? -1;

  const capacity = Math.max(0, values.length - table.firstDataRow);
  const customer = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const amount = new Float64Array(capacity);
  const profit = new Float64Array(capacity);
  const isReturn = new Uint8Array(capacity);
  let count = 0;
  let linesRead = 0;
  let linesUsed = 0;

  const returnOfStatus = new Map<Cell, boolean>();
  // Row of each order's first line: the key table compares order numbers through it.
  const orderRow = new Int32Array(capacity);
  // Built only when needed: see `ordersRise` below.
  let orderOfKey: KeyTable | null = null;
  // While every order number so far is printable ASCII and each new one sorts after the one
  // before (case folded, as `normalizeId` compares them: SO00000001, SO00000002, ...), a new one
  // cannot have been seen before, and the table is not needed. The first one that breaks this
  // fills the table with the orders so far.
  let ordersRise = true;
  let highestOrderCell = "";
  const tableOfOrders = (): KeyTable => {
    if (orderOfKey) return orderOfKey;
    const table = new KeyTable(capacity, (order) => values[orderRow[order]][cOrder]);
    for (let i = 0; i < count; i++) {
      const cell = values[orderRow[i]][cOrder];
      if (isReturn[i] === 0 && !isBlank(cell)) table.getOrAdd(cell, i);
    }
    ordersRise = false;
    orderOfKey = table;
    return table;
  };
  const conflicted = new Set<number>();
  // Lines that went into the figures, to find every line of a conflicting order number afterwards.
  const used = new Uint8Array(values.length);
  let previousOrderCell: Cell = undefined;
  let previousOrder = -1;
  // A customer's lines often follow each other: the same ID cell as the line before is not looked
  // up again (an undefined cell, where this starts, is BLANK).
  let previousIdCell: Cell = undefined;
  let previousCustomer = BLANK;

  for (let r = table.firstDataRow; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    const idCell = row[cId];
    let ci = previousCustomer;
    if (idCell !== previousIdCell) {
      ci = customerOf(idCell, customers, addUnknown);
      previousIdCell = idCell;
      previousCustomer = ci;
    }
    if (ci === BLANK && rowIsBlank(row)) continue;
    linesRead++;

    let ok = true;
    if (ci === BLANK) {
      log.add("missing_id", r, cId, idCell, true);
      ok = false;
    } else if (ci === UNKNOWN) {
      log.add("unknown_customer", r, cId, idCell, true);
      ok = false;
    }
    const dateCell = row[cDate];
    const d = serialOf(dateCell);
    if (d === null) {
      log.add(isBlank(dateCell) ? "missing_date" : "bad_date", r, cDate, dateCell, true);
      ok = false;
    }
    const amountCell = row[cAmount];
    const a = amountOf(amountCell);
    if (a === null) {
      log.add(isBlank(amountCell) ? "missing_amount" : "bad_amount", r, cAmount, amountCell, true);
      ok = false;
    }
    let p = 0;
    if (cProfit >= 0) {
      const profitCell = row[cProfit];
      if (!isBlank(profitCell)) {
        const parsed = amountOf(profitCell);
        if (parsed === null) {
          log.add("bad_number", r, cProfit, profitCell, true);
          ok = false;
        } else p = parsed;
      }
    }
    if (!ok) continue;
    if ((d as number) > asOf) {
      log.add("after_as_of", r, cDate, dateCell, true);
      continue;
    }

    let returned = (a as number) < 0;
    if (!returned && cStatus >= 0) {
      const statusCell = row[cStatus];
      if (typeof statusCell === "string" && statusCell !== "") {
        let flag = returnOfStatus.get(statusCell);
        if (flag === undefined) {
          flag = isReturnStatus(statusCell);
          returnOfStatus.set(statusCell, flag);
        }
        returned = flag;
      }
    }

    if (!returned && cOrder >= 0) {
      const orderCell = row[cOrder];
      let existing = -1;
      if (orderCell === previousOrderCell && previousOrder >= 0 && !isBlank(orderCell)) {
        existing = previousOrder;
      } else {
        if (!isBlank(orderCell)) {
          if (
            ordersRise &&
            typeof orderCell === "string" &&
            sortsAfter(orderCell, highestOrderCell)
          )
            highestOrderCell = orderCell;
          else existing = tableOfOrders().getOrAdd(orderCell, count);
        }
      }
      if (existing >= 0) {
        // Another line of the same order: one order, amounts add up, the earliest date counts.
        if (customer[existing] !== ci) conflicted.add(existing);
        amount[existing] += a as number;
        profit[existing] += p;
        if ((d as number) < day[existing]) day[existing] = d as number;
        used[r] = 1;
        linesUsed++;
        previousOrderCell = orderCell;
        previousOrder = existing;
        continue;
      }
      previousOrderCell = orderCell;
      previousOrder = count;
    }

    customer[count] = ci;
    day[count] = d as number;
    // A return subtracts its amount whatever sign the sheet used for it.
    amount[count] = returned ? -Math.abs(a as number) : (a as number);
    profit[count] = returned ? -Math.abs(p) : p;
    isReturn[count] = returned ? 1 : 0;
    orderRow[count] = r;
    // Return lines are marked apart: they are never part of an order number's lines.
    used[r] = returned ? 2 : 1;
    count++;
    linesUsed++;
  }

  if (conflicted.size > 0) {
    // Which customer an order number belongs to cannot be told: leave all its lines out, whatever
    // their order in the sheet, and report each of them.
    const orderTable = tableOfOrders();
    for (let r = table.firstDataRow; r < values.length; r++) {
      if (
        used[r] !== 1 ||
        isBlank(values[r][cOrder]) ||
        !conflicted.has(orderTable.get(values[r][cOrder]))
      )
        continue;
      log.add("order_id_conflict", r, cOrder, values[r][cOrder], true);
      linesUsed--;
    }
    let kept = 0;
    for (let i = 0; i < count; i++) {
      if (conflicted.has(i)) continue;
      customer[kept] = customer[i];
      day[kept] = day[i];
      amount[kept] = amount[i];
      profit[kept] = profit[i];
      isReturn[kept] = isReturn[i];
      kept++;
    }
    count = kept;
  }

  return {
    count,
    customer,
    day,
    amount,
    profit,
    isReturn,
    hasProfit: cProfit >= 0,
    linesRead,
    linesUsed,
  };
}

/** R, F and M inputs per customer, computed from an OrderBook. */
export interface Activity {
  /** Latest purchase day on or before the as-of date, -1 when none. */
  lastPurchase: Int32Array;
  firstPurchase: Int32Array;
  /** Purchase orders in the window. */
  frequency: Int32Array;
  /** Purchase orders at any time up to the as-of date. */
  ordersAllTime: Int32Array;
  /** Net amount in the window. */
  monetary: Float64Array;
  /** Net profit in the window (meaningful when the book has profit). */
  profit: Float64Array;
  /** Return lines in the window. */
  returns: Int32Array;
}

export function computeActivity(
  book: OrderBook,
  nCustomers: number,
  asOf: Serial,
  windowDays: number
): Activity {
  const lastPurchase = new Int32Array(nCustomers).fill(-1);
  const firstPurchase = new Int32Array(nCustomers).fill(-1);
  const frequency = new Int32Array(nCustomers);
  const ordersAllTime = new Int32Array(nCustomers);
  const monetary = new Float64Array(nCustomers);
  const profit = new Float64Array(nCustomers);
  const returns = new Int32Array(nCustomers);
  const windowStart = asOf - windowDays + 1;
  for (let i = 0; i < book.count; i++) {
    const c = book.customer[i];
    const d = book.day[i];
    const inWindow = d >= windowStart;
    if (book.isReturn[i] === 0) {
      ordersAllTime[c]++;
      if (d > lastPurchase[c]) lastPurchase[c] = d;
      if (firstPurchase[c] < 0 || d < firstPurchase[c]) firstPurchase[c] = d;
      if (inWindow) frequency[c]++;
    } else if (inWindow) returns[c]++;
    if (inWindow) {
      monetary[c] += book.amount[i];
      profit[c] += book.profit[i];
    }
  }
  // Sums of cents drift in binary floating point; amounts are money, so keep them to the cent.
  for (let c = 0; c < nCustomers; c++) {
    monetary[c] = Math.round(monetary[c] * 100) / 100;
    profit[c] = Math.round(profit[c] * 100) / 100;
  }
  return { lastPurchase, firstPurchase, frequency, ordersAllTime, monetary, profit, returns };
}
