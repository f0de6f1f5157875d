import type { HistoryStrings } from "../strings/history";

export const history: HistoryStrings = {
  headers: {
    period: "截止日期",
    scheme: "评分方案",
    customers: "客户数",
    buyers: "窗口内购买客户",
    revenue: "窗口内销售额(元)",
    target: "目标销售额(元)",
    achieved: "目标完成率",
    repurchaseRate: "复购率",
    churnRate: "流失率",
    nps: "净推荐值NPS",
    "count.maintain": "维护类客户数",
    "count.develop": "开发类客户数",
    "count.keep": "保持类客户数",
    "count.win_back": "挽回类客户数",
    "count.no_purchases": "无购买记录客户数",
    "repurchase.maintain": "维护类复购率",
    "repurchase.develop": "开发类复购率",
    "repurchase.keep": "保持类复购率",
    "repurchase.win_back": "挽回类复购率",
  },
  title: "历史趋势 · 每次评分一行（同一截止日期再次评分时替换该行）",
  help: "“目标销售额”由您按期填写（可写 50万），重新评分时保留；完成率 = 窗口内销售额 ÷ 目标。层级按其策略类型（维护/开发/保持/挽回）计数，换评分方案后仍可比较。",
  revenueChart: "销售额与目标",
  tiersChart: "各策略类型客户数",
};
