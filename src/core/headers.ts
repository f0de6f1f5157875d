/**
 * Finds the input tables (customer archive, orders, follow-ups) by their header rows, not by sheet names.
 * Synonyms live in vocabulary/headers.ts; everything is compared after `normalizeHeader`.
 */
import { FIELD_LISTS, isAscii, type InputKind } from "./vocabulary/headers";
import { cellText, normalizeHeader } from "./parse";
import type { Cell, SheetGrid } from "./types";

export type { InputKind };

export interface DetectedTable {
  sheet: string;
  kind: InputKind;
  /** Index into `values` (not a sheet row: add `origin.row`). */
  headerRow: number;
  firstDataRow: number;
  /** field -> column index into the rows of `values`. */
  columns: Record<string, number>;
  /** Raw header texts of the header row (display text, "" for blank cells). */
  headers: string[];
  /** Non-blank headers that matched no field. */
  unmatchedHeaders: string[];
  /** Number of recognised fields. */
  score: number;
}

/** Title rows and notes may sit above the header; beyond this the sheet is not a table we recognise. */
export const SCAN_ROWS = 30;

/** Shorter synonyms match too much inside longer headers ("id" in "uuid", "date" in "update"). */
const MIN_CONTAINS_ASCII = 5;
const MIN_CONTAINS_OTHER = 2;
/** A header about a rate or an average is never the amount/profit/count itself ("毛利率", "平均金额"). */
const NOT_A_VALUE = /率|占比|比例|平均|均值|rate|ratio|%|avg|average/;

interface KindSpec {
  fields: readonly string[];
  /** normalized synonym -> field */
  exact: Map<string, string>;
  /** [normalized synonym, field], longest first, for "contains" matching. */
  contains: Array<[string, string]>;
}

const KINDS: readonly InputKind[] = ["orders", "followups", "customers"];

let specs: Record<InputKind, KindSpec> | null = null;
/** Every normalized synonym of every kind: such a header has a known meaning and is never "contains"-matched. */
let knownHeaders: Set<string> | null = null;

function buildSpecs(): Record<InputKind, KindSpec> {
  const known = new Set<string>();
  const out = {} as Record<InputKind, KindSpec>;
  for (const kind of KINDS) {
    const lists = FIELD_LISTS[kind];
    const exact = new Map<string, string>();
    const contains: Array<[string, string]> = [];
    for (const field of Object.keys(lists)) {
      for (const raw of lists[field]) {
        const key = normalizeHeader(raw);
        if (key.length === 0 || exact.has(key)) continue; // earlier field keeps a shared spelling
        exact.set(key, field);
        known.add(key);
        const ascii = isAscii(key);
        if (key.length >= (ascii ? MIN_CONTAINS_ASCII : MIN_CONTAINS_OTHER))
          contains.push([key, field]);
      }
    }
    // Longest synonym first; stable sort keeps field order on ties.
    contains.sort((a, b) => b[0].length - a[0].length);
    out[kind] = { fields: Object.keys(lists), exact, contains };
  }
  knownHeaders = known;
  return out;
}

function getSpecs(): Record<InputKind, KindSpec> {
  if (specs === null) specs = buildSpecs();
  return specs;
}

/** Field names of one kind, in synonym-list order (for the task pane's mapping editor). */
export function fieldsOf(kind: InputKind): readonly string[] {
  return getSpecs()[kind].fields;
}

/** Columns an archive or orders table cannot be read without. */
const REQUIRED: Record<"customers" | "orders", readonly string[]> = {
  customers: ["customerId"],
  orders: ["customerId", "orderDate", "amount"],
};

function hasRequired(kind: InputKind, columns: Record<string, number>): boolean {
  if (kind === "followups")
    return (
      columns.customerId !== undefined &&
      (columns.followDate !== undefined || columns.stage !== undefined)
    );
  return REQUIRED[kind].every((field) => columns[field] !== undefined);
}

/** User corrections for one kind: field -> normalized header text. Keys look like "orders.amount". */
function mappingFor(
  kind: InputKind,
  mapping: Record<string, string> | undefined
): Map<string, string> {
  const out = new Map<string, string>();
  if (!mapping) return out;
  const prefix = kind + ".";
  const fields = getSpecs()[kind].fields;
  for (const key of Object.keys(mapping)) {
    if (!key.startsWith(prefix)) continue;
    const field = key.slice(prefix.length);
    const value = mapping[key];
    if (!fields.includes(field) || typeof value !== "string") continue;
    const header = normalizeHeader(value);
    if (header.length > 0) out.set(field, header);
  }
  return out;
}

