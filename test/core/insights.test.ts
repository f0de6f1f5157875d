/**
 * Follow-up insights in the run: follow-up records, funnel, watchlist, distribution, hygiene, NPS and CAC as
 * scoreSheets puts them into the report (the rules themselves are tested in followups, funnel,
 * cadence, hygiene and metrics tests).
 */
import fc from "fast-check";
import { MAX_SEGMENTS, MIN_SEGMENT_FOR_BEST } from "../../src/core/distribution";
import { serialFromYmd } from "../../src/core/parse";
import { scoreSheets, type ScoreReport } from "../../src/core/pipeline";
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { Cell, SheetGrid } from "../../src/core/types";
import { HEADER, line } from "./followupFixtures";

const AS_OF = serialFromYmd(2024, 12, 31);

function run(sheets: SheetGrid[], patch: Partial<Settings> = {}): ScoreReport {
  return scoreSheets(sheets, {
    settings: { ...defaultSettings(), asOf: AS_OF, ...patch },
    today: AS_OF,
  });
}

const ARCHIVE_HEADER: Cell[] = [
  "客户ID",
  "客户名称",
  "所属行业",
  "企业规模",
  "区域",
  "对接人姓名",
  "联系方式",
];

/** An archive under a title row: data lines start on sheet row 3. */
function archive(lines: Cell[][], extraHeader: Cell[] = []): SheetGrid {
  return {
    name: "客户档案",
    values: [["客户档案"], [...ARCHIVE_HEADER, ...extraHeader], ...lines],
  };
}

function customer(id: string, patch: Partial<Record<string, Cell>> = {}, extra: Cell[] = []) {
  const base: Record<string, Cell> = {
    name: `${id}贸易有限公司`,
    industry: "制造业",
    size: "50-100人",
    region: "上海",
    contact: "王经理",
    phone: `1380000${id.replace(/\D/g, "").padStart(4, "0")}`,
    ...patch,
  };
  return [id, base.name, base.industry, base.size, base.region, base.contact, base.phone, ...extra];
}

function orders(lines: Array<[id: string, daysAgo: number, amount: number]>): SheetGrid {
  return {
    name: "销售订单",
    values: [
      ["订单号", "客户ID", "交易日期", "金额"],
      ...lines.map(([id, ago, amount], i) => [`SO${i + 1}`, id, AS_OF - ago, amount]),
    ],
  };
}

function followups(rows: Cell[][], name = "跟进记录"): SheetGrid {
  return { name, values: [HEADER, ...rows] };
}

const C = (n: number) => `C${n}`;

