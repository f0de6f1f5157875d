import type { QualityKind } from "../core/types";
import type { Lang } from "./lang";

/**
 * User-facing sentences of the engine and the command line, both languages side by side so a
 * missing translation shows up in review. Placeholders are {name}.
 */
const MESSAGES = {
  archive_mode: {
    "zh-CN":
      "未找到订单表：按客户档案中的“最近交易日期 / 交易次数 / 累计交易金额”评分（这些是累计数，不限于统计窗口）。",
    "en-US":
      "No orders sheet found: scored from the archive's last purchase date, purchase count and total amount (lifetime totals, not the window).",
  },
  customers_from_orders: {
    "zh-CN": "未找到客户档案：客户名单取自订单表中出现的客户ID。",
    "en-US":
      "No customer archive found: the customers are the IDs that appear in the orders sheet.",
  },
  no_customer_data: {
    "zh-CN": "没有找到客户档案或订单表。请确认表头含“客户ID”（订单表还需“交易日期”和“金额”）。",
    "en-US":
      "No customer archive or orders sheet found. Check that a header row has 客户ID / Customer ID (orders also need a date and an amount).",
  },
  no_id_column: {
    "zh-CN": "找到了表格，但没有“客户ID”列。",
    "en-US": "A table was found, but it has no customer ID column.",
  },
  summary_title: { "zh-CN": "客户分层结果", "en-US": "Customer tiers" },
  summary_mode_orders: {
    "zh-CN": "数据来源：订单表“{sheet}”",
    "en-US": 'Source: orders sheet "{sheet}"',
  },
  summary_mode_archive: {
    "zh-CN": "数据来源：客户档案“{sheet}”",
    "en-US": 'Source: customer archive "{sheet}"',
  },
  summary_as_of: {
    "zh-CN": "截止日期 {asOf}，统计窗口 {start} 至 {asOf}",
    "en-US": "As-of date {asOf}, window {start} to {asOf}",
  },
  summary_scheme: { "zh-CN": "评分方案：{scheme}", "en-US": "Scheme: {scheme}" },
  summary_customers: { "zh-CN": "客户 {count} 个", "en-US": "{count} customers" },
  summary_lines: {
    "zh-CN": "订单行：读取 {read}，使用 {used}",
    "en-US": "Order lines: {read} read, {used} used",
  },
  summary_skipped: { "zh-CN": "跳过或存疑的单元格：", "en-US": "Skipped or doubtful cells:" },
  summary_none_skipped: { "zh-CN": "没有跳过任何行。", "en-US": "No rows skipped." },
  summary_more: { "zh-CN": "……另有 {count} 处，见概览表", "en-US": "... and {count} more" },
  summary_output: { "zh-CN": "已写入：{path}", "en-US": "Written: {path}" },
  summary_csv: { "zh-CN": "CSV：{path}", "en-US": "CSV: {path}" },
  summary_model: { "zh-CN": "模型参数：{path}", "en-US": "Model parameters: {path}" },
  summary_report_json: { "zh-CN": "报告 JSON：{path}", "en-US": "Report JSON: {path}" },
  funnel_title: {
    "zh-CN": "销售漏斗（跟进记录“{sheet}”，曾到达各阶段的客户）：",
    "en-US": 'Sales funnel (follow-up records "{sheet}", customers who reached each stage):',
  },
  funnel_stage: {
    "zh-CN": "  {stage}：{customers}（目前处于 {now}）→ 转化到下一阶段 {rate}",
    "en-US": "  {stage}: {customers} (now {now}) → conversion to next {rate}",
  },
  funnel_last: {
    "zh-CN": "  {stage}：{customers}（目前处于 {now}）",
    "en-US": "  {stage}: {customers} (now {now})",
  },
  funnel_drop: {
    "zh-CN": "  转化率最低的环节：{from} → {to}（{rate}）",
    "en-US": "  Conversion drops most at {from} → {to} ({rate})",
  },
  funnel_effort: {
    "zh-CN": "  平均跟进 {avg} 次；平均成交周期 {days} 天",
    "en-US": "  {avg} follow-ups per customer on average; {days} days from first contact to won",
  },
  watch_title: {
    "zh-CN": "跟进提醒：逾期未跟进 {overdue} 条，跟进间隔超期 {cadence} 条（见“{sheet}”表）",
    "en-US":
      'Follow-up watch: {overdue} next steps overdue, {cadence} cadences broken (see "{sheet}")',
  },
  watch_line: {
    "zh-CN": "  {id} {name}  {kind}  逾期 {days} 天  {person}  {address}",
    "en-US": "  {id} {name}  {kind}  late by {days} d  {person}  {address}",
  },
  watch_none: {
    "zh-CN": "跟进提醒：没有逾期或超期未跟进的客户。",
    "en-US": "Follow-up watch: nothing is overdue.",
  },
  list_more: { "zh-CN": "  ……另有 {count} 条", "en-US": "  ... and {count} more" },
  duplicates_title: {
    "zh-CN": "疑似重复客户 {count} 对（仅列出，不会自动合并）：",
    "en-US": "{count} likely duplicate pairs (listed, never merged):",
  },
  duplicate_line: {
    "zh-CN": "  {a} 与 {b}：{reason}（{cellA}，{cellB}）",
    "en-US": "  {a} and {b}: {reason} ({cellA}, {cellB})",
  },
  duplicates_none: { "zh-CN": "未发现疑似重复客户。", "en-US": "No likely duplicate customers." },
  hygiene_counts: {
    "zh-CN": "必填信息缺失的客户 {missing} 个；无订单客户 {without} 个",
    "en-US":
      "{missing} customers with missing required information; {without} customers without orders",
  },
  indicators: {
    "zh-CN": "NPS：{nps}；CAC：{cac}（窗口内新增客户 {newCustomers} 个）",
    "en-US": "NPS: {nps}; CAC: {cac} ({newCustomers} new customers in the window)",
  },
  not_available: { "zh-CN": "不适用", "en-US": "not available" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function message(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {}
): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`)
  );
}

const QUALITY_LABELS: Record<QualityKind, Record<Lang, string>> = {
  missing_id: { "zh-CN": "缺少客户ID", "en-US": "Missing customer ID" },
  unknown_customer: { "zh-CN": "客户ID不在客户档案中", "en-US": "Customer ID not in the archive" },
  duplicate_customer: {
    "zh-CN": "客户ID重复（保留第一行）",
    "en-US": "Duplicate customer ID (first line kept)",
  },
  bad_date: { "zh-CN": "无法识别的日期", "en-US": "Unreadable date" },
  missing_date: { "zh-CN": "缺少日期", "en-US": "Missing date" },
  bad_amount: { "zh-CN": "无法识别的金额", "en-US": "Unreadable amount" },
  missing_amount: { "zh-CN": "缺少金额", "en-US": "Missing amount" },
  bad_number: { "zh-CN": "无法识别的数字", "en-US": "Unreadable number" },
  after_as_of: {
    "zh-CN": "日期晚于截止日期（未计入）",
    "en-US": "Dated after the as-of date (ignored)",
  },
  order_id_conflict: {
    "zh-CN": "同一订单号属于不同客户",
    "en-US": "Order number already used by another customer",
  },
  stale_record: {
    "zh-CN": "客户信息超过更新周期未更新（成交客户每季度、A类每两周、其他每月）",
    "en-US":
      "Record not updated within its cycle (won customers quarterly, class A fortnightly, others monthly)",
  },
};

export function qualityLabel(kind: QualityKind, lang: Lang): string {
  return QUALITY_LABELS[kind][lang];
}
