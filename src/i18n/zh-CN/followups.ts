import type { FollowupStrings } from "../strings/followups";

export const followups: FollowupStrings = {
  stages: {
    potential: "潜在",
    intent: "意向",
    negotiation: "谈判",
    won: "成交",
    lost: "流失",
    unstaged: "未填阶段",
  },
  watchKinds: {
    overdue: "逾期未跟进",
    cadence: "跟进间隔超期",
    contact: "联系间隔超期",
  },
  fields: {
    industry: "所属行业",
    region: "区域",
    size: "企业规模",
    name: "客户名称",
    contactName: "对接人姓名",
    phone: "联系方式",
  },
  duplicateReasons: {
    phone: "联系电话相同",
    name: "客户名称相同",
  },
};
