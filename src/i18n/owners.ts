/** Words of the results-per-salesperson sheet (plan/owners.ts). */
import type { Lang } from "./lang";

type Text = Record<Lang, string>;

export const OWNER_HEADERS: Record<string, Text> = {
  owner: { "zh-CN": "销售负责人", "en-US": "Sales owner" },
  customers: { "zh-CN": "客户数", "en-US": "Customers" },
  buyers: { "zh-CN": "窗口内购买客户", "en-US": "Bought in the window" },
  revenue: { "zh-CN": "窗口内销售额(元)", "en-US": "Revenue in the window" },
  target: { "zh-CN": "目标销售额(元)", "en-US": "Revenue target" },
  achieved: { "zh-CN": "目标完成率", "en-US": "% of target" },
  newCustomers: { "zh-CN": "新客户", "en-US": "New customers" },
  repurchaseRate: { "zh-CN": "复购率", "en-US": "Repurchase rate" },
};

export const OWNER_TEXT = {
  title: {
    "zh-CN": "销售业绩（按销售负责人）· 截止日期 {asOf} · 统计窗口 {start} 至 {asOf}",
    "en-US": "Results per sales owner · as of {asOf} · window {start} to {asOf}",
  },
  help: {
    "zh-CN":
      "“目标销售额”由您填写（可写 50万），重新评分时保留；完成率 = 窗口内销售额 ÷ 目标。复购率 = 窗口内购买2次及以上的客户 ÷ 窗口内购买客户；新客户 = 首次购买在窗口内。右侧各列为层级分布。",
    "en-US":
      "Type the revenue target (e.g. 500000 or 50万); it is kept when you score again. % of target = revenue in the window ÷ target. Repurchase rate = customers with two or more orders in the window ÷ customers who bought; new customers = first purchase inside the window. The columns on the right are the tier mix.",
  },
  unassigned: { "zh-CN": "（未分配）", "en-US": "(unassigned)" },
} as const;
