import type { WinBackStrings } from "../strings/winBack";

export const winBack: WinBackStrings = {
  headers: {
    churnReason: "Churn reason",
    opened: "Opened on",
  },
  reasons: {
    price: "Price",
    service: "Service",
    competitor: "Competitor",
    delivery: "Delivery",
    business_change: "Customer's business changed",
    other: "Other",
  },
  warningContent:
    "Win back after a churn warning: call or visit within a week and find out why (price, service, competitors, delivery); a targeted offer for that reason (a discount for price, an apology and a gift for service); pass the reason on to the product or service team, and record the lessons if it fails.",
  warningCleared: "Churn warning cleared",
  caption: "Win-back (win-back rate)",
  reasonsCaption: "Churn reasons (typed on the Strategy Tracking sheet)",
  figure: "Figure",
  value: "Value",
  rate: "Win-back rate",
  customers: "Customers with a win-back line (treated)",
  wonBack: "Of them, bought again",
  controlRate: "Control group's win-back rate",
  reason: "Churn reason",
  lines: "Lines",
  howCounted:
    "Win-back rate = of the customers with a Win-back line (churn warning or churn-risk tier), the share who bought again after the planned start (or, without one, the day the line was opened); the control group is counted apart.",
};
