import type { BalanceStrings } from "../strings/balance";

export const balance: BalanceStrings = {
  tier_dominates: (p) =>
    `The tiers do not separate your customers: ${p.share} of the tiered customers (${p.count} of ${p.tiered}) are in ${p.tier}.`,
  tier_empty: (p) => `Nobody is in ${p.tier}.`,
  fixDerived:
    "The default thresholds come from another trade's example. The settings sheet's column \"Suggested for this workbook\" holds thresholds derived from your own customers: copy them into the Value column and score again; or choose pct100 or quintile11, which bin by this workbook's percentiles.",
  fixPercentile: "Adjust this scheme's lines in the settings sheet, or choose another scheme.",
  caption: "Do the tiers separate your customers?",
  suggestedHeader: "Suggested for this workbook",
};
