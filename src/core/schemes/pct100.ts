import { tierLabel } from "../../i18n/tiers";
import type { Settings } from "../settings";
import { familyOf } from "../tiers";
import type { FourTierKey, Lang, RfmInput, SchemeOutput, TierResult } from "../types";
import { countStrictlyWorse, rfmColumns, scoreParts, weightedScore } from "./common";

const RULE_TEXT: Record<string, Record<Lang, string>> = {
  high: { "zh-CN": "R、F、M 均 ≥ {high}", "en-US": "R, F and M all ≥ {high}" },
  potentialA: {
    "zh-CN": "R ≥ {pr}、F ≥ {pf}、M < {high}",
    "en-US": "R ≥ {pr}, F ≥ {pf}, M < {high}",
  },
  potentialB: {
    "zh-CN": "R < {high}、F ≥ {high}、M ≥ {pm}",
    "en-US": "R < {high}, F ≥ {high}, M ≥ {pm}",
  },
  general: { "zh-CN": "R、F、M 均 ≥ {general}", "en-US": "R, F and M all ≥ {general}" },
  churn: { "zh-CN": "有一项 < {general}", "en-US": "one of them < {general}" },
};

/** Percentile score: the share of the other customers this one beats, 0..100; ties share a score. */
function percentileScores(values: Float64Array, higherIsBetter: boolean): Int32Array {
  const n = values.length;
  const worse = countStrictlyWorse(values, higherIsBetter);
  const scores = new Int32Array(n);
  for (let i = 0; i < n; i++) scores[i] = n === 1 ? 100 : Math.round((100 * worse[i]) / (n - 1));
  return scores;
}

/** 100-point percentile scores with the four tier rules of seed 000, first match wins. */
export function scorePct100(
  inputs: readonly RfmInput[],
  settings: Settings,
  lang: Lang
): SchemeOutput {
  const t = settings.pct100;
  const { recency, frequency, monetary } = rfmColumns(inputs);
  const rs = percentileScores(recency, false);
  const fs = percentileScores(frequency, true);
  const ms = percentileScores(monetary, true);
  const fill = (text: string) =>
    text
      .replace(/\{high\}/g, String(t.high))
      .replace("{pr}", String(t.potentialR))
      .replace("{pf}", String(t.potentialF))
      .replace("{pm}", String(t.potentialM))
      .replace(/\{general\}/g, String(t.general));

  const results: TierResult[] = inputs.map((input, i) => {
    const r = rs[i];
    const f = fs[i];
    const m = ms[i];
    let tier: FourTierKey;
    let rule: string;
    if (r >= t.high && f >= t.high && m >= t.high) [tier, rule] = ["high_value", "high"];
    else if (r >= t.potentialR && f >= t.potentialF && m < t.high)
      [tier, rule] = ["potential", "potentialA"];
    else if (r < t.high && f >= t.high && m >= t.potentialM)
      [tier, rule] = ["potential", "potentialB"];
    else if (r >= t.general && f >= t.general && m >= t.general)
      [tier, rule] = ["general", "general"];
    else [tier, rule] = ["churn_risk", "churn"];
    const parts = scoreParts(lang, input, r, f, m);
    return {
      rScore: r,
      fScore: f,
      mScore: m,
      total: r + f + m,
      weighted: weightedScore(settings, r, f, m),
      tier,
      family: familyOf(tier),
      reason: `${parts}: ${fill(RULE_TEXT[rule][lang])} → ${tierLabel(tier, lang)}`,
    };
  });
  return { results, notes: [] };
}
