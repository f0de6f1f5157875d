import type { RunStrings } from "../strings/run";

export const run: RunStrings = {
  note: {
    archive_mode:
      "No orders sheet found: scored from the archive's last purchase date, purchase count and total amount (lifetime totals, not the window).",
    customers_from_orders:
      "No customer archive found: the customers are the IDs that appear in the orders sheet.",
  },
  problem: {
    no_customer_data:
      "No customer archive or orders sheet found. Check that a header row has 客户ID / Customer ID (orders also need a date and an amount).",
    no_id_column: "A table was found, but it has no customer ID column.",
  },
  quality: {
    missing_id: "Missing customer ID",
    unknown_customer: "Customer ID not in the archive",
    duplicate_customer: "Duplicate customer ID (first line kept)",
    bad_date: "Unreadable date",
    missing_date: "Missing date",
    bad_amount: "Unreadable amount",
    missing_amount: "Missing amount",
    bad_number: "Unreadable number",
    after_as_of: "Dated after the as-of date (ignored)",
    order_id_conflict: "Order number already used by another customer",
    stale_record:
      "Record not updated within its cycle (won customers quarterly, class A fortnightly, others monthly)",
  },
  summaryTitle: "Customer tiers",
  summaryModeOrders: ({ sheet }) => `Source: orders sheet "${sheet}"`,
  summaryModeArchive: ({ sheet }) => `Source: customer archive "${sheet}"`,
  summaryAsOf: ({ asOf, start }) => `As-of date ${asOf}, window ${start} to ${asOf}`,
  summaryScheme: ({ scheme }) => `Scheme: ${scheme}`,
  summaryCustomers: ({ count }) => `${count} customers`,
  summaryLines: ({ read, used }) => `Order lines: ${read} read, ${used} used`,
  summarySkipped: "Skipped or doubtful cells:",
  summaryNoneSkipped: "No rows skipped.",
  summaryMore: ({ count }) => `... and ${count} more`,
  summaryOutput: ({ path }) => `Written: ${path}`,
  summaryCsv: ({ path }) => `CSV: ${path}`,
  summaryModel: ({ path }) => `Model parameters: ${path}`,
  summaryReportJson: ({ path }) => `Report JSON: ${path}`,
  funnelTitle: ({ sheet }) =>
    `Sales funnel (follow-up records "${sheet}", customers who reached each stage):`,
  funnelStage: ({ stage, customers, now, rate }) =>
    `  ${stage}: ${customers} (now ${now}) → conversion to next ${rate}`,
  funnelLast: ({ stage, customers, now }) => `  ${stage}: ${customers} (now ${now})`,
  funnelDrop: ({ from, to, rate }) => `  Conversion drops most at ${from} → ${to} (${rate})`,
  funnelEffort: ({ avg, days }) =>
    `  ${avg} follow-ups per customer on average; ${days} days from first contact to won`,
  watchTitle: ({ overdue, cadence, sheet }) =>
    `Follow-up watch: ${overdue} next steps overdue, ${cadence} cadences broken (see "${sheet}")`,
  watchLine: ({ id, name, kind, days, person, address }) =>
    `  ${id} ${name}  ${kind}  late by ${days} d  ${person}  ${address}`,
  watchNone: "Follow-up watch: nothing is overdue.",
  listMore: ({ count }) => `  ... and ${count} more`,
  duplicatesTitle: ({ count }) => `${count} likely duplicate pairs (listed, never merged):`,
  duplicateLine: ({ a, b, reason, cellA, cellB }) =>
    `  ${a} and ${b}: ${reason} (${cellA}, ${cellB})`,
  duplicatesNone: "No likely duplicate customers.",
  hygieneCounts: ({ missing, without }) =>
    `${missing} customers with missing required information; ${without} customers without orders`,
  indicators: ({ nps, cac, newCustomers }) =>
    `NPS: ${nps}; CAC: ${cac} (${newCustomers} new customers in the window)`,
  notAvailable: "not available",
};