describe("follow-up records in the run", () => {
  const base = [
    archive([customer("C1"), customer("C2"), customer("C3")]),
    orders([
      ["C1", 10, 5000],
      ["C2", 100, 800],
    ]),
  ];

  it("has no follow-up report without a follow-up sheet", () => {
    const report = run(base);
    expect(report.inputs.followups).toBeNull();
    expect(report.followups).toBeNull();
  });

  it("reads the sheet by its headers and reports its unusable cells with addresses", () => {
    const report = run([
      ...base,
      followups([
        line("C1", { day: AS_OF - 5, stage: "成交", intent: "A" }),
        line("C9", { day: AS_OF - 5, stage: "潜在" }),
        line("C2", { day: "下周一", stage: "意向" }),
        line("C3", { day: AS_OF - 3, next: "过两天", stage: "谈判" }),
      ]),
    ]);
    expect(report.inputs.followups?.sheet).toBe("跟进记录");
    expect(report.followups?.sheet).toBe("跟进记录");
    expect(report.followups?.lines).toBe(3);
    const issues = report.quality.filter((q) => q.sheet === "跟进记录");
    expect(issues.map((q) => [q.kind, q.address, q.excluded])).toEqual([
      ["unknown_customer", "跟进记录!A3", true],
      ["bad_date", "跟进记录!B4", true],
      ["bad_date", "跟进记录!H5", false],
    ]);
  });

  it("never scores the follow-up sheet as the archive or the orders", () => {
    const report = run([
      ...base,
      followups([line("C1", { day: AS_OF - 5, stage: "成交" })], "Sheet9"),
    ]);
    expect(report.inputs.customers?.sheet).toBe("客户档案");
    expect(report.inputs.orders?.sheet).toBe("销售订单");
    expect(report.customers.map((c) => c.customer.id)).toEqual(["C1", "C2", "C3"]);
  });

  it("puts the funnel of the known customers into the report", () => {
    const report = run([
      ...base,
      followups([
        line("C1", { day: AS_OF - 40, stage: "潜在" }),
        line("C1", { day: AS_OF - 20, stage: "意向" }),
        line("C1", { day: AS_OF - 10, stage: "成交" }),
        line("C2", { day: AS_OF - 30, stage: "潜在" }),
        line("C2", { day: AS_OF - 2, stage: "流失" }),
        line("C3", { day: AS_OF - 5, stage: "意向" }),
      ]),
    ]);
    const f = report.followups!.funnel;
    expect(f.byStage).toEqual({ potential: 0, intent: 1, negotiation: 0, won: 1, lost: 1 });
    expect(f.reached).toEqual({ potential: 3, intent: 2, negotiation: 1, won: 1 });
    expect(f.conversions.map((c) => c.rate)).toEqual([2 / 3, 1 / 2, 1]);
    expect(f.biggestDrop?.from).toBe("intent");
    expect(f.avgFollowups).toBe(2);
    expect(f.avgDaysToWin).toBe(30);
  });

  it("lists overdue next actions and broken cadences with the cell to look at", () => {
    const report = run([
      ...base,
      followups([
        // Next step due 10 days ago, not done: overdue at its 下次跟进日期 cell (H2).
        line("C1", {
          day: AS_OF - 12,
          next: AS_OF - 10,
          done: "未完成",
          stage: "谈判",
          intent: "B",
        }),
        // Class A, last contact 9 days ago: cadence broken at its 跟进时间 cell (B3).
        line("C2", { day: AS_OF - 9, stage: "意向", intent: "A", person: "李四" }),
        line("C3", { day: AS_OF - 9, stage: "意向", intent: "B" }),
      ]),
    ]);
    const watch = report.followups!.watch;
    expect(
      watch.map((w) => [w.id, w.kind, w.daysLate, w.address, w.intent, w.stage, w.person])
    ).toEqual([
      ["C1", "overdue", 10, "跟进记录!H2", "B", "negotiation", "王五"],
      ["C2", "cadence", 2, "跟进记录!B3", "A", "intent", "李四"],
    ]);
    expect(watch[0].name).toBe("C1贸易有限公司");
    expect(report.followups!.cadenceDays).toEqual({ A: 7, B: 14, C: 30 });
  });

  it("uses the cadences of the settings", () => {
    const sheets = [
      ...base,
      followups([line("C3", { day: AS_OF - 9, stage: "意向", intent: "B" })]),
    ];
    expect(run(sheets).followups!.watch).toEqual([]);
    const strict = run(sheets, { cadenceDays: { A: 3, B: 5, C: 10 } });
    expect(strict.followups!.watch.map((w) => [w.id, w.kind, w.daysLate])).toEqual([
      ["C3", "cadence", 4],
    ]);
  });

  it("applies a used range's origin to watch addresses", () => {
    const sheet: SheetGrid = {
      ...followups([line("C2", { day: AS_OF - 20, stage: "意向", intent: "A" })]),
      origin: { row: 4, col: 2 },
    };
    const report = run([...base, sheet]);
    expect(report.followups!.watch[0].address).toBe("跟进记录!D6");
  });
});

