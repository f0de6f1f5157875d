import type { HistoryStrings } from "../strings/history";

export const history: HistoryStrings = {
  headers: {
    period: "As of",
    scheme: "Scheme",
    customers: "Customers",
    buyers: "Bought in the window",
    revenue: "Revenue in the window",
    target: "Revenue target",
    achieved: "% of target",
    repurchaseRate: "Repurchase rate",
    churnRate: "Churn rate",
    nps: "NPS",
    "count.maintain": "Maintain customers",
    "count.develop": "Develop customers",
    "count.keep": "Keep customers",
    "count.win_back": "Win-back customers",
    "count.no_purchases": "No purchases",
    "repurchase.maintain": "Maintain repurchase",
    "repurchase.develop": "Develop repurchase",
    "repurchase.keep": "Keep repurchase",
    "repurchase.win_back": "Win-back repurchase",
  },
  title: "Trends · one line per run (scoring the same as-of date again replaces its line)",
  help: "Type each period's revenue target (e.g. 500000 or 50万); it is kept when you score again. % of target = revenue in the window ÷ target. Tiers are counted by their playbook (maintain/develop/keep/win back), so lines stay comparable when the scheme changes.",
  revenueChart: "Revenue and target",
  tiersChart: "Customers per playbook",
};
