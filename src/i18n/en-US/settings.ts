import type { SettingsStrings } from "../strings/settings";

export const settings: SettingsStrings = {
  headers: {
    key: "Key",
    item: "Setting",
    value: "Value",
    description: "Description",
  },
  title: "Customer tiering settings",
  intro:
    "Edit the Value column only; the add-in reads this sheet on the next Score customers run. Leave the Key column as it is; deleting a line brings that setting's default back.",
  yes: "yes",
  no: "no",
  today: "today",
  notSet: "blank (not entered)",
  choiceSeparator: "; ",
  tierSeparator: ", ",
  inputKind: {
    customers: "Customer archive",
    orders: "Orders",
    followups: "Follow-ups",
  },
  abcCriterion: {
    annualAmount: "annual purchase (yuan)",
    ordersPerYear: "orders per year",
    profit: "profit (yuan)",
    clv: "CLV (yuan)",
  },
  abcCombine: {
    majority: "the grade most criteria give, ties to the lower grade",
    all: "A only when every criterion gives A, C when any gives C, else B",
    any: "the best grade of any criterion",
    amount_only: "annual purchase only",
  },
  lines: {
    scheme: {
      label: () => "Scoring scheme",
      description: (p) => `Pick from the list: ${p.choices}. Default ${p.default}.`,
    },
    asOf: {
      label: () => "As-of date",
      description: () =>
        "The date R/F/M are computed on; orders after it are ignored. Type a date such as 2024-12-31 (1970-01-01 or later); leave blank for the day of each run. Default blank.",
    },
    windowDays: {
      label: () => "Window (days)",
      description: (p) =>
        `F and M count the orders of this many days ending on the as-of date (inclusive). A whole number from 1 to 3660. Default ${p.default}.`,
    },
    weights: {
      label: (p) => `${p.metric} weight`,
      description: (p) =>
        `Weighted score = R weight × R score + F weight × F score + M weight × M score. A number, 0 or more. Default ${p.default}.`,
    },
    "fixed5.recencyMaxDays": {
      label: (p) => `R score ${p.score} up to (days)`,
      description: (p) =>
        `Five-point bins: a last purchase at most this many days ago scores ${p.score} (beyond the score-2 limit scores 1). A positive whole number; the limits of scores 5, 4, 3, 2 increase. Default ${p.default}.`,
    },
    "fixed5.frequencyMin": {
      label: (p) => `F score ${p.score} from (orders)`,
      description: (p) =>
        `Five-point bins: at least this many orders in the window score ${p.score} (below the score-2 limit scores 1). A positive whole number; the limits of scores 5, 4, 3, 2 decrease. Default ${p.default}.`,
    },
    "fixed5.monetaryMin": {
      label: (p) => `M score ${p.score} from (yuan)`,
      description: (p) =>
        `Five-point bins: a net amount in the window of at least this scores ${p.score} (below the score-2 limit scores 1). An amount above 0; the limits of scores 5, 4, 3, 2 decrease. Default ${p.default}.`,
    },
    "fixed5.tierMinTotal.high_value": {
      label: () => "High value from total",
      description: (p) =>
        `Five-point bins: a total R+F+M of at least this is high value. A whole number from 3 to 15, above the potential line. Default ${p.default}.`,
    },
    "fixed5.tierMinTotal.potential": {
      label: () => "Potential from total",
      description: (p) =>
        `Five-point bins: a total of at least this (below the high value line) is potential. A whole number from 3 to 15, between the general and high value lines. Default ${p.default}.`,
    },
    "fixed5.tierMinTotal.general": {
      label: () => "General from total",
      description: (p) =>
        `Five-point bins: a total of at least this (below the potential line) is general; lower is churn risk. A whole number from 3 to 15, below the potential line. Default ${p.default}.`,
    },
    "pct100.high": {
      label: () => "100-point: high value line",
      description: (p) =>
        `100-point scores: R, F and M all at least this is high value. A number from 0 to 100, above the general line. Default ${p.default}.`,
    },
    "pct100.potentialR": {
      label: () => "100-point: potential R line",
      description: (p) =>
        `100-point potential, first rule: R at least this, F at least the potential F line, M below the high value line. A number from 0 to 100, between the general and high value lines. Default ${p.default}.`,
    },
    "pct100.potentialF": {
      label: () => "100-point: potential F line",
      description: (p) =>
        `100-point potential, first rule: R at least the potential R line, F at least this, M below the high value line. A number from 0 to 100, between the general and high value lines. Default ${p.default}.`,
    },
    "pct100.potentialM": {
      label: () => "100-point: potential M line",
      description: (p) =>
        `100-point potential, second rule: R below the high value line, F at least the high value line, M at least this. A number from 0 to 100, between the general and high value lines. Default ${p.default}.`,
    },
    "pct100.general": {
      label: () => "100-point: general line",
      description: (p) =>
        `100-point scores: R, F and M all at least this is general, otherwise churn risk. A number from 0 to 100, below the high value line. Default ${p.default}.`,
    },
    "abc.A": {
      label: (p) => `ABC: grade A from, ${p.criterion}`,
      description: (p) =>
        `ABC grading: ${p.criterion} of at least this is grade A. A number, 0 or more, above the grade B line. Default ${p.default}.`,
    },
    "abc.B": {
      label: (p) => `ABC: grade B from, ${p.criterion}`,
      description: (p) =>
        `ABC grading: ${p.criterion} of at least this (below the grade A line) is grade B, lower is C. A number, 0 or more, below the grade A line. Default ${p.default}.`,
    },
    "abc.combine": {
      label: () => "ABC: how criteria combine",
      description: (p) =>
        `Pick from the list: ${p.choices}. Criteria without data (profit, CLV) are left out. Default ${p.default}.`,
    },
    "clv.margin": {
      label: () => "Gross margin",
      description: (p) =>
        `Margin used for lifetime value when the orders carry no profit column. A fraction from 0 to 1, or a percentage such as 30%. Default ${p.default}.`,
    },
    "clv.retentionYears": {
      label: () => "Expected retention (years)",
      description: (p) =>
        `Simple CLV = average order value × orders per year × these years × margin. A number above 0, at most 100. Default ${p.default}.`,
    },
    "clv.discountRate": {
      label: () => "Annual discount rate",
      description: (p) =>
        `Yearly rate used to discount predicted lifetime value. A fraction from 0 to 1, or a percentage such as 10%. Default ${p.default}.`,
    },
    "clv.horizonDays": {
      label: () => "Prediction horizon (days)",
      description: (p) =>
        `Days covered by expected purchases and predicted lifetime value. A whole number from 1 to 3660. Default ${p.default}.`,
    },
    maskPhones: {
      label: () => "Mask phone numbers",
      description: (p) =>
        `yes = phone numbers in the output sheets show as 138****5678; no = in full. Type yes or no. Default ${p.default}.`,
    },
    "followup.cadenceDays": {
      label: (p) => `Follow up class ${p.grade} at least every (days)`,
      description: (p) =>
        `A customer of intent class ${p.grade}, not yet won or lost, whose latest follow-up is more than this many days old goes on the Follow-up Watch sheet. A whole number from 1 to 366. Default ${p.default}.`,
    },
    marketingSpend: {
      label: () => "Marketing spend in the window (yuan)",
      description: (p) =>
        `For customer acquisition cost CAC = marketing spend ÷ new customers in the window (first purchase inside the window). An amount, 0 or more; leave blank and the summary shows CAC as not available. Default ${p.default}.`,
    },
    "review.controlShare": {
      label: () => "Control group share",
      description: (p) =>
        `Share of each strategy's customers held back at random as the control group: no playbook actions for them this period, so the review can tell the strategy's effect from the season or customers drifting back on their own. A fraction from 0 to 1, or a percentage such as 15%; 0 turns it off. Default ${p.default}.`,
    },
    "review.holdoutWeeks": {
      label: () => "Model check holdout (weeks)",
      description: (p) =>
        `To check the lifetime-value model, it is fitted on the orders before the last this-many weeks up to the as-of date, predicts each customer's purchases in those weeks and is compared with what happened (Model Check sheet). A whole number from 1 to 520. Default ${p.default}.`,
    },
    "contact.days": {
      label: (p) => `Contact ${p.family} customers at least every (days)`,
      description: (p) =>
        `A scored customer whose tier feeds the ${p.family} playbook (${p.tiers}) and whose last contact (latest follow-up or purchase, whichever is later) is more than this many days old goes on the Follow-up Watch sheet (high-value customers: a visit a month). A whole number from 1 to 366. Default ${p.default}.`,
    },
    mapping: {
      label: (p) => `Column: ${p.kind} · ${p.field}`,
      description: () =>
        "The header of this field in the input sheet. If the wrong column was recognised, type the right header; blank means recognise it automatically.",
    },
    playbook: {
      label: (p) => `Playbook: ${p.family}`,
      description: () =>
        "Strategy text for new lines of the tracking sheet; rewrite it as you like, or leave blank for the default text.",
    },
  },
  rules: {
    positive_int: () => "must be a positive whole number",
    int_range: (p) => `must be a whole number from ${p.min} to ${p.max}`,
    non_negative: () => "must be a number, 0 or more",
    positive: () => "must be a number above 0",
    range: (p) => `must be a number from ${p.min} to ${p.max}`,
    above_max: (p) => `must be a number above 0 and at most ${p.max}`,
    fraction: () => "must be a fraction from 0 to 1 or a percentage such as 30%",
    date: () => "must be a date from 1970-01-01 on, such as 2024-12-31, or blank for today",
    choice: (p) => `must be one of: ${p.choices.join(", ")}`,
    bool: () => "must be yes or no",
    money_or_blank: () => "must be an amount, 0 or more, or blank",
  },
  problems: {
    badValue: (p) => `${p.address}: "${p.label}" ${p.rule}, ${p.got} (default ${p.default} used)`,
    got: (p) => `got "${p.value}"`,
    gotBlank: "but the cell is blank",
    orderUp: (p) =>
      `${p.address}: "${p.label}" (${p.value}) must be greater than "${p.other}" (${p.otherValue}); this group uses its defaults ${p.defaults}`,
    orderDown: (p) =>
      `${p.address}: "${p.label}" (${p.value}) must be less than "${p.other}" (${p.otherValue}); this group uses its defaults ${p.defaults}`,
    orderBetween: (p) =>
      `${p.address}: "${p.label}" (${p.value}) must lie between "${p.low}" (${p.lowValue}) and "${p.high}" (${p.highValue}); this group uses its defaults ${p.defaults}`,
    unknownKey: (p) => `${p.address}: unknown setting key "${p.key}"; the line is ignored`,
    duplicateKey: (p) =>
      `${p.address}: setting key "${p.key}" appears again; the first one (${p.first}) is used`,
    noHeader: (p) => `${p.address}: no "Key" header found; all settings are the defaults`,
    unreadable: (p) =>
      `${p.address}: the settings sheet cannot be read; all settings are the defaults`,
  },
};
