/** The lifetime-value models' notes: what was fitted, or why not, and what the sheets show instead. */
export interface LifetimeStrings {
  bgnbdFitted: (p: { r: number; alpha: number; a: number; b: number }) => string;
  gammagammaFitted: (p: { p: number; q: number; gamma: number }) => string;
  /** Without an orders sheet there is nothing to fit. */
  needsOrders: string;
  /** Why a model could not be fitted on this data; `model` is "BG/NBD" or "Gamma-Gamma". */
  notFitted: {
    tooFewCustomers: (p: { model: string }) => string;
    tooFewRepeatBuyers: (p: { model: string; repeat: number }) => string;
    singleDay: (p: { model: string }) => string;
    allAmountsEqual: (p: { model: string }) => string;
    nonpositiveAmounts: (p: { model: string }) => string;
    noConvergence: (p: { model: string }) => string;
    fixedPrices: (p: { model: string }) => string;
    ridgeNoDropout: (p: { model: string }) => string;
    ridgeSameRate: (p: { model: string }) => string;
    ridgeSpendAlike: (p: { model: string }) => string;
    ridgeSpendFixed: (p: { model: string }) => string;
    ridgeHeavyTail: (p: { model: string }) => string;
    ridgeOther: (p: { model: string; parameter: string; toward: "zero" | "infinity" }) => string;
    flatLikelihood: (p: { model: string }) => string;
  };
  /** The predicted CLV fell back to the simple CLV; `purchaseModel` says whether BG/NBD was fitted. */
  fallbackSimpleClv: (p: { purchaseModel: boolean }) => string;
}
