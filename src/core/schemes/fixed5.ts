import { familyOf } from "../tiers";
import type { Settings } from "../settings";
import type { FourTierKey, Lang, RfmInput, SchemeOutput, TierResult } from "../types";
import { REASON, tierLabel } from "../../i18n/tiers";
import { scoreAtLeast, scoreAtMost, scoreParts, scoringMonetary, weightedScore } from "./common";

/** Five-point fixed bins (seed 003), the default scheme. */
export function scoreFixed5(
  inputs: readonly RfmInput[],
  settings: Settings,
  lang: Lang
): SchemeOutput {
  const bins = settings.fixed5;
  const results: TierResult[] = inputs.map((input) => {
    const r = scoreAtMost(input.recencyDays, bins.recencyMaxDays);
    const f = scoreAtLeast(input.frequency, bins.frequencyMin);
    const m = scoreAtLeast(scoringMonetary(input.monetary), bins.monetaryMin);
    const total = r + f + m;
    const tier: FourTierKey =
      total >= bins.tierMinTotal.high_value
        ? "high_value"
        : total >= bins.tierMinTotal.potential
          ? "potential"
          : total >= bins.tierMinTotal.general
            ? "general"
            : "churn_risk";
    const parts = scoreParts(lang, input, r, f, m);
    return {
      rScore: r,
      fScore: f,
      mScore: m,
      total,
      weighted: weightedScore(settings, r, f, m),
      tier,
      family: familyOf(tier),
      reason: `${parts} → ${REASON.total[lang]} ${total} → ${tierLabel(tier, lang)}`,
    };
  });
  return { results, notes: [] };
}
