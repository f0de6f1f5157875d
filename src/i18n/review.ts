import type { Lang } from "./lang";

/**
 * Words of the control group, the uplift table, the model check and the call list (docs/review.md
 * explains them for sales managers). Placeholders are {name}.
 */

type Text = Record<Lang, string>;

/** The control mark in the tracking and review sheets. */
export const CONTROL_MARK = {
  yes: { "zh-CN": "是", "en-US": "Yes" },
  no: { "zh-CN": "否", "en-US": "No" },
} as const satisfies Record<string, Text>;

/** Reads a control mark typed in either language (是/否, Yes/No, Y/N, TRUE/FALSE); null when blank or unclear. */
export function controlMarkOf(cell: unknown): boolean | null {
  if (typeof cell === "boolean") return cell;
  if (typeof cell !== "string") return null;
  const t = cell.normalize("NFKC").trim().toLowerCase();
  if (["是", "yes", "y", "true", "对照", "对照组"].includes(t)) return true;
  if (["否", "no", "n", "false"].includes(t)) return false;
  return null;
}

export const TRACKING_CONTROL_TEXT = {
  noteHeader: { "zh-CN": "为什么留对照组", "en-US": "Why a control group" },
  content: {
    "zh-CN": "对照组：本期不执行此策略，仅正常服务，用于在“策略效果复盘”中判断策略是否真的有效",
    "en-US":
      "Control group: no playbook actions this period, normal service only; the Strategy Review compares them with the others to show whether the strategy really works",
  },
  note: {
    "zh-CN":
      "“对照组”为“是”的客户本期不执行策略：每项策略随机留出约 {share} 的客户（比例在“设置”中修改，0 为不留）。没有对照组，就分不清业绩上升是策略的功劳还是季节、客户自然回流。可手工改为“是”或“否”，重新评分不会覆盖。",
    "en-US":
      "Customers marked Yes under Control group get no playbook actions this period: about {share} of each strategy's customers are held back at random (change the share in Settings; 0 turns it off). Without them nobody can tell a strategy's effect from the season or customers coming back on their own. You may change the mark by hand; scoring again keeps it.",
  },
} as const satisfies Record<string, Text>;

/** The uplift table of the review sheet. */
export const UPLIFT_HEADERS: Record<string, Text> = {
  strategy: { "zh-CN": "策略类型", "en-US": "Strategy" },
  tier: { "zh-CN": "计划时层级", "en-US": "Tier when planned" },
  start: { "zh-CN": "执行开始", "en-US": "Start" },
  end: { "zh-CN": "执行结束", "en-US": "End" },
  treated: { "zh-CN": "执行客户数", "en-US": "Treated customers" },
  control: { "zh-CN": "对照客户数", "en-US": "Control customers" },
  tOrdersBefore: { "zh-CN": "执行组 人均订单 前", "en-US": "Treated orders/cust. before" },
  tOrdersDuring: { "zh-CN": "执行组 人均订单 中", "en-US": "Treated orders/cust. during" },
  cOrdersBefore: { "zh-CN": "对照组 人均订单 前", "en-US": "Control orders/cust. before" },
  cOrdersDuring: { "zh-CN": "对照组 人均订单 中", "en-US": "Control orders/cust. during" },
  upliftOrders: { "zh-CN": "人均订单提升", "en-US": "Uplift orders/cust." },
  ciOrdersLow: { "zh-CN": "订单提升 90%区间 下限", "en-US": "Orders 90% interval low" },
  ciOrdersHigh: { "zh-CN": "订单提升 90%区间 上限", "en-US": "Orders 90% interval high" },
  tAmountBefore: { "zh-CN": "执行组 人均金额 前", "en-US": "Treated amount/cust. before" },
  tAmountDuring: { "zh-CN": "执行组 人均金额 中", "en-US": "Treated amount/cust. during" },
  cAmountBefore: { "zh-CN": "对照组 人均金额 前", "en-US": "Control amount/cust. before" },
  cAmountDuring: { "zh-CN": "对照组 人均金额 中", "en-US": "Control amount/cust. during" },
  upliftAmount: { "zh-CN": "人均金额提升", "en-US": "Uplift amount/cust." },
  ciAmountLow: { "zh-CN": "金额提升 90%区间 下限", "en-US": "Amount 90% interval low" },
  ciAmountHigh: { "zh-CN": "金额提升 90%区间 上限", "en-US": "Amount 90% interval high" },
  verdict: { "zh-CN": "结论", "en-US": "Verdict" },
};

