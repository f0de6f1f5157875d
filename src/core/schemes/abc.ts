import { ABC_COMBINES, type AbcCombine, type Settings } from "../settings";
import { familyOf } from "../tiers";
import type {
  AbcCriterion,
  AbcKey,
  RfmInput,
  SchemeNote,
  SchemeOutput,
  TierReason,
  TierResult,
} from "../types";

/** One criterion graded for one customer (scratch while grading). */
export interface GradedCriterion {
  criterion: AbcCriterion;
  value: number;
  grade: AbcKey;
}

const GRADE_INDEX: Record<AbcKey, number> = { A: 1, B: 2, C: 3 };

/**
 * The reason codes of one run: customers with the same criteria and grades share one code. The key
 * packs which optional criteria were graded (profit, clv) and the grade of each used criterion.
 */
class AbcReasonCodes {
  private readonly codes: Array<TierReason | undefined> = [];
  constructor(private readonly combine: AbcCombine) {}

  get(used: readonly GradedCriterion[], count: number): TierReason {
    let key = 0;
    for (let k = 0; k < count; k++) {
      const c = used[k];
      key += GRADE_INDEX[c.grade] << (2 * k);
      if (c.criterion === "profit") key |= 256;
      else if (c.criterion === "clv") key |= 512;
    }
    let code = this.codes[key];
    if (code === undefined) {
      const criteria = used
        .slice(0, count)
        .map((c) => ({ criterion: c.criterion, grade: c.grade }));
      code = { scheme: "abc", combine: this.combine, criteria };
      this.codes[key] = code;
    }
    return code;
  }
}

/** Grade points: A 3, B 2, C 1. */
function points(g: AbcKey): number {
  return g === "A" ? 3 : g === "B" ? 2 : 1;
}

/** A at or above the first bound, B at or above the second, C below. */
export function grade(value: number, bounds: readonly [number, number]): AbcKey {
  return value >= bounds[0] ? "A" : value >= bounds[1] ? "B" : "C";
}

/**
 * One grade from the first `count` graded criteria:
 * - majority: the grade most criteria give; a tie goes to the lower grade (a customer earns the better one);
 * - all: A only when every criterion is A, C when any is C, otherwise B;
 * - any: the best grade any criterion gives;
 * - amount_only: the annual purchase (always the first criterion) alone.
 */
export function combineGrades(
  combine: AbcCombine,
  used: readonly GradedCriterion[],
  count: number = used.length
): AbcKey {
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < count; i++) {
    const g = used[i].grade;
    if (g === "A") a++;
    else if (g === "B") b++;
    else c++;
  }
  switch (combine) {
    case "all":
      return a === count ? "A" : c > 0 ? "C" : "B";
    case "any":
      return a > 0 ? "A" : b > 0 ? "B" : "C";
    case "amount_only":
      return used[0].grade;
    default:
      return a > b && a > c ? "A" : b > c ? "B" : "C";
  }
}

/**
 * ABC grading (seed 002). Each criterion is graded with its [A, B] lower bounds from `settings.abc`:
 * annual purchase (max(0, M) of the window), orders per year (F), profit (when the customer has a
 * profit figure) and CLV (when it could be computed). `settings.abc.combine` makes one grade of them;
 * with `amount_only` only the annual purchase is used. R has no score; F and M scores are the grade
 * points (A 3, B 2, C 1) of orders and amount; total is the points of the criteria used.
 */
export function scoreAbc(inputs: readonly RfmInput[], settings: Settings): SchemeOutput {
  const t = settings.abc;
  // Unknown text in a settings cell must not break the run: anything else is the default, all.
  const combine: AbcCombine = ABC_COMBINES.includes(t.combine) ? t.combine : "all";
  let profitSkipped = 0;
  let clvSkipped = 0;
  const reasons = new AbcReasonCodes(combine);
  // Scratch: the criteria graded for the current customer (amount always first).
  const used: GradedCriterion[] = [
    { criterion: "amount", value: 0, grade: "C" },
    { criterion: "orders", value: 0, grade: "C" },
    { criterion: "profit", value: 0, grade: "C" },
    { criterion: "clv", value: 0, grade: "C" },
  ];
  const results: TierResult[] = new Array<TierResult>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const amountGrade = grade(input.monetary > 0 ? input.monetary : 0, t.annualAmount);
    const ordersGrade = grade(input.frequency, t.ordersPerYear);
    used[0].value = input.monetary;
    used[0].grade = amountGrade;
    let count = 1;
    if (combine !== "amount_only") {
      used[1].value = input.frequency;
      used[1].grade = ordersGrade;
      count = 2;
      if (input.profit !== null) {
        const c = used[count++];
        c.criterion = "profit";
        c.value = input.profit;
        c.grade = grade(input.profit, t.profit);
      } else profitSkipped++;
      if (input.clv !== null) {
        const c = used[count++];
        c.criterion = "clv";
        c.value = input.clv;
        c.grade = grade(input.clv, t.clv);
      } else clvSkipped++;
    }
    const tier = combineGrades(combine, used, count);
    let total = 0;
    for (let k = 0; k < count; k++) total += points(used[k].grade);
    results[i] = {
      rScore: null,
      fScore: points(ordersGrade),
      mScore: points(amountGrade),
      total,
      weighted: null,
      tier,
      family: familyOf(tier),
      reason: reasons.get(used, count),
    };
  }
  const notes: SchemeNote[] = [];
  if (inputs.length > 0) {
    const n = inputs.length;
    const usedBy: Record<AbcCriterion, number> =
      combine === "amount_only"
        ? { amount: n, orders: 0, profit: 0, clv: 0 }
        : { amount: n, orders: n, profit: n - profitSkipped, clv: n - clvSkipped };
    notes.push({ key: "abc_criteria", combine, usedBy, customers: n });
    if (profitSkipped > 0) notes.push({ key: "abc_profit_skipped", skipped: profitSkipped });
    if (clvSkipped > 0) notes.push({ key: "abc_clv_skipped", skipped: clvSkipped });
  }
  return { results, notes };
}
