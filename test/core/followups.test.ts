import fc from "fast-check";
import { QualityLog } from "../../src/core/customers";
import { funnel } from "../../src/core/funnel";
import { followupWatch } from "../../src/core/cadence";
import {
  customerTimelines,
  parseDone,
  parseIntent,
  parseStage,
  readFollowups,
} from "../../src/core/followups";
import type { DetectedTable } from "../../src/core/headers";
import { serialFromYmd } from "../../src/core/parse";
import type { Cell, SheetGrid } from "../../src/core/types";
import { AS_OF, HEADER, index, line, read, readRows, sheetOf } from "./followupFixtures";

const D = (m: number, d: number) => serialFromYmd(2024, m, d);

describe("reading the follow-up sheet", () => {
  it("reads every column of a line into a follow-up", () => {
    const { followups, issues } = read(
      sheetOf([
        [
          "c2",
          "2024-03-15 14:30",
          "拜访",
          " 李四 ",
          "提交方案",
          "需补充参数",
          "发技术参数",
          "2024/3/18",
          "已完成",
          "意向客户",
          "A类",
        ],
      ]),
      index(["C1", "C2"])
    );
    expect(issues).toEqual([]);
    expect(followups).toEqual([
      {
        customer: 1,
        day: D(3, 15),
        method: "拜访",
        person: "李四",
        content: "提交方案",
        feedback: "需补充参数",
        nextAction: "发技术参数",
        nextDay: D(3, 18),
        done: true,
        stage: "intent",
        intent: "A",
        row: 1,
        postponed: false,
        postponeReason: "",
        nextOwner: "",
        objection: "",
      },
    ]);
  });

  it("reports unknown customers with their address and keeps the line with customer -1", () => {
    const { followups, issues } = read(
      sheetOf([line("C9", { day: D(3, 1), stage: "潜在" })]),
      index(["C1"])
    );
    expect(followups).toHaveLength(1);
    expect(followups[0].customer).toBe(-1);
    expect(issues).toEqual([
      expect.objectContaining({
        kind: "unknown_customer",
        address: "跟进记录!A2",
        value: "C9",
        excluded: true,
      }),
    ]);
  });

  it("drops lines without an ID or with a blank or unreadable contact date, with their addresses", () => {
    const { followups, issues } = read(
      sheetOf([
        line("", { day: D(3, 1) }),
        line("C1", { day: "" }),
        line("C1", { day: "下周二" }),
        line("C1", { day: "2024-02-30" }),
        line("C1", { day: D(3, 2) }),
      ]),
      index(["C1"])
    );
    expect(followups.map((f) => f.row)).toEqual([5]);
    expect(issues.map((i) => [i.kind, i.address, i.excluded])).toEqual([
      ["missing_id", "跟进记录!A2", true],
      ["missing_date", "跟进记录!B3", true],
      ["bad_date", "跟进记录!B4", true],
      ["bad_date", "跟进记录!B5", true],
    ]);
  });

  it("keeps a line with an unreadable next date, reporting the cell and leaving nextDay null", () => {
    const { followups, issues } = read(
      sheetOf([line("C1", { day: D(3, 1), next: "月底" }), line("C1", { day: D(3, 2), next: "" })]),
      index(["C1"])
    );
    expect(followups.map((f) => f.nextDay)).toEqual([null, null]);
    expect(issues).toEqual([
      expect.objectContaining({
        kind: "bad_date",
        address: "跟进记录!H2",
        value: "月底",
        excluded: false,
      }),
    ]);
  });

  it("skips blank rows silently and applies the grid origin to rows and addresses", () => {
    const sheet: SheetGrid = {
      name: "跟进",
      origin: { row: 3, col: 2 },
      values: [HEADER, [null, "  ", ""], line("C1", { day: "bad" }), line("C1", { day: D(3, 1) })],
    };
    const { followups, issues } = read(sheet, index(["C1"]));
    expect(followups.map((f) => f.row)).toEqual([6]);
    expect(issues.map((i) => i.address)).toEqual(["跟进!D6"]);
  });

  it("reads a stage-only sheet without a date column, with day null", () => {
    const sheet: SheetGrid = {
      name: "阶段",
      values: [
        ["客户ID", "成交阶段"],
        ["C1", "谈判"],
        ["C1", "成交"],
      ],
    };
    const { followups, issues } = read(sheet, index(["C1"]));
    expect(issues).toEqual([]);
    expect(followups.map((f) => [f.day, f.stage])).toEqual([
      [null, "negotiation"],
      [null, "won"],
    ]);
  });

  it("reads nothing from a table without a customer ID column", () => {
    const sheet = sheetOf([line("C1", { day: D(3, 1) })]);
    const table: DetectedTable = {
      sheet: sheet.name,
      kind: "followups",
      headerRow: 0,
      firstDataRow: 1,
      columns: { followDate: 1 },
      headers: [],
      unmatchedHeaders: [],
      score: 1,
    };
    expect(readFollowups(sheet, table, index(["C1"]), new QualityLog(sheet))).toEqual([]);
  });
});

