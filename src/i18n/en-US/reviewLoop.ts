import type { ReviewLoopStrings } from "../strings/reviewLoop";

export const reviewLoop: ReviewLoopStrings = {
  headers: {
    coreGoal: "Core goal",
    reviewDue: "Review due",
    aovGrowth: "Avg. order value growth",
  },
  coreGoals: {
    maintain: "Stronger loyalty, a longer relationship",
    develop: "Draw out needs, raise order frequency and amount",
    keep: "Keep the business as it is, lower churn",
    win_back: "Find out why they leave, plan the win-back",
  },
  rollUpCaption:
    "Effects rolled up (by strategy type and by tier when planned; control lines are not judged)",
  rollUpHeaders: {
    by: "By",
    group: "Strategy type / tier",
    lines: "Lines judged",
    effective: "Effective",
    partial: "Partly effective",
    ineffective: "Not effective",
    notStarted: "Not started",
    effectiveShare: "Effective share",
  },
  byStrategy: "Strategy type",
  byTier: "Tier",
};
