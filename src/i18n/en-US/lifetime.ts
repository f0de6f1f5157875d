import type { LifetimeStrings } from "../strings/lifetime";

export const lifetime: LifetimeStrings = {
  bgnbdFitted: ({ r, alpha, a, b }) =>
    `Repeat-purchase model BG/NBD fitted: r = ${r}, α = ${alpha}, a = ${a}, b = ${b}.`,
  gammagammaFitted: ({ p, q, gamma }) =>
    `Spend model Gamma-Gamma fitted: p = ${p}, q = ${q}, γ = ${gamma}.`,
  needsOrders: "Predicted lifetime value needs the orders sheet (single purchases).",
  notFitted: {
    tooFewCustomers: ({ model }) => `${model} not fitted: too few customers with purchases.`,
    tooFewRepeatBuyers: ({ model, repeat }) =>
      `${model} not fitted: only ${repeat} repeat buyers, at least 10 are needed.`,
    singleDay: ({ model }) =>
      `${model} not fitted: all purchases fall on one day, so there is no rhythm to learn.`,
    allAmountsEqual: ({ model }) =>
      `${model} not fitted: every repeat amount is the same, so spend cannot vary between customers.`,
    nonpositiveAmounts: ({ model }) =>
      `${model} not fitted: repeat amounts are zero or negative (more returned than bought).`,
    noConvergence: ({ model }) =>
      `${model} not fitted: the model found no sensible parameters for this data.`,
    fixedPrices: ({ model }) =>
      `${model} not fitted: every repeat buyer pays the same amount each time (fixed prices, subscriptions), so the model cannot learn how spend varies.`,
    ridgeNoDropout: ({ model }) =>
      `${model} not fitted: the orders show no sign of customers stopping buying, so dropout cannot be estimated.`,
    ridgeSameRate: ({ model }) =>
      `${model} not fitted: customers hardly differ in how often they buy, so the model's parameters cannot be pinned down.`,
    ridgeSpendAlike: ({ model }) =>
      `${model} not fitted: customers do not differ in spend beyond chance, so no customer's own spend level can be estimated.`,
    ridgeSpendFixed: ({ model }) =>
      `${model} not fitted: each customer spends almost the same every time, so the model cannot learn how spend varies.`,
    ridgeHeavyTail: ({ model }) =>
      `${model} not fitted: a few very large amounts make the average spend impossible to estimate.`,
    ridgeOther: ({ model, parameter, toward }) =>
      `${model} not fitted: this data cannot pin the model's parameters down (${parameter} runs toward ${toward}).`,
    flatLikelihood: ({ model }) =>
      `${model} not fitted: the data hardly tell the model's parameters apart, and no definite fit was found within the allowed computation.`,
  },
  fallbackSimpleClv: ({ purchaseModel }) =>
    `So the Predicted CLV column shows the simple CLV instead (average order value × orders per year × retention years × margin); ${purchaseModel ? "expected spend is" : "P(alive), expected purchases and expected spend are"} left empty.`,
};
