/**
 * Cell parsing: dates, amounts, counts, IDs and header text as they arrive from Office.js `values`.
 * Hot path (up to ~1M calls per run): number cells return before any string work or allocation.
 * Nothing here guesses: a value that is not clearly one of the accepted forms gives null.
 */
import type { Cell, Serial } from "./types";

// ---------------------------------------------------------------------------------------------
// Characters

/** Whitespace as users type it, incl. NBSP, ideographic space and BOM. */
function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f
  );
}

export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  for (let i = 0; i < cell.length; i++) {
    if (!isSpaceCode(cell.charCodeAt(i))) return false;
  }
  return true;
}

/** Full-width ASCII (U+FF01..U+FF5E) to ASCII and U+3000 to a space; other characters unchanged. */
export function foldWidth(s: string): string {
  let i = 0;
  // Most cells (Chinese names included) need no folding: return the same string without building a new one.
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates (Excel 1900 system)

/** 1899-12-30 counted from 1970-01-01: serials of dates from 1900-03-01 on are days since then. */
const SERIAL_EPOCH_UNIX_DAYS = -25569;
const MAX_SERIAL = 2958465; // 9999-12-31

/** Days from 1970-01-01 for a proleptic Gregorian date (integer arithmetic, no Date object). */
function unixDaysFromYmd(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9; // March-based month so the leap day is last
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function ymdFromUnixDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]);
}

/**
 * Excel serial of a calendar date. Excel counts the fictitious 1900-02-29 as serial 60, so dates
 * before 1900-03-01 are one less than the plain day count.
 */
export function serialFromYmd(y: number, m: number, d: number): Serial {
  const serial = unixDaysFromYmd(y, m, d) - SERIAL_EPOCH_UNIX_DAYS;
  return serial < 61 ? serial - 1 : serial;
}

/** Today in the user's local calendar as a whole serial day (CLI, task pane and ribbon alike). */
export function todaySerial(now = new Date()): Serial {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Calendar date of an Excel serial (fraction dropped); serial 60 is Excel's 1900-02-29. */
export function ymdFromSerial(serial: Serial): { y: number; m: number; d: number } {
  const s = Math.floor(serial);
  if (s === 60) return { y: 1900, m: 2, d: 29 };
  return ymdFromUnixDays(s + SERIAL_EPOCH_UNIX_DAYS + (s < 60 ? 1 : 0));
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** "YYYY-MM-DD". */
export function formatSerial(serial: Serial): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

// Same separator on both sides, so "2024-3/5" is not taken as a date. Time of day is checked, then dropped.
const DATE_SEP =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const DATE_CJK =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?|(\d{1,2})\s*[时点]\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?))?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function validTime(h: string | undefined, mi: string | undefined, s: string | undefined): boolean {
  if (h === undefined) return true;
  return Number(h) <= 23 && Number(mi) <= 59 && (s === undefined || Number(s) <= 59);
}

function serialOrNull(y: number, m: number, d: number): Serial | null {
  return isValidYmd(y, m, d) ? serialFromYmd(y, m, d) : null;
}

/**
 * Excel serial day (integer) of a date cell, or null when the cell is not clearly a full date.
 * Numbers are serials (1..2958465, time of day dropped); an integer like 20240305, which can never be
 * a serial, is read as YYYYMMDD the way CDNOW-style exports store dates.
 */
