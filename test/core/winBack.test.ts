import { countChurnReasons, winBackRate } from "../../src/core/winBack";

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
