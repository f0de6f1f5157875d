import { aovGrowth, isReviewDue, reviewDue, rollUpEffects } from "../../src/core/review/loop";

describe("review due date", () => {
  it("is the planned end when typed, else the start plus the cycle, else none", () => {
    expect(reviewDue(100, 130, 90)).toBe(130);
    expect(reviewDue(100, null, 90)).toBe(190);
    expect(reviewDue(null, 130, 90)).toBe(130);
    expect(reviewDue(null, null, 90)).toBeNull();
  });

  it("is due from its day on", () => {
    expect(isReviewDue(130, 129)).toBe(false);
    expect(isReviewDue(130, 130)).toBe(true);
    expect(isReviewDue(null, 1e6)).toBe(false);
  });
});

describe("客单价增长率 (average order value growth)", () => {
  it("compares the average order value during with before", () => {
    // 2 orders of 500 before (AOV 500), 3 orders for 1800 during (AOV 600): +20%.
    expect(aovGrowth({ orders: 2, amount: 1000 }, { orders: 3, amount: 1800 })).toBeCloseTo(
      0.2,
      10
    );
    expect(aovGrowth({ orders: 4, amount: 1000 }, { orders: 1, amount: 125 })).toBeCloseTo(
      -0.5,
      10
    );
  });

  it("is not a rate without orders on either side or from a non-positive average", () => {
    expect(aovGrowth({ orders: 0, amount: 0 }, { orders: 1, amount: 100 })).toBeNull();
    expect(aovGrowth({ orders: 1, amount: 100 }, { orders: 0, amount: 0 })).toBeNull();
    expect(aovGrowth({ orders: 1, amount: -50 }, { orders: 1, amount: 100 })).toBeNull();
  });
});

describe("effects rolled up by playbook and tier", () => {
  it("counts each verdict per strategy and per tier, with the effective share of judged lines", () => {
    const r = rollUpEffects([
      { strategy: "maintain", tier: "high_value", effect: "effective" },
      { strategy: "maintain", tier: "high_value", effect: "ineffective" },
      { strategy: "win_back", tier: "churn_risk", effect: "not_started" },
      { strategy: "win_back", tier: "potential", effect: "partial" },
    ]);
    expect(r.byStrategy.map((g) => g.strategy)).toEqual(["maintain", "win_back"]);
    expect(r.byStrategy[0].counts).toEqual({
      lines: 2,
      effective: 1,
      partial: 0,
      ineffective: 1,
      not_started: 0,
      effectiveShare: 0.5,
    });
    expect(r.byStrategy[1].counts.effectiveShare).toBe(0);
    const churn = r.byTier.find((g) => g.tier === "churn_risk")!;
    expect(churn.counts).toMatchObject({ lines: 1, not_started: 1, effectiveShare: null });
    expect(r.byTier.map((g) => g.tier)).toEqual(["high_value", "churn_risk", "potential"]);
  });
});
