import type { Lang } from "../core/types";
import type { SheetPlan } from "../plan/types";

/** Names of the sheets the add-in owns. Once created, a sheet keeps its name (found again by key). */
export const SHEET_NAMES: Record<SheetPlan["key"], Record<Lang, string>> = {
  tiers: { "zh-CN": "客户分层", "en-US": "Customer Tiers" },
  tracking: { "zh-CN": "销售策略跟踪", "en-US": "Strategy Tracking" },
  review: { "zh-CN": "策略效果复盘", "en-US": "Strategy Review" },
  summary: { "zh-CN": "概览", "en-US": "Summary" },
  watchlist: { "zh-CN": "跟进提醒", "en-US": "Follow-up Watch" },
  settings: { "zh-CN": "设置", "en-US": "Settings" },
  calls: { "zh-CN": "今日待联系", "en-US": "Call List" },
  modelcheck: { "zh-CN": "模型检验", "en-US": "Model Check" },
  owners: { "zh-CN": "销售业绩", "en-US": "Sales by Owner" },
  history: { "zh-CN": "历史趋势", "en-US": "Trends" },
  channels: { "zh-CN": "渠道分析", "en-US": "Channels" },
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
  previousTier: { "zh-CN": "上期层级", "en-US": "Previous tier" },
  change: { "zh-CN": "变化", "en-US": "Change" },
  behaviour: { "zh-CN": "行为标签", "en-US": "Behaviour" },
  nps: { "zh-CN": "最新推荐意愿(0-10)", "en-US": "Latest recommendation (0-10)" },
  feedback: { "zh-CN": "最新客户反馈", "en-US": "Latest feedback" },
};

export const TIER_PREAMBLE = {
  asOf: { "zh-CN": "截止日期", "en-US": "As-of date" },
} as const;

export const TIER_CHANGE = {
  new: { "zh-CN": "新", "en-US": "new" },
  same: { "zh-CN": "不变", "en-US": "same" },
  up: { "zh-CN": "↑ 升级", "en-US": "↑ up" },
  down: { "zh-CN": "↓ 降级", "en-US": "↓ down" },
  changed: { "zh-CN": "变化", "en-US": "changed" },
} as const;

export const BEHAVIOUR_TAGS = {
  one_time_buyer: { "zh-CN": "一次性购买", "en-US": "one-time buyer" },
  high_frequency: { "zh-CN": "高频购买", "en-US": "high-frequency buyer" },
  low_frequency: { "zh-CN": "低频购买", "en-US": "low-frequency buyer" },
  frequent_returns: { "zh-CN": "频繁退货", "en-US": "frequent returns" },
} as const;

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

/** Strategy-tracking sheet (seed 000 table 3). */
export const TRACKING_HEADERS: Record<string, Record<Lang, string>> = {
  id: { "zh-CN": "客户ID", "en-US": "Customer ID" },
  name: { "zh-CN": "客户名称", "en-US": "Customer name" },
  tier: { "zh-CN": "客户层级", "en-US": "Tier" },
  type: { "zh-CN": "策略类型", "en-US": "Strategy type" },
  content: { "zh-CN": "策略内容描述", "en-US": "Strategy" },
  owner: { "zh-CN": "负责人", "en-US": "Owner" },
  start: { "zh-CN": "计划开始", "en-US": "Planned start" },
  end: { "zh-CN": "计划结束", "en-US": "Planned end" },
  target: { "zh-CN": "预期目标", "en-US": "Expected target" },
  actual: { "zh-CN": "实际执行情况", "en-US": "What was done" },
  status: { "zh-CN": "完成状态", "en-US": "Status" },
  note: { "zh-CN": "未完成原因/完成亮点", "en-US": "Reason / highlight" },
  line: { "zh-CN": "行状态", "en-US": "Line" },
  control: { "zh-CN": "对照组", "en-US": "Control group" },
  plannedTier: { "zh-CN": "计划时层级", "en-US": "Tier when planned" },
};

export const STATUS_VALUES: Record<Lang, [notDone: string, partly: string, done: string]> = {
  "zh-CN": ["未完成", "部分完成", "已完成"],
  "en-US": ["Not done", "Partly done", "Done"],
};

