import type { Lang } from "../core/types";

/**
 * Wording of the settings sheet (设置 / Settings): column headers, the label and the description of
 * every setting, and the messages about values that cannot be used. Placeholders are {name}.
 * The machine keys themselves (plan/settings.ts) are the same in every language.
 */

type Text = Record<Lang, string>;

export const SETTINGS_HEADERS: Record<"key" | "item" | "value" | "description", Text> = {
  key: { "zh-CN": "设置键", "en-US": "Key" },
  item: { "zh-CN": "设置项", "en-US": "Setting" },
  value: { "zh-CN": "值", "en-US": "Value" },
  description: { "zh-CN": "说明", "en-US": "Description" },
};

export const SETTINGS_TEXT = {
  title: { "zh-CN": "客户分层设置", "en-US": "Customer tiering settings" },
  intro: {
    "zh-CN":
      "只需修改“值”一列；下次点击“客户评分”时插件会读取本表。“设置键”一列请勿改动；删除某一行则该项恢复默认值。",
    "en-US":
      "Edit the Value column only; the add-in reads this sheet on the next Score customers run. Leave the Key column as it is; deleting a line brings that setting's default back.",
  },
  yes: { "zh-CN": "是", "en-US": "yes" },
  no: { "zh-CN": "否", "en-US": "no" },
  today: { "zh-CN": "今天", "en-US": "today" },
  notSet: { "zh-CN": "留空（未填写）", "en-US": "blank (not entered)" },
} as const satisfies Record<string, Text>;

/** Names of the input tables in mapping lines. */
export const INPUT_KIND_LABELS: Record<"customers" | "orders" | "followups", Text> = {
  customers: { "zh-CN": "客户档案", "en-US": "Customer archive" },
  orders: { "zh-CN": "订单表", "en-US": "Orders" },
  followups: { "zh-CN": "跟进记录", "en-US": "Follow-ups" },
};

/** Criteria of ABC grading, as they appear in labels. */
export const ABC_CRITERION_LABELS: Record<
  "annualAmount" | "ordersPerYear" | "profit" | "clv",
  Text
> = {
  annualAmount: { "zh-CN": "年采购额（元）", "en-US": "annual purchase (yuan)" },
  ordersPerYear: { "zh-CN": "年订单数", "en-US": "orders per year" },
  profit: { "zh-CN": "利润（元）", "en-US": "profit (yuan)" },
  clv: { "zh-CN": "终身价值（元）", "en-US": "CLV (yuan)" },
};

export const ABC_COMBINE_LABELS: Record<"majority" | "all" | "any" | "amount_only", Text> = {
  majority: {
    "zh-CN": "多数标准给出的等级，平票取较低等级",
    "en-US": "the grade most criteria give, ties to the lower grade",
  },
  all: {
    "zh-CN": "所有标准都是 A 才为 A，任一为 C 即为 C，其余为 B",
    "en-US": "A only when every criterion gives A, C when any gives C, else B",
  },
  any: { "zh-CN": "取各标准中最好的等级", "en-US": "the best grade of any criterion" },
  amount_only: { "zh-CN": "只看年采购额", "en-US": "annual purchase only" },
};

/**
 * Label and description of each setting. Entries shared by a group of keys use parameters:
 * {score} (5..2), {grade} (A/B), {criterion}, {metric}, {kind}, {field}, {family}.
 * Every description ends with the default value, {default}.
 */
