import { funnel } from "../../src/core/funnel";
import { serialFromYmd } from "../../src/core/parse";
import { AS_OF, line, readRows } from "./followupFixtures";

const D = (m: number, d: number) => serialFromYmd(2024, m, d);

describe("customers per stage", () => {
  it("counts each customer once, at the stage of their latest follow-up", () => {
    const report = funnel(
      readRows([
        line("C1", { day: D(1, 1), stage: "潜在" }),
        line("C1", { day: D(2, 1), stage: "意向" }),
        line("C2", { day: D(1, 5), stage: "谈判" }),
        line("C3", { day: D(1, 5), stage: "成交" }),
        line("C4", { day: D(1, 5), stage: "流失" }),
        line("C5", { day: D(1, 5) }),
      ]),
      5,
      AS_OF
    );
    expect(report.byStage).toEqual({ potential: 0, intent: 1, negotiation: 1, won: 1, lost: 1 });
    expect(report.unstaged).toBe(1);
    expect(report.customers).toBe(5);
  });

  it("leaves out unknown customers and follow-ups after the as-of date", () => {
    const report = funnel(
      readRows(
        [
          line("C9", { day: D(1, 1), stage: "成交" }),
          line("C1", { day: AS_OF + 3, stage: "成交" }),
        ],
        2
      ),
      2,
      AS_OF
    );
    expect(report.customers).toBe(0);
    expect(report.avgFollowups).toBeNull();
    expect(report.conversions.every((c) => c.rate === null)).toBe(true);
    expect(report.biggestDrop).toBeNull();
  });
});

describe("conversion between stages", () => {
  // C1 潜在 only; C2 潜在→意向; C3 意向→谈判; C4 谈判→成交; C5 意向→流失.
  const rows = [
    line("C1", { day: D(1, 1), stage: "潜在" }),
    line("C2", { day: D(1, 1), stage: "潜在" }),
    line("C2", { day: D(1, 9), stage: "意向" }),
    line("C3", { day: D(1, 1), stage: "意向" }),
    line("C3", { day: D(1, 9), stage: "谈判" }),
    line("C4", { day: D(1, 1), stage: "谈判" }),
    line("C4", { day: D(1, 21), stage: "成交" }),
    line("C5", { day: D(1, 1), stage: "意向" }),
    line("C5", { day: D(2, 1), stage: "流失" }),
  ];

  it("divides customers who reached the next stage or beyond by those who reached this stage or beyond", () => {
    const report = funnel(readRows(rows), 5, AS_OF);
    expect(report.reached).toEqual({ potential: 5, intent: 4, negotiation: 2, won: 1 });
    expect(report.conversions).toEqual([
      { from: "potential", to: "intent", reached: 5, advanced: 4, rate: 0.8 },
      { from: "intent", to: "negotiation", reached: 4, advanced: 2, rate: 0.5 },
      { from: "negotiation", to: "won", reached: 2, advanced: 1, rate: 0.5 },
    ]);
  });

  it("names the first pair with the lowest conversion as the biggest drop", () => {
    const report = funnel(readRows(rows), 5, AS_OF);
    expect(report.biggestDrop).toEqual(
      expect.objectContaining({ from: "intent", to: "negotiation" })
    );
  });

  it("counts a lost customer by the highest stage reached before losing", () => {
    const report = funnel(
      readRows([
        line("C1", { day: D(1, 1), stage: "谈判" }),
        line("C1", { day: D(1, 9), stage: "流失" }),
        line("C2", { day: D(1, 1), stage: "流失" }),
      ]),
      5,
      AS_OF
    );
    expect(report.byStage.lost).toBe(2);
    // C1 reached 谈判 (counts in 潜在, 意向, 谈判); C2 only ever lost counts as 潜在.
    expect(report.reached).toEqual({ potential: 2, intent: 1, negotiation: 1, won: 0 });
    expect(report.conversions[2].rate).toBe(0);
    expect(report.biggestDrop?.from).toBe("negotiation");
  });

  it("takes a revived customer back into the funnel at their new stage", () => {
    const report = funnel(
      readRows([
        line("C1", { day: D(1, 1), stage: "潜在" }),
        line("C1", { day: D(2, 1), stage: "流失" }),
        line("C1", { day: D(4, 1), stage: "意向" }),
        line("C1", { day: D(5, 1), stage: "" }), // a blank stage keeps 意向
      ]),
      5,
      AS_OF
    );
    expect(report.byStage).toEqual({ potential: 0, intent: 1, negotiation: 0, won: 0, lost: 0 });
    expect(report.reached).toEqual({ potential: 1, intent: 1, negotiation: 0, won: 0 });
  });

  it("counts a customer whose stage cells are all blank as unstaged, in no stage", () => {
    const report = funnel(
      readRows([line("C1", { day: D(1, 1) }), line("C2", { day: D(1, 2), stage: "成交" })]),
      5,
      AS_OF
    );
    expect(report.unstaged).toBe(1);
    expect(report.customers).toBe(2);
    expect(report.reached.potential).toBe(1);
    expect(report.won).toBe(1);
  });

  it("gives a null rate when nobody reached the earlier stage", () => {
    const report = funnel(readRows([line("C1", { day: D(1, 1), stage: "潜在" })]), 5, AS_OF);
    expect(report.conversions.map((c) => c.rate)).toEqual([0, null, null]);
    expect(report.biggestDrop?.from).toBe("potential");
  });
});

describe("follow-up effort and time to win", () => {
  it("averages follow-ups per customer and days from first contact to the first 成交", () => {
    const report = funnel(
      readRows([
        line("C1", { day: D(1, 1), stage: "潜在" }),
        line("C1", { day: D(1, 11), stage: "成交" }),
        line("C1", { day: D(1, 20), stage: "成交" }),
        line("C2", { day: D(2, 1), stage: "意向" }),
        line("C2", { day: D(3, 2), stage: "成交" }), // 30 days (2024 is a leap year)
        line("C3", { day: D(2, 1), stage: "谈判" }),
      ]),
      5,
      AS_OF
    );
    expect(report.avgFollowups).toBe(2);
    expect(report.won).toBe(2);
    expect(report.avgDaysToWin).toBe(20);
  });

  it("gives null days to win without any won customer", () => {
    const report = funnel(readRows([line("C1", { day: D(1, 1), stage: "谈判" })]), 5, AS_OF);
    expect(report.avgDaysToWin).toBeNull();
    expect(report.won).toBe(0);
  });

  it("groups customers by the person of their latest follow-up", () => {
    const report = funnel(
      readRows([
        line("C1", { day: D(1, 1), stage: "潜在", person: "张三" }),
        line("C1", { day: D(1, 5), stage: "成交", person: "李四" }),
        line("C2", { day: D(1, 1), stage: "意向", person: "张三" }),
        line("C3", { day: D(1, 1), stage: "成交", person: "李四" }),
        line("C3", { day: D(1, 1), stage: "成交", person: "李四" }),
        line("C4", { day: D(1, 1), stage: "谈判", person: "" }),
      ]),
      5,
      AS_OF
    );
    expect(
      report.byPerson.map((p) => [p.person, p.customers, p.followups, p.won, p.avgDaysToWin])
    ).toEqual([
      ["李四", 2, 4, 2, 2],
      ["张三", 1, 1, 0, null],
      ["", 1, 1, 0, null],
    ]);
    expect(report.byPerson[0].avgFollowups).toBe(2);
    expect(report.byPerson[0].byStage.won).toBe(2);
  });
});