/** Assigns fields to the columns of one candidate header row. Each column serves one field and vice versa. */
function matchRow(
  row: ReadonlyArray<Cell>,
  kind: InputKind,
  userMap: Map<string, string>
): Record<string, number> {
  const spec = getSpecs()[kind];
  const known = knownHeaders as Set<string>;
  const norm: string[] = new Array<string>(row.length);
  for (let c = 0; c < row.length; c++) norm[c] = normalizeHeader(row[c]);
  const columns: Record<string, number> = {};
  const taken = new Array<boolean>(row.length).fill(false);

  // 1. The user's mapping overrides synonyms for its fields (leftmost column with that header).
  for (const [field, header] of userMap) {
    const c = norm.indexOf(header);
    if (c >= 0 && !taken[c]) {
      columns[field] = c;
      taken[c] = true;
    }
  }
  // 2. Exact synonym matches, left to right; a repeated header stays unmatched.
  for (let c = 0; c < row.length; c++) {
    if (taken[c] || norm[c].length === 0) continue;
    const field = spec.exact.get(norm[c]);
    if (field !== undefined && columns[field] === undefined) {
      columns[field] = c;
      taken[c] = true;
    }
  }
  // 3. Longer headers that contain a synonym ("客户ID(必填)", "订单金额合计"), only for fields still open.
  // A header that is a known synonym elsewhere ("最近交易日期" in an orders row) keeps that meaning.
  for (let c = 0; c < row.length; c++) {
    const h = norm[c];
    if (taken[c] || h.length === 0 || known.has(h) || NOT_A_VALUE.test(h)) continue;
    for (const [syn, field] of spec.contains) {
      if (columns[field] === undefined && h.length > syn.length && h.includes(syn)) {
        columns[field] = c;
        taken[c] = true;
        break;
      }
    }
  }
  return columns;
}

/** The row of the first rows of a sheet with the most recognised fields that `accept` takes (earliest on ties). */
function bestRow(
  sheet: SheetGrid,
  kind: InputKind,
  mapping: Record<string, string> | undefined,
  accept: (columns: Record<string, number>) => boolean
): DetectedTable | null {
  const userMap = mappingFor(kind, mapping);
  const values = sheet.values;
  const limit = Math.min(values.length, SCAN_ROWS);
  let best: { row: number; columns: Record<string, number>; score: number } | null = null;
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    if (!Array.isArray(row) || row.length === 0) continue;
    const columns = matchRow(row, kind, userMap);
    if (!accept(columns)) continue;
    const score = Object.keys(columns).length;
    if (best === null || score > best.score) best = { row: r, columns, score };
  }
  if (best === null) return null;
  const headerCells = values[best.row];
  const headers: string[] = [];
  const used = new Set(Object.values(best.columns));
  const unmatchedHeaders: string[] = [];
  for (let c = 0; c < headerCells.length; c++) {
    const text = cellText(headerCells[c]);
    headers.push(text);
    if (text.length > 0 && !used.has(c)) unmatchedHeaders.push(text);
  }
  return {
    sheet: sheet.name,
    kind,
    headerRow: best.row,
    firstDataRow: best.row + 1,
    columns: best.columns,
    headers,
    unmatchedHeaders,
    score: best.score,
  };
}

/**
 * Finds the header row of one kind of table in the first rows of a sheet; null when no row
 * carries the kind's required fields. The row with the most recognised fields wins (earliest on ties).
 */
export function detectTable(
  sheet: SheetGrid,
  kind: InputKind,
  mapping?: Record<string, string>
): DetectedTable | null {
  return bestRow(sheet, kind, mapping, (columns) => hasRequired(kind, columns));
}

/** A table that looks like an archive or orders but lacks a required column (the user can name it). */
export interface PartialTable extends DetectedTable {
  /** Required fields not found, e.g. ["amount"]. */
  missing: string[];
}

/** Fewest recognised fields for a header row to count as a table lacking something rather than no table. */
const PARTIAL_MIN_FIELDS = 2;

