import type { Lang } from "../core/types";
import type { SheetPlan } from "../plan/types";

/** Names of the sheets the add-in owns. Once created, a sheet keeps its name (found again by key). */
export const SHEET_NAMES: Record<SheetPlan["key"], Record<Lang, string>> = {
  tiers: { "zh-CN": "客户分层", "en-US": "Customer Tiers" },
  tracking: { "zh-CN": "销售策略跟踪", "en-US": "Strategy Tracking" },
  review: { "zh-CN": "策略效果复盘", "en-US": "Strategy Review" },
  summary: { "zh-CN": "概览", "en-US": "Summary" },
  settings: { "zh-CN": "设置", "en-US": "Settings" },
};

/** Every localised name of our sheets: never read as inputs. */
export function ownSheetNames(): Set<string> {
  const names = new Set<string>();
  for (const byLang of Object.values(SHEET_NAMES))
    for (const name of Object.values(byLang)) names.add(name);
  return names;
}

/** Column headers of the tier sheet. */
export const TIER_HEADERS: Record<string, Record<Lang, string>> = {
  id: { "zh-CN": "客户ID", "en-US": "Customer ID" },
  name: { "zh-CN": "客户名称", "en-US": "Customer name" },
  owner: { "zh-CN": "销售负责人", "en-US": "Sales owner" },
  phone: { "zh-CN": "联系方式", "en-US": "Phone" },
  lastPurchase: { "zh-CN": "最近购买日期", "en-US": "Last purchase" },
  recency: { "zh-CN": "R 距今天数", "en-US": "R days since" },
  frequency: { "zh-CN": "F 购买次数", "en-US": "F orders" },
  monetary: { "zh-CN": "M 净金额(元)", "en-US": "M net amount" },
  rScore: { "zh-CN": "R 得分", "en-US": "R score" },
  fScore: { "zh-CN": "F 得分", "en-US": "F score" },
  mScore: { "zh-CN": "M 得分", "en-US": "M score" },
  total: { "zh-CN": "综合得分", "en-US": "Total score" },
  weighted: { "zh-CN": "加权得分", "en-US": "Weighted score" },
  tier: { "zh-CN": "客户层级", "en-US": "Tier" },
  family: { "zh-CN": "策略类型", "en-US": "Playbook" },
  reason: { "zh-CN": "分层依据", "en-US": "Reason" },
  clv: { "zh-CN": "客户终身价值(简易)", "en-US": "Simple CLV" },
  pAlive: { "zh-CN": "仍活跃概率", "en-US": "P(alive)" },
  expectedPurchases: { "zh-CN": "预计购买次数", "en-US": "Expected purchases" },
  expectedSpend: { "zh-CN": "预计客单价", "en-US": "Expected spend per purchase" },
  predictedClv: { "zh-CN": "预测终身价值", "en-US": "Predicted CLV" },
  churnWarning: { "zh-CN": "流失预警", "en-US": "Churn warning" },
  tags: { "zh-CN": "自定义标签", "en-US": "Custom tags" },
};

export const TIER_SHEET_TITLE: Record<Lang, string> = {
  "zh-CN": "客户价值分层与标签表 · 截止日期 {asOf} · 窗口 {start} 至 {asOf} · 方案 {scheme}",
  "en-US": "Customer value tiers · as of {asOf} · window {start} to {asOf} · scheme {scheme}",
};

/** The churn warning's wording in the tier sheet. */
export const CHURN_WARNING_TEXT = {
  p_alive: { "zh-CN": "仍活跃概率仅 {p}%", "en-US": "P(alive) only {p}%" },
  overdue: {
    "zh-CN": "已 {silent} 天未购买（平时约 {gap} 天一单）",
    "en-US": "silent {silent} days (usually buys every {gap} days)",
  },
} as const;
