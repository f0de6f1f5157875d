import type { LeadsStrings } from "../strings/leads";

export const leads: LeadsStrings = {
  fields: {
    created: "Created",
    source: "Source / channel",
    urgency: "Urgency",
    budget: "Budget",
    expectedStart: "Expected start",
    competitor: "Competitor",
    regAddress: "Registered address",
    consent: "Consent to contact",
  },
  title: (p) => `Conversion and acquisition cost per lead channel (window ${p.start} to ${p.asOf})`,
  help: "You fill in the Channel spend column (yuan spent on the channel in the window); scoring again keeps it. With it, the channel's CAC = channel spend ÷ the channel's new customers. Converted = bought, or won in the follow-up records.",
  headers: {
    channel: "Source / channel",
    customers: "Customers",
    converted: "Converted",
    conversion: "Conversion",
    newCustomers: "New in window",
    revenue: "Revenue in window",
    spend: "Channel spend (yuan)",
    cac: "CAC",
  },
  blankChannel: "(no channel)",
};
