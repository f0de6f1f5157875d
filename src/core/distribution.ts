/**
 * Customer distribution (seed 004 "客户分布分析"): customers and revenue by industry, region and size,
 * and which segment converts best ("制造业客户占比40%，其中汽车零部件行业成交率最高"). Pure.
 */
import { cellText, foldWidth, isBlank } from "./parse";
import { memoByText } from "./textMemo";
import type { Cell } from "./types";

/** Archive fields a customer base is cut by (vocabulary/headers.ts: 所属行业, 区域, 企业规模). */
export type SegmentField = "industry" | "region" | "size";

export const SEGMENT_FIELDS: readonly SegmentField[] = ["industry", "region", "size"];

/** Segments listed per field; the rest are added up in one "other" line so the summary stays readable. */
export const MAX_SEGMENTS = 12;

/** A segment needs this many customers to be named the best converter: one lucky sale is not a trend. */
export const MIN_SEGMENT_FOR_BEST = 5;

export interface SegmentInput {
  fields: Record<string, Cell>;
  /** Net revenue in the window. */
  revenue: number;
  /** Bought at least once, or reached 成交 in the follow-up records. */
  converted: boolean;
}

export interface Segment {
  /**
   * The value as first written (trimmed); "" for customers with a blank cell; null for the line that
   * adds up the segments beyond MAX_SEGMENTS.
   */
  value: string | null;
  customers: number;
  revenue: number;
  converted: number;
  /** converted ÷ customers. */
  rate: number;
}

export interface SegmentTable {
  field: SegmentField;
  /** Most customers first (then more revenue, then first seen); the "other" and blank lines last. */
  segments: Segment[];
}

export interface BestSegment {
  field: SegmentField;
  value: string;
  customers: number;
  converted: number;
  rate: number;
}

export interface Distribution {
  /** One table per field the archive has a column for, in SEGMENT_FIELDS order. */
  tables: SegmentTable[];
  /**
   * Highest conversion among non-blank segments of at least MIN_SEGMENT_FOR_BEST customers (ties: more
   * customers, then field order); null when no segment is that large.
   */
  best: BestSegment | null;
}

/** Grouping key: "华东 ", "华东" and "ＨＵＡＤＯＮＧ"/"huadong" are one segment. */
function segmentKey(cell: Cell): string {
  return foldWidth(cellText(cell)).trim().replace(/\s+/g, " ").toLowerCase();
}

const round2 = (v: number) => Math.round(v * 100) / 100;

interface Acc {
  value: string;
  first: number;
  customers: number;
  revenue: number;
  converted: number;
}

function finish(a: Omit<Acc, "first" | "value"> & { value: string | null }): Segment {
  return {
    value: a.value,
    customers: a.customers,
    revenue: round2(a.revenue),
    converted: a.converted,
    rate: a.customers > 0 ? a.converted / a.customers : 0,
  };
}

/** Segments of one field, before the cap: non-blank groups sorted, blank group apart. */
function groups(customers: readonly SegmentInput[], field: SegmentField) {
  const byKey = new Map<string, Acc>();
  const blank: Acc = { value: "", first: -1, customers: 0, revenue: 0, converted: 0 };
  let at = 0; // the customer looked at: a new group's first
  const groupOf = memoByText((cell: Cell): Acc => {
    if (isBlank(cell)) return blank;
    const key = segmentKey(cell);
    let acc = byKey.get(key);
    if (!acc) {
      acc = { value: cellText(cell).trim(), first: at, customers: 0, revenue: 0, converted: 0 };
      byKey.set(key, acc);
    }
    return acc;
  });
  customers.forEach((c, i) => {
    at = i;
    const acc = groupOf(c.fields[field]);
    acc.customers++;
    acc.revenue += Number.isFinite(c.revenue) ? c.revenue : 0;
    if (c.converted) acc.converted++;
  });
  const sorted = [...byKey.values()].sort(
    (a, b) => b.customers - a.customers || b.revenue - a.revenue || a.first - b.first
  );
  return { sorted, blank };
}

/** Customers, revenue and conversion per industry, region and size; `fields` are the columns present. */
export function distribution(
  customers: readonly SegmentInput[],
  fields: readonly SegmentField[]
): Distribution {
  const tables: SegmentTable[] = [];
  let best: BestSegment | null = null;
  for (const field of SEGMENT_FIELDS) {
    if (!fields.includes(field)) continue;
    const { sorted, blank } = groups(customers, field);
    for (const g of sorted) {
      if (g.customers < MIN_SEGMENT_FOR_BEST) continue;
      const rate = g.converted / g.customers;
      if (
        best === null ||
        rate > best.rate ||
        (rate === best.rate && g.customers > best.customers)
      ) {
        best = { field, value: g.value, customers: g.customers, converted: g.converted, rate };
      }
    }
    const segments = sorted.slice(0, MAX_SEGMENTS).map(finish);
    const rest = sorted.slice(MAX_SEGMENTS);
    if (rest.length > 0) {
      segments.push(
        finish({
          value: null,
          customers: rest.reduce((n, g) => n + g.customers, 0),
          revenue: rest.reduce((n, g) => n + g.revenue, 0),
          converted: rest.reduce((n, g) => n + g.converted, 0),
        })
      );
    }
    if (blank.customers > 0) segments.push(finish(blank));
    tables.push({ field, segments });
  }
  return { tables, best };
}