/**
 * The best header row of a kind that lacks a required field but is clearly that kind of table;
 * null when none. Orders need two of their three required columns (a product list with a quantity
 * is no orders table); an archive without its ID needs a few other archive columns.
 */
export function detectPartialTable(
  sheet: SheetGrid,
  kind: "customers" | "orders",
  mapping?: Record<string, string>
): PartialTable | null {
  const missingOf = (columns: Record<string, number>) =>
    REQUIRED[kind].filter((field) => columns[field] === undefined);
  const table = bestRow(sheet, kind, mapping, (columns) => {
    const missing = missingOf(columns).length;
    if (missing === 0 || Object.keys(columns).length < PARTIAL_MIN_FIELDS) return false;
    return kind === "customers" || missing === 1;
  });
  return table ? { ...table, missing: missingOf(table.columns) } : null;
}

/** Index and table of the best partial table of a kind among the sheets `ok` accepts. */
function pickPartial(
  sheets: readonly SheetGrid[],
  kind: "customers" | "orders",
  mapping: Record<string, string> | undefined,
  ok: (i: number) => boolean
): { index: number; table: PartialTable } | null {
  let best: { index: number; table: PartialTable } | null = null;
  for (let i = 0; i < sheets.length; i++) {
    if (!ok(i)) continue;
    const table = detectPartialTable(sheets[i], kind, mapping);
    if (table && (best === null || table.score > best.table.score)) best = { index: i, table };
  }
  return best;
}

export interface DetectedInputs {
  customers: DetectedTable | null;
  orders: DetectedTable | null;
  followups: DetectedTable | null;
  /**
   * For orders not found (or an archive, when nothing at all was found): the sheet that comes closest,
   * lacking a required column, at most one per kind, on a sheet no other kind uses. Nothing is read
   * from it until a mapping completes it.
   */
  partial: PartialTable[];
}

type Candidates = Array<Record<InputKind, DetectedTable | null> | null>;

/** Index of the best candidate of `kind` (higher score, then earlier sheet) among sheets `ok` accepts; -1 if none. */
function pick(found: Candidates, kind: InputKind, ok: (i: number) => boolean): number {
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < found.length; i++) {
    const t = found[i]?.[kind];
    if (t && ok(i) && t.score > bestScore) {
      best = i;
      bestScore = t.score;
    }
  }
  return best;
}

/**
 * Assigns each kind to one sheet. A sheet serves one kind only: orders first (rows with a date and an
 * amount), then follow-ups (only where the follow-up reading beats the archive reading), and the
 * archive is the best remaining customers candidate. Sheets in `exclude` (our own output) are skipped.
 */
export function detectInputs(
  sheets: readonly SheetGrid[],
  mapping?: Record<string, string>,
  exclude?: ReadonlySet<string>
): DetectedInputs {
  const found: Candidates = sheets.map((sheet) =>
    exclude?.has(sheet.name)
      ? null
      : {
          orders: detectTable(sheet, "orders", mapping),
          followups: detectTable(sheet, "followups", mapping),
          customers: detectTable(sheet, "customers", mapping),
        }
  );
  const o = pick(found, "orders", () => true);
  const f = pick(found, "followups", (i) => {
    const archive = found[i]?.customers;
    const follow = found[i]?.followups;
    return i !== o && !!follow && (!archive || follow.score > archive.score);
  });
  // An orders sheet lacking one required column is offered as orders (to be completed by a mapping),
  // never taken for the archive just because it names customers.
  const usable = (i: number) => found[i] !== null && i !== o && i !== f;
  const partialOrders = o < 0 ? pickPartial(sheets, "orders", mapping, usable) : null;
  const c = pick(found, "customers", (i) => usable(i) && i !== partialOrders?.index);
  // An archive without a recognised ID is offered only when there is nothing else to score.
  const partialArchive =
    c < 0 && o < 0
      ? pickPartial(sheets, "customers", mapping, (i) => usable(i) && i !== partialOrders?.index)
      : null;
  const partial = [partialOrders, partialArchive].flatMap((p) => (p ? [p.table] : []));
  return {
    customers: c >= 0 ? (found[c]?.customers ?? null) : null,
    orders: o >= 0 ? (found[o]?.orders ?? null) : null,
    followups: f >= 0 ? (found[f]?.followups ?? null) : null,
    partial,
  };
}
