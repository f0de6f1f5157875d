import type { RunStrings } from "../strings/run";

export const run: RunStrings = {
  note: {
    archive_mode:
      "未找到订单表：按客户档案中的“最近交易日期 / 交易次数 / 累计交易金额”评分（这些是累计数，不限于统计窗口）。",
    customers_from_orders: "未找到客户档案：客户名单取自订单表中出现的客户ID。",
  },
  problem: {
    no_customer_data:
      "没有找到客户档案或订单表。请确认表头含“客户ID”（订单表还需“交易日期”和“金额”）。",
    no_id_column: "找到了表格，但没有“客户ID”列。",
  },
  quality: {
    missing_id: "缺少客户ID",
    unknown_customer: "客户ID不在客户档案中",
    duplicate_customer: "客户ID重复（保留第一行）",
    bad_date: "无法识别的日期",
    missing_date: "缺少日期",
    bad_amount: "无法识别的金额",
    missing_amount: "缺少金额",
    bad_number: "无法识别的数字",
    after_as_of: "日期晚于截止日期（未计入）",
    order_id_conflict: "同一订单号属于不同客户",
    stale_record: "客户信息超过更新周期未更新（成交客户每季度、A类每两周、其他每月）",
  },
  summaryTitle: "客户分层结果",
  summaryModeOrders: ({ sheet }) => `数据来源：订单表“${sheet}”`,
  summaryModeArchive: ({ sheet }) => `数据来源：客户档案“${sheet}”`,
  summaryAsOf: ({ asOf, start }) => `截止日期 ${asOf}，统计窗口 ${start} 至 ${asOf}`,
  summaryScheme: ({ scheme }) => `评分方案：${scheme}`,
  summaryCustomers: ({ count }) => `客户 ${count} 个`,
  summaryLines: ({ read, used }) => `订单行：读取 ${read}，使用 ${used}`,
  summarySkipped: "跳过或存疑的单元格：",
  summaryNoneSkipped: "没有跳过任何行。",
  summaryMore: ({ count }) => `……另有 ${count} 处，见概览表`,
  summaryOutput: ({ path }) => `已写入：${path}`,
  summaryCsv: ({ path }) => `CSV：${path}`,
  summaryModel: ({ path }) => `模型参数：${path}`,
  summaryReportJson: ({ path }) => `报告 JSON：${path}`,
  funnelTitle: ({ sheet }) => `销售漏斗（跟进记录“${sheet}”，曾到达各阶段的客户）：`,
  funnelStage: ({ stage, customers, now, rate }) =>
    `  ${stage}：${customers}（目前处于 ${now}）→ 转化到下一阶段 ${rate}`,
  funnelLast: ({ stage, customers, now }) => `  ${stage}：${customers}（目前处于 ${now}）`,
  funnelDrop: ({ from, to, rate }) => `  转化率最低的环节：${from} → ${to}（${rate}）`,
  funnelEffort: ({ avg, days }) => `  平均跟进 ${avg} 次；平均成交周期 ${days} 天`,
  watchTitle: ({ overdue, cadence, sheet }) =>
    `跟进提醒：逾期未跟进 ${overdue} 条，跟进间隔超期 ${cadence} 条（见“${sheet}”表）`,
  watchLine: ({ id, name, kind, days, person, address }) =>
    `  ${id} ${name}  ${kind}  逾期 ${days} 天  ${person}  ${address}`,
  watchNone: "跟进提醒：没有逾期或超期未跟进的客户。",
  listMore: ({ count }) => `  ……另有 ${count} 条`,
  duplicatesTitle: ({ count }) => `疑似重复客户 ${count} 对（仅列出，不会自动合并）：`,
  duplicateLine: ({ a, b, reason, cellA, cellB }) =>
    `  ${a} 与 ${b}：${reason}（${cellA}，${cellB}）`,
  duplicatesNone: "未发现疑似重复客户。",
  hygieneCounts: ({ missing, without }) =>
    `必填信息缺失的客户 ${missing} 个；无订单客户 ${without} 个`,
  indicators: ({ nps, cac, newCustomers }) =>
    `NPS：${nps}；CAC：${cac}（窗口内新增客户 ${newCustomers} 个）`,
  notAvailable: "不适用",
};