export const LINE_STATUS = {
  left_tier: { "zh-CN": "客户已离开该层级", "en-US": "Customer left this tier" },
  gone: { "zh-CN": "客户已不在档案中或无购买", "en-US": "Customer no longer scored" },
} as const;

/** Review sheet (seed 000 table 4). */
export const REVIEW_HEADERS: Record<string, Record<Lang, string>> = {
  id: { "zh-CN": "客户ID", "en-US": "Customer ID" },
  name: { "zh-CN": "客户名称", "en-US": "Customer name" },
  type: { "zh-CN": "策略类型", "en-US": "Strategy type" },
  start: { "zh-CN": "执行开始", "en-US": "Start" },
  end: { "zh-CN": "执行结束", "en-US": "End" },
  ordersBefore: { "zh-CN": "执行前订单数", "en-US": "Orders before" },
  amountBefore: { "zh-CN": "执行前金额", "en-US": "Amount before" },
  ordersDuring: { "zh-CN": "执行中订单数", "en-US": "Orders during" },
  amountDuring: { "zh-CN": "执行中金额", "en-US": "Amount during" },
  target: { "zh-CN": "预期目标", "en-US": "Expected target" },
  effect: { "zh-CN": "效果评估", "en-US": "Effect" },
  analysis: { "zh-CN": "差异分析", "en-US": "Analysis" },
  improvement: { "zh-CN": "改进建议", "en-US": "Improvement" },
  control: { "zh-CN": "对照组", "en-US": "Control group" },
};

export const EFFECT_VALUES = {
  effective: { "zh-CN": "有效", "en-US": "Effective" },
  partial: { "zh-CN": "部分有效", "en-US": "Partly effective" },
  ineffective: { "zh-CN": "无效", "en-US": "Not effective" },
  not_started: { "zh-CN": "未开始", "en-US": "Not started" },
} as const;

/** Follow-up watchlist sheet (seed 004: overdue next steps, A-class at least weekly). */
export const WATCH_HEADERS: Record<string, Record<Lang, string>> = {
  id: { "zh-CN": "客户ID", "en-US": "Customer ID" },
  name: { "zh-CN": "客户名称", "en-US": "Customer name" },
  intent: { "zh-CN": "意向等级", "en-US": "Intent class" },
  stage: { "zh-CN": "当前阶段", "en-US": "Current stage" },
  kind: { "zh-CN": "提醒类型", "en-US": "Why" },
  due: { "zh-CN": "应跟进日期", "en-US": "Due" },
  daysLate: { "zh-CN": "逾期天数", "en-US": "Days late" },
  person: { "zh-CN": "跟进人", "en-US": "Follow-up by" },
  nextAction: { "zh-CN": "下一步行动", "en-US": "Next action" },
  address: { "zh-CN": "跟进记录单元格", "en-US": "Follow-up cell" },
  tier: { "zh-CN": "客户层级", "en-US": "Tier" },
};

export const WATCH_TEXT = {
  title: {
    "zh-CN": "跟进提醒 · 截止日期 {asOf} · 跟进记录“{sheet}”",
    "en-US": 'Follow-up watch · as of {asOf} · follow-up records "{sheet}"',
  },
  titleNoSheet: {
    "zh-CN": "跟进提醒 · 截止日期 {asOf} · 未找到跟进记录表",
    "en-US": "Follow-up watch · as of {asOf} · no follow-up records found",
  },
  rules: {
    "zh-CN":
      "逾期未跟进：下次跟进日期已过、未标记完成，且之后没有新的跟进。跟进间隔超期：尚未成交或流失，A 类超过 {A} 天、B 类超过 {B} 天、C 类超过 {C} 天没有跟进（天数在“设置”中修改）。",
    "en-US":
      "Next step overdue: the next follow-up date has passed, the line is not marked done and no later follow-up came. Cadence broken: not yet won or lost, and no follow-up for more than {A} days (class A), {B} days (B) or {C} days (C); change the days in Settings.",
  },
  rebuilt: {
    "zh-CN": "本表每次评分时重新生成，请在跟进记录表中登记跟进；插件从不修改跟进记录表。",
    "en-US":
      "This sheet is rebuilt on every run: record follow-ups in your follow-up sheet, which the add-in never changes.",
  },
  none: {
    "zh-CN": "没有逾期或超期未跟进的客户。",
    "en-US": "No follow-up is overdue.",
  },
} as const;
