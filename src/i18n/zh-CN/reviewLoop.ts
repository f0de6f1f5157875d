import type { ReviewLoopStrings } from "../strings/reviewLoop";

export const reviewLoop: ReviewLoopStrings = {
  headers: {
    coreGoal: "核心目标",
    reviewDue: "复盘日期",
    aovGrowth: "客单价增长率",
  },
  coreGoals: {
    maintain: "提升客户粘性，延长合作生命周期",
    develop: "激发客户需求，提升交易频次与金额",
    keep: "维持现有合作，降低流失率",
    win_back: "识别流失原因，制定挽回方案",
  },
  rollUpCaption: "效果评估汇总（按策略类型、按计划时层级；对照组不评估）",
  rollUpHeaders: {
    by: "汇总维度",
    group: "策略类型/层级",
    lines: "评估行数",
    effective: "有效",
    partial: "部分有效",
    ineffective: "无效",
    notStarted: "未开始",
    effectiveShare: "有效占比",
  },
  byStrategy: "按策略类型",
  byTier: "按层级",
};
