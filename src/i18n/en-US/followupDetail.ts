import type { FollowupDetailStrings } from "../strings/followupDetail";

export const followupDetail: FollowupDetailStrings = {
  figuresCaption:
    "Follow-up detail (postponed, objections, next-step owner, 24-hour first response)",
  figure: "Figure",
  value: "Value",
  postponed: "Follow-ups postponed",
  postponedWithReason: "Of them, with a reason",
  objections: "Follow-ups recording an objection",
  handedOver: "Follow-ups whose next step someone else owns",
  leadsChecked: "New leads in the window (with a creation date)",
  lateFirstResponse: "Of them, not followed up within 24 hours",
  stagesCaption: "Follow-up effort per stage (follow-ups and days at each stage)",
  stageHeaders: {
    stage: "Stage",
    customers: "Customers at the stage",
    followups: "Follow-ups at the stage",
    avgFollowups: "Avg. follow-ups",
    movedOn: "Customers who moved on",
    avgDays: "Avg. days at the stage",
  },
  stages: {
    potential: "Potential",
    intent: "Intent",
    negotiation: "Negotiation",
    won: "Won",
    lost: "Lost",
  },
  findingsCaption: "Follow-up findings (the cell address shows where)",
  findingHeaders: {
    kind: "Finding",
    id: "Customer ID",
    name: "Customer name",
    address: "Cell",
    daysLate: "Days over",
  },
  kinds: {
    postponed_no_reason: "Postponed without a reason",
    first_response_late: "New lead first followed up after 24 hours",
    no_first_response: "New lead not followed up yet",
  },
  noFindings: "No findings",
};
