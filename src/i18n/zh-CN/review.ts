import type { ReviewStrings } from "../strings/review";

export const review: ReviewStrings = {
  controlMark: {
    yes: "是",
    no: "否",
  },
  trackingControl: {
    noteHeader: "为什么留对照组",
    content: "对照组：本期不执行此策略，仅正常服务，用于在“策略效果复盘”中判断策略是否真的有效",
    note: (p) =>
      `“对照组”为“是”的客户本期不执行策略：每项策略随机留出约 ${p.share} 的客户（比例在“设置”中修改，0 为不留）。没有对照组，就分不清业绩上升是策略的功劳还是季节、客户自然回流。可手工改为“是”或“否”，重新评分不会覆盖。`,
  },
  upliftHeaders: {
    strategy: "策略类型",
    tier: "计划时层级",
    start: "执行开始",
    end: "执行结束",
    treated: "执行客户数",
    control: "对照客户数",
    tOrdersBefore: "执行组 人均订单 前",
    tOrdersDuring: "执行组 人均订单 中",
    cOrdersBefore: "对照组 人均订单 前",
    cOrdersDuring: "对照组 人均订单 中",
    upliftOrders: "人均订单提升",
    ciOrdersLow: "订单提升 90%区间 下限",
    ciOrdersHigh: "订单提升 90%区间 上限",
    tAmountBefore: "执行组 人均金额 前",
    tAmountDuring: "执行组 人均金额 中",
    cAmountBefore: "对照组 人均金额 前",
    cAmountDuring: "对照组 人均金额 中",
    upliftAmount: "人均金额提升",
    ciAmountLow: "金额提升 90%区间 下限",
    ciAmountHigh: "金额提升 90%区间 上限",
    verdict: "结论",
  },
  upliftVerdicts: {
    effective: "有效",
    no_effect: "无效",
    too_few: "样本不足",
  },
  text: {
    title: (p) => `策略效果复盘 · 截止日期 ${p.asOf}`,
    howToRead: (p) =>
      `怎么看：“提升” = 执行组从执行前到执行中的变化，减去对照组同期的变化（季节、客户自然回流等两组都有的影响相互抵消）。90% 区间表示真实提升大概率落在这个范围内。订单或金额的区间整段大于 0 才判为“有效”；区间包含 0 为“无效”（看不出效果）；执行组或对照组不足 ${p.min} 位客户为“样本不足”（人太少时区间不可靠）。`,
    upliftCaption: (p) =>
      `按策略与层级：执行组与对照组比较（差异中的差异，90% 区间为自助法 ${p.resamples} 次重抽样）`,
    noUplift:
      "暂无可比较的策略：在“销售策略跟踪”中填写计划开始和结束日期后，这里会出现执行组与对照组的比较。",
    linesCaption: "每位客户执行前与执行中的订单和金额",
  },
  modelCheck: {
    title: (p) => `终身价值模型检验 · 截止日期 ${p.asOf} · 留出期 ${p.weeks} 周`,
    method: (p) =>
      `做法：只用 ${p.calibrationEnd} 及以前的订单拟合 BG/NBD 模型，预测每位客户在之后 ${p.weeks} 周（到 ${p.asOf}）的购买次数，再与实际购买次数对比。同一客户同一天的订单算一次购买。`,
    figuresCaption: "总体对比",
    byRepeatCaption: "按拟合期内重复购买次数分组：人均预测与实际购买次数",
    chartTitle: "预测与实际：留出期人均购买次数",
    figure: "指标",
    value: "数值",
    customers: "参与检验的客户数",
    predictedTotal: "预测购买次数合计",
    actualTotal: "实际购买次数合计",
    difference: "预测偏差",
    mae: "每位客户平均误差（次）",
    verdictLabel: "结论",
    repeat: "重复购买次数",
    repeatOrMore: (p) => `${p.n} 次及以上`,
    groupCustomers: "客户数",
    predicted: "人均预测",
    actual: "人均实际",
  },
  modelCheckVerdicts: {
    trust: (p) =>
      `可信：预测总数与实际相差不超过 ${p.good}，“客户分层”中的预计购买次数和预测终身价值可以参考。`,
    rough: (p) =>
      `大致可用：预测总数与实际相差 ${p.good} 到 ${p.rough} 之间，只宜看客户之间的相对高低，不宜当作准确数字。`,
    do_not_trust: (p) =>
      `不可信：预测总数与实际相差超过 ${p.rough}，本工作簿的客户不符合模型假设，请勿依据预测终身价值做决定。`,
    inconclusive: (p) => `无法判断：留出期内实际购买不足 ${p.min} 次，对比说明不了什么。`,
  },
  modelCheckReasons: {
    no_orders: "没有订单表，无法检验模型（模型需要逐笔购买记录）。",
    history_too_short: (p) =>
      `历史不够长：检验需要截止日期前至少两倍留出期（${p.weeks} 周 × 2）的订单。可在“设置”中缩短模型检验留出期。`,
    too_few_customers: "留出期之前购买过的客户太少（少于 20 位），模型无法拟合。",
    too_few_repeat_buyers: "留出期之前重复购买的客户太少（少于 10 位），模型无法拟合。",
    single_day: "留出期之前的订单只有一天，模型无法拟合。",
    no_convergence: "模型在留出期之前的订单上拟合失败（没有找到合理参数），无法检验。",
    all_amounts_equal: "模型无法拟合。",
    nonpositive_amounts: "模型无法拟合。",
    fixed_prices: "模型无法拟合。",
    ridge: "留出期之前的订单不足以确定模型参数（某个参数趋向极端值），无法检验。",
    flat_likelihood: "留出期之前的订单不足以确定模型参数（拟合没有明确结果），无法检验。",
  },
  callHeaders: {
    owner: "销售负责人",
    rank: "排名",
    id: "客户ID",
    name: "客户名称",
    tier: "客户层级",
    valueAtRisk: "风险金额",
    value: "近一年金额",
    pAlive: "仍活跃概率",
    reason: "为什么现在联系",
    cell: "分层表位置",
  },
  calls: {
    title: (p) => `今日待联系 · 截止日期 ${p.asOf} · 每位负责人最多 ${p.limit} 位`,
    rule: "排序依据“风险金额” = 近一年金额 × 已流失的可能（1 − 仍活跃概率；没有模型数字时按超出平时下单间隔的比例）。已流失可能低于 20% 的客户和对照组客户不列入（联系对照组会破坏效果对比）。本表每次评分时重新生成。",
    none: "目前没有需要优先联系的客户。",
    noOwner: "（未指定）",
    reasonValue: (p) => `近一年购买 ${p.value}`,
    reasonPAlive: (p) => `仍活跃概率降至 ${p.p}%`,
    reasonOverdue: (p) => `已 ${p.silent} 天未购买（平时约 ${p.gap} 天一单）`,
    separator: "；",
  },
  paneCalls: {
    heading: "今日最值得联系的客户",
    hint: "按风险金额排序，点击可跳到该客户在“客户分层”表中的行；完整名单见“今日待联系”表。",
    atRisk: (p) => `风险金额 ${p.value}`,
  },
};
