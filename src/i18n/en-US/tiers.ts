import type { TierStrings } from "../strings/tiers";

/** "2", "2 and 3", "2, 3 and 4" */
function listOf(items: readonly number[]): string {
  if (items.length === 1) return String(items[0]);
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const customersHave = (n: number) => (n === 1 ? "customer has" : "customers have");

export const tiers: TierStrings = {
  label: {
    high_value: "High value",
    potential: "Potential",
    general: "General",
    churn_risk: "Churn risk",
    champions: "Champions",
    loyal_customers: "Loyal Customers",
    potential_loyalist: "Potential Loyalist",
    new_customers: "New Customers",
    promising: "Promising",
    need_attention: "Need Attention",
    about_to_sleep: "About To Sleep",
    at_risk: "At Risk",
    cant_lose_them: "Can't Lose Them",
    hibernating: "Hibernating",
    lost: "Lost",
    A: "Grade A",
    B: "Grade B",
    C: "Grade C",
    no_purchases: "No purchases",
  },
  family: { maintain: "Maintain", develop: "Develop", keep: "Keep", win_back: "Win back" },
  criterion: {
    amount: "annual purchase",
    orders: "orders per year",
    profit: "profit",
    clv: "CLV",
  },
  combine: {
    majority: "majority",
    all: "all criteria",
    any: "best criterion",
    amount_only: "amount only",
  },
  combineRule: {
    majority: "majority: the grade most criteria give; a tie goes to the lower grade",
    all: "all criteria: A only when every criterion is A, C when any is C, otherwise B",
    any: "best criterion: the best grade any criterion gives",
    amount_only: "amount only: the annual purchase alone decides",
  },
  reason: {
    days: ({ days }) => (days === 1 ? "1 day" : days + " days"),
    orders: ({ orders }) => (orders === 1 ? "1 order" : orders + " orders"),
    scoreHead: ({ name, score }) => `${name} ${score} (`,
    close: ")",
    sep: ", ",
    total: ({ total }) => `total ${total}`,
    pct100Rule: (rule) => {
      switch (rule.rule) {
        case "high":
          return `R, F and M all ≥ ${rule.high}`;
        case "potential_recent":
          return `R ≥ ${rule.r}, F ≥ ${rule.f}, M < ${rule.high}`;
        case "potential_frequent":
          return `R < ${rule.high}, F ≥ ${rule.high}, M ≥ ${rule.m}`;
        case "general":
          return `R, F and M all ≥ ${rule.general}`;
        case "churn":
          return `${rule.below.join(", ")} < ${rule.general}`;
      }
    },
    verdict: ({ step, tier }) => ` → ${step} → ${tier}`,
    quintile: ({ r, f, m, code, tier }) => `R ${r} F ${f} M ${m} (code ${code}) → ${tier}`,
  },
  note: {
    pct100Rule:
      "100-point scores: each score = round(100 × customers strictly worse ÷ (customers − 1)); for R fewer days is better; equal values share a score; a single customer scores 100.",
    quintileRule:
      "Quintile rule: quintile = 1 + ⌊5 × customers strictly worse ÷ customers⌋, 5 is best (for R fewer days is better); equal values always share a quintile and are never split at random, so a large tie can leave a quintile empty.",
    metricHead: {
      R: "R (days since last purchase)",
      F: "F (orders)",
      M: "M (amount)",
    },
    emptyQuintile: "empty",
    quintileRange: ({ quintile, values }) => `${quintile} = ${values}`,
    quintileRanges: ({ head, ranges }) => `${head} by quintile: ${ranges.join(", ")}.`,
    quintileGap: ({ metric, empty, share, count, value }) =>
      ` ${metric}: ${empty.length > 1 ? "quintiles" : "quintile"} ${listOf(empty)} ${empty.length > 1 ? "are" : "is"} empty because ${share}% of customers (${count}) share ${metric} = ${value} (ties are never split).`,
    criterionForSome: ({ criterion, used, customers }) =>
      `${criterion} (for ${used} of ${customers} customers)`,
    abcCriteria: ({ rule, used, unused }) =>
      `ABC grades combine by ${rule}. Criteria used: ${used.join(", ") || "none"}.` +
      (unused.length > 0 ? ` Not used: ${unused.join(", ")}.` : ""),
    abcProfitSkipped: ({ skipped }) =>
      `${skipped} ${customersHave(skipped)} no profit figure (no profit column in the orders): profit was not used for them.`,
    abcClvSkipped: ({ skipped }) =>
      `${skipped} ${customersHave(skipped)} no CLV: that criterion was not used for them.`,
  },
};
