import type { PaneStrings } from "../strings/pane";

export const pane: PaneStrings = {
  start: {
    heading: "Start here",
    intro:
      "This workbook has no customer data yet. Start from the templates, or look at the sample data first.",
    createTemplates: "Create the template sheets",
    templatesHint:
      "Adds a customer archive, an orders sheet and follow-up records (Excel tables with date and amount formats, drop-downs for stage, intent class and completion status), ready to type into.",
    trySample: "Try it on sample data",
    sampleHint:
      "Adds the sample customers, orders and follow-ups, to see the whole product in one click.",
    adding: "Adding sheets…",
    added: ({ sheets }) => `Added: ${sheets}. No existing sheet was changed.`,
  },
  stale: {
    text: ({ latest, asOf, days }) =>
      `The newest order is from ${latest}, before the scoring window (the ${days} days up to ${asOf}). Scored as of that date, every customer would be a churn risk. If this is an old export, score as of the newest order's date.`,
    useLatest: ({ date }) => `Score as of ${date}`,
  },
  overview: {
    heading: "This run at a glance",
    tiersCaption: "Customers and share of revenue per tier",
    tierBar: ({ tier, customers, share }) => `${tier}: ${customers} customers, ${share} of revenue`,
    customersAxis: "Customers",
    revenueAxis: "Revenue share",
    movementHeading: "Since the last run",
    firstRun: "This is the first run; the next one shows who moved.",
    up: ({ count }) => `${count} up`,
    down: ({ count }) => `${count} down`,
    new: ({ count }) => `${count} new`,
    lapsed: ({ count }) => `${count} lapsed`,
    followupsHeading: "Follow-ups",
    weakestStep: ({ from, to, rate }) => `Weakest step: ${from} → ${to} (${rate})`,
    noFunnel: "The follow-up records state no stages, so there is no funnel.",
    overdue: ({ count }) => `${count} overdue follow-ups`,
    noFollowups: "No follow-up records sheet was found.",
    hygieneHeading: "Data hygiene",
    duplicates: ({ count }) => `${count} likely duplicate pairs`,
    blankCells: ({ count }) => `${count} blank required cells`,
    withoutOrders: ({ count }) => `${count} customers without orders`,
    stage: { potential: "potential", intent: "intent", negotiation: "negotiation", won: "won" },
  },
  quality: {
    group: ({ kind, count }) => `${kind} (${count})`,
    more: ({ count }) => `${count} more: see the data-quality list on the Summary sheet.`,
  },
  elsewhere: {
    shown: ({ time }) =>
      `The workbook was scored with the ribbon's Score customers at ${time}; this is that result.`,
    changed: "The workbook was scored elsewhere; the figures below may be out of date.",
    refresh: "Refresh",
  },
};
