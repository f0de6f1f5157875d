import type { SettingsStrings } from "../strings/settings";

export const settings: SettingsStrings = {
  headers: {
    key: "设置键",
    item: "设置项",
    value: "值",
    description: "说明",
  },
  title: "客户分层设置",
  intro:
    "只需修改“值”一列；下次点击“客户评分”时插件会读取本表。“设置键”一列请勿改动；删除某一行则该项恢复默认值。",
  yes: "是",
  no: "否",
  today: "今天",
  notSet: "留空（未填写）",
  choiceSeparator: "；",
  tierSeparator: "、",
  inputKind: {
    customers: "客户档案",
    orders: "订单表",
    followups: "跟进记录",
  },
  abcCriterion: {
    annualAmount: "年采购额（元）",
    ordersPerYear: "年订单数",
    profit: "利润（元）",
    clv: "终身价值（元）",
  },
  abcCombine: {
    majority: "多数标准给出的等级，平票取较低等级",
    all: "所有标准都是 A 才为 A，任一为 C 即为 C，其余为 B",
    any: "取各标准中最好的等级",
    amount_only: "只看年采购额",
  },
  lines: {
    scheme: {
      label: () => "评分方案",
      description: (p) => `从下拉列表选择：${p.choices}。默认 ${p.default}。`,
    },
    asOf: {
      label: () => "截止日期",
      description: () =>
        "计算 R/F/M 的日期，晚于此日期的订单不计入。填日期，如 2024-12-31（1970-01-01 或之后）；留空表示每次运行的当天。默认留空。",
    },
    windowDays: {
      label: () => "统计窗口（天）",
      description: (p) =>
        `F 与 M 统计截止日期前多少天内的订单（含截止日）。1 到 3660 的整数。默认 ${p.default}。`,
    },
    weights: {
      label: (p) => `${p.metric} 权重`,
      description: (p) =>
        `加权得分 = R 权重×R 得分 + F 权重×F 得分 + M 权重×M 得分。不小于 0 的数字。默认 ${p.default}。`,
    },
    "fixed5.recencyMaxDays": {
      label: (p) => `R ${p.score} 分上限（天）`,
      description: (p) =>
        `五分制：距最近一次购买不超过此天数得 ${p.score} 分（超过 2 分上限得 1 分）。正整数，5 分、4 分、3 分、2 分的上限依次增大。默认 ${p.default}。`,
    },
    "fixed5.frequencyMin": {
      label: (p) => `F ${p.score} 分下限（单）`,
      description: (p) =>
        `五分制：窗口内订单数不少于此值得 ${p.score} 分（低于 2 分下限得 1 分）。正整数，5 分、4 分、3 分、2 分的下限依次减小。默认 ${p.default}。`,
    },
    "fixed5.monetaryMin": {
      label: (p) => `M ${p.score} 分下限（元）`,
      description: (p) =>
        `五分制：窗口内净金额不少于此值得 ${p.score} 分（低于 2 分下限得 1 分）。大于 0 的金额，可写 1.2万；5 分、4 分、3 分、2 分的下限依次减小。默认 ${p.default}。`,
    },
    "fixed5.tierMinTotal.high_value": {
      label: () => "高价值客户最低总分",
      description: (p) =>
        `五分制：R+F+M 总分不低于此值为高价值客户。3 到 15 的整数，须大于潜力客户最低总分。默认 ${p.default}。`,
    },
    "fixed5.tierMinTotal.potential": {
      label: () => "潜力客户最低总分",
      description: (p) =>
        `五分制：总分不低于此值（且低于高价值线）为潜力客户。3 到 15 的整数，须在一般客户与高价值客户的最低总分之间。默认 ${p.default}。`,
    },
    "fixed5.tierMinTotal.general": {
      label: () => "一般客户最低总分",
      description: (p) =>
        `五分制：总分不低于此值（且低于潜力线）为一般客户，更低为流失风险客户。3 到 15 的整数，须小于潜力客户最低总分。默认 ${p.default}。`,
    },
    "pct100.high": {
      label: () => "百分制：高价值线",
      description: (p) =>
        `百分制：R、F、M 得分都不低于此值为高价值客户。0 到 100 的数字，须大于一般客户线。默认 ${p.default}。`,
    },
    "pct100.potentialR": {
      label: () => "百分制：潜力客户 R 线",
      description: (p) =>
        `百分制潜力客户规则一：R ≥ 此值、F ≥ 潜力 F 线且 M 低于高价值线。0 到 100 的数字，须在一般客户线与高价值线之间。默认 ${p.default}。`,
    },
    "pct100.potentialF": {
      label: () => "百分制：潜力客户 F 线",
      description: (p) =>
        `百分制潜力客户规则一：R ≥ 潜力 R 线、F ≥ 此值且 M 低于高价值线。0 到 100 的数字，须在一般客户线与高价值线之间。默认 ${p.default}。`,
    },
    "pct100.potentialM": {
      label: () => "百分制：潜力客户 M 线",
      description: (p) =>
        `百分制潜力客户规则二：R 低于高价值线、F ≥ 高价值线且 M ≥ 此值。0 到 100 的数字，须在一般客户线与高价值线之间。默认 ${p.default}。`,
    },
    "pct100.general": {
      label: () => "百分制：一般客户线",
      description: (p) =>
        `百分制：R、F、M 得分都不低于此值为一般客户，否则为流失风险客户。0 到 100 的数字，须小于高价值线。默认 ${p.default}。`,
    },
    "abc.A": {
      label: (p) => `ABC：A 类${p.criterion}下限`,
      description: (p) =>
        `ABC 分级：${p.criterion}不低于此值为 A 类。不小于 0 的数字，须大于 B 类下限。默认 ${p.default}。`,
    },
    "abc.B": {
      label: (p) => `ABC：B 类${p.criterion}下限`,
      description: (p) =>
        `ABC 分级：${p.criterion}不低于此值（且低于 A 类下限）为 B 类，更低为 C 类。不小于 0 的数字，须小于 A 类下限。默认 ${p.default}。`,
    },
    "abc.combine": {
      label: () => "ABC：标准如何合并",
      description: (p) =>
        `从下拉列表选择：${p.choices}。缺少利润或终身价值数据时只用其余标准。默认 ${p.default}。`,
    },
    "clv.margin": {
      label: () => "毛利率",
      description: (p) =>
        `订单表没有毛利列时计算终身价值所用的毛利率。0 到 1 之间的小数，或百分数如 30%。默认 ${p.default}。`,
    },
    "clv.retentionYears": {
      label: () => "预期合作年限（年）",
      description: (p) =>
        `简易终身价值 = 平均客单价 × 年购买次数 × 此年限 × 毛利率。大于 0、不超过 100 的数字。默认 ${p.default}。`,
    },
    "clv.discountRate": {
      label: () => "年折现率",
      description: (p) =>
        `预测终身价值按年折现所用的利率。0 到 1 之间的小数，或百分数如 10%。默认 ${p.default}。`,
    },
    "clv.horizonDays": {
      label: () => "预测期（天）",
      description: (p) =>
        `预测购买次数与终身价值所覆盖的天数。1 到 3660 的整数。默认 ${p.default}。`,
    },
    maskPhones: {
      label: () => "隐藏手机号中间四位",
      description: (p) =>
        `是 = 输出表中的电话显示为 138****5678；否 = 显示完整号码。填“是”或“否”。默认 ${p.default}。`,
    },
    "followup.cadenceDays": {
      label: (p) => `${p.grade} 类客户跟进间隔上限（天）`,
      description: (p) =>
        `意向等级为 ${p.grade} 类、尚未成交或流失的客户，距最近一次跟进超过此天数即列入“跟进提醒”表。1 到 366 的整数。默认 ${p.default}。`,
    },
    marketingSpend: {
      label: () => "统计窗口内营销总费用（元）",
      description: (p) =>
        `用于计算获客成本 CAC = 营销总费用 ÷ 窗口内新增客户数（首次购买落在统计窗口内的客户）。不小于 0 的金额，可写 5万；留空则概览中 CAC 显示“不适用”。默认 ${p.default}。`,
    },
    "review.controlShare": {
      label: () => "对照组比例",
      description: (p) =>
        `每项策略随机留出这一比例的客户作为对照组，本期不对他们执行策略，复盘时用来判断策略是否真的有效（而不是季节或客户自然回流）。0 到 1 之间的小数，或百分数如 15%；0 表示不设对照组。默认 ${p.default}。`,
    },
    "review.holdoutWeeks": {
      label: () => "模型检验留出期（周）",
      description: (p) =>
        `检验终身价值模型时，用截止日期前这么多周以前的订单拟合模型，预测这几周每位客户的购买次数，再与实际对比（见“模型检验”表）。1 到 520 的整数。默认 ${p.default}。`,
    },
    "contact.days": {
      label: (p) => `“${p.family}”类客户联系间隔上限（天）`,
      description: (p) =>
        `客户层级属于“${p.family}”策略（${p.tiers}）的已评分客户，距最近一次联系（最近一次跟进或购买，取较晚者）超过此天数即列入“跟进提醒”表（如高价值客户每月拜访 1 次）。1 到 366 的整数。默认 ${p.default}。`,
    },
    mapping: {
      label: (p) => `列：${p.kind} · ${p.field}`,
      description: () =>
        "输入表中该字段所用的表头文字。识别有误时改成正确的表头；留空表示自动识别。",
    },
    playbook: {
      label: (p) => `策略内容：${p.family}`,
      description: () => "新建策略跟踪行时填入的策略内容，可改写；留空则恢复默认文字。",
    },
  },
  rules: {
    positive_int: () => "应为正整数",
    int_range: (p) => `应为 ${p.min} 到 ${p.max} 之间的整数`,
    non_negative: () => "应为不小于 0 的数字",
    positive: () => "应为大于 0 的数字",
    range: (p) => `应为 ${p.min} 到 ${p.max} 之间的数字`,
    above_max: (p) => `应为大于 0、不超过 ${p.max} 的数字`,
    fraction: () => "应为 0 到 1 之间的小数或百分数（如 30%）",
    date: () => "应为 1970-01-01 或之后的日期（如 2024-12-31），留空表示今天",
    choice: (p) => `应为以下之一：${p.choices.join(", ")}`,
    bool: () => "应为“是”或“否”",
    money_or_blank: () => "应为不小于 0 的金额，或留空",
  },
  problems: {
    badValue: (p) => `${p.address}：“${p.label}”${p.rule}，${p.got}（已使用默认值 ${p.default}）`,
    got: (p) => `收到“${p.value}”`,
    gotBlank: "但单元格为空",
    orderUp: (p) =>
      `${p.address}：“${p.label}”（${p.value}）应大于“${p.other}”（${p.otherValue}）；这一组已恢复默认值 ${p.defaults}`,
    orderDown: (p) =>
      `${p.address}：“${p.label}”（${p.value}）应小于“${p.other}”（${p.otherValue}）；这一组已恢复默认值 ${p.defaults}`,
    orderBetween: (p) =>
      `${p.address}：“${p.label}”（${p.value}）应在“${p.low}”（${p.lowValue}）与“${p.high}”（${p.highValue}）之间；这一组已恢复默认值 ${p.defaults}`,
    unknownKey: (p) => `${p.address}：未知的设置键“${p.key}”，此行已忽略`,
    duplicateKey: (p) => `${p.address}：设置键“${p.key}”重复出现，以第一次出现（${p.first}）为准`,
    noHeader: (p) => `${p.address}：找不到表头“设置键”，全部使用默认设置`,
    unreadable: (p) => `${p.address}：设置表无法读取，全部使用默认设置`,
  },
};
