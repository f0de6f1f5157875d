import { weighted, type Settings } from "../settings";
import { familyOf } from "../tiers";
import type { FourTierKey, RfmInput, SchemeOutput, TierReason, TierResult } from "../types";

/** Every fixed5 reason is the same code: the scores and total are in the result. */
const REASON: TierReason = { scheme: "fixed5" };

/** The tiers best first, and their families, looked up once rather than per customer. */
const TIERS: readonly FourTierKey[] = ["high_value", "potential", "general", "churn_risk"];
const FAMILIES = TIERS.map(familyOf);

/** 5 for a value at or below the first bound, 4 for the second, ... 1 above the last (R, in days). */
export function atMost(value: number, bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]) return 5 - i;
  return 5 - bounds.length;
}

/** 5 for a value at or above the first bound, 4 for the second, ... 1 below the last (F and M). */
export function atLeast(value: number, bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (value >= bounds[i]) return 5 - i;
  return 5 - bounds.length;
}

/**
 * Five-point fixed bins (seed 003), the default scheme. Every bin edge and tier threshold comes
 * from `settings.fixed5`; M is scored on max(0, net amount).
 */
export function scoreFixed5(inputs: readonly RfmInput[], settings: Settings): SchemeOutput {
  const { recencyMaxDays, frequencyMin, monetaryMin, tierMinTotal } = settings.fixed5;
  const results: TierResult[] = new Array<TierResult>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const r = atMost(input.recencyDays, recencyMaxDays);
    const f = atLeast(input.frequency, frequencyMin);
    const m = atLeast(input.monetary > 0 ? input.monetary : 0, monetaryMin);
    const total = r + f + m;
    const t =
      total >= tierMinTotal.high_value
        ? 0
        : total >= tierMinTotal.potential
          ? 1
          : total >= tierMinTotal.general
            ? 2
            : 3;
    results[i] = {
      rScore: r,
      fScore: f,
      mScore: m,
      total,
      weighted: weighted(settings, r, f, m),
      tier: TIERS[t],
      family: FAMILIES[t],
      reason: REASON,
    };
  }
  return { results, notes: [] };
}
