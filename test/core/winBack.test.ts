import fc from "fast-check";
import {
  countChurnReasons,
  winBackRate,
  winBackRateOf,
  type WinBackLine,
} from "../../src/core/winBack";

describe("win-back rate (挽回率)", () => {
  const last = new Map<string, number | null>([
    ["a", 120],
    ["b", 90],
    ["c", null],
    ["d", 200],
  ]);
  const lastPurchase = (key: string) => last.get(key);

  it("counts a customer as won back only when they bought after the line's start", () => {
    const rate = winBackRate(
      [
        { customerKey: "a", since: 100, control: false },
        { customerKey: "b", since: 100, control: false },
        { customerKey: "c", since: 100, control: false },
      ],
      lastPurchase
    );
    expect(rate.treated).toEqual({ customers: 3, wonBack: 1, rate: 1 / 3 });
    expect(rate.control).toEqual({ customers: 0, wonBack: 0, rate: null });
  });

  it("counts each customer once, at their earliest line", () => {
    const rate = winBackRate(
      [
        { customerKey: "a", since: 130, control: false },
        { customerKey: "a", since: 100, control: false },
      ],
      lastPurchase
    );
    expect(rate.treated).toEqual({ customers: 1, wonBack: 1, rate: 1 });
  });

  it("keeps the control group apart and skips lines without a start or a scored customer", () => {
    const rate = winBackRate(
      [
        { customerKey: "d", since: 150, control: true },
        { customerKey: "b", since: 50, control: true },
        { customerKey: "a", since: null, control: false },
        { customerKey: "gone", since: 10, control: false },
      ],
      lastPurchase
    );
    expect(rate.control).toEqual({ customers: 2, wonBack: 2, rate: 1 });
    expect(rate.treated.customers).toBe(0);
    expect(rate.treated.rate).toBeNull();
  });

  /** The rule as written: each scored customer's earliest line with a start, won back when bought after it. */
  const byKeys = (lines: WinBackLine[]) => {
    const earliest = new Map<string, WinBackLine>();
    for (const l of lines) {
      const seen = earliest.get(l.customerKey);
      if (l.since !== null && (!seen || (seen.since as number) > l.since))
        earliest.set(l.customerKey, l);
    }
    const arm = (control: boolean) => {
      const mine = [...earliest.values()].filter(
        (l) => l.control === control && last.has(l.customerKey)
      );
      const won = mine.filter((l) => (last.get(l.customerKey) ?? -1) > (l.since as number));
      return {
        customers: mine.length,
        wonBack: won.length,
        rate: mine.length > 0 ? won.length / mine.length : null,
      };
    };
    return { treated: arm(false), control: arm(true) };
  };

  it("gives the same rate with customers numbered as with customers by key", () => {
    const keys = ["a", "b", "c", "d", "gone"];
    const line = fc.record({
      customer: fc.integer({ min: 0, max: keys.length - 1 }),
      since: fc.option(fc.integer({ min: 0, max: 250 })),
      control: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (drawn) => {
        const lines: WinBackLine[] = drawn.map((l) => ({
          customerKey: keys[l.customer],
          since: l.since,
          control: l.control,
        }));
        const numbered = winBackRateOf(
          lines,
          keys.length,
          (_l, i) => (last.has(keys[drawn[i].customer]) ? drawn[i].customer : -1),
          (c) => last.get(keys[c]) as number | null
        );
        expect(numbered).toEqual(winBackRate(lines, lastPurchase));
        expect(numbered).toEqual(byKeys(lines));
      })
    );
  });
});

describe("churn reasons (流失原因)", () => {
  it("lists every reason and counts the lines that name one", () => {
    const counts = countChurnReasons(["price", null, "price", "competitor", "other"]);
    expect(counts).toEqual({
      price: 2,
      service: 0,
      competitor: 1,
      delivery: 0,
      business_change: 0,
      other: 1,
    });
  });
});
