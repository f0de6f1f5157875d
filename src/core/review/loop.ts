/**
 * The review loop (seed 000 第五步 策略效果分析与持续优化, table 4 策略效果分析复盘表): when each strategy
 * line is due for review, average-order-value growth (客单价增长率) before vs during, and the effect
 * verdicts rolled up by playbook and by tier. Pure: codes and numbers.
 */
import type { Serial } from "../types";

/** The verdicts of the review's per-line table (有效 / 部分有效 / 无效 / 未开始). */
export const EFFECT_CODES = ["effective", "partial", "ineffective", "not_started"] as const;
export type EffectCode = (typeof EFFECT_CODES)[number];

/** Seed 000: a strategy is reviewed after its cycle ends ("如1个季度"). */
export const DEFAULT_REVIEW_CYCLE_DAYS = 90;

/**
 * The day a strategy line is due for review: its planned end when typed, else its planned start plus
 * the review cycle; null when neither date is known (nothing planned yet).
 */
export function reviewDue(
  start: Serial | null,
  end: Serial | null,
  cycleDays: number
): Serial | null {
  if (end !== null) return end;
  if (start !== null) return start + cycleDays;
  return null;
}

/** True when the review is due on `today` (the due day has come). */
export function isReviewDue(due: Serial | null, today: Serial): boolean {
  return due !== null && due <= today;
}

/**
 * 客单价增长率: average order value during ÷ before − 1. null when either period has no purchase order
 * or the earlier average is not positive (a growth from nothing is not a rate).
 */
export function aovGrowth(
  before: { orders: number; amount: number },
  during: { orders: number; amount: number }
): number | null {
  if (before.orders <= 0 || during.orders <= 0) return null;
  const was = before.amount / before.orders;
  const now = during.amount / during.orders;
  return was > 0 ? now / was - 1 : null;
}

export interface EffectCounts {
  lines: number;
  effective: number;
  partial: number;
  ineffective: number;
  not_started: number;
  /** effective ÷ lines judged (effective + partial + ineffective); null when none was judged. */
  effectiveShare: number | null;
}

export interface EffectRollUp {
  /** By strategy (family key, or the type text a manager typed), in first-seen order. */
  byStrategy: Array<{ strategy: string; counts: EffectCounts }>;
  /** By tier when planned (tier key, or the text on the line), in first-seen order. */
  byTier: Array<{ tier: string; counts: EffectCounts }>;
}

function emptyCounts(): EffectCounts {
  return {
    lines: 0,
    effective: 0,
    partial: 0,
    ineffective: 0,
    not_started: 0,
    effectiveShare: null,
  };
}

/** Verdicts of the treated lines rolled up by playbook and by tier (control lines carry none). */
export function rollUpEffects(
  lines: ReadonlyArray<{ strategy: string; tier: string; effect: EffectCode }>
): EffectRollUp {
  const byStrategy = new Map<string, EffectCounts>();
  const byTier = new Map<string, EffectCounts>();
  const add = (map: Map<string, EffectCounts>, key: string, effect: EffectCode) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = emptyCounts()));
    c.lines++;
    c[effect]++;
  };
  for (const l of lines) {
    add(byStrategy, l.strategy, l.effect);
    add(byTier, l.tier, l.effect);
  }
  const finish = (c: EffectCounts) => {
    const judged = c.effective + c.partial + c.ineffective;
    c.effectiveShare = judged > 0 ? c.effective / judged : null;
    return c;
  };
  return {
    byStrategy: [...byStrategy].map(([strategy, c]) => ({ strategy, counts: finish(c) })),
    byTier: [...byTier].map(([tier, c]) => ({ tier, counts: finish(c) })),
  };
}
