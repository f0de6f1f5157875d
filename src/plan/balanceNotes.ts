import type { BalanceFinding, TierBalance } from "../core/balance";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";
import { tierLabel } from "../i18n/tiers";

/**
 * Words for core/balance.ts: a scheme that does not separate the workbook's customers, and the fix.
 */

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export function balanceFindingText(finding: BalanceFinding, tiered: number, lang: Lang): string {
  return strings(lang).balance[finding.code]({
    share: percent(finding.share),
    count: finding.count,
    tiered,
    tier: tierLabel(finding.tier, lang),
  });
}

/** Every line a manager reads about an unbalanced result (empty when the scheme separates). */
export function balanceLines(balance: TierBalance | undefined, lang: Lang): string[] {
  if (!balance || balance.findings.length === 0) return [];
  const words = strings(lang).balance;
  const lines = balance.findings.map((f) => balanceFindingText(f, balance.tiered, lang));
  lines.push(balance.suggestion ? words.fixDerived : words.fixPercentile);
  return lines;
}
