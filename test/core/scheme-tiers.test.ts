import {
  ABC_KEYS,
  familyOf,
  FOUR_TIER_KEYS,
  SEGMENT_KEYS,
  TIER_ORDER,
  tierOrder,
} from "../../src/core/tiers";
import { NO_PURCHASES, type TierKey } from "../../src/core/types";
import { familyLabel, formatMoney, tierLabel, tierOfLabel } from "../../src/i18n/tiers";

describe("tiers and playbook families", () => {
  it.each([
    ["high_value", "maintain"],
    ["potential", "develop"],
    ["general", "keep"],
    ["churn_risk", "win_back"],
    ["champions", "maintain"],
    ["loyal_customers", "maintain"],
    ["potential_loyalist", "develop"],
    ["new_customers", "develop"],
    ["promising", "develop"],
    ["need_attention", "keep"],
    ["about_to_sleep", "keep"],
    ["at_risk", "win_back"],
    ["cant_lose_them", "win_back"],
    ["hibernating", "win_back"],
    ["lost", "win_back"],
    ["A", "maintain"],
    ["B", "develop"],
    ["C", "keep"],
  ] as const)("%s feeds %s", (tier, family) => {
    expect(familyOf(tier)).toBe(family);
  });

  it("lists every tier once, best first within each scheme", () => {
    expect(TIER_ORDER).toEqual([...FOUR_TIER_KEYS, ...SEGMENT_KEYS, ...ABC_KEYS]);
    expect(new Set(TIER_ORDER).size).toBe(18);
    expect(FOUR_TIER_KEYS).toEqual(["high_value", "potential", "general", "churn_risk"]);
    expect(SEGMENT_KEYS[0]).toBe("champions");
    expect(SEGMENT_KEYS[SEGMENT_KEYS.length - 1]).toBe("lost");
  });

  it("sorts for display with tierOrder, customers without purchases last", () => {
    const shuffled: Array<TierKey | typeof NO_PURCHASES> = [
      NO_PURCHASES,
      "churn_risk",
      "C",
      "high_value",
      "lost",
      "A",
      "champions",
      "potential",
    ];
    expect([...shuffled].sort((a, b) => tierOrder(a) - tierOrder(b))).toEqual([
      "high_value",
      "potential",
      "churn_risk",
      "champions",
      "lost",
      "A",
      "C",
      NO_PURCHASES,
    ]);
  });
});

describe("labels", () => {
  it("names the four tiers and no purchases as the product does", () => {
    expect(FOUR_TIER_KEYS.map((t) => tierLabel(t, "zh-CN"))).toEqual([
      "高价值客户",
      "潜力客户",
      "一般客户",
      "流失风险客户",
    ]);
    expect(tierLabel(NO_PURCHASES, "zh-CN")).toBe("无购买记录");
    expect(tierLabel(NO_PURCHASES, "en-US")).toBe("No purchases");
  });

  it("names the 11 segments in both languages", () => {
    expect(SEGMENT_KEYS.map((t) => tierLabel(t, "en-US"))).toEqual([
      "Champions",
      "Loyal Customers",
      "Potential Loyalist",
      "New Customers",
      "Promising",
      "Need Attention",
      "About To Sleep",
      "At Risk",
      "Can't Lose Them",
      "Hibernating",
      "Lost",
    ]);
    expect(SEGMENT_KEYS.map((t) => tierLabel(t, "zh-CN"))).toEqual([
      "冠军客户",
      "忠诚客户",
      "潜在忠诚客户",
      "新客户",
      "有潜力客户",
      "需要关注",
      "即将沉睡",
      "有流失风险",
      "不能失去",
      "休眠客户",
      "已流失",
    ]);
    expect(ABC_KEYS.map((t) => tierLabel(t, "zh-CN"))).toEqual(["A类客户", "B类客户", "C类客户"]);
  });

  it("reads every label back to its tier, in either language", () => {
    for (const tier of [...TIER_ORDER, NO_PURCHASES] as const) {
      expect(tierOfLabel(tierLabel(tier, "zh-CN"))).toBe(tier);
      expect(tierOfLabel(tierLabel(tier, "en-US"))).toBe(tier);
    }
    expect(tierOfLabel("VIP")).toBeNull();
  });

  it("names the four playbooks", () => {
    const families = ["maintain", "develop", "keep", "win_back"] as const;
    expect(families.map((f) => familyLabel(f, "zh-CN"))).toEqual(["维护", "开发", "保持", "挽回"]);
    expect(families.map((f) => familyLabel(f, "en-US"))).toEqual([
      "Maintain",
      "Develop",
      "Keep",
      "Win back",
    ]);
  });
});

describe("formatMoney", () => {
  it.each([
    [0, "¥0"],
    [-0, "¥0"],
    [5, "¥5"],
    [999.99, "¥999.99"],
    [1000, "¥1,000"],
    [4200, "¥4,200"],
    [1000.5, "¥1,000.50"],
    [1000.05, "¥1,000.05"],
    [1234567.891, "¥1,234,567.89"],
    [1000000, "¥1,000,000"],
    [100200300, "¥100,200,300"],
    [-1200, "-¥1,200"],
    [-0.004, "¥0"],
    [0.005, "¥0.01"],
  ])("%d is %s", (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it("never throws on figures that are not amounts", () => {
    expect(formatMoney(NaN)).toBe("¥NaN");
    expect(formatMoney(Infinity)).toBe("¥Infinity");
    expect(formatMoney(1e300)).toBe("¥1e+300");
  });
});
