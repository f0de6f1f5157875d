import type { LifetimeStrings } from "../strings/lifetime";

export const lifetime: LifetimeStrings = {
  bgnbdFitted: ({ r, alpha, a, b }) =>
    `复购模型 BG/NBD 已拟合：r = ${r}，α = ${alpha}，a = ${a}，b = ${b}。`,
  gammagammaFitted: ({ p, q, gamma }) =>
    `客单价模型 Gamma-Gamma 已拟合：p = ${p}，q = ${q}，γ = ${gamma}。`,
  needsOrders: "预测终身价值需要订单表（逐笔交易）。",
  notFitted: {
    tooFewCustomers: ({ model }) => `${model} 未拟合：有购买记录的客户太少。`,
    tooFewRepeatBuyers: ({ model, repeat }) =>
      `${model} 未拟合：复购客户只有 ${repeat} 个，至少需要 10 个。`,
    singleDay: ({ model }) => `${model} 未拟合：所有购买都在同一天，无法判断购买节奏。`,
    allAmountsEqual: ({ model }) => `${model} 未拟合：所有复购金额相同，无法估计客户间差异。`,
    nonpositiveAmounts: ({ model }) => `${model} 未拟合：复购金额为零或负数（退货多于购买）。`,
    noConvergence: ({ model }) => `${model} 未拟合：模型无法收敛到合理参数。`,
    fixedPrices: ({ model }) =>
      `${model} 未拟合：每位复购客户每次付的金额都一样（如固定价格的订阅），模型无法估计客单价的波动。`,
    ridgeNoDropout: ({ model }) => `${model} 未拟合：数据中看不出有客户停止购买，无法估计流失。`,
    ridgeSameRate: ({ model }) =>
      `${model} 未拟合：客户的购买频率几乎没有差别，模型的参数无法确定。`,
    ridgeSpendAlike: ({ model }) =>
      `${model} 未拟合：客户之间的客单价差别不超过偶然波动，无法估计各客户自己的客单价。`,
    ridgeSpendFixed: ({ model }) =>
      `${model} 未拟合：每位客户每次的金额几乎不变，模型无法估计客单价的波动。`,
    ridgeHeavyTail: ({ model }) => `${model} 未拟合：少数极大的金额使平均客单价无法估计。`,
    ridgeOther: ({ model, parameter, toward }) =>
      `${model} 未拟合：这份数据无法确定模型的参数（${parameter} 趋向${toward === "zero" ? "零" : "无穷大"}）。`,
    flatLikelihood: ({ model }) =>
      `${model} 未拟合：数据对模型参数几乎没有区分力，在限定的计算量内没有找到确定的结果。`,
  },
  fallbackSimpleClv: ({ purchaseModel }) =>
    `因此“预测终身价值”一栏改用简易 CLV（平均客单价 × 年购买次数 × 留存年数 × 利润率）；${purchaseModel ? "预计客单价" : "仍活跃概率、预计购买次数和预计客单价"}留空。`,
};
