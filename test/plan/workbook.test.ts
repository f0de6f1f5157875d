import fc from "fast-check";
import { serialFromYmd } from "../../src/core/parse";
import { strings } from "../../src/i18n";
import type { Cell, SheetGrid } from "../../src/core/types";
import { gridOf } from "../../src/plan/grid";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);
const OPTIONS: RunOptions = { lang: "zh-CN", today: AS_OF, overrides: { asOf: AS_OF } };

function archive(n: number): SheetGrid {
  return {
    name: "客户档案",
    values: [
      ["客户ID", "客户名称", "联系方式", "自定义标签"],
      ...Array.from({ length: n }, (_, i) => [
        `C${String(i + 1).padStart(3, "0")}`,
        `客户${i + 1}`,
        `1381234${String(5600 + i)}`,
        i % 3 ? "" : "价格敏感型",
      ]),
    ],
  };
}

function orders(lines: Array<[customer: number, daysAgo: number, amount: number]>): SheetGrid {
  return {
    name: "销售订单",
    values: [
      ["订单号", "客户ID", "交易日期", "金额(元)"],
      ...lines.map(([c, ago, amount], i) => [
        `SO${i + 1}`,
        `C${String(c + 1).padStart(3, "0")}`,
        AS_OF - ago,
        amount,
      ]),
    ],
  };
}

/** One run: the inputs plus our sheets as a reader would find them afterwards. */
function rescore(sheets: SheetGrid[], options: RunOptions = OPTIONS): SheetGrid[] {
  const run = planWorkbook(sheets, options);
  const ours = new Map(run.plans.map((p) => [p.name, gridOf(p)]));
  const inputs = sheets.filter((s) => !ours.has(s.name));
  return [...inputs, ...ours.values()];
}

const sheet = (sheets: SheetGrid[], name: string) =>
  sheets.find((s) => s.name === name) as SheetGrid;
const header = (grid: SheetGrid, text: string) => {
  for (let r = 0; r < 5; r++) {
    const c = (grid.values[r] ?? []).indexOf(text);
    if (c >= 0) return { row: r, col: c };
  }
  throw new Error(`no header ${text} in ${grid.name}`);
};
/** Sets a cell of a grid (copy-on-write: the earlier grids stay as they were). */
function edit(grid: SheetGrid, row: number, col: number, value: Cell): SheetGrid {
  const values = grid.values.map((line) => [...line]);
  while (values[row].length <= col) values[row].push("");
  values[row][col] = value;
  return { ...grid, values };
}

const TRACKING = strings("zh-CN").sheets.names.tracking;
const TIERS = strings("zh-CN").sheets.names.tiers;

describe("a run writes all its sheets", () => {
  it("plans tiers, tracking, review, summary, call list, model check, history and settings", () => {
    const run = planWorkbook(
      [
        archive(6),
        orders([
          [0, 3, 12000],
          [1, 40, 300],
          [2, 200, 50],
        ]),
      ],
      OPTIONS
    );
    expect(run.plans.map((p) => p.key)).toEqual([
      "tiers",
      "tracking",
      "review",
      "summary",
      "calls",
      "modelcheck",
      "history",
      "settings",
    ]);
    expect(run.plans.map((p) => p.name)).toEqual([
      "客户分层",
      "销售策略跟踪",
      "策略效果复盘",
      "概览",
      "今日待联系",
      "模型检验",
      "历史趋势",
      "设置",
    ]);
  });

  it("masks phone numbers unless the settings say otherwise", () => {
    const first = rescore([archive(2), orders([[0, 3, 100]])]);
    const tiers = sheet(first, TIERS);
    const phone = header(tiers, strings("zh-CN").sheets.tierHeaders.phone);
    expect(tiers.values[phone.row + 1][phone.col]).toBe("138****5600");
    const settings = sheet(first, "设置");
    const line = settings.values.findIndex((r) => r[0] === "maskPhones");
    const second = rescore(first.map((s) => (s.name === "设置" ? edit(s, line, 2, "否") : s)));
    const again = sheet(second, TIERS);
    expect(again.values[phone.row + 1][phone.col]).toBe("13812345600");
  });
});

