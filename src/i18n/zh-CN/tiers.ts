import type { TierStrings } from "../strings/tiers";

export const tiers: TierStrings = {
  label: {
    high_value: "高价值客户",
    potential: "潜力客户",
    general: "一般客户",
    churn_risk: "流失风险客户",
    champions: "冠军客户",
    loyal_customers: "忠诚客户",
    potential_loyalist: "潜在忠诚客户",
    new_customers: "新客户",
    promising: "有潜力客户",
    need_attention: "需要关注",
    about_to_sleep: "即将沉睡",
    at_risk: "有流失风险",
    cant_lose_them: "不能失去",
    hibernating: "休眠客户",
    lost: "已流失",
    A: "A类客户",
    B: "B类客户",
    C: "C类客户",
    no_purchases: "无购买记录",
  },
  family: { maintain: "维护", develop: "开发", keep: "保持", win_back: "挽回" },
  criterion: { amount: "年采购额", orders: "年订单数", profit: "利润", clv: "终身价值" },
  combine: { majority: "多数决", all: "全部达标", any: "任一达标", amount_only: "仅看年采购额" },
  combineRule: {
    majority: "多数决：取多数标准给出的等级，票数相同时取较低等级",
    all: "全部达标：所有标准均为 A 才是 A，任一为 C 即为 C，其余为 B",
    any: "任一达标：取各标准中最好的等级",
    amount_only: "仅看年采购额：只按年采购额评级",
  },
  reason: {
    days: ({ days }) => days + "天",
    orders: ({ orders }) => orders + "单",
    scoreHead: ({ name, score }) => `${name} ${score}（`,
    close: "）",
    sep: "、",
    total: ({ total }) => `总分 ${total}`,
    pct100Rule: (rule) => {
      switch (rule.rule) {
        case "high":
          return `R、F、M 均 ≥ ${rule.high}`;
        case "potential_recent":
          return `R ≥ ${rule.r}、F ≥ ${rule.f}、M < ${rule.high}`;
        case "potential_frequent":
          return `R < ${rule.high}、F ≥ ${rule.high}、M ≥ ${rule.m}`;
        case "general":
          return `R、F、M 均 ≥ ${rule.general}`;
        case "churn":
          return `${rule.below.join("、")} < ${rule.general}`;
      }
    },
    // Chinese text closes with a full-width bracket, which needs no space before the arrow.
    verdict: ({ step, tier }) => `→ ${step} → ${tier}`,
    quintile: ({ r, f, m, code, tier }) => `R ${r} F ${f} M ${m}（代码 ${code}）→ ${tier}`,
  },
  note: {
    pct100Rule:
      "百分制：每项得分 = 四舍五入(100 × 比该客户差的客户数 ÷ (客户数 − 1))，R 天数越少越好；数值相同的客户得分相同；只有一个客户时得 100 分。",
    quintileRule:
      "五等分规则：档位 = 1 + ⌊5 × 比该客户差的客户数 ÷ 客户数⌋，5 档最好（R 天数越少越好）；数值相同的客户总在同一档，绝不随机拆分，因此大量并列可能使某些档为空。",
    metricHead: {
      R: "R（距最近一次消费天数）",
      F: "F（订单数）",
      M: "M（金额）",
    },
    emptyQuintile: "空",
    quintileRange: ({ quintile, values }) => `${quintile} 档 ${values}`,
    quintileRanges: ({ head, ranges }) => `${head}各档取值：${ranges.join("，")}。`,
    quintileGap: ({ metric, empty, share, count, value }) =>
      `${metric}：第 ${empty.join("、")} 档为空，因为 ${share}% 的客户（${count} 个）${metric} 同为 ${value}（并列值不拆分）。`,
    criterionForSome: ({ criterion, used, customers }) =>
      `${criterion}（${customers} 个客户中的 ${used} 个）`,
    abcCriteria: ({ rule, used, unused }) =>
      `ABC 分级按“${rule}”。使用的标准：${used.join("、") || "无"}。` +
      (unused.length > 0 ? `未使用：${unused.join("、")}。` : ""),
    abcProfitSkipped: ({ skipped }) =>
      `${skipped} 个客户没有利润数据（订单表无“毛利/利润”列或无数值），利润标准未参与其评级。`,
    abcClvSkipped: ({ skipped }) => `${skipped} 个客户无法计算终身价值，终身价值标准未参与其评级。`,
  },
};
