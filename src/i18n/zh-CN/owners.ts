import type { OwnerStrings } from "../strings/owners";

export const owners: OwnerStrings = {
  headers: {
    owner: "销售负责人",
    customers: "客户数",
    buyers: "窗口内购买客户",
    revenue: "窗口内销售额(元)",
    target: "目标销售额(元)",
    achieved: "目标完成率",
    newCustomers: "新客户",
    repurchaseRate: "复购率",
  },
  title: (p) => `销售业绩（按销售负责人）· 截止日期 ${p.asOf} · 统计窗口 ${p.start} 至 ${p.asOf}`,
  help: "“目标销售额”由您填写（可写 50万），重新评分时保留；完成率 = 窗口内销售额 ÷ 目标。复购率 = 窗口内购买2次及以上的客户 ÷ 窗口内购买客户；新客户 = 首次购买在窗口内。右侧各列为层级分布。",
  unassigned: "（未分配）",
};
