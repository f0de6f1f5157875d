/** Words of the history sheet (plan/history.ts). */
import type { Lang } from "./lang";

type Text = Record<Lang, string>;

export const HISTORY_HEADERS: Record<string, Text> = {
  period: { "zh-CN": "截止日期", "en-US": "As of" },
  scheme: { "zh-CN": "评分方案", "en-US": "Scheme" },
  customers: { "zh-CN": "客户数", "en-US": "Customers" },
  buyers: { "zh-CN": "窗口内购买客户", "en-US": "Bought in the window" },
  revenue: { "zh-CN": "窗口内销售额(元)", "en-US": "Revenue in the window" },
  target: { "zh-CN": "目标销售额(元)", "en-US": "Revenue target" },
  achieved: { "zh-CN": "目标完成率", "en-US": "% of target" },
  repurchaseRate: { "zh-CN": "复购率", "en-US": "Repurchase rate" },
  churnRate: { "zh-CN": "流失率", "en-US": "Churn rate" },
  nps: { "zh-CN": "净推荐值NPS", "en-US": "NPS" },
  "count.maintain": { "zh-CN": "维护类客户数", "en-US": "Maintain customers" },
  "count.develop": { "zh-CN": "开发类客户数", "en-US": "Develop customers" },
  "count.keep": { "zh-CN": "保持类客户数", "en-US": "Keep customers" },
  "count.win_back": { "zh-CN": "挽回类客户数", "en-US": "Win-back customers" },
  "count.no_purchases": { "zh-CN": "无购买记录客户数", "en-US": "No purchases" },
  "repurchase.maintain": { "zh-CN": "维护类复购率", "en-US": "Maintain repurchase" },
  "repurchase.develop": { "zh-CN": "开发类复购率", "en-US": "Develop repurchase" },
  "repurchase.keep": { "zh-CN": "保持类复购率", "en-US": "Keep repurchase" },
  "repurchase.win_back": { "zh-CN": "挽回类复购率", "en-US": "Win-back repurchase" },
};

export const HISTORY_TEXT = {
  title: {
    "zh-CN": "历史趋势 · 每次评分一行（同一截止日期再次评分时替换该行）",
    "en-US": "Trends · one line per run (scoring the same as-of date again replaces its line)",
  },
  help: {
    "zh-CN":
      "“目标销售额”由您按期填写（可写 50万），重新评分时保留；完成率 = 窗口内销售额 ÷ 目标。层级按其策略类型（维护/开发/保持/挽回）计数，换评分方案后仍可比较。",
    "en-US":
      "Type each period's revenue target (e.g. 500000 or 50万); it is kept when you score again. % of target = revenue in the window ÷ target. Tiers are counted by their playbook (maintain/develop/keep/win back), so lines stay comparable when the scheme changes.",
  },
  revenueChart: { "zh-CN": "销售额与目标", "en-US": "Revenue and target" },
  tiersChart: { "zh-CN": "各策略类型客户数", "en-US": "Customers per playbook" },
} as const;