export const UPLIFT_VERDICTS = {
  effective: { "zh-CN": "有效", "en-US": "Effective" },
  no_effect: { "zh-CN": "无效", "en-US": "No effect" },
  too_few: { "zh-CN": "样本不足", "en-US": "Not enough customers" },
} as const satisfies Record<string, Text>;

export const REVIEW_TEXT = {
  title: {
    "zh-CN": "策略效果复盘 · 截止日期 {asOf}",
    "en-US": "Strategy review · as of {asOf}",
  },
  howToRead: {
    "zh-CN":
      "怎么看：“提升” = 执行组从执行前到执行中的变化，减去对照组同期的变化（季节、客户自然回流等两组都有的影响相互抵消）。90% 区间表示真实提升大概率落在这个范围内。订单或金额的区间整段大于 0 才判为“有效”；区间包含 0 为“无效”（看不出效果）；执行组或对照组不足 {min} 位客户为“样本不足”（人太少时区间不可靠）。",
    "en-US":
      "How to read: uplift = the treated customers' change from before to during the period, minus the control group's change over the same days (the season and customers drifting back affect both and cancel out). The 90% interval is where the true uplift most likely lies. Effective only when the whole interval for orders or for amount lies above 0; an interval that includes 0 means No effect (none can be seen); fewer than {min} customers treated or in control means Not enough customers (too few for a reliable interval).",
  },
  upliftCaption: {
    "zh-CN":
      "按策略与层级：执行组与对照组比较（差异中的差异，90% 区间为自助法 {resamples} 次重抽样）",
    "en-US":
      "By strategy and tier: treated vs control (difference in differences; 90% interval from {resamples} bootstrap resamples)",
  },
  noUplift: {
    "zh-CN":
      "暂无可比较的策略：在“销售策略跟踪”中填写计划开始和结束日期后，这里会出现执行组与对照组的比较。",
    "en-US":
      "Nothing to compare yet: once planned start and end dates are filled in on the Strategy Tracking sheet, treated and control customers are compared here.",
  },
  linesCaption: {
    "zh-CN": "每位客户执行前与执行中的订单和金额",
    "en-US": "Each customer's orders and amount before and during the period",
  },
} as const satisfies Record<string, Text>;

/** The model-check sheet. */
export const MODEL_CHECK_TEXT = {
  title: {
    "zh-CN": "终身价值模型检验 · 截止日期 {asOf} · 留出期 {weeks} 周",
    "en-US": "Lifetime-value model check · as of {asOf} · holdout {weeks} weeks",
  },
  method: {
    "zh-CN":
      "做法：只用 {calibrationEnd} 及以前的订单拟合 BG/NBD 模型，预测每位客户在之后 {weeks} 周（到 {asOf}）的购买次数，再与实际购买次数对比。同一客户同一天的订单算一次购买。",
    "en-US":
      "Method: the BG/NBD model is fitted on the orders up to {calibrationEnd} only, predicts each customer's purchases in the {weeks} weeks after (to {asOf}) and is compared with what they actually bought. One customer's orders on one day count as one purchase.",
  },
  figuresCaption: { "zh-CN": "总体对比", "en-US": "Overall" },
  byRepeatCaption: {
    "zh-CN": "按拟合期内重复购买次数分组：人均预测与实际购买次数",
    "en-US": "By repeat purchases in the fitting period: mean predicted vs actual purchases",
  },
  chartTitle: {
    "zh-CN": "预测与实际：留出期人均购买次数",
    "en-US": "Predicted vs actual purchases per customer in the holdout",
  },
  figure: { "zh-CN": "指标", "en-US": "Figure" },
  value: { "zh-CN": "数值", "en-US": "Value" },
  customers: { "zh-CN": "参与检验的客户数", "en-US": "Customers checked" },
  predictedTotal: { "zh-CN": "预测购买次数合计", "en-US": "Predicted purchases, total" },
  actualTotal: { "zh-CN": "实际购买次数合计", "en-US": "Actual purchases, total" },
  difference: { "zh-CN": "预测偏差", "en-US": "Prediction off by" },
  mae: { "zh-CN": "每位客户平均误差（次）", "en-US": "Mean absolute error per customer" },
  verdictLabel: { "zh-CN": "结论", "en-US": "Verdict" },
  repeat: { "zh-CN": "重复购买次数", "en-US": "Repeat purchases" },
  repeatOrMore: { "zh-CN": "{n} 次及以上", "en-US": "{n} or more" },
  groupCustomers: { "zh-CN": "客户数", "en-US": "Customers" },
  predicted: { "zh-CN": "人均预测", "en-US": "Predicted" },
  actual: { "zh-CN": "人均实际", "en-US": "Actual" },
} as const satisfies Record<string, Text>;

