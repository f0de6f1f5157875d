import { kpis } from "../../src/core/kpis";
import type { OrderBook } from "../../src/core/orders";
import { reportJson } from "../../src/core/reportJson";
import type { ScoreReport } from "../../src/core/report";

/** Orders as [customer, day, return?]; a 10-day window ending on day 100 (the window before: 81–90). */
function reportOf(frequencies: number[], orders: Array<[number, number, boolean?]>): ScoreReport {
  const book: OrderBook = {
    count: orders.length,
    customer: Int32Array.from(orders.map((o) => o[0])),
    day: Int32Array.from(orders.map((o) => o[1])),
    amount: Float64Array.from(orders.map(() => 10)),
    profit: new Float64Array(orders.length),
    isReturn: Uint8Array.from(orders.map((o) => (o[2] ? 1 : 0))),
    hasProfit: false,
    linesRead: orders.length,
    linesUsed: orders.length,
  };
  const report = {
    asOf: 100,
    windowStart: 91,
    book,
    customers: frequencies.map((frequency) => ({ frequency, monetary: frequency * 10 })),
    followups: null,
    tierCounts: {},
    hygiene: { duplicates: [], missing: null, withoutOrders: [] },
    distribution: { tables: [], best: null },
    nps: null,
    cac: { cac: null, spend: null, newCustomers: 0 },
  };
  return report as unknown as ScoreReport;
}

describe("business figures in the core", () => {
  // Customers 0 and 1 bought in the window before; 1 and 2 in this one (2 twice); 3 only returned.
  const report = reportOf(
    [0, 1, 2, 0],
    [
      [0, 85],
      [1, 82],
      [1, 95],
      [2, 92],
      [2, 99],
      [3, 84, true],
      [3, 96, true],
    ]
  );

  it("repurchase: bought twice or more of those who bought; churn: bought before, not now", () => {
    const k = kpis(report);
    expect(k.buyers).toBe(2);
    expect(k.repurchaseRate).toBe(1 / 2);
    expect(k.churnRate).toBe(1 / 2);
  });

  it("are written to --report-json, null when not available", () => {
    const json = reportJson(report);
    expect(json.repurchase_rate).toBe(0.5);
    expect(json.churn_rate).toBe(0.5);
    const archive = reportJson({ ...report, book: null, customers: [] });
    expect(archive.repurchase_rate).toBeNull();
    expect(archive.churn_rate).toBeNull();
  });
});
