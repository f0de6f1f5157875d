/**
 * Archive hygiene (seed 003 "去重/补全", seed 004 "必填信息项"): likely duplicate customers, missing
 * required fields, customers without orders. Only lists; nothing is ever merged or changed.
 */
import { cellAddress } from "./address";
import type { Customer } from "./customers";
import type { DetectedTable } from "./headers";
import type { CustomerResult } from "./results";
import { TextIds } from "./keyTable";
import { cellText, foldWidth, isBlank } from "./parse";
import type { Cell } from "./types";

// ---------------------------------------------------------------------------------------------
// Phones

/** Fewer digits than this is an extension, a placeholder or a typo, never a match key. */
export const MIN_PHONE_DIGITS = 7;

/** Several numbers in one cell: "138 0013 8000 / 021-6234 5678", "…；…", "… 或 …". */
const PHONE_SPLIT = /[/,;，；、|\n\r]+|或|和/;

/**
 * Match key of one phone number: digits only; a country code written as +86 / 0086, or a bare 86 in
 * front of an 11-digit mobile (1xxxxxxxxxx), is dropped; a landline written with +86 gets its
 * trunk 0 back (+86 21 6234 5678 → 02162345678, as 021-62345678 gives). Null when fewer than
 * MIN_PHONE_DIGITS digits remain or all digits are the same (00000000, 11111111111).
 */
export function normalizePhone(text: string): string | null {
  const s = foldWidth(text).trim();
  let digits = s.replace(/\D+/g, "");
  const international = /^\(?\+/.test(s) || digits.startsWith("00");
  const china = international && /^(?:00)?86/.test(digits);
  if (china) {
    digits = digits.replace(/^(?:00)?86/, "");
    if (digits.length > 0 && digits[0] !== "1" && digits[0] !== "0") digits = "0" + digits;
  } else if (international) {
    // Another country: compared as written, country code included.
  } else if (digits.length === 13 && digits.startsWith("861")) {
    digits = digits.slice(2);
  }
  if (digits.length < MIN_PHONE_DIGITS) return null;
  if (/^(\d)\1*$/.test(digits)) return null;
  return digits;
}

/**
 * A phone written as MIN_PHONE_DIGITS or more ASCII digits, not all the same, without a country
 * code (no leading 00, not 86 and an 11-digit mobile): its own key, as normalizePhone would give.
 * Most phone cells look like this; they need no new strings.
 */
function isPlainPhone(text: string): boolean {
  const n = text.length;
  if (n < MIN_PHONE_DIGITS) return false;
  let same = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
    same &&= c === text.charCodeAt(0);
  }
  if (same || text.startsWith("00")) return false;
  return !(n === 13 && text.startsWith("861"));
}

/** Every phone key of a cell (a cell may hold several numbers). */
export function phoneKeys(cell: Cell): string[] {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || !Number.isInteger(cell) || cell < 0) return [];
    const key = normalizePhone(String(cell));
    return key === null ? [] : [key];
  }
  if (typeof cell !== "string" || isBlank(cell)) return [];
  if (isPlainPhone(cell)) return [cell];
  const keys: string[] = [];
  for (const part of cell.split(PHONE_SPLIT)) {
    const key = normalizePhone(part);
    if (key !== null && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * Legal-form suffixes, compared after normalising (no spaces or punctuation, lower case). The longest
 * matching one is stripped, once: "某某股份有限公司" and "某某有限公司" and "某某公司" all give "某某".
 * Region brackets ("(上海)") and 集团/科技 are kept: they tell firms apart.
 */
const NAME_SUFFIXES: readonly string[] = [
  "股份有限公司",
  "有限责任公司",
  "有限責任公司",
  "有限公司",
  "公司",
  "companylimited",
  "corporation",
  "coltd",
  "limited",
  "company",
  "corp",
  "inc",
  "llc",
  "ltd",
  "gmbh",
].sort((a, b) => b.length - a.length);

/**
 * The suffixes by the code of their last character, longest first: most names end in none of them
 * (a code, not a one-character string, which a CJK character would have to be built as).
 */
const SUFFIXES_BY_LAST_CODE = new Map<number, string[]>();
for (const suffix of NAME_SUFFIXES) {
  const last = suffix.charCodeAt(suffix.length - 1);
  SUFFIXES_BY_LAST_CODE.set(last, [...(SUFFIXES_BY_LAST_CODE.get(last) ?? []), suffix]);
}
const NO_SUFFIXES: readonly string[] = [];

/** Whitespace and punctuation that only vary in how a name is typed. */
const NAME_NOISE =
  /[\s\u00a0\u3000.,·・'"`()[\]{}（）【】「」《》<>、，。\u2018\u2019\u201c\u201d\-_&+]+/g;

/** A name shorter than this after stripping the suffix is too generic to call two customers the same. */
export const MIN_NAME_CHARS = 2;

/**
 * `text.toLowerCase()`, without the call when no character has a lower case: most Chinese names are
 * CJK ideographs, digits and lower-case letters, and lower-casing such a string costs a new copy.
 */
function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const caseless = c < 0x41 || (c > 0x5a && c < 0x80) || (c >= 0x4e00 && c <= 0x9fff);
    if (!caseless) return text.toLowerCase();
  }
  return text;
}

/**
 * A name made only of CJK ideographs, digits and lower-case ASCII letters: width folding, lower
 * casing and removing NAME_NOISE leave it as it is, so it needs no new strings.
 */
function isPlainName(cell: Cell): cell is string {
  if (typeof cell !== "string") return false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)))
      return false;
  }
  return true;
}