describe("distribution by industry, region and size", () => {
  it("counts customers and revenue per segment, folding width, case and spaces", () => {
    const report = run([
      archive([
        customer("C1", { region: "华东" }),
        customer("C2", { region: " 华东 " }),
        customer("C3", { region: "ＨＢ", industry: "零售" }),
        customer("C4", { region: "hb", industry: "" }),
      ]),
      orders([
        ["C1", 5, 1000],
        ["C2", 5, 500.5],
        ["C3", 5, 200],
      ]),
    ]);
    const region = report.distribution.tables.find((t) => t.field === "region")!;
    expect(region.segments.map((s) => [s.value, s.customers, s.revenue, s.converted])).toEqual([
      ["华东", 2, 1500.5, 2],
      ["ＨＢ", 2, 200, 1],
    ]);
    const industry = report.distribution.tables.find((t) => t.field === "industry")!;
    // The blank cell is its own line, last.
    expect(industry.segments.map((s) => [s.value, s.customers])).toEqual([
      ["制造业", 2],
      ["零售", 1],
      ["", 1],
    ]);
  });

  it("has a table only for the fields the archive has", () => {
    const report = run([
      {
        name: "客户档案",
        values: [
          ["客户ID", "区域"],
          ["C1", "上海"],
        ],
      },
      orders([["C1", 5, 100]]),
    ]);
    expect(report.distribution.tables.map((t) => t.field)).toEqual(["region"]);
  });

  it("adds up the segments beyond the cap in one line", () => {
    const lines = Array.from({ length: MAX_SEGMENTS + 3 }, (_, i) =>
      customer(C(i + 1), { region: `城市${i}` })
    );
    const report = run([archive(lines), orders([["C1", 5, 100]])]);
    const region = report.distribution.tables.find((t) => t.field === "region")!;
    expect(region.segments).toHaveLength(MAX_SEGMENTS + 1);
    expect(region.segments[MAX_SEGMENTS]).toMatchObject({ value: null, customers: 3 });
  });

  it("counts a customer as converted by a purchase or by 成交 in the follow-ups", () => {
    const n = MIN_SEGMENT_FOR_BEST;
    const north = Array.from({ length: n }, (_, i) => customer(C(i + 1), { region: "北区" }));
    const south = Array.from({ length: n }, (_, i) => customer(C(n + i + 1), { region: "南区" }));
    const report = run([
      archive([...north, ...south]),
      orders([
        ["C1", 5, 100],
        [C(n + 1), 5, 100],
      ]),
      followups([
        line(C(n + 2), { day: AS_OF - 3, stage: "成交" }),
        line(C(n + 3), { day: AS_OF - 3, stage: "谈判" }),
      ]),
    ]);
    const region = report.distribution.tables.find((t) => t.field === "region")!;
    // Equal customers and revenue: listed in archive order.
    expect(region.segments.map((s) => [s.value, s.converted, s.rate])).toEqual([
      ["北区", 1, 1 / n],
      ["南区", 2, 2 / n],
    ]);
    expect(report.distribution.best).toEqual({
      field: "region",
      value: "南区",
      customers: n,
      converted: 2,
      rate: 2 / n,
    });
  });

  it("names no best segment when every segment is too small to tell", () => {
    const report = run([
      archive([customer("C1", { industry: "A" }), customer("C2", { industry: "B" })]),
      orders([["C1", 5, 100]]),
    ]);
    expect(report.distribution.best).toBeNull();
  });
});

describe("data hygiene in the run", () => {
  const report = run([
    archive([
      customer("C1", { phone: "138 0013 8000" }),
      customer("C2", { phone: "+86 138-0013-8000", name: "乙公司" }),
      customer("C3", { name: "丙 贸易有限公司" }),
      customer("C4", { name: "丙贸易有限公司", region: "", phone: "" }),
    ]),
    orders([
      ["C1", 5, 100],
      ["C2", 5, 100],
      ["C3", 5, 100],
    ]),
  ]);

  it("lists likely duplicates with the addresses of the matching cells, never merging them", () => {
    expect(report.hygiene.duplicates).toEqual([
      {
        first: { id: "C1", name: "C1贸易有限公司", address: "客户档案!G3" },
        second: { id: "C2", name: "乙公司", address: "客户档案!G4" },
        reason: "phone",
      },
      {
        first: { id: "C3", name: "丙 贸易有限公司", address: "客户档案!B5" },
        second: { id: "C4", name: "丙贸易有限公司", address: "客户档案!B6" },
        reason: "name",
      },
    ]);
    expect(report.customers.map((c) => c.customer.id)).toEqual(["C1", "C2", "C3", "C4"]);
  });

  it("lists blank required cells with their addresses", () => {
    expect(report.hygiene.missing?.absentColumns).toEqual([]);
    expect(report.hygiene.missing?.rows).toEqual([
      {
        customer: 3,
        id: "C4",
        missing: [
          { field: "region", address: "客户档案!E6" },
          { field: "phone", address: "客户档案!G6" },
        ],
      },
    ]);
  });

  it("names required columns the archive lacks once, not on every customer", () => {
    const thin = run([
      {
        name: "客户档案",
        values: [
          ["客户ID", "客户名称"],
          ["C1", "甲"],
        ],
      },
      orders([["C1", 5, 100]]),
    ]);
    expect(thin.hygiene.missing?.absentColumns).toEqual([
      "industry",
      "size",
      "region",
      "contactName",
      "phone",
    ]);
    expect(thin.hygiene.missing?.rows).toEqual([]);
  });

  it("lists archive customers without orders at their ID cell", () => {
    expect(report.hygiene.withoutOrders).toEqual([
      { id: "C4", name: "丙贸易有限公司", address: "客户档案!A6" },
    ]);
  });

  it("has no archive lists when the customers come from the orders", () => {
    const bare = run([orders([["C1", 5, 100]])]);
    expect(bare.hygiene).toEqual({ duplicates: [], missing: null, withoutOrders: [] });
  });
});