export const MODEL_CHECK_VERDICTS = {
  trust: {
    "zh-CN":
      "可信：预测总数与实际相差不超过 {good}，“客户分层”中的预计购买次数和预测终身价值可以参考。",
    "en-US":
      "Trustworthy: the predicted total is within {good} of what happened; the expected purchases and predicted CLV on the tiers sheet can be relied on.",
  },
  rough: {
    "zh-CN":
      "大致可用：预测总数与实际相差 {good} 到 {rough} 之间，只宜看客户之间的相对高低，不宜当作准确数字。",
    "en-US":
      "Rough: the predicted total is off by between {good} and {rough}; use the predictions to compare customers, not as exact figures.",
  },
  do_not_trust: {
    "zh-CN":
      "不可信：预测总数与实际相差超过 {rough}，本工作簿的客户不符合模型假设，请勿依据预测终身价值做决定。",
    "en-US":
      "Do not trust: the predicted total is off by more than {rough}; this workbook's customers do not behave as the model assumes, so do not base decisions on predicted CLV.",
  },
  inconclusive: {
    "zh-CN": "无法判断：留出期内实际购买不足 {min} 次，对比说明不了什么。",
    "en-US": "Inconclusive: fewer than {min} purchases in the holdout, too few to tell.",
  },
} as const satisfies Record<string, Text>;

export const MODEL_CHECK_REASONS = {
  no_orders: {
    "zh-CN": "没有订单表，无法检验模型（模型需要逐笔购买记录）。",
    "en-US": "No orders sheet: the model needs single purchases to be checked.",
  },
  history_too_short: {
    "zh-CN":
      "历史不够长：检验需要截止日期前至少两倍留出期（{weeks} 周 × 2）的订单。可在“设置”中缩短模型检验留出期。",
    "en-US":
      "Not enough history: the check needs orders going back at least twice the holdout ({weeks} weeks × 2) before the as-of date. Shorten the model check holdout in Settings.",
  },
  too_few_customers: {
    "zh-CN": "留出期之前购买过的客户太少（少于 20 位），模型无法拟合。",
    "en-US": "Too few customers bought before the holdout (fewer than 20) to fit the model.",
  },
  too_few_repeat_buyers: {
    "zh-CN": "留出期之前重复购买的客户太少（少于 10 位），模型无法拟合。",
    "en-US": "Too few customers bought again before the holdout (fewer than 10) to fit the model.",
  },
  single_day: {
    "zh-CN": "留出期之前的订单只有一天，模型无法拟合。",
    "en-US": "The orders before the holdout cover a single day: the model cannot be fitted.",
  },
  no_convergence: {
    "zh-CN": "模型在留出期之前的订单上拟合失败（没有找到合理参数），无法检验。",
    "en-US":
      "The model could not be fitted on the orders before the holdout (no sensible parameters found).",
  },
  all_amounts_equal: {
    "zh-CN": "模型无法拟合。",
    "en-US": "The model could not be fitted.",
  },
  nonpositive_amounts: {
    "zh-CN": "模型无法拟合。",
    "en-US": "The model could not be fitted.",
  },
  fixed_prices: {
    "zh-CN": "模型无法拟合。",
    "en-US": "The model could not be fitted.",
  },
  ridge: {
    "zh-CN": "留出期之前的订单不足以确定模型参数（某个参数趋向极端值），无法检验。",
    "en-US":
      "The orders before the holdout do not pin the model down (a parameter runs off to an extreme): nothing to check.",
  },
  flat_likelihood: {
    "zh-CN": "留出期之前的订单不足以确定模型参数（拟合没有明确结果），无法检验。",
    "en-US":
      "The orders before the holdout do not pin the model down (the fit has no clear answer): nothing to check.",
  },
} as const satisfies Record<string, Text>;