describe("nothing lost", () => {
  const base = [
    archive(8),
    orders([
      [0, 3, 12000],
      [0, 20, 9000],
      [1, 40, 300],
      [2, 200, 50],
      [3, 10, 4000],
      [4, 100, 800],
    ]),
  ];

  it("scoring an unchanged workbook twice changes nothing", () => {
    const first = rescore(base);
    const second = rescore(first);
    expect(second).toEqual(first);
  });

  it("never changes the input sheets", () => {
    const snapshot = JSON.stringify(base);
    rescore(rescore(base));
    expect(JSON.stringify(base)).toBe(snapshot);
  });

  it("keeps a tracking line (marked) when its customer leaves the tier", () => {
    let sheets = rescore(base);
    const tracking = sheet(sheets, TRACKING);
    const owner = header(tracking, strings("zh-CN").sheets.trackingHeaders.owner);
    const c001 = tracking.values.findIndex((r) => r[0] === "C001");
    sheets = sheets.map((s) => (s.name === TRACKING ? edit(s, c001, owner.col, "张伟") : s));
    // C001's big orders disappear: a new as-of date a year later drops them out of the window.
    sheets = rescore(sheets, { ...OPTIONS, overrides: { asOf: AS_OF + 400 } });
    const after = sheet(sheets, TRACKING);
    const lines = after.values.filter((r) => r[0] === "C001");
    expect(lines.length).toBe(2);
    const line = header(after, strings("zh-CN").sheets.trackingHeaders.line);
    const kept = lines.find((r) => r[owner.col] === "张伟");
    expect(kept?.[line.col]).toBe(strings("zh-CN").sheets.lineStatus.left_tier);
  });

  it("keeps random manager edits through any number of re-scores with changed orders and settings", () => {
    const managerColumns = [
      "owner",
      "start",
      "end",
      "target",
      "actual",
      "status",
      "note",
      "content",
    ] as const;
    const value = fc.oneof(
      fc.string({ maxLength: 12 }).filter((s) => s.trim() !== ""),
      fc.constantFrom(...strings("zh-CN").sheets.statusValues, "=SUM(A1:A2)", "+86 138", "@home"),
      fc.integer({ min: AS_OF - 300, max: AS_OF + 100 })
    );
    const editArb = fc.record({
      line: fc.nat(),
      column: fc.constantFrom(...managerColumns),
      value,
    });
    const stepArb = fc.record({
      scheme: fc.constantFrom(
        "fixed5" as const,
        "pct100" as const,
        "quintile11" as const,
        "abc" as const
      ),
      dropOrders: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.array(stepArb, { minLength: 1, maxLength: 3 }),
        (edits, steps) => {
          let sheets = rescore(base);
          const expected = new Map<string, Cell>();
          for (const e of edits) {
            const tracking = sheet(sheets, TRACKING);
            const h = header(tracking, strings("zh-CN").sheets.trackingHeaders[e.column]);
            const dataLines = tracking.values.length - h.row - 1;
            if (dataLines <= 0) return;
            const row = h.row + 1 + (e.line % dataLines);
            const typeCol = header(tracking, strings("zh-CN").sheets.trackingHeaders.type).col;
            const key = `${tracking.values[row][0]}|${tracking.values[row][typeCol]}|${e.column}`;
            expected.set(key, e.value);
            sheets = sheets.map((s) => (s.name === TRACKING ? edit(s, row, h.col, e.value) : s));
          }
          for (const step of steps) {
            const inputs = sheets.map((s) =>
              s.name === "销售订单"
                ? { ...s, values: s.values.slice(0, s.values.length - step.dropOrders) }
                : s
            );
            sheets = rescore(inputs, {
              ...OPTIONS,
              overrides: { asOf: AS_OF, scheme: step.scheme },
            });
          }
          const tracking = sheet(sheets, TRACKING);
          const typeCol = header(tracking, strings("zh-CN").sheets.trackingHeaders.type).col;
          for (const [key, v] of expected) {
            const [id, type, column] = key.split("|") as [
              string,
              string,
              (typeof managerColumns)[number],
            ];
            const c = header(tracking, strings("zh-CN").sheets.trackingHeaders[column]).col;
            const line = tracking.values.find((r) => r[0] === id && r[typeCol] === type);
            expect(line?.[c]).toBe(v);
          }
        }
      ),
      { numRuns: 40 }
    );
  });

  it("keeps the user's own tags in the tier sheet", () => {
    let sheets = rescore(base);
    const tiers = sheet(sheets, TIERS);
    const tags = header(tiers, strings("zh-CN").sheets.tierHeaders.tags);
    const c002 = tiers.values.findIndex((r) => r[0] === "C002");
    sheets = sheets.map((s) => (s.name === TIERS ? edit(s, c002, tags.col, "决策链复杂") : s));
    sheets = rescore(sheets, { ...OPTIONS, overrides: { asOf: AS_OF + 30 } });
    expect(sheet(sheets, TIERS).values.find((r) => r[0] === "C002")?.[tags.col]).toBe("决策链复杂");
  });
});

