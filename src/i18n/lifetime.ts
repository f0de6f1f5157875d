import type { Lang } from "./lang";

/**
 * Words for the lifetime-value models' new outcomes (the older ones are in messages.ts, keys
 * `model_*`): why a model could not be fitted on this data, and what the sheets show instead.
 * Placeholders are {name}.
 */
export const LIFETIME_WORDS = {
  fixed_prices: {
    "zh-CN":
      "{model} 未拟合：每位复购客户每次付的金额都一样（如固定价格的订阅），模型无法估计客单价的波动。",
    "en-US":
      "{model} not fitted: every repeat buyer pays the same amount each time (fixed prices, subscriptions), so the model cannot learn how spend varies.",
  },
  ridge_no_dropout: {
    "zh-CN": "{model} 未拟合：数据中看不出有客户停止购买，无法估计流失。",
    "en-US":
      "{model} not fitted: the orders show no sign of customers stopping buying, so dropout cannot be estimated.",
  },
  ridge_same_rate: {
    "zh-CN": "{model} 未拟合：客户的购买频率几乎没有差别，模型的参数无法确定。",
    "en-US":
      "{model} not fitted: customers hardly differ in how often they buy, so the model's parameters cannot be pinned down.",
  },
  ridge_spend_alike: {
    "zh-CN": "{model} 未拟合：客户之间的客单价差别不超过偶然波动，无法估计各客户自己的客单价。",
    "en-US":
      "{model} not fitted: customers do not differ in spend beyond chance, so no customer's own spend level can be estimated.",
  },
  ridge_spend_fixed: {
    "zh-CN": "{model} 未拟合：每位客户每次的金额几乎不变，模型无法估计客单价的波动。",
    "en-US":
      "{model} not fitted: each customer spends almost the same every time, so the model cannot learn how spend varies.",
  },
  ridge_heavy_tail: {
    "zh-CN": "{model} 未拟合：少数极大的金额使平均客单价无法估计。",
    "en-US":
      "{model} not fitted: a few very large amounts make the average spend impossible to estimate.",
  },
  ridge_other: {
    "zh-CN": "{model} 未拟合：这份数据无法确定模型的参数（{parameter} 趋向{toward}）。",
    "en-US":
      "{model} not fitted: this data cannot pin the model's parameters down ({parameter} runs toward {toward}).",
  },
  toward_zero: { "zh-CN": "零", "en-US": "zero" },
  toward_infinity: { "zh-CN": "无穷大", "en-US": "infinity" },
  flat_likelihood: {
    "zh-CN": "{model} 未拟合：数据对模型参数几乎没有区分力，在限定的计算量内没有找到确定的结果。",
    "en-US":
      "{model} not fitted: the data hardly tell the model's parameters apart, and no definite fit was found within the allowed computation.",
  },
  fallback_simple_clv: {
    "zh-CN":
      "因此“预测终身价值”一栏改用简易 CLV（平均客单价 × 年购买次数 × 留存年数 × 利润率）；{missing}留空。",
    "en-US":
      "So the Predicted CLV column shows the simple CLV instead (average order value × orders per year × retention years × margin); {missing} left empty.",
  },
  fallback_missing_purchase: {
    "zh-CN": "仍活跃概率、预计购买次数和预计客单价",
    "en-US": "P(alive), expected purchases and expected spend are",
  },
  fallback_missing_spend: {
    "zh-CN": "预计客单价",
    "en-US": "expected spend is",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type LifetimeWord = keyof typeof LIFETIME_WORDS;

export function lifetimeWord(
  lang: Lang,
  key: LifetimeWord,
  params: Record<string, string | number> = {}
): string {
  return LIFETIME_WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`)
  );
}
