import type { ContactStrings } from "../strings/contact";

export const contact: ContactStrings = {
  rule: (p) =>
    `联系间隔超期：已评分客户距最近一次联系（跟进或购买，取较晚者）超过其层级的间隔——维护 ${p.maintain} 天、开发 ${p.develop} 天、保持 ${p.keep} 天、挽回 ${p.win_back} 天（在“设置”中修改）。`,
  count: "联系间隔超期（按层级）",
};