export const SETTING_TEXTS: Record<string, { label: Text; description: Text }> = {
  scheme: {
    label: { "zh-CN": "评分方案", "en-US": "Scoring scheme" },
    description: {
      "zh-CN": "从下拉列表选择：{choices}。默认 {default}。",
      "en-US": "Pick from the list: {choices}. Default {default}.",
    },
  },
  asOf: {
    label: { "zh-CN": "截止日期", "en-US": "As-of date" },
    description: {
      "zh-CN":
        "计算 R/F/M 的日期，晚于此日期的订单不计入。填日期，如 2024-12-31（1970-01-01 之后）；留空表示每次运行的当天。默认留空。",
      "en-US":
        "The date R/F/M are computed on; orders after it are ignored. Type a date such as 2024-12-31 (1970-01-01 or later); leave blank for the day of each run. Default blank.",
    },
  },
  windowDays: {
    label: { "zh-CN": "统计窗口（天）", "en-US": "Window (days)" },
    description: {
      "zh-CN":
        "F 与 M 统计截止日期前多少天内的订单（含截止日）。1 到 3660 的整数。默认 {default}。",
      "en-US":
        "F and M count the orders of this many days ending on the as-of date (inclusive). A whole number from 1 to 3660. Default {default}.",
    },
  },
  weights: {
    label: { "zh-CN": "{metric} 权重", "en-US": "{metric} weight" },
    description: {
      "zh-CN":
        "加权得分 = R 权重×R 得分 + F 权重×F 得分 + M 权重×M 得分。不小于 0 的数字。默认 {default}。",
      "en-US":
        "Weighted score = R weight × R score + F weight × F score + M weight × M score. A number, 0 or more. Default {default}.",
    },
  },
  "fixed5.recencyMaxDays": {
    label: { "zh-CN": "R {score} 分上限（天）", "en-US": "R score {score} up to (days)" },
    description: {
      "zh-CN":
        "五分制：距最近一次购买不超过此天数得 {score} 分（超过 2 分上限得 1 分）。正整数，5 分、4 分、3 分、2 分的上限依次增大。默认 {default}。",
      "en-US":
        "Five-point bins: a last purchase at most this many days ago scores {score} (beyond the score-2 limit scores 1). A positive whole number; the limits of scores 5, 4, 3, 2 increase. Default {default}.",
    },
  },
  "fixed5.frequencyMin": {
    label: { "zh-CN": "F {score} 分下限（单）", "en-US": "F score {score} from (orders)" },
    description: {
      "zh-CN":
        "五分制：窗口内订单数不少于此值得 {score} 分（低于 2 分下限得 1 分）。正整数，5 分、4 分、3 分、2 分的下限依次减小。默认 {default}。",
      "en-US":
        "Five-point bins: at least this many orders in the window score {score} (below the score-2 limit scores 1). A positive whole number; the limits of scores 5, 4, 3, 2 decrease. Default {default}.",
    },
  },
  "fixed5.monetaryMin": {
    label: { "zh-CN": "M {score} 分下限（元）", "en-US": "M score {score} from (yuan)" },
    description: {
      "zh-CN":
        "五分制：窗口内净金额不少于此值得 {score} 分（低于 2 分下限得 1 分）。大于 0 的金额，可写 1.2万；5 分、4 分、3 分、2 分的下限依次减小。默认 {default}。",
      "en-US":
        "Five-point bins: a net amount in the window of at least this scores {score} (below the score-2 limit scores 1). An amount above 0; the limits of scores 5, 4, 3, 2 decrease. Default {default}.",
    },
  },
  "fixed5.tierMinTotal.high_value": {
    label: { "zh-CN": "高价值客户最低总分", "en-US": "High value from total" },
    description: {
      "zh-CN":
        "五分制：R+F+M 总分不低于此值为高价值客户。3 到 15 的整数，须大于潜力客户最低总分。默认 {default}。",
      "en-US":
        "Five-point bins: a total R+F+M of at least this is high value. A whole number from 3 to 15, above the potential line. Default {default}.",
    },
  },
  "fixed5.tierMinTotal.potential": {
    label: { "zh-CN": "潜力客户最低总分", "en-US": "Potential from total" },
    description: {
      "zh-CN":
        "五分制：总分不低于此值（且低于高价值线）为潜力客户。3 到 15 的整数，须在一般客户与高价值客户的最低总分之间。默认 {default}。",
      "en-US":
        "Five-point bins: a total of at least this (below the high value line) is potential. A whole number from 3 to 15, between the general and high value lines. Default {default}.",
    },
  },
  "fixed5.tierMinTotal.general": {
    label: { "zh-CN": "一般客户最低总分", "en-US": "General from total" },
    description: {
      "zh-CN":
        "五分制：总分不低于此值（且低于潜力线）为一般客户，更低为流失风险客户。3 到 15 的整数，须小于潜力客户最低总分。默认 {default}。",
      "en-US":
        "Five-point bins: a total of at least this (below the potential line) is general; lower is churn risk. A whole number from 3 to 15, below the potential line. Default {default}.",
    },
  },
  "pct100.high": {
    label: { "zh-CN": "百分制：高价值线", "en-US": "100-point: high value line" },
    description: {
      "zh-CN":
        "百分制：R、F、M 得分都不低于此值为高价值客户。0 到 100 的数字，须大于一般客户线。默认 {default}。",
      "en-US":
        "100-point scores: R, F and M all at least this is high value. A number from 0 to 100, above the general line. Default {default}.",
    },
  },
  "pct100.potentialR": {
    label: { "zh-CN": "百分制：潜力客户 R 线", "en-US": "100-point: potential R line" },
    description: {
      "zh-CN":
        "百分制潜力客户规则一：R ≥ 此值、F ≥ 潜力 F 线且 M 低于高价值线。0 到 100 的数字，须在一般客户线与高价值线之间。默认 {default}。",
      "en-US":
        "100-point potential, first rule: R at least this, F at least the potential F line, M below the high value line. A number from 0 to 100, between the general and high value lines. Default {default}.",
    },
  },
  "pct100.potentialF": {
    label: { "zh-CN": "百分制：潜力客户 F 线", "en-US": "100-point: potential F line" },
    description: {
      "zh-CN":
        "百分制潜力客户规则一：R ≥ 潜力 R 线、F ≥ 此值且 M 低于高价值线。0 到 100 的数字，须在一般客户线与高价值线之间。默认 {default}。",
      "en-US":
        "100-point potential, first rule: R at least the potential R line, F at least this, M below the high value line. A number from 0 to 100, between the general and high value lines. Default {default}.",
    },
  },
  "pct100.potentialM": {
    label: { "zh-CN": "百分制：潜力客户 M 线", "en-US": "100-point: potential M line" },
    description: {
      "zh-CN":
        "百分制潜力客户规则二：R 低于高价值线、F ≥ 高价值线且 M ≥ 此值。0 到 100 的数字，须在一般客户线与高价值线之间。默认 {default}。",
      "en-US":
        "100-point potential, second rule: R below the high value line, F at least the high value line, M at least this. A number from 0 to 100, between the general and high value lines. Default {default}.",
    },
  },
  "pct100.general": {
    label: { "zh-CN": "百分制：一般客户线", "en-US": "100-point: general line" },
    description: {
      "zh-CN":
        "百分制：R、F、M 得分都不低于此值为一般客户，否则为流失风险客户。0 到 100 的数字，须小于高价值线。默认 {default}。",
      "en-US":
        "100-point scores: R, F and M all at least this is general, otherwise churn risk. A number from 0 to 100, below the high value line. Default {default}.",
    },
  },
  "abc.A": {
    label: { "zh-CN": "ABC：A 类{criterion}下限", "en-US": "ABC: grade A from, {criterion}" },
    description: {
      "zh-CN":
        "ABC 分级：{criterion}不低于此值为 A 类。不小于 0 的数字，须大于 B 类下限。默认 {default}。",
      "en-US":
        "ABC grading: {criterion} of at least this is grade A. A number, 0 or more, above the grade B line. Default {default}.",
    },
  },
  "abc.B": {
    label: { "zh-CN": "ABC：B 类{criterion}下限", "en-US": "ABC: grade B from, {criterion}" },
    description: {
      "zh-CN":
        "ABC 分级：{criterion}不低于此值（且低于 A 类下限）为 B 类，更低为 C 类。不小于 0 的数字，须小于 A 类下限。默认 {default}。",
      "en-US":
        "ABC grading: {criterion} of at least this (below the grade A line) is grade B, lower is C. A number, 0 or more, below the grade A line. Default {default}.",
    },
  },
  "abc.combine": {
    label: { "zh-CN": "ABC：标准如何合并", "en-US": "ABC: how criteria combine" },
    description: {
      "zh-CN": "从下拉列表选择：{choices}。缺少利润或终身价值数据时只用其余标准。默认 {default}。",
      "en-US":
        "Pick from the list: {choices}. Criteria without data (profit, CLV) are left out. Default {default}.",
    },
  },
  "clv.margin": {
    label: { "zh-CN": "毛利率", "en-US": "Gross margin" },
    description: {
      "zh-CN":
        "订单表没有毛利列时计算终身价值所用的毛利率。0 到 1 之间的小数，或百分数如 30%。默认 {default}。",
      "en-US":
        "Margin used for lifetime value when the orders carry no profit column. A fraction from 0 to 1, or a percentage such as 30%. Default {default}.",
    },
  },
  "clv.retentionYears": {
    label: { "zh-CN": "预期合作年限（年）", "en-US": "Expected retention (years)" },
    description: {
      "zh-CN":
        "简易终身价值 = 平均客单价 × 年购买次数 × 此年限 × 毛利率。大于 0、不超过 100 的数字。默认 {default}。",
      "en-US":
        "Simple CLV = average order value × orders per year × these years × margin. A number above 0, at most 100. Default {default}.",
    },
  },
  "clv.discountRate": {
    label: { "zh-CN": "年折现率", "en-US": "Annual discount rate" },
    description: {
      "zh-CN":
        "预测终身价值按年折现所用的利率。0 到 1 之间的小数，或百分数如 10%。默认 {default}。",
      "en-US":
        "Yearly rate used to discount predicted lifetime value. A fraction from 0 to 1, or a percentage such as 10%. Default {default}.",
    },
  },
  "clv.horizonDays": {
    label: { "zh-CN": "预测期（天）", "en-US": "Prediction horizon (days)" },
    description: {
      "zh-CN": "预测购买次数与终身价值所覆盖的天数。1 到 3660 的整数。默认 {default}。",
      "en-US":
        "Days covered by expected purchases and predicted lifetime value. A whole number from 1 to 3660. Default {default}.",
    },
  },
  maskPhones: {
    label: { "zh-CN": "隐藏手机号中间四位", "en-US": "Mask phone numbers" },
    description: {
      "zh-CN":
        "是 = 输出表中的电话显示为 138****5678；否 = 显示完整号码。填“是”或“否”。默认 {default}。",
      "en-US":
        "yes = phone numbers in the output sheets show as 138****5678; no = in full. Type yes or no. Default {default}.",
    },
  },
  "followup.cadenceDays": {
    label: {
      "zh-CN": "{grade} 类客户跟进间隔上限（天）",
      "en-US": "Follow up class {grade} at least every (days)",
    },
    description: {
      "zh-CN":
        "意向等级为 {grade} 类、尚未成交或流失的客户，距最近一次跟进超过此天数即列入“跟进提醒”表。1 到 366 的整数。默认 {default}。",
      "en-US":
        "A customer of intent class {grade}, not yet won or lost, whose latest follow-up is more than this many days old goes on the Follow-up Watch sheet. A whole number from 1 to 366. Default {default}.",
    },
  },
  marketingSpend: {
    label: {
      "zh-CN": "统计窗口内营销总费用（元）",
      "en-US": "Marketing spend in the window (yuan)",
    },
    description: {
      "zh-CN":
        "用于计算获客成本 CAC = 营销总费用 ÷ 窗口内新增客户数（首次购买落在统计窗口内的客户）。不小于 0 的金额，可写 5万；留空则概览中 CAC 显示“不适用”。默认 {default}。",
      "en-US":
        "For customer acquisition cost CAC = marketing spend ÷ new customers in the window (first purchase inside the window). An amount, 0 or more; leave blank and the summary shows CAC as not available. Default {default}.",
    },
  },
  "review.controlShare": {
    label: { "zh-CN": "对照组比例", "en-US": "Control group share" },
    description: {
      "zh-CN":
        "每项策略随机留出这一比例的客户作为对照组，本期不对他们执行策略，复盘时用来判断策略是否真的有效（而不是季节或客户自然回流）。0 到 1 之间的小数，或百分数如 15%；0 表示不设对照组。默认 {default}。",
      "en-US":
        "Share of each strategy's customers held back at random as the control group: no playbook actions for them this period, so the review can tell the strategy's effect from the season or customers drifting back on their own. A fraction from 0 to 1, or a percentage such as 15%; 0 turns it off. Default {default}.",
    },
  },
  "review.holdoutWeeks": {
    label: { "zh-CN": "模型检验留出期（周）", "en-US": "Model check holdout (weeks)" },
    description: {
      "zh-CN":
        "检验终身价值模型时，用截止日期前这么多周以前的订单拟合模型，预测这几周每位客户的购买次数，再与实际对比（见“模型检验”表）。1 到 520 的整数。默认 {default}。",
      "en-US":
        "To check the lifetime-value model, it is fitted on the orders before the last this-many weeks up to the as-of date, predicts each customer's purchases in those weeks and is compared with what happened (Model Check sheet). A whole number from 1 to 520. Default {default}.",
    },
  },
  "review.cycleDays": {
    label: { "zh-CN": "复盘周期（天）", "en-US": "Review cycle (days)" },
    description: {
      "zh-CN":
        "“销售策略跟踪”中每条策略的复盘日期：填了计划结束的，为计划结束日；只填了计划开始的，为计划开始后这么多天。到期时复盘日期标色。1 到 3660 的整数。默认 {default}（约一个季度）。",
      "en-US":
        "Each strategy line's review date on the Strategy Tracking sheet: its planned end when typed, else this many days after its planned start. A due date is coloured. A whole number from 1 to 3660. Default {default} (about a quarter).",
    },
  },
  "contact.days": {
    label: {
      "zh-CN": "“{family}”类客户联系间隔上限（天）",
      "en-US": "Contact {family} customers at least every (days)",
    },
    description: {
      "zh-CN":
        "客户层级属于“{family}”策略（{tiers}）的已评分客户，距最近一次联系（最近一次跟进或购买，取较晚者）超过此天数即列入“跟进提醒”表（种子文档：高价值客户每月拜访1次）。1 到 366 的整数。默认 {default}。",
      "en-US":
        "A scored customer whose tier feeds the {family} playbook ({tiers}) and whose last contact (latest follow-up or purchase, whichever is later) is more than this many days old goes on the Follow-up Watch sheet (high-value customers: a visit a month). A whole number from 1 to 366. Default {default}.",
    },
  },
  mapping: {
    label: { "zh-CN": "列：{kind} · {field}", "en-US": "Column: {kind} · {field}" },
    description: {
      "zh-CN": "输入表中该字段所用的表头文字。识别有误时改成正确的表头；留空表示自动识别。",
      "en-US":
        "The header of this field in the input sheet. If the wrong column was recognised, type the right header; blank means recognise it automatically.",
    },
  },
  playbook: {
    label: { "zh-CN": "策略内容：{family}", "en-US": "Playbook: {family}" },
    description: {
      "zh-CN": "新建策略跟踪行时填入的策略内容，可改写；留空则恢复默认文字。",
      "en-US":
        "Strategy text for new lines of the tracking sheet; rewrite it as you like, or leave blank for the default text.",
    },
  },
};

