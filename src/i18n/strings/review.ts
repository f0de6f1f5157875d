/**
 * Words of the control group, the uplift table, the model check and the call list (docs/review.md
 * explains them for sales managers).
 */
export interface ReviewStrings {
  controlMark: {
    yes: string;
    no: string;
  };
  trackingControl: {
    noteHeader: string;
    content: string;
    note: (p: { share: string | number }) => string;
  };
  upliftHeaders: {
    strategy: string;
    tier: string;
    start: string;
    end: string;
    treated: string;
    control: string;
    tOrdersBefore: string;
    tOrdersDuring: string;
    cOrdersBefore: string;
    cOrdersDuring: string;
    upliftOrders: string;
    ciOrdersLow: string;
    ciOrdersHigh: string;
    tAmountBefore: string;
    tAmountDuring: string;
    cAmountBefore: string;
    cAmountDuring: string;
    upliftAmount: string;
    ciAmountLow: string;
    ciAmountHigh: string;
    verdict: string;
  };
  upliftVerdicts: {
    effective: string;
    no_effect: string;
    too_few: string;
  };
  text: {
    title: (p: { asOf: string | number }) => string;
    howToRead: (p: { min: string | number }) => string;
    upliftCaption: (p: { resamples: string | number }) => string;
    noUplift: string;
    linesCaption: string;
  };
  modelCheck: {
    title: (p: { asOf: string | number; weeks: string | number }) => string;
    method: (p: {
      asOf: string | number;
      calibrationEnd: string | number;
      weeks: string | number;
    }) => string;
    figuresCaption: string;
    byRepeatCaption: string;
    chartTitle: string;
    figure: string;
    value: string;
    customers: string;
    predictedTotal: string;
    actualTotal: string;
    difference: string;
    mae: string;
    verdictLabel: string;
    repeat: string;
    repeatOrMore: (p: { n: string | number }) => string;
    groupCustomers: string;
    predicted: string;
    actual: string;
  };
  modelCheckVerdicts: {
    trust: (p: { good: string | number }) => string;
    rough: (p: { good: string | number; rough: string | number }) => string;
    do_not_trust: (p: { rough: string | number }) => string;
    inconclusive: (p: { min: string | number }) => string;
  };
  modelCheckReasons: {
    no_orders: string;
    history_too_short: (p: { weeks: string | number }) => string;
    too_few_customers: string;
    too_few_repeat_buyers: string;
    single_day: string;
    no_convergence: string;
    all_amounts_equal: string;
    nonpositive_amounts: string;
    fixed_prices: string;
    ridge: string;
    flat_likelihood: string;
  };
  callHeaders: {
    owner: string;
    rank: string;
    id: string;
    name: string;
    tier: string;
    valueAtRisk: string;
    value: string;
    pAlive: string;
    reason: string;
    cell: string;
  };
  calls: {
    title: (p: { asOf: string | number; limit: string | number }) => string;
    rule: string;
    none: string;
    noOwner: string;
    reasonValue: (p: { value: string | number }) => string;
    reasonPAlive: (p: { p: string | number }) => string;
    reasonOverdue: (p: { gap: string | number; silent: string | number }) => string;
    separator: string;
  };
  paneCalls: {
    heading: string;
    hint: string;
    atRisk: (p: { value: string | number }) => string;
  };
}
