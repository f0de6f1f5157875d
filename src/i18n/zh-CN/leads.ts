import type { LeadsStrings } from "../strings/leads";

export const leads: LeadsStrings = {
  fields: {
    created: "创建时间",
    source: "客户来源/渠道",
    urgency: "紧急程度",
    budget: "预算",
    expectedStart: "预计启动时间",
    competitor: "竞争对手",
    regAddress: "注册地址",
    consent: "是否允许沟通",
  },
  title: (p) => `各获客渠道的转化与获客成本（统计窗口 ${p.start} 至 ${p.asOf}）`,
  help: "“渠道费用”列由您填写（元，窗口内该渠道的营销费用），重新评分不会覆盖；填写后计算该渠道的获客成本 CAC = 渠道费用 ÷ 该渠道新增客户数。转化 = 已购买或跟进记录中已成交。",
  headers: {
    channel: "客户来源/渠道",
    customers: "客户数",
    converted: "已转化客户数",
    conversion: "转化率",
    newCustomers: "窗口内新增客户",
    revenue: "窗口内金额",
    spend: "渠道费用（元）",
    cac: "获客成本 CAC",
  },
  blankChannel: "（未填渠道）",
};
