import { DEFAULT_CADENCE, followupWatch } from "../../src/core/cadence";
import { AS_OF, line, readRows } from "./followupFixtures";

describe("overdue next actions", () => {
  it("flags a line whose next date has passed, not done, with no follow-up since", () => {
    const items = followupWatch(
      readRows([line("C1", { day: AS_OF - 20, next: AS_OF - 6, stage: "意向", person: "张三" })]),
      5,
      AS_OF
    );
    expect(items).toEqual([
      { customer: 0, kind: "overdue", daysLate: 6, row: 1, due: AS_OF - 6, person: "张三" },
    ]);
  });

  it("does not flag a next date due today or later", () => {
    const items = followupWatch(
      readRows([
        line("C1", { day: AS_OF - 3, next: AS_OF }),
        line("C2", { day: AS_OF - 3, next: AS_OF + 5 }),
      ]),
      5,
      AS_OF
    );
    expect(items.filter((i) => i.kind === "overdue")).toEqual([]);
  });

  it("does not flag a line marked done", () => {
    const items = followupWatch(
      readRows([line("C1", { day: AS_OF - 20, next: AS_OF - 6, done: "已完成" })]),
      5,
      AS_OF
    );
    expect(items).toEqual([]);
  });

  it("is satisfied by a later follow-up on or after the next date, not by one before it", () => {
    const kept = followupWatch(
      readRows([
        line("C1", { day: AS_OF - 20, next: AS_OF - 10 }),
        line("C1", { day: AS_OF - 10 }), // exactly on the next date
        line("C2", { day: AS_OF - 20, next: AS_OF - 10 }),
        line("C2", { day: AS_OF - 15 }), // before the next date: does not count
      ]),
      5,
      AS_OF
    );
    expect(kept.map((i) => [i.customer, i.kind, i.row])).toEqual([[1, "overdue", 3]]);
  });

  it("reports each open line of a customer", () => {
    const items = followupWatch(
      readRows([
        line("C1", { day: AS_OF - 30, next: AS_OF - 2 }),
        line("C1", { day: AS_OF - 25, next: AS_OF - 20 }),
      ]),
      5,
      AS_OF
    );
    expect(items.map((i) => [i.row, i.daysLate])).toEqual([
      [2, 20],
      [1, 2],
    ]);
  });
});

describe("broken cadence per intent class", () => {
  it.each([
    ["A", 7],
    ["B", 14],
    ["C", 30],
  ] as const)("class %s: late after more than %i days since the latest follow-up", (cls, days) => {
    const onTime = followupWatch(
      readRows([line("C1", { day: AS_OF - days, stage: "意向", intent: cls })]),
      5,
      AS_OF
    );
    expect(onTime).toEqual([]);
    const late = followupWatch(
      readRows([line("C1", { day: AS_OF - days - 3, stage: "意向", intent: cls, person: "李四" })]),
      5,
      AS_OF
    );
    expect(late).toEqual([
      { customer: 0, kind: "cadence", daysLate: 3, row: 1, due: AS_OF - 3, person: "李四" },
    ]);
  });

  it("takes the class from the latest follow-up", () => {
    const items = followupWatch(
      readRows([
        line("C1", { day: AS_OF - 40, intent: "C", stage: "意向" }),
        line("C1", { day: AS_OF - 10, intent: "A类", stage: "谈判" }),
      ]),
      5,
      AS_OF
    );
    expect(items.map((i) => [i.kind, i.daysLate, i.row])).toEqual([["cadence", 3, 2]]);
  });

  it("skips won and lost customers and customers without a class", () => {
    const items = followupWatch(
      readRows([
        line("C1", { day: AS_OF - 60, intent: "A", stage: "成交" }),
        line("C2", { day: AS_OF - 60, intent: "A", stage: "流失" }),
        line("C3", { day: AS_OF - 60, stage: "意向" }),
      ]),
      5,
      AS_OF
    );
    expect(items).toEqual([]);
  });

  it("uses the cadence days it is given", () => {
    const fs = readRows([line("C1", { day: AS_OF - 10, intent: "A", stage: "意向" })]);
    expect(followupWatch(fs, 5, AS_OF, { ...DEFAULT_CADENCE, A: 3 })[0].daysLate).toBe(7);
    expect(followupWatch(fs, 5, AS_OF, { ...DEFAULT_CADENCE, A: 10 })).toEqual([]);
  });

  it("lists the worst first across kinds", () => {
    const items = followupWatch(
      readRows([
        line("C1", { day: AS_OF - 9, intent: "A", stage: "意向" }),
        line("C2", { day: AS_OF - 5, next: AS_OF - 4 }),
      ]),
      5,
      AS_OF
    );
    expect(items.map((i) => [i.customer, i.kind, i.daysLate])).toEqual([
      [1, "overdue", 4],
      [0, "cadence", 2],
    ]);
  });
});
