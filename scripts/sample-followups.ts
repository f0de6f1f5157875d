/**
 * The sample's follow-up records (seed 004: 客户跟进记录): a sales team's log of calls and visits,
 * with stages from 潜在 to 成交 or 流失, intent classes A/B/C and next-step dates, some overdue.
 */
import type ExcelJS from "exceljs";
import { mulberry32 } from "./prng";

export const FOLLOWUP_SHEET = "客户跟进记录";

const HEADERS = [
  "客户ID",
  "跟进时间",
  "跟进方式",
  "跟进人",
  "跟进内容",
  "客户反馈",
  "下一步行动",
  "下次跟进日期",
  "完成状态",
  "成交阶段",
  "意向等级",
  // Seed 004 第三步: next step's owner, objections, the reason of a postponement; a survey answer.
  "下一步负责人",
  "客户异议",
  "延期原因",
  "推荐意愿(0-10)",
];
const OWNERS = ["张伟", "李娜", "王强", "刘洋"];
const OBJECTIONS = ["价格偏高", "担心交期", "已有合作供应商", "付款账期太短"];
const POSTPONE_REASONS = ["客户内部审批未完成", "客户负责人出差", "等待年度预算"];
const METHODS = ["电话", "上门拜访", "微信", "视频会议"];
const CONTENT: Record<string, string[]> = {
  潜在: ["首次电话介绍公司产品", "展会后回访，发送产品目录"],
  意向: ["上门演示新品，了解补货周期", "发送报价单并解答疑问"],
  谈判: ["商谈年度框架协议价格", "确认账期与供货节奏"],
  成交: ["签订采购合同，安排首批发货", "回访首单到货情况"],
  流失: ["客户已选择其他供应商，记录原因", "多次联系未回复"],
};
const FEEDBACK = [
  "价格偏高，希望再优惠",
  "对交期满意",
  "需要内部审批",
  "关注售后响应速度",
  "暂无需求",
];
const NEXT = [
  "发送修改后的报价",
  "安排技术人员对接",
  "邀请到展厅参观",
  "跟进合同审批进度",
  "季度回访",
];
const STAGES = ["潜在", "意向", "谈判", "成交"] as const;
const CADENCE: Record<string, number> = { A: 7, B: 14, C: 30 };

const DAY_MS = 86_400_000;
const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export interface FollowupCustomer {
  id: string;
  owner: string;
  /** Has bought: the stage ends at 成交. */
  buyer: boolean;
}

export interface FollowupsWritten {
  lines: number;
  /** Each logged customer's first follow-up day (UTC midnight, ms). */
  firstDay: Map<string, number>;
}

/** Writes the sheet. Deliberate problems: an unknown customer and an unreadable date. */
export function writeFollowups(
  workbook: ExcelJS.Workbook,
  customers: readonly FollowupCustomer[],
  seed: number
): FollowupsWritten {
  const random = mulberry32(seed);
  // The detail columns draw from a PRNG of their own, so the older columns stay as they were.
  const detail = mulberry32(seed + 100);
  const pickDetail = <T>(items: readonly T[]) => items[Math.floor(detail() * items.length)];
  const firstDay = new Map<string, number>();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const ws = workbook.addWorksheet(FOLLOWUP_SHEET);
  ws.addRow(HEADERS).font = { bold: true };
  [10, 12, 10, 8, 28, 22, 22, 12, 10, 10, 8, 10, 14, 18, 10].forEach(
    (w, i) => (ws.getColumn(i + 1).width = w)
  );
  const end = date(2024, 12, 28).getTime();
  let lines = 0;
  customers.forEach((customer, index) => {
    if (index % 2 === 1 && customer.buyer) return; // about half the buyers have a log
    const intent = customer.buyer ? pick(["A", "A", "B"]) : pick(["A", "B", "C", "C"]);
    const lost = !customer.buyer && random() < 0.25;
    const reach = customer.buyer ? 3 : Math.floor(random() * 3); // highest stage index reached
    const steps = 1 + reach + Math.floor(random() * 2);
    let day = date(2024, 6, 1).getTime() + Math.floor(random() * 120) * DAY_MS;
    for (let s = 0; s < steps && day <= end; s++) {
      const stage =
        lost && s === steps - 1
          ? "流失"
          : STAGES[Math.min(reach, Math.floor((s * (reach + 1)) / steps))];
      const last = s === steps - 1;
      const next = new Date(day + CADENCE[intent] * DAY_MS);
      // The last step of a live deal is often still open; its next date may already have passed.
      const done =
        !last || stage === "成交" || stage === "流失"
          ? "已完成"
          : random() < 0.3
            ? "已完成"
            : "未完成";
      // Half the open steps and some steps along the way were postponed (then met by the next
      // follow-up): most name why, in the status cell or in its own column.
      const postponed =
        stage !== "成交" && stage !== "流失" && detail() < (done === "未完成" ? 0.5 : 0.1);
      const why = detail();
      const status = !postponed
        ? done
        : why < 0.3
          ? `已延期（${pickDetail(POSTPONE_REASONS)}）`
          : "已延期";
      const reason = postponed && why >= 0.3 && why < 0.75 ? pickDetail(POSTPONE_REASONS) : "";
      // Drawn in the order the row used to draw them, so the older columns keep their values.
      const method = pick(METHODS);
      const content = pick(CONTENT[stage]);
      const feedback = pick(FEEDBACK);
      const nextText = stage === "流失" ? "" : pick(NEXT);
      const objection = feedback.startsWith("价格")
        ? "价格偏高"
        : detail() < 0.15
          ? pickDetail(OBJECTIONS)
          : "";
      // Now and then a colleague takes the next step.
      const nextOwner =
        stage === "流失" ? "" : detail() < 0.15 ? pickDetail(OWNERS) : customer.owner;
      const score = stage === "成交" && detail() < 0.6 ? Math.floor(detail() * 11) : null;
      if (!firstDay.has(customer.id)) firstDay.set(customer.id, day);
      ws.addRow([
        customer.id,
        new Date(day),
        method,
        customer.owner,
        content,
        feedback,
        nextText,
        stage === "流失" ? null : next,
        status,
        stage,
        intent,
        nextOwner,
        objection,
        reason,
        score,
      ]);
      lines++;
      day += (CADENCE[intent] + Math.floor(random() * CADENCE[intent] * 2)) * DAY_MS;
    }
  });
  ws.addRow([
    "C998",
    date(2024, 11, 5),
    "电话",
    "王强",
    "新线索，档案中尚未建档",
    "",
    "建档",
    date(2024, 11, 12),
    "未完成",
    "潜在",
    "B",
  ]);
  ws.addRow([
    customers[3].id,
    "下周一",
    "电话",
    customers[3].owner,
    "约拜访时间",
    "",
    "",
    null,
    "未完成",
    "意向",
    "B",
  ]);
  ws.getColumn(2).numFmt = "yyyy-mm-dd";
  ws.getColumn(8).numFmt = "yyyy-mm-dd";
  return { lines: lines + 2, firstDay };
}