/**
 * Match key of a customer name: width folded, spaces and punctuation removed, lower case, then the
 * longest legal-form suffix stripped once, only when at least MIN_NAME_CHARS characters remain
 * ("A公司" stays "a公司", so one-letter firms do not all match each other). Null for blank names,
 * names shorter than MIN_NAME_CHARS, and names that are nothing but a legal form ("有限公司").
 */
export function normalizeName(cell: Cell): string | null {
  if (typeof cell !== "string" && typeof cell !== "number") return null;
  const s = isPlainName(cell) ? cell : lowerCase(foldWidth(String(cell))).replace(NAME_NOISE, "");
  let key = s;
  for (const suffix of SUFFIXES_BY_LAST_CODE.get(s.charCodeAt(s.length - 1)) ?? NO_SUFFIXES) {
    if (!s.endsWith(suffix)) continue;
    if (s.length === suffix.length) return null; // only a legal form: "公司", "有限公司"
    const rest = s.slice(0, s.length - suffix.length);
    if (rest.length >= MIN_NAME_CHARS) key = rest;
    break;
  }
  return key.length >= MIN_NAME_CHARS ? key : null;
}

// ---------------------------------------------------------------------------------------------
// Duplicates

export type DuplicateReason = "phone" | "name";

/** [ID of the earlier customer, ID of the later one, why]; archive order. */
export type DuplicatePair = [string, string, DuplicateReason];

export interface DuplicateOptions {
  /** Field holding the phone (default "phone"). */
  phoneField?: string;
  /** Field holding the customer name (default "name"). */
  nameField?: string;
  /**
   * A key shared by more customers than this (a switchboard number, "个人") yields only the pairs
   * (first, other) instead of every pair, so the list stays readable. Default 10.
   */
  maxGroup?: number;
}

/**
 * Likely duplicate customers: the same phone key (see normalizePhone) or the same name key (see
 * normalizeName). Each pair of customers appears once; when both rules match, the reason is "phone".
 * Pairs are ordered by the archive position of the first, then of the second customer.
 */
export function findDuplicates(
  customers: readonly Customer[],
  options: DuplicateOptions = {}
): DuplicatePair[] {
  return duplicateIndexes(customers, options).map(([i, j, reason]) => [
    customers[i].id,
    customers[j].id,
    reason,
  ]);
}

