/**
 * Words for core/balance.ts: a scheme that does not separate the workbook's customers, and the fix.
 */
import type { BalanceFinding, TierBalance } from "../core/balance";
import type { Lang } from "./lang";
import { fillText } from "./settings";
import { tierLabel } from "./tiers";

type Text = Record<Lang, string>;

export const BALANCE_TEXT: Record<
  "tier_dominates" | "tier_empty" | "fixDerived" | "fixPercentile",
  Text
> = {
  tier_dominates: {
    "zh-CN": "分层未能区分客户：{share} 的已分层客户（{count}/{tiered}）都在「{tier}」。",
    "en-US":
      "The tiers do not separate your customers: {share} of the tiered customers ({count} of {tiered}) are in {tier}.",
  },
  tier_empty: {
    "zh-CN": "「{tier}」一个客户也没有。",
    "en-US": "Nobody is in {tier}.",
  },
  fixDerived: {
    "zh-CN":
      "默认阈值来自别的行业的示例。设置表「本工作簿建议值」列是按本工作簿客户的分布推算的阈值：抄到「值」列后重新评分；或改用百分制（pct100）、五等分（quintile11），它们按本工作簿的百分位分档。",
    "en-US":
      "The default thresholds come from another trade's example. The settings sheet's column \"Suggested for this workbook\" holds thresholds derived from your own customers: copy them into the Value column and score again; or choose pct100 or quintile11, which bin by this workbook's percentiles.",
  },
  fixPercentile: {
    "zh-CN": "可在设置表调整本方案的分数线，或改用其他评分方案。",
    "en-US": "Adjust this scheme's lines in the settings sheet, or choose another scheme.",
  },
};

/** Caption of the summary's table of findings. */
export const BALANCE_CAPTION: Text = {
  "zh-CN": "分层是否区分客户",
  "en-US": "Do the tiers separate your customers?",
};

/** The settings sheet's column of suggested values. */
export const SUGGESTED_HEADER: Text = {
  "zh-CN": "本工作簿建议值",
  "en-US": "Suggested for this workbook",
};

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export function balanceFindingText(finding: BalanceFinding, tiered: number, lang: Lang): string {
  return fillText(BALANCE_TEXT[finding.code][lang], {
    share: percent(finding.share),
    count: finding.count,
    tiered,
    tier: tierLabel(finding.tier, lang),
  });
}

/** Every line a manager reads about an unbalanced result (empty when the scheme separates). */
export function balanceLines(balance: TierBalance | undefined, lang: Lang): string[] {
  if (!balance || balance.findings.length === 0) return [];
  const lines = balance.findings.map((f) => balanceFindingText(f, balance.tiered, lang));
  lines.push(BALANCE_TEXT[balance.suggestion ? "fixDerived" : "fixPercentile"][lang]);
  return lines;
}