describe("cell vocabularies", () => {
  it.each([
    ["潜在", "potential"],
    ["潜在客户", "potential"],
    ["Potential", "potential"],
    ["意向", "intent"],
    ["意向客户", "intent"],
    ["intent", "intent"],
    ["谈判", "negotiation"],
    ["谈判阶段", "negotiation"],
    ["Negotiation", "negotiation"],
    ["成交", "won"],
    ["已成交", "won"],
    ["成交客户", "won"],
    ["Closed Won", "won"],
    ["流失", "lost"],
    ["流失客户", "lost"],
    ["已流失", "lost"],
    ["LOST", "lost"],
    ["3.谈判客户", "negotiation"],
    ["谈 判", "negotiation"],
    ["", null],
    ["成交了吗", null],
    [42, null],
    [null, null],
  ] as Array<[Cell, string | null]>)("stage %p → %p", (cell, expected) => {
    expect(parseStage(cell)).toBe(expected);
  });

  it.each([
    ["A", "A"],
    ["a", "A"],
    ["Ａ类", "A"],
    ["A级", "A"],
    ["B类客户", "B"],
    ["C", "C"],
    ["高意向", "A"],
    ["中", "B"],
    ["低", "C"],
    ["D", null],
    ["AB", null],
    ["", null],
    [1, null],
  ] as Array<[Cell, string | null]>)("intent %p → %p", (cell, expected) => {
    expect(parseIntent(cell)).toBe(expected);
  });

  it.each([
    ["已完成", true],
    ["完成", true],
    ["是", true],
    ["done", true],
    ["Yes", true],
    [true, true],
    [1, true],
    ["未完成", false],
    ["否", false],
    ["进行中", false],
    ["", false],
    [false, false],
    [null, false],
    [0, false],
  ] as Array<[Cell, boolean]>)("done %p → %p", (cell, expected) => {
    expect(parseDone(cell)).toBe(expected);
  });
});

