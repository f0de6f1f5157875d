import type { StrategyFamily } from "../../core/types";

/** The review loop: core goal and review date per strategy line, AOV growth, verdicts rolled up. */
export interface ReviewLoopStrings {
  headers: {
    coreGoal: string;
    reviewDue: string;
    aovGrowth: string;
  };
  /** Seed 000 第三步: each tier strategy's 核心目标. */
  coreGoals: Record<StrategyFamily, string>;
  rollUpCaption: string;
  rollUpHeaders: {
    by: string;
    group: string;
    lines: string;
    effective: string;
    partial: string;
    ineffective: string;
    notStarted: string;
    effectiveShare: string;
  };
  byStrategy: string;
  byTier: string;
}
