import { weighted, type Settings } from "../settings";
import { familyOf, SEGMENT_BY_CODE } from "../tiers";
import type {
  Metric,
  QuintileGap,
  RfmInput,
  SchemeNote,
  SchemeOutput,
  SegmentKey,
  TierReason,
  TierResult,
} from "../types";
import { rank, rankColumns } from "./pct100";

/** One metric split into quintiles, with what the notes need to describe the split. */
interface Split {
  quintile: Int32Array;
  /** [lowest, highest] value of each quintile 1..5 (index 0 unused), in the metric's own units; null when empty. */
  ranges: Array<readonly [number, number] | null>;
  gaps: QuintileGap[];
}

/**
 * Tie rule: quintile = 1 + floor(5 × customers strictly worse / customers). Equal values always share
 * a quintile; a large group of equal values takes the places of the quintiles above it, which stay
 * empty. `oriented` holds larger-is-better values; `shown` turns one back into the metric's units.
 */
function split(oriented: Float64Array, shown: (v: number) => number): Split {
  const n = oriented.length;
  const { worse, order, values } = rank(oriented);
  const quintile = new Int32Array(n);
  for (let i = 0; i < n; i++) quintile[i] = 1 + Math.floor((5 * worse[i]) / n);

  // Walk the groups of equal values, worst first: each lands in one quintile, and the quintiles
  // between it and the next group's are empty because of it.
  const ranges: Array<readonly [number, number] | null> = [null, null, null, null, null, null];
  const gaps: QuintileGap[] = [];
  let start = 0;
  while (start < n) {
    const value = values[order[start]];
    let end = start + 1;
    while (end < n && values[order[end]] === value) end++;
    const q = 1 + Math.floor((5 * start) / n);
    const next = end < n ? 1 + Math.floor((5 * end) / n) : 6;
    const a = shown(value);
    const range = ranges[q];
    ranges[q] = range ? [Math.min(range[0], a), Math.max(range[1], a)] : [a, a];
    if (next > q + 1) {
      const empty: number[] = [];
      for (let k = q + 1; k < next; k++) empty.push(k);
      gaps.push({ empty, value: a, count: end - start });
    }
    start = end;
  }
  return { quintile, ranges, gaps };
}

/**
 * Quintiles with the 11 named segments: R, F and M each in quintiles 1..5 (5 best), and the R-F-M
 * code picks the segment (PRODUCT.md appendix). The notes state the tie rule, the value range of
 * every quintile and every empty quintile with the tie that emptied it.
 */
export function scoreQuintile11(inputs: readonly RfmInput[], settings: Settings): SchemeOutput {
  const n = inputs.length;
  const columns = rankColumns(inputs);
  const splits: Record<Metric, Split> = {
    R: split(columns.r, (v) => -v),
    F: split(columns.f, (v) => v),
    M: split(columns.m, (v) => v),
  };
  const rq = splits.R.quintile;
  const fq = splits.F.quintile;
  const mq = splits.M.quintile;
  // 125 codes: each code's segment and reason are made once.
  const bySegment: Array<{ tier: SegmentKey; reason: TierReason } | undefined> = [];
  const results: TierResult[] = new Array<TierResult>(n);
  for (let i = 0; i < n; i++) {
    const r = rq[i];
    const f = fq[i];
    const m = mq[i];
    const slot = r * 25 + f * 5 + m;
    let segment = bySegment[slot];
    if (segment === undefined) {
      const code = `${r}${f}${m}`;
      // Every code 111..555 is in the table (tested); the fallback only satisfies the type.
      const tier = SEGMENT_BY_CODE.get(code) ?? "lost";
      segment = { tier, reason: { scheme: "quintile11", code } };
      bySegment[slot] = segment;
    }
    const tier = segment.tier;
    results[i] = {
      rScore: r,
      fScore: f,
      mScore: m,
      total: r + f + m,
      weighted: weighted(settings, r, f, m),
      tier,
      family: familyOf(tier),
      reason: segment.reason,
    };
  }
  const notes: SchemeNote[] = [];
  if (n > 0) {
    notes.push({ key: "quintile_tie_rule" });
    for (const metric of ["R", "F", "M"] as const) {
      const { ranges, gaps } = splits[metric];
      notes.push({ key: `quintile_breakpoints_${metric}`, metric, ranges, gaps, customers: n });
    }
  }
  return { results, notes };
}