describe("a customer's stage and intent", () => {
  it("takes the stage of the latest follow-up by day, not by row", () => {
    const fs = readRows([
      line("C1", { day: D(3, 10), stage: "谈判" }),
      line("C1", { day: D(3, 1), stage: "潜在" }),
    ]);
    expect(customerTimelines(fs, 5, AS_OF)[0].stage).toBe("negotiation");
  });

  it("breaks same-day ties by the later row", () => {
    const fs = readRows([
      line("C1", { day: D(3, 1), stage: "谈判" }),
      line("C1", { day: D(3, 1), stage: "意向" }),
    ]);
    expect(customerTimelines(fs, 5, AS_OF)[0].stage).toBe("intent");
  });

  it("carries the last stated stage and intent over a blank cell", () => {
    const fs = readRows([
      line("C1", { day: D(3, 1), stage: "意向", intent: "B" }),
      line("C1", { day: D(3, 5) }),
    ]);
    const [t] = customerTimelines(fs, 5, AS_OF);
    expect([t.stage, t.intent, t.latest.day]).toEqual(["intent", "B", D(3, 5)]);
  });

  it("ignores follow-ups dated after the as-of date", () => {
    const fs = readRows([
      line("C1", { day: D(3, 1), stage: "意向" }),
      line("C1", { day: AS_OF + 1, stage: "成交" }),
    ]);
    expect(customerTimelines(fs, 5, AS_OF)[0].stage).toBe("intent");
  });

  it("counts a lost customer by the highest stage reached before losing", () => {
    const fs = readRows([
      line("C1", { day: D(3, 1), stage: "潜在" }),
      line("C1", { day: D(3, 5), stage: "谈判" }),
      line("C1", { day: D(3, 9), stage: "流失" }),
      line("C2", { day: D(3, 1), stage: "流失" }),
    ]);
    const [t1, t2] = customerTimelines(fs, 5, AS_OF);
    expect([t1.stage, t1.highest]).toEqual(["lost", 2]);
    expect([t2.stage, t2.highest]).toEqual(["lost", 0]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "C1",
    "c2",
    "Ｃ3",
    "潜在",
    "意向客户",
    "谈判",
    "成交",
    "流失",
    "A类",
    "B",
    "已完成",
    "2024-03-05",
    "2024年3月5日"
  )
);

const gridArb = fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 25 });

const allColumns: Record<string, number> = {
  customerId: 0,
  followDate: 1,
  method: 2,
  person: 3,
  content: 4,
  feedback: 5,
  nextAction: 6,
  nextDate: 7,
  done: 8,
  stage: 9,
  intent: 10,
};

function tableFor(sheet: SheetGrid): DetectedTable {
  return {
    sheet: sheet.name,
    kind: "followups",
    headerRow: 0,
    firstDataRow: 1,
    columns: allColumns,
    headers: [],
    unmatchedHeaders: [],
    score: 11,
  };
}

describe("properties", () => {
  it("never throws on arbitrary follow-up grids, and every kept line is dated and addressed", () => {
    fc.assert(
      fc.property(gridArb, (rows) => {
        const sheet = sheetOf(rows);
        const log = new QualityLog(sheet);
        const fs = readFollowups(sheet, tableFor(sheet), index(["C1", "C2", "C3"]), log);
        for (const f of fs) {
          expect(f.day).not.toBeNull();
          expect(f.row).toBeGreaterThanOrEqual(1);
          expect(f.customer).toBeGreaterThanOrEqual(-1);
        }
        for (const issue of log.issues) expect(issue.address).toMatch(/^跟进记录!/);
        funnel(fs, 3, AS_OF);
        followupWatch(fs, 3, AS_OF);
      }),
      { numRuns: 300 }
    );
  });

  it("funnel stage counts plus unstaged sum to the customers with follow-ups", () => {
    fc.assert(
      fc.property(gridArb, fc.integer({ min: 30000, max: 50000 }), (rows, asOf) => {
        const sheet = sheetOf(rows);
        const fs = readFollowups(
          sheet,
          tableFor(sheet),
          index(["C1", "C2", "C3"]),
          new QualityLog(sheet)
        );
        const report = funnel(fs, 3, asOf);
        const withFollowups = new Set(
          fs
            .filter((f) => f.customer >= 0 && f.day !== null && f.day <= asOf)
            .map((f) => f.customer)
        );
        const staged = Object.values(report.byStage).reduce((a, b) => a + b, 0);
        expect(staged + report.unstaged).toBe(withFollowups.size);
        expect(report.customers).toBe(withFollowups.size);
        expect(report.byPerson.reduce((a, p) => a + p.customers, 0)).toBe(withFollowups.size);
      }),
      { numRuns: 300 }
    );
  });

  it("does not mutate the input grid", () => {
    fc.assert(
      fc.property(gridArb, (rows) => {
        const sheet = sheetOf(rows);
        const before = structuredClone(sheet.values);
        const fs = readFollowups(
          sheet,
          tableFor(sheet),
          index(["C1", "C2", "C3"]),
          new QualityLog(sheet)
        );
        const copy = structuredClone(fs);
        funnel(fs, 3, AS_OF);
        followupWatch(fs, 3, AS_OF);
        expect(sheet.values).toEqual(before);
        expect(fs).toEqual(copy);
      }),
      { numRuns: 200 }
    );
  });
});