describe("NPS and CAC: not available without their data", () => {
  it("takes NPS from a 0–10 recommendation column and reports unreadable scores", () => {
    const report = run([
      archive(
        [
          customer("C1", {}, [10]),
          customer("C2", {}, ["9分"]),
          customer("C3", {}, [3]),
          customer("C4", {}, [""]),
          customer("C5", {}, ["很好"]),
        ],
        ["推荐意愿(0-10)"]
      ),
      orders([["C1", 5, 100]]),
    ]);
    expect(report.nps).toMatchObject({
      sheet: "客户档案",
      respondents: 3,
      promoters: 2,
      detractors: 1,
    });
    expect(report.nps?.nps).toBeCloseTo(((2 - 1) / 3) * 100, 10);
    expect(report.quality.map((q) => [q.kind, q.address])).toContainEqual([
      "bad_number",
      "客户档案!H7",
    ]);
  });

  it("has no NPS (null, not 0) without a recommendation column", () => {
    const report = run([archive([customer("C1")]), orders([["C1", 5, 100]])]);
    expect(report.nps).toBeNull();
  });

  it("divides the marketing spend by the customers whose first purchase is in the window", () => {
    const sheets = [
      archive([customer("C1"), customer("C2"), customer("C3")]),
      orders([
        ["C1", 5, 100],
        ["C2", 500, 100],
        ["C2", 5, 100],
        ["C3", 300, 100],
      ]),
    ];
    const without = run(sheets);
    expect(without.cac).toMatchObject({ cac: null, spend: null, newCustomers: 2 });
    const withSpend = run(sheets, { marketingSpend: 30000 });
    expect(withSpend.cac).toMatchObject({ cac: 15000, spend: 30000, newCustomers: 2 });
    expect(run(sheets, { marketingSpend: 0 }).cac.cac).toBe(0);
  });

  it("has no CAC when the window has no new customer, whatever the spend", () => {
    const report = run([archive([customer("C1")]), orders([["C1", 500, 100]])], {
      marketingSpend: 1000,
    });
    expect(report.cac).toMatchObject({ cac: null, newCustomers: 0 });
  });
});

describe("properties", () => {
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("C1", "c2 ", "Ｃ３", "C9", "", "潜在", "成交", "流失", "A", "已完成", "下周"),
    fc.integer({ min: AS_OF - 400, max: AS_OF + 30 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null)
  );
  const followupLine = fc.array(cell, { minLength: 0, maxLength: 12 });

  it("never throws on any archive, and never merges or drops a customer for hygiene", () => {
    const row = fc.array(
      fc.oneof(cell, fc.constantFrom<Cell>("C1", "C2", "c1", "138 0013 8000", "+8613800138000")),
      { minLength: 8, maxLength: 8 }
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const sheet = archive(rows, ["NPS"]);
        const report = run([sheet, orders([["C1", 5, 100]])]);
        const ids = report.customers.map((c) => c.customer.id);
        for (const d of report.hygiene.duplicates) {
          expect(ids).toContain(d.first.id);
          expect(ids).toContain(d.second.id);
          expect(d.first.id).not.toBe(d.second.id);
        }
        const segments = report.distribution.tables.map((t) =>
          t.segments.reduce((n, x) => n + x.customers, 0)
        );
        for (const n of segments) expect(n).toBe(report.customers.length);
        if (report.nps?.nps != null) expect(Math.abs(report.nps.nps)).toBeLessThanOrEqual(100);
      })
    );
  });

  it("never throws on any follow-up sheet, and addresses every issue on its own sheet", () => {
    fc.assert(
      fc.property(fc.array(followupLine, { maxLength: 25 }), (rows) => {
        const report = run([
          archive([customer("C1"), customer("C2"), customer("C3")]),
          orders([["C1", 5, 100]]),
          followups(rows),
        ]);
        const f = report.followups!;
        expect(f).not.toBeNull();
        for (const q of report.quality.filter((i) => i.sheet === "跟进记录"))
          expect(q.address.startsWith("跟进记录!")).toBe(true);
        for (const w of f.watch) {
          expect(w.address.startsWith("跟进记录!")).toBe(true);
          expect(w.daysLate).toBeGreaterThan(0);
        }
        const stages = Object.values(f.funnel.byStage).reduce((a, b) => a + b, 0);
        expect(stages + f.funnel.unstaged).toBe(f.funnel.customers);
      })
    );
  });
});
