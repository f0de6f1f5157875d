import type { FollowupStrings } from "../strings/followups";

export const followups: FollowupStrings = {
  stages: {
    potential: "Potential",
    intent: "Intent",
    negotiation: "Negotiation",
    won: "Won",
    lost: "Lost",
    unstaged: "No stage given",
  },
  watchKinds: {
    overdue: "Next step overdue",
    cadence: "Cadence broken",
    contact: "Contact overdue",
  },
  fields: {
    industry: "Industry",
    region: "Region",
    size: "Company size",
    name: "Customer name",
    contactName: "Contact name",
    phone: "Phone",
  },
  duplicateReasons: {
    phone: "same phone",
    name: "same name",
  },
};