/**
 * Messages about the settings sheet. Each names the cell first ({address}) and, for a bad value,
 * says what was expected, what was found and which default is used instead.
 */
const PROBLEMS = {
  bad_value: {
    "zh-CN": "{address}：“{label}”{rule}，{got}（已使用默认值 {default}）",
    "en-US": '{address}: "{label}" {rule}, {got} (default {default} used)',
  },
  got: { "zh-CN": "收到“{value}”", "en-US": 'got "{value}"' },
  got_blank: { "zh-CN": "但单元格为空", "en-US": "but the cell is blank" },
  rule_positive_int: { "zh-CN": "应为正整数", "en-US": "must be a positive whole number" },
  rule_int_range: {
    "zh-CN": "应为 {min} 到 {max} 之间的整数",
    "en-US": "must be a whole number from {min} to {max}",
  },
  rule_non_negative: { "zh-CN": "应为不小于 0 的数字", "en-US": "must be a number, 0 or more" },
  rule_positive: { "zh-CN": "应为大于 0 的数字", "en-US": "must be a number above 0" },
  rule_range: {
    "zh-CN": "应为 {min} 到 {max} 之间的数字",
    "en-US": "must be a number from {min} to {max}",
  },
  rule_above_max: {
    "zh-CN": "应为大于 0、不超过 {max} 的数字",
    "en-US": "must be a number above 0 and at most {max}",
  },
  rule_fraction: {
    "zh-CN": "应为 0 到 1 之间的小数或百分数（如 30%）",
    "en-US": "must be a fraction from 0 to 1 or a percentage such as 30%",
  },
  rule_date: {
    "zh-CN": "应为 1970-01-01 之后的日期（如 2024-12-31），留空表示今天",
    "en-US": "must be a date from 1970-01-01 on, such as 2024-12-31, or blank for today",
  },
  rule_choice: { "zh-CN": "应为以下之一：{choices}", "en-US": "must be one of: {choices}" },
  rule_bool: { "zh-CN": "应为“是”或“否”", "en-US": "must be yes or no" },
  rule_money_or_blank: {
    "zh-CN": "应为不小于 0 的金额，或留空",
    "en-US": "must be an amount, 0 or more, or blank",
  },
  order_up: {
    "zh-CN":
      "{address}：“{label}”（{value}）应大于“{other}”（{otherValue}）；这一组已恢复默认值 {defaults}",
    "en-US":
      '{address}: "{label}" ({value}) must be greater than "{other}" ({otherValue}); this group uses its defaults {defaults}',
  },
  order_down: {
    "zh-CN":
      "{address}：“{label}”（{value}）应小于“{other}”（{otherValue}）；这一组已恢复默认值 {defaults}",
    "en-US":
      '{address}: "{label}" ({value}) must be less than "{other}" ({otherValue}); this group uses its defaults {defaults}',
  },
  order_between: {
    "zh-CN":
      "{address}：“{label}”（{value}）应在“{low}”（{lowValue}）与“{high}”（{highValue}）之间；这一组已恢复默认值 {defaults}",
    "en-US":
      '{address}: "{label}" ({value}) must lie between "{low}" ({lowValue}) and "{high}" ({highValue}); this group uses its defaults {defaults}',
  },
  unknown_key: {
    "zh-CN": "{address}：未知的设置键“{key}”，此行已忽略",
    "en-US": '{address}: unknown setting key "{key}"; the line is ignored',
  },
  duplicate_key: {
    "zh-CN": "{address}：设置键“{key}”重复出现，以第一次出现（{first}）为准",
    "en-US": '{address}: setting key "{key}" appears again; the first one ({first}) is used',
  },
  no_header: {
    "zh-CN": "{address}：找不到表头“设置键”，全部使用默认设置",
    "en-US": '{address}: no "Key" header found; all settings are the defaults',
  },
  unreadable: {
    "zh-CN": "{address}：设置表无法读取，全部使用默认设置",
    "en-US": "{address}: the settings sheet cannot be read; all settings are the defaults",
  },
} as const satisfies Record<string, Text>;

export type SettingsProblemKey = keyof typeof PROBLEMS;

export function fillText(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name])
  );
}

export function settingsMessage(
  lang: Lang,
  key: SettingsProblemKey,
  params: Record<string, string | number> = {}
): string {
  return fillText(PROBLEMS[key][lang], params);
}
