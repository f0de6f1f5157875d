import type { BalanceStrings } from "../strings/balance";

export const balance: BalanceStrings = {
  tier_dominates: (p) =>
    `分层未能区分客户：${p.share} 的已分层客户（${p.count}/${p.tiered}）都在「${p.tier}」。`,
  tier_empty: (p) => `「${p.tier}」一个客户也没有。`,
  fixDerived:
    "默认阈值来自别的行业的示例。设置表「本工作簿建议值」列是按本工作簿客户的分布推算的阈值：抄到「值」列后重新评分；或改用百分制（pct100）、五等分（quintile11），它们按本工作簿的百分位分档。",
  fixPercentile: "可在设置表调整本方案的分数线，或改用其他评分方案。",
  caption: "分层是否区分客户",
  suggestedHeader: "本工作簿建议值",
};
