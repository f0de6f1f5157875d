import { serialFromYmd } from "../../src/core/parse";
import { staleOrders } from "../../src/core/staleOrders";

const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);

describe("stale orders: the newest purchase before the scoring window", () => {
  const asOf = day(2026, 12, 2);

  test("orders ending in 2024 scored as of 2026: stale, with the newest purchase to score as of", () => {
    const found = staleOrders([day(2024, 12, 20), null, day(2024, 3, 1)], asOf, 365);
    expect(found).toEqual({
      code: "stale_orders",
      latestPurchase: day(2024, 12, 20),
      asOf,
      windowDays: 365,
      windowStart: asOf - 364,
    });
  });

  test("one purchase inside the window is enough: not stale", () => {
    expect(staleOrders([day(2024, 1, 1), day(2026, 1, 1)], asOf, 365)).toBeNull();
  });

  test("the window's first day counts as inside (as the R/F/M window does)", () => {
    expect(staleOrders([asOf - 364], asOf, 365)).toBeNull();
    expect(staleOrders([asOf - 365], asOf, 365)?.latestPurchase).toBe(asOf - 365);
  });

  test("no purchases at all: nothing to suggest", () => {
    expect(staleOrders([null, null], asOf, 365)).toBeNull();
    expect(staleOrders([], asOf, 365)).toBeNull();
  });

  test("purchases after the as-of date are not the newest purchase", () => {
    const found = staleOrders([day(2027, 1, 5), day(2025, 6, 1)], asOf, 180);
    expect(found?.latestPurchase).toBe(day(2025, 6, 1));
  });
});
