import type { ReviewStrings } from "../strings/review";

export const review: ReviewStrings = {
  controlMark: {
    yes: "Yes",
    no: "No",
  },
  trackingControl: {
    noteHeader: "Why a control group",
    content:
      "Control group: no playbook actions this period, normal service only; the Strategy Review compares them with the others to show whether the strategy really works",
    note: (p) =>
      `Customers marked Yes under Control group get no playbook actions this period: about ${p.share} of each strategy's customers are held back at random (change the share in Settings; 0 turns it off). Without them nobody can tell a strategy's effect from the season or customers coming back on their own. You may change the mark by hand; scoring again keeps it.`,
  },
  upliftHeaders: {
    strategy: "Strategy",
    tier: "Tier when planned",
    start: "Start",
    end: "End",
    treated: "Treated customers",
    control: "Control customers",
    tOrdersBefore: "Treated orders/cust. before",
    tOrdersDuring: "Treated orders/cust. during",
    cOrdersBefore: "Control orders/cust. before",
    cOrdersDuring: "Control orders/cust. during",
    upliftOrders: "Uplift orders/cust.",
    ciOrdersLow: "Orders 90% interval low",
    ciOrdersHigh: "Orders 90% interval high",
    tAmountBefore: "Treated amount/cust. before",
    tAmountDuring: "Treated amount/cust. during",
    cAmountBefore: "Control amount/cust. before",
    cAmountDuring: "Control amount/cust. during",
    upliftAmount: "Uplift amount/cust.",
    ciAmountLow: "Amount 90% interval low",
    ciAmountHigh: "Amount 90% interval high",
    verdict: "Verdict",
  },
  upliftVerdicts: {
    effective: "Effective",
    no_effect: "No effect",
    too_few: "Not enough customers",
  },
  text: {
    title: (p) => `Strategy review · as of ${p.asOf}`,
    howToRead: (p) =>
      `How to read: uplift = the treated customers' change from before to during the period, minus the control group's change over the same days (the season and customers drifting back affect both and cancel out). The 90% interval is where the true uplift most likely lies. Effective only when the whole interval for orders or for amount lies above 0; an interval that includes 0 means No effect (none can be seen); fewer than ${p.min} customers treated or in control means Not enough customers (too few for a reliable interval).`,
    upliftCaption: (p) =>
      `By strategy and tier: treated vs control (difference in differences; 90% interval from ${p.resamples} bootstrap resamples)`,
    noUplift:
      "Nothing to compare yet: once planned start and end dates are filled in on the Strategy Tracking sheet, treated and control customers are compared here.",
    linesCaption: "Each customer's orders and amount before and during the period",
  },
  modelCheck: {
    title: (p) => `Lifetime-value model check · as of ${p.asOf} · holdout ${p.weeks} weeks`,
    method: (p) =>
      `Method: the BG/NBD model is fitted on the orders up to ${p.calibrationEnd} only, predicts each customer's purchases in the ${p.weeks} weeks after (to ${p.asOf}) and is compared with what they actually bought. One customer's orders on one day count as one purchase.`,
    figuresCaption: "Overall",
    byRepeatCaption:
      "By repeat purchases in the fitting period: mean predicted vs actual purchases",
    chartTitle: "Predicted vs actual purchases per customer in the holdout",
    figure: "Figure",
    value: "Value",
    customers: "Customers checked",
    predictedTotal: "Predicted purchases, total",
    actualTotal: "Actual purchases, total",
    difference: "Prediction off by",
    mae: "Mean absolute error per customer",
    verdictLabel: "Verdict",
    repeat: "Repeat purchases",
    repeatOrMore: (p) => `${p.n} or more`,
    groupCustomers: "Customers",
    predicted: "Predicted",
    actual: "Actual",
  },
  modelCheckVerdicts: {
    trust: (p) =>
      `Trustworthy: the predicted total is within ${p.good} of what happened; the expected purchases and predicted CLV on the tiers sheet can be relied on.`,
    rough: (p) =>
      `Rough: the predicted total is off by between ${p.good} and ${p.rough}; use the predictions to compare customers, not as exact figures.`,
    do_not_trust: (p) =>
      `Do not trust: the predicted total is off by more than ${p.rough}; this workbook's customers do not behave as the model assumes, so do not base decisions on predicted CLV.`,
    inconclusive: (p) =>
      `Inconclusive: fewer than ${p.min} purchases in the holdout, too few to tell.`,
  },
  modelCheckReasons: {
    no_orders: "No orders sheet: the model needs single purchases to be checked.",
    history_too_short: (p) =>
      `Not enough history: the check needs orders going back at least twice the holdout (${p.weeks} weeks × 2) before the as-of date. Shorten the model check holdout in Settings.`,
    too_few_customers:
      "Too few customers bought before the holdout (fewer than 20) to fit the model.",
    too_few_repeat_buyers:
      "Too few customers bought again before the holdout (fewer than 10) to fit the model.",
    single_day: "The orders before the holdout cover a single day: the model cannot be fitted.",
    no_convergence:
      "The model could not be fitted on the orders before the holdout (no sensible parameters found).",
    all_amounts_equal: "The model could not be fitted.",
    nonpositive_amounts: "The model could not be fitted.",
    fixed_prices: "The model could not be fitted.",
    ridge:
      "The orders before the holdout do not pin the model down (a parameter runs off to an extreme): nothing to check.",
    flat_likelihood:
      "The orders before the holdout do not pin the model down (the fit has no clear answer): nothing to check.",
  },
  callHeaders: {
    owner: "Sales owner",
    rank: "Rank",
    id: "Customer ID",
    name: "Customer name",
    tier: "Tier",
    valueAtRisk: "Value at risk",
    value: "Amount in window",
    pAlive: "P(alive)",
    reason: "Why call now",
    cell: "Tiers sheet row",
  },
  calls: {
    title: (p) => `Who to call today · as of ${p.asOf} · up to ${p.limit} per owner`,
    rule: "Ranked by value at risk = amount in the window × the chance they have stopped buying (1 − P(alive); without a model figure, how far their silence runs past their usual gap). Customers under a 20% chance are left out, and so are control-group customers (calling them would spoil the comparison). Rebuilt on every run.",
    none: "Nobody needs a call urgently right now.",
    noOwner: "(none)",
    reasonValue: (p) => `bought ${p.value} in the window`,
    reasonPAlive: (p) => `P(alive) down to ${p.p}%`,
    reasonOverdue: (p) => `silent ${p.silent} days (usually every ${p.gap} days)`,
    separator: "; ",
  },
  paneCalls: {
    heading: "Most worth a call today",
    hint: "By value at risk; click one to go to the customer's row on the tiers sheet. The full list is on the Call List sheet.",
    atRisk: (p) => `at risk ${p.value}`,
  },
};
