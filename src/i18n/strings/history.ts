/** Words of the history sheet (plan/history.ts). */
export interface HistoryStrings {
  headers: {
    period: string;
    scheme: string;
    customers: string;
    buyers: string;
    revenue: string;
    target: string;
    achieved: string;
    repurchaseRate: string;
    churnRate: string;
    nps: string;
    "count.maintain": string;
    "count.develop": string;
    "count.keep": string;
    "count.win_back": string;
    "count.no_purchases": string;
    "repurchase.maintain": string;
    "repurchase.develop": string;
    "repurchase.keep": string;
    "repurchase.win_back": string;
  };
  title: string;
  help: string;
  revenueChart: string;
  tiersChart: string;
}