export function parseDate(cell: Cell): Serial | null {
  if (typeof cell === "number") {
    if (cell >= 1 && cell < MAX_SERIAL + 1) return Math.floor(cell);
    if (cell >= 19000101 && cell <= 99991231 && Math.floor(cell) === cell) {
      const y = Math.floor(cell / 10000);
      const m = Math.floor(cell / 100) % 100;
      return serialOrNull(y, m, cell % 100);
    }
    return null; // NaN, infinities, 0, negatives
  }
  if (typeof cell !== "string") return null;
  const s = foldWidth(cell).trim();
  if (s.length < 8 || s.length > 40) return null;
  let m = DATE_SEP.exec(s);
  if (m) {
    if (!validTime(m[5], m[6], m[7])) return null;
    return serialOrNull(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  m = DATE_CJK.exec(s);
  if (m) {
    if (!validTime(m[4], m[5], m[6]) || !validTime(m[7], m[8], m[9])) return null;
    return serialOrNull(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = DATE_COMPACT.exec(s);
  if (m) return serialOrNull(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

// ---------------------------------------------------------------------------------------------
// Amounts and counts

/**
 * sign? currency? sign? number (valid thousands groups) multiplier? currency?
 * Groups: 1 sign, 2 prefix currency, 3 sign, 4 number, 5 万/亿, 6 suffix currency.
 */
const AMOUNT =
  /^([-+])?\s*(¥|\$|US\$|RMB|CNY|USD)?\s*([-+])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(万|亿)?\s*(元|RMB|CNY|USD|美元)?$/i;

/** Unicode minus and full-width yen are not in the full-width ASCII block; map them too. */
function foldAmountText(cell: string): string {
  let s = foldWidth(cell);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2212 || c === 0xffe5) {
      s = s.replace(/\u2212/g, "-").replace(/\uffe5/g, "¥");
      break;
    }
  }
  return s.trim();
}

export function parseAmount(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== "string") return null;
  let s = foldAmountText(cell);
  if (s.length === 0 || s.length > 64) return null;
  let negative = false;
  // Accounting style: (500) or (¥1,200.00) is a negative amount.
  if (s.charCodeAt(0) === 0x28 && s.charCodeAt(s.length - 1) === 0x29) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const m = AMOUNT.exec(s);
  if (!m) return null;
  const sign1 = m[1];
  const sign2 = m[3];
  if (sign1 !== undefined && sign2 !== undefined) return null;
  const sign = sign1 ?? sign2;
  if (negative && sign !== undefined) return null; // "(-500)" is not a clear amount
  if (m[2] !== undefined && m[6] !== undefined) return null; // two currency marks, e.g. "$100元"
  let value = Number(m[4].replace(/,/g, ""));
  if (m[5] !== undefined) {
    // Round away binary noise: 1.2 * 10000 is 12000.000000000002.
    value = Math.round(value * (m[5] === "万" ? 1e4 : 1e8) * 1e6) / 1e6;
  }
  if (!Number.isFinite(value)) return null;
  if (negative || sign === "-") value = -value;
  return value === 0 ? 0 : value; // no -0
}

const COUNT = /^((?:\d{1,3}(?:,\d{3})+|\d+))\s*(次|笔|单|个|件|回)?$/;

/** Non-negative integer counts such as 交易次数: 12, "12", "12次", "１２". */
export function parseCount(cell: Cell): number | null {
  if (typeof cell === "number") {
    return Number.isInteger(cell) && cell >= 0 && cell <= Number.MAX_SAFE_INTEGER ? cell + 0 : null;
  }
  if (typeof cell !== "string") return null;
  const s = foldWidth(cell).trim();
  if (s.length === 0 || s.length > 24) return null;
  const m = COUNT.exec(s);
  if (!m) return null;
  const n = Number(m[1].replace(/,/g, ""));
  return Number.isSafeInteger(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// IDs, header text, display text

/** Join key for customer/order IDs: width folded, trimmed, lower-case; null when blank. */
export function normalizeId(cell: Cell): string | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell + 0) : null;
  if (typeof cell !== "string") return null;
  // Fast path: printable ASCII without upper case or edge spaces needs no new string.
  const n = cell.length;
  if (n > 0 && cell.charCodeAt(0) !== 0x20 && cell.charCodeAt(n - 1) !== 0x20) {
    let plain = true;
    for (let i = 0; i < n; i++) {
      const c = cell.charCodeAt(i);
      if (c < 0x21 || c > 0x7e || (c >= 0x41 && c <= 0x5a)) {
        plain = false;
        break;
      }
    }
    if (plain) return cell;
  }
  const s = foldWidth(cell).trim().toLowerCase();
  return s.length === 0 ? null : s;
}

/** normalizeId(cell) === null, without building the key. */
export function isBlankId(cell: Cell): boolean {
  if (typeof cell === "number") return !Number.isFinite(cell);
  // Width folding only turns U+3000 into a space, which trim() drops as well.
  return typeof cell !== "string" || cell.trim().length === 0;
}

// Units users put after a header: "金额(元)", "金额（万元）", "Amount (RMB)". Compared after width folding
// and lower-casing; only these are dropped, other bracketed words stay for "contains" matching.
const HEADER_UNIT =
  /\s*[([【]\s*(?:单位\s*[:：]?\s*)?(?:元|万元|千元|亿元|人民币|¥|￥|\$|rmb|cny|usd|yuan|美元|次|笔|单|天|日|个|人|%|件)\s*[)\]】]\s*$/;
const HEADER_DROP = /[\s_\-/:：*]+/g;

/** Header text reduced for synonym matching: "金额（元）" -> "金额", "Order Date" -> "orderdate". */
export function normalizeHeader(text: Cell): string {
  if (text === null || text === undefined || typeof text === "boolean") return "";
  const raw = typeof text === "number" ? String(text) : text;
  const s = foldWidth(raw).toLowerCase().replace(/\*/g, "").replace(HEADER_UNIT, "");
  return s.replace(HEADER_DROP, "");
}

/** Display text of a raw cell for reports; "" for blank. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return isBlank(cell) ? "" : cell;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}