/** findDuplicates as positions in `customers`, archive order. */
function duplicateIndexes(
  customers: readonly Customer[],
  options: DuplicateOptions
): Array<[number, number, DuplicateReason]> {
  const phoneField = options.phoneField ?? "phone";
  const nameField = options.nameField ?? "name";
  const maxGroup = Math.max(2, options.maxGroup ?? 10);

  // A key's customers, by the key's number: a lone index until a second one shares it (most keys
  // never get one).
  const groups: Record<DuplicateReason, { keys: TextIds; members: Array<number | number[]> }> = {
    phone: { keys: new TextIds(), members: [] },
    name: { keys: new TextIds(), members: [] },
  };
  const add = (reason: DuplicateReason, key: string, i: number) => {
    const group = groups[reason];
    const k = group.keys.idOf(key);
    const list = group.members[k];
    if (list === undefined)
      group.members.push(i); // a new key: k is the next number
    else if (typeof list === "number") {
      if (list !== i) group.members[k] = [list, i];
    } else if (list[list.length - 1] !== i) list.push(i);
  };
  customers.forEach((c, i) => {
    const phone = c.fields[phoneField];
    // Most archives have no phone column: no empty key list is built per customer then.
    if (phone !== undefined) for (const key of phoneKeys(phone)) add("phone", key, i);
    const name = normalizeName(c.fields[nameField]);
    if (name !== null) add("name", name, i);
  });

  const seen = new Map<string, DuplicateReason>();
  const pairs: Array<[number, number, DuplicateReason]> = [];
  for (const reason of ["phone", "name"] as const) {
    for (const members of groups[reason].members) {
      if (typeof members === "number" || members.length < 2) continue;
      const star = members.length > maxGroup;
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const i = members[a];
          const j = members[b];
          const id = `${i}:${j}`;
          if (!seen.has(id)) {
            seen.set(id, reason);
            pairs.push([i, j, reason]);
          }
        }
        if (star) break;
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

// ---------------------------------------------------------------------------------------------
// Missing fields

export interface MissingField {
  field: string;
  /** e.g. `客户档案!F12`. */
  address: string;
}

export interface MissingFieldsRow {
  /** Index into the customers passed in. */
  customer: number;
  id: string;
  missing: MissingField[];
}

export interface MissingFieldsReport {
  /** Required fields the archive has no column for (not repeated on every customer). */
  absentColumns: string[];
  /** Customers with at least one blank required cell, in archive order. */
  rows: MissingFieldsRow[];
}

/**
 * Blank required cells per archive customer, with the cell address. `table` is the detected archive
 * and `originCol` the sheet column of its grid's first column (SheetGrid.origin.col). Customers
 * known only from the orders (row -1) have no archive line and are not listed.
 */
export function missingFields(
  customers: readonly Customer[],
  required: readonly string[],
  table: DetectedTable,
  originCol = 0
): MissingFieldsReport {
  const absentColumns = required.filter((f) => table.columns[f] === undefined);
  const present = required.filter((f) => table.columns[f] !== undefined);
  const rows: MissingFieldsRow[] = [];
  customers.forEach((c, i) => {
    if (c.row < 0) return;
    const missing: MissingField[] = [];
    for (const field of present) {
      if (isBlank(c.fields[field])) {
        missing.push({
          field,
          address: cellAddress(table.sheet, c.row, table.columns[field] + originCol),
        });
      }
    }
    if (missing.length > 0) rows.push({ customer: i, id: c.id, missing });
  });
  return { absentColumns, rows };
}

// ---------------------------------------------------------------------------------------------
// Customers without orders

/** Customers listed as "no purchases": no tier and no purchase order at all. */
export function customersWithoutOrders(report: {
  customers: readonly CustomerResult[];
}): CustomerResult[] {
  return report.customers.filter((r) => r.tier === null && r.ordersAllTime === 0);
}

// ---------------------------------------------------------------------------------------------
// The whole check for a run, with addresses

/**
 * Fields seed 004 lists as 必填信息项 that the archive can hold: 客户名称, 所属行业, 企业规模, 区域
 * (注册地址), 对接人姓名 (关键决策人), 联系方式. Scoring needs only the ID; these are for the sales team.
 */
export const REQUIRED_FIELDS: readonly string[] = [
  "name",
  "industry",
  "size",
  "region",
  "contactName",
  "phone",
];

/**
 * Seed 004 必填信息项 of a lead that many archives do not keep: checked for blanks only when the
 * archive has the column (never listed as an absent column). 竞争对手 is recognised but not required:
 * a new lead may have no current supplier.
 */
export const REQUIRED_WHEN_PRESENT: readonly string[] = [
  "source",
  "urgency",
  "budget",
  "expectedStart",
  "regAddress",
  "consent",
];

/** One archive line named in a hygiene list. */
export interface CustomerRef {
  id: string;
  /** 客户名称 as written ("" when blank or without an archive). */
  name: string;
  /** The cell to look at, e.g. `客户档案!I12`; "" for a customer known only from the orders. */
  address: string;
}

export interface DuplicateEntry {
  first: CustomerRef;
  second: CustomerRef;
  reason: DuplicateReason;
}

export interface HygieneReport {
  /** Likely duplicates, archive order; the addresses point at the matching phone or name cells. */
  duplicates: DuplicateEntry[];
  /** null without an archive sheet. */
  missing: MissingFieldsReport | null;
  /** Archive customers without any purchase; the addresses point at their ID cells. */
  withoutOrders: CustomerRef[];
}

function cellOf(
  table: DetectedTable | null,
  customer: Customer,
  field: string,
  originCol: number
): string {
  if (!table || customer.row < 0) return "";
  const col = table.columns[field] ?? table.columns.customerId;
  return col === undefined ? "" : cellAddress(table.sheet, customer.row, col + originCol);
}

function refOf(
  table: DetectedTable | null,
  customer: Customer,
  field: string,
  originCol: number
): CustomerRef {
  const name = customer.fields.name;
  return {
    id: customer.id,
    name: isBlank(name) ? "" : cellText(name).trim(),
    address: cellOf(table, customer, field, originCol),
  };
}

/**
 * Duplicates, blank required cells and customers without orders, each with the cell to look at.
 * `archive` is the detected archive (null when the customers come from the orders) and `originCol` the
 * sheet column of its grid's first column. Lists only: nothing is merged or changed.
 */
export function hygieneReport(
  results: readonly CustomerResult[],
  archive: DetectedTable | null,
  originCol = 0
): HygieneReport {
  const customers = results.map((r) => r.customer);
  const duplicates: DuplicateEntry[] = duplicateIndexes(customers, {}).map(([i, j, reason]) => {
    const field = reason === "phone" ? "phone" : "name";
    return {
      first: refOf(archive, customers[i], field, originCol),
      second: refOf(archive, customers[j], field, originCol),
      reason,
    };
  });
  const withoutOrders = customersWithoutOrders({ customers: results })
    .filter((r) => r.customer.row >= 0)
    .map((r) => refOf(archive, r.customer, "customerId", originCol));
  return {
    duplicates,
    missing: archive
      ? missingFields(
          customers,
          [
            ...REQUIRED_FIELDS,
            ...REQUIRED_WHEN_PRESENT.filter((f) => archive.columns[f] !== undefined),
          ],
          archive,
          originCol
        )
      : null,
    withoutOrders,
  };
}
