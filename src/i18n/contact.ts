/** Words for the contact cadence of scored customers (core/cadence.ts contactWatch). */
import type { Lang } from "./lang";

/** The watch sheet's line stating the contact cadence per playbook in force. */
export const CONTACT_RULE: Record<Lang, string> = {
  "zh-CN":
    "联系间隔超期：已评分客户距最近一次联系（跟进或购买，取较晚者）超过其层级的间隔——维护 {maintain} 天、开发 {develop} 天、保持 {keep} 天、挽回 {win_back} 天（在“设置”中修改）。",
  "en-US":
    "Contact overdue: a scored customer whose last contact (follow-up or purchase, whichever is later) is older than their tier allows: maintain {maintain} days, develop {develop} days, keep {keep} days, win back {win_back} days (change them in Settings).",
};

/** The summary's count of contact items on the watch sheet. */
export const CONTACT_COUNT: Record<Lang, string> = {
  "zh-CN": "联系间隔超期（按层级）",
  "en-US": "Contacts overdue (by tier)",
};