/** The call list. */
export const CALL_HEADERS: Record<string, Text> = {
  owner: { "zh-CN": "销售负责人", "en-US": "Sales owner" },
  rank: { "zh-CN": "排名", "en-US": "Rank" },
  id: { "zh-CN": "客户ID", "en-US": "Customer ID" },
  name: { "zh-CN": "客户名称", "en-US": "Customer name" },
  tier: { "zh-CN": "客户层级", "en-US": "Tier" },
  valueAtRisk: { "zh-CN": "风险金额", "en-US": "Value at risk" },
  value: { "zh-CN": "近一年金额", "en-US": "Amount in window" },
  pAlive: { "zh-CN": "仍活跃概率", "en-US": "P(alive)" },
  reason: { "zh-CN": "为什么现在联系", "en-US": "Why call now" },
  cell: { "zh-CN": "分层表位置", "en-US": "Tiers sheet row" },
};

export const CALL_TEXT = {
  title: {
    "zh-CN": "今日待联系 · 截止日期 {asOf} · 每位负责人最多 {limit} 位",
    "en-US": "Who to call today · as of {asOf} · up to {limit} per owner",
  },
  rule: {
    "zh-CN":
      "排序依据“风险金额” = 近一年金额 × 已流失的可能（1 − 仍活跃概率；没有模型数字时按超出平时下单间隔的比例）。已流失可能低于 20% 的客户和对照组客户不列入（联系对照组会破坏效果对比）。本表每次评分时重新生成。",
    "en-US":
      "Ranked by value at risk = amount in the window × the chance they have stopped buying (1 − P(alive); without a model figure, how far their silence runs past their usual gap). Customers under a 20% chance and control-group customers are left out (calling them would spoil the comparison). Rebuilt on every run.",
  },
  none: {
    "zh-CN": "目前没有需要优先联系的客户。",
    "en-US": "Nobody needs a call urgently right now.",
  },
  noOwner: { "zh-CN": "（未指定）", "en-US": "(none)" },
  reasonValue: {
    "zh-CN": "近一年购买 {value}",
    "en-US": "bought {value} in the window",
  },
  reasonPAlive: {
    "zh-CN": "仍活跃概率降至 {p}%",
    "en-US": "P(alive) down to {p}%",
  },
  reasonOverdue: {
    "zh-CN": "已 {silent} 天未购买（平时约 {gap} 天一单）",
    "en-US": "silent {silent} days (usually every {gap} days)",
  },
  separator: { "zh-CN": "；", "en-US": "; " },
} as const satisfies Record<string, Text>;

/** The task pane's call list after a run. */
export const PANE_CALL_TEXT = {
  heading: { "zh-CN": "今日最值得联系的客户", "en-US": "Most worth a call today" },
  hint: {
    "zh-CN": "按风险金额排序，点击可跳到该客户在“客户分层”表中的行；完整名单见“今日待联系”表。",
    "en-US":
      "By value at risk; click one to go to the customer's row on the tiers sheet. The full list is on the Call List sheet.",
  },
  atRisk: { "zh-CN": "风险金额 {value}", "en-US": "at risk {value}" },
} as const satisfies Record<string, Text>;
