/**
 * Words for core/balance.ts: a scheme that does not separate the workbook's customers, and the fix.
 */
export interface BalanceStrings {
  tier_dominates: (p: {
    count: string | number;
    share: string | number;
    tier: string | number;
    tiered: string | number;
  }) => string;
  tier_empty: (p: { tier: string | number }) => string;
  fixDerived: string;
  fixPercentile: string;
  caption: string;
  suggestedHeader: string;
}