describe("choices made for a run (task pane, command line)", () => {
  const base = [
    archive(6),
    orders([
      [0, 5, 9000],
      [1, 40, 300],
      [2, 200, 50],
    ]),
  ];

  it("are saved in the settings sheet and read back the same by the next run", () => {
    const weights = { r: 0.5, f: 0.25, m: 0.25 };
    const sheets = rescore(base, {
      ...OPTIONS,
      overrides: { asOf: AS_OF, scheme: "pct100", weights },
    });
    const next = planWorkbook(sheets, { lang: "zh-CN", today: AS_OF + 99 });
    expect(next.settings.scheme).toBe("pct100");
    expect(next.settings.weights).toEqual(weights);
    expect(next.settings.asOf).toBe(AS_OF);
    expect(next.settingsProblems).toEqual([]);
  });

  it("obey the sheet's rules: bins out of order fall back to their defaults, with the cell named", () => {
    const run = planWorkbook(base, OPTIONS);
    const fixed5 = structuredClone(run.settings.fixed5);
    fixed5.tierMinTotal = { high_value: 8, potential: 9, general: 4 };
    const refused = planWorkbook(base, { ...OPTIONS, overrides: { asOf: AS_OF, fixed5 } });
    expect(refused.settings.fixed5.tierMinTotal).toEqual(run.settings.fixed5.tierMinTotal);
    expect(refused.settingsProblems).toHaveLength(1);
    expect(refused.settingsProblems[0]).toMatch(/^设置!C\d+：/);
  });
});

describe("a preview (the task pane's check before writing)", () => {
  it("scores and reads the settings like a full run, but plans no sheets and fits no models", () => {
    const base = [
      archive(6),
      orders([
        [0, 5, 9000],
        [1, 40, 300],
        [2, 200, 50],
      ]),
    ];
    const options: RunOptions = { ...OPTIONS, overrides: { asOf: AS_OF, scheme: "abc" } };
    const full = planWorkbook(base, options);
    const preview = planWorkbook(base, { ...options, preview: true });
    expect(full.plans.length).toBeGreaterThan(0);
    expect(preview.plans).toEqual([]);
    expect(preview.lifetime).toBeNull();
    expect(preview.report.tierCounts).toEqual(full.report.tierCounts);
    expect(preview.report.quality).toEqual(full.report.quality);
    expect(preview.settings).toEqual(full.settings);
    expect(preview.settingsProblems).toEqual(full.settingsProblems);
  });
});
