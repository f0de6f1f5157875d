import { formatMoney, REASON, tierLabel } from "../../i18n/tiers";
import type { Settings } from "../settings";
import { familyOf } from "../tiers";
import type { AbcKey, Lang, RfmInput, SchemeOutput, TierResult } from "../types";
import { scoringMonetary } from "./common";

type Criterion = "amount" | "orders" | "profit" | "clv";

const CRITERION_LABELS: Record<Criterion, Record<Lang, string>> = {
  amount: { "zh-CN": "年采购额", "en-US": "annual purchase" },
  orders: { "zh-CN": "年订单数", "en-US": "orders per year" },
  profit: { "zh-CN": "利润", "en-US": "profit" },
  clv: { "zh-CN": "终身价值", "en-US": "CLV" },
};

const POINTS: Record<AbcKey, number> = { A: 3, B: 2, C: 1 };

function grade(value: number, [a, b]: [number, number]): AbcKey {
  return value >= a ? "A" : value >= b ? "B" : "C";
}

/** The grade most criteria give; a tie goes to the lower grade (the cautious reading). */
function majority(grades: AbcKey[]): AbcKey {
  const votes = { A: 0, B: 0, C: 0 };
  for (const g of grades) votes[g]++;
  let best: AbcKey = "C";
  for (const g of ["B", "A"] as const) if (votes[g] > votes[best]) best = g;
  return best;
}

/** ABC grading (seed 002): each criterion graded A/B/C, combined as the settings say. */
export function scoreAbc(
  inputs: readonly RfmInput[],
  settings: Settings,
  lang: Lang
): SchemeOutput {
  const t = settings.abc;
  let profitSkipped = 0;
  let clvSkipped = 0;
  const results: TierResult[] = inputs.map((input) => {
    const values: Array<[Criterion, number, AbcKey]> = [];
    const amount = scoringMonetary(input.monetary);
    values.push(["amount", amount, grade(amount, t.annualAmount)]);
    values.push(["orders", input.frequency, grade(input.frequency, t.ordersPerYear)]);
    if (input.profit !== null) values.push(["profit", input.profit, grade(input.profit, t.profit)]);
    else profitSkipped++;
    if (input.clv !== null) values.push(["clv", input.clv, grade(input.clv, t.clv)]);
    else clvSkipped++;
    const grades = values.map(([, , g]) => g);
    let tier: AbcKey;
    switch (t.combine) {
      case "all":
        tier = grades.every((g) => g === "A") ? "A" : grades.includes("C") ? "C" : "B";
        break;
      case "any":
        tier = grades.includes("A") ? "A" : grades.includes("B") ? "B" : "C";
        break;
      case "amount_only":
        tier = grades[0];
        break;
      default:
        tier = majority(grades);
    }
    const parts = values.map(
      ([c, v, g]) =>
        `${CRITERION_LABELS[c][lang]} ${g}${REASON.open[lang]}${c === "orders" ? REASON.orders[lang](v) : formatMoney(v)}${REASON.close[lang]}`
    );
    return {
      rScore: null,
      fScore: POINTS[values[1][2]],
      mScore: POINTS[values[0][2]],
      total: grades.reduce((sum, g) => sum + POINTS[g], 0),
      weighted: null,
      tier,
      family: familyOf(tier),
      reason: `${parts.join(REASON.sep[lang])} → ${tierLabel(tier, lang)}`,
    };
  });
  const notes = [];
  if (profitSkipped > 0) {
    notes.push({
      key: "abc_profit_skipped",
      text:
        lang === "zh-CN"
          ? `${profitSkipped} 个客户没有利润数据（订单表无“毛利/利润”列），利润标准未参与评级。`
          : `${profitSkipped} customers have no profit figures (no profit column in the orders): profit was not used for them.`,
    });
  }
  if (clvSkipped > 0) {
    notes.push({
      key: "abc_clv_skipped",
      text:
        lang === "zh-CN"
          ? `${clvSkipped} 个客户无法计算终身价值，该标准未参与评级。`
          : `${clvSkipped} customers have no CLV: that criterion was not used for them.`,
    });
  }
  return { results, notes };
}
