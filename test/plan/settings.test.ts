import fc from "fast-check";
import { isBlank, serialFromYmd } from "../../src/core/parse";
import { strings } from "../../src/i18n";
import {
  defaultPlaybook,
  isDefaultPlaybook,
  playbookText,
  STRATEGY_FAMILIES,
  strategyTypeName,
  strategyTypeOf,
} from "../../src/plan/playbooks";
import { defaultSettings, type AbcCombine, type Settings } from "../../src/core/settings";
import type { Cell, SchemeKey, SheetGrid, StrategyFamily } from "../../src/core/types";
import type { Lang } from "../../src/i18n/lang";
import { CUSTOMER_FIELDS, FOLLOWUP_FIELDS, ORDER_FIELDS } from "../../src/core/vocabulary/headers";
import { planSettingsSheet, readSettingsSheet } from "../../src/plan/settings";
import { SETTING_KEYS, thresholdKeys, type SettingKey } from "../../src/core/settingsSchema";
import { settingLabel } from "../../src/i18n/settingWords";
import { settingText, withSettingText } from "../../src/taskpane/draft";
import type { SheetPlan } from "../../src/plan/types";

// ---------------------------------------------------------------------------------------------
// Helpers

/** The grid a reader sees in a sheet written from `plan`: preamble lines, then each table's header and data lines. */
function gridOf(plan: SheetPlan): SheetGrid {
  const values: Cell[][] = [];
  const put = (row: number, col: number, value: Cell) => {
    while (values.length <= row) values.push([]);
    const line = values[row];
    while (line.length < col) line.push(null);
    line[col] = value;
  };
  plan.preamble.forEach((line, r) => line.forEach((v, c) => put(r, c, v)));
  for (const table of plan.tables) {
    if (table.caption !== undefined) put(table.startRow - 1, table.startColumn, table.caption);
    table.columns.forEach((column, c) => put(table.startRow, table.startColumn + c, column.header));
    table.rows.forEach((row, r) =>
      row.forEach((v, c) => put(table.startRow + 1 + r, table.startColumn + c, v))
    );
  }
  return { name: plan.name, values };
}

const NO_INFO = { detectedColumns: [] };

function sheet(settings: Settings = defaultSettings(), lang: Lang = "zh-CN"): SheetGrid {
  return gridOf(planSettingsSheet(settings, lang, NO_INFO));
}

/** Index of the header line in a grid made by `sheet`. */
function headerRowOf(grid: SheetGrid): number {
  return grid.values.findIndex((row) => row[0] === "设置键" || row[0] === "Key");
}

/** Row index (into `values`) of a key's line. */
function rowOf(grid: SheetGrid, key: string): number {
  const r = grid.values.findIndex((row) => row[0] === key);
  if (r < 0) throw new Error(`no line ${key}`);
  return r;
}

/** A copy of the grid with the value of `key` replaced. */
function withValue(grid: SheetGrid, key: string, value: Cell): SheetGrid {
  const values = grid.values.map((row) => [...row]);
  values[rowOf(grid, key)][2] = value;
  return { ...grid, values };
}

function withValues(grid: SheetGrid, changes: Record<string, Cell>): SheetGrid {
  let g = grid;
  for (const [key, value] of Object.entries(changes)) g = withValue(g, key, value);
  return g;
}

/** `设置!C12` for the value cell of a key (the sheet starts at A1). */
function valueAddress(grid: SheetGrid, key: string): string {
  return `${grid.name}!C${rowOf(grid, key) + 1}`;
}

const MAPPING_IDS: string[] = [
  ...Object.keys(CUSTOMER_FIELDS).map((f) => `customers.${f}`),
  ...Object.keys(ORDER_FIELDS).map((f) => `orders.${f}`),
  ...Object.keys(FOLLOWUP_FIELDS).map((f) => `followups.${f}`),
];

// ---------------------------------------------------------------------------------------------
// Random valid settings

const lang: fc.Arbitrary<Lang> = fc.constantFrom("zh-CN", "en-US");

/** Doubles without -0 (a sheet cell cannot tell -0 from 0). */
function num(min: number, max: number, minExcluded = false): fc.Arbitrary<number> {
  return fc
    .double({ min, max, minExcluded, noNaN: true, noDefaultInfinity: true })
    .map((v) => v + 0);
}

function ordered(
  arb: fc.Arbitrary<number>,
  n: number,
  direction: "up" | "down"
): fc.Arbitrary<number[]> {
  return fc
    .uniqueArray(arb, { minLength: n, maxLength: n })
    .map((a) => [...a].sort((x, y) => (direction === "up" ? x - y : y - x)));
}

const text: fc.Arbitrary<string> = fc
  .oneof(fc.string({ minLength: 1 }), fc.string({ minLength: 1, unit: "grapheme" }))
  .filter((s) => s === s.trim() && !isBlank(s));

const pair = (max: number) => ordered(num(0, max), 2, "down") as fc.Arbitrary<[number, number]>;

const validSettings: fc.Arbitrary<Settings> = fc.record({
  scheme: fc.constantFrom<SchemeKey>("fixed5", "pct100", "quintile11", "abc"),
  asOf: fc.option(fc.integer({ min: serialFromYmd(1970, 1, 1), max: 2958465 }), { nil: null }),
  windowDays: fc.integer({ min: 1, max: 3660 }),
  weights: fc.record({ r: num(0, 1e6), f: num(0, 1e6), m: num(0, 1e6) }),
  fixed5: fc.record({
    recencyMaxDays: ordered(fc.integer({ min: 1, max: 100000 }), 4, "up") as fc.Arbitrary<
      [number, number, number, number]
    >,
    frequencyMin: ordered(fc.integer({ min: 1, max: 100000 }), 4, "down") as fc.Arbitrary<
      [number, number, number, number]
    >,
    monetaryMin: ordered(num(0, 1e12, true), 4, "down") as fc.Arbitrary<
      [number, number, number, number]
    >,
    tierMinTotal: ordered(fc.integer({ min: 3, max: 15 }), 3, "down").map(([h, p, g]) => ({
      high_value: h,
      potential: p,
      general: g,
    })),
  }),
  pct100: ordered(num(0, 100), 2, "up").chain(([general, high]) =>
    fc.record({
      high: fc.constant(high),
      potentialR: num(general, high),
      potentialF: num(general, high),
      potentialM: num(general, high),
      general: fc.constant(general),
    })
  ),
  abc: fc.record({
    annualAmount: pair(1e12),
    ordersPerYear: pair(1e4),
    profit: pair(1e12),
    clv: pair(1e12),
    combine: fc.constantFrom<AbcCombine>("majority", "all", "any", "amount_only"),
  }),
  clv: fc.record({
    margin: num(0, 1),
    retentionYears: num(0, 100, true),
    discountRate: num(0, 1),
    horizonDays: fc.integer({ min: 1, max: 3660 }),
  }),
  maskPhones: fc.boolean(),
  columnMapping: fc
    .uniqueArray(fc.tuple(fc.constantFrom(...MAPPING_IDS), text), { selector: ([id]) => id })
    .map((entries) => Object.fromEntries(entries)),
  playbooks: fc.record(
    {
      maintain: text.filter((t) => !isDefaultPlaybook("maintain", t)),
      develop: text.filter((t) => !isDefaultPlaybook("develop", t)),
      keep: text.filter((t) => !isDefaultPlaybook("keep", t)),
      win_back: text.filter((t) => !isDefaultPlaybook("win_back", t)),
    },
    { requiredKeys: [] }
  ),
  cadenceDays: fc.record({
    A: fc.integer({ min: 1, max: 366 }),
    B: fc.integer({ min: 1, max: 366 }),
    C: fc.integer({ min: 1, max: 366 }),
  }),
  marketingSpend: fc.option(num(0, 1e12), { nil: null }),
  controlShare: num(0, 1),
  holdoutWeeks: fc.integer({ min: 1, max: 520 }),
  contactDays: fc.record({
    maintain: fc.integer({ min: 1, max: 366 }),
    develop: fc.integer({ min: 1, max: 366 }),
    keep: fc.integer({ min: 1, max: 366 }),
    win_back: fc.integer({ min: 1, max: 366 }),
  }),
});

/** Any cell Office.js could hand us. */
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "设置键",
    "Key",
    "值",
    "Value",
    "scheme",
    "asOf",
    "windowDays",
    "fixed5.recencyMaxDays.5",
    "fixed5.recencyMaxDays.4",
    "pct100.high",
    "pct100.general",
    "abc.clv.A",
    "abc.clv.B",
    "clv.margin",
    "maskPhones",
    "mapping.orders.amount",
    "playbook.keep",
    "30%",
    "1.2万",
    "2024-12-31",
    "是"
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 60, 2958466),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined)
);

// ---------------------------------------------------------------------------------------------

describe("playbooks", () => {
  it("has a default text and a strategy type per family in both languages", () => {
    expect(defaultPlaybook("maintain", "zh-CN")).toContain("专属客户经理");
    expect(defaultPlaybook("win_back", "zh-CN")).toContain("1周内");
    expect(defaultPlaybook("keep", "en-US")).toContain("24 hours");
    expect(strategyTypeName("develop", "zh-CN")).toBe("需求开发");
    for (const family of STRATEGY_FAMILIES) {
      for (const l of ["zh-CN", "en-US"] as Lang[]) {
        expect(defaultPlaybook(family, l).length).toBeGreaterThan(20);
        expect(strategyTypeOf(strategyTypeName(family, l))).toBe(family);
      }
    }
    expect(strategyTypeOf("whatever")).toBeNull();
  });

  it("uses the settings' text unless it is blank", () => {
    const s = defaultSettings();
    expect(playbookText(s, "keep", "en-US")).toBe(defaultPlaybook("keep", "en-US", s.scheme));
    s.playbooks.keep = "Call every month";
    s.playbooks.develop = "   ";
    expect(playbookText(s, "keep", "zh-CN")).toBe("Call every month");
    expect(playbookText(s, "develop", "zh-CN")).toBe(defaultPlaybook("develop", "zh-CN", s.scheme));
  });
});

describe("planSettingsSheet", () => {
  it("writes one line per setting with key, label, value and description", () => {
    const plan = planSettingsSheet(defaultSettings(), "zh-CN", NO_INFO);
    expect(plan.key).toBe("settings");
    expect(plan.name).toBe(strings("zh-CN").sheets.names.settings);
    expect(plan.preamble.flat().join("")).toContain("下次");
    const table = plan.tables[0];
    expect(table.columns.map((c) => c.key)).toEqual([
      "key",
      "item",
      "value",
      "description",
      "suggested",
    ]);
    expect(table.columns[2].kind).toBe("general");
    for (const c of table.columns) expect(c.width).toBeGreaterThanOrEqual(20);
    const keys = table.rows.map((r) => r[0]);
    for (const key of SETTING_KEYS) expect(keys).toContain(key);
    for (const key of [
      "scheme",
      "asOf",
      "windowDays",
      "weights.r",
      "fixed5.recencyMaxDays.5",
      "fixed5.recencyMaxDays.2",
      "fixed5.monetaryMin.2",
      "fixed5.tierMinTotal.general",
      "pct100.potentialM",
      "abc.annualAmount.A",
      "abc.clv.B",
      "abc.combine",
      "clv.margin",
      "clv.horizonDays",
      "maskPhones",
      "playbook.maintain",
      "playbook.win_back",
    ])
      expect(keys).toContain(key);
    const line = (key: string) => table.rows.find((r) => r[0] === key) as unknown[];
    expect(line("fixed5.recencyMaxDays.5").slice(1, 3)).toEqual(["R 5 分上限（天）", 30]);
    expect(line("asOf")[2]).toBeNull();
    expect(line("maskPhones")[2]).toBe("是");
    expect(line("playbook.maintain")[2]).toBe(defaultPlaybook("maintain", "zh-CN", "fixed5"));
    for (const row of table.rows) {
      expect(typeof row[1]).toBe("string");
      expect(String(row[3]).length).toBeGreaterThan(5);
    }
    // Drop-downs sit on the value cells of their lines.
    const lists = Object.fromEntries(
      table.validations.map((v) => [table.rows[v.rows.firstRow][0], v])
    );
    expect(lists.scheme.values).toEqual(["fixed5", "pct100", "quintile11", "abc"]);
    expect(lists["abc.combine"].values).toEqual(["majority", "all", "any", "amount_only"]);
    expect(lists.maskPhones.values).toEqual(["是", "否"]);
    for (const v of table.validations) {
      expect(v.column).toBe(2);
      expect(v.rows.lastRow).toBe(v.rows.firstRow);
    }
  });

  it("writes English labels, yes/no and the as-of date as typeable text", () => {
    const s = defaultSettings();
    s.asOf = serialFromYmd(2024, 12, 31);
    s.maskPhones = false;
    const plan = planSettingsSheet(s, "en-US", NO_INFO, "My settings");
    expect(plan.name).toBe("My settings");
    const table = plan.tables[0];
    expect(table.columns[0].header).toBe("Key");
    const line = (key: string) => table.rows.find((r) => r[0] === key) as unknown[];
    expect(line("asOf")[2]).toBe("2024-12-31");
    expect(line("maskPhones")[2]).toBe("no");
    expect(line("fixed5.recencyMaxDays.5")[1]).toBe("R score 5 up to (days)");
    expect(table.validations.find((v) => v.values.includes("yes"))?.values).toEqual(["yes", "no"]);
  });

  it("writes a mapping line per field of each recognised input, with the header used", () => {
    const s = defaultSettings();
    s.columnMapping["orders.profit"] = "毛利额";
    const plan = planSettingsSheet(s, "zh-CN", {
      detectedColumns: [
        { kind: "orders", field: "amount", header: "金额(元)" },
        { kind: "orders", field: "profit", header: "利润" },
      ],
    });
    const rows = plan.tables[0].rows;
    const line = (key: string) => rows.find((r) => r[0] === key);
    expect(line("mapping.orders.amount")?.[2]).toBe("金额(元)");
    expect(line("mapping.orders.profit")?.[2]).toBe("毛利额"); // the user's mapping wins
    expect(line("mapping.orders.orderDate")?.[2]).toBeNull(); // not recognised: blank, can be typed
    expect(line("mapping.customers.name")).toBeUndefined(); // no customer archive at all
    const back = readSettingsSheet(gridOf(plan), "zh-CN");
    expect(back.problems).toEqual([]);
    expect(back.settings.columnMapping).toEqual({
      "orders.amount": "金额(元)",
      "orders.profit": "毛利额",
    });
  });
});

describe("readSettingsSheet", () => {
  it("gives back any valid settings exactly (round trip, either language)", () => {
    fc.assert(
      fc.property(validSettings, lang, lang, (s, writeLang, readLang) => {
        const grid = gridOf(planSettingsSheet(s, writeLang, NO_INFO));
        const back = readSettingsSheet(grid, readLang);
        expect(back.problems).toEqual([]);
        expect(back.settings).toEqual(s);
      }),
      { numRuns: 300 }
    );
  });

  it("keeps the detected headers as the mapping (they pin the columns next run)", () => {
    fc.assert(
      fc.property(
        validSettings,
        fc.uniqueArray(fc.tuple(fc.constantFrom(...MAPPING_IDS), text), {
          selector: ([id]) => id,
          maxLength: 6,
        }),
        (s, detected) => {
          const detectedColumns = detected.map(([id, header]) => {
            const [kind, field] = id.split(".");
            return { kind, field, header };
          });
          const back = readSettingsSheet(
            gridOf(planSettingsSheet(s, "zh-CN", { detectedColumns })),
            "zh-CN"
          );
          expect(back.problems).toEqual([]);
          expect(back.settings.columnMapping).toEqual({
            ...Object.fromEntries(detected),
            ...s.columnMapping,
          });
        }
      ),
      { numRuns: 100 }
    );
  });

  it("reads the lines by key whatever their order", () => {
    fc.assert(
      fc.property(
        validSettings,
        fc.array(fc.integer(), { minLength: 150, maxLength: 150 }),
        (s, noise) => {
          const grid = sheet(s);
          const h = headerRowOf(grid);
          const data = grid.values.slice(h + 1);
          const keys = data.map((_, i) => noise[i]);
          const shuffled = data
            .map((row, i) => ({ row, k: keys[i] }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.row);
          const back = readSettingsSheet(
            { ...grid, values: [...grid.values.slice(0, h + 1), ...shuffled] },
            "zh-CN"
          );
          expect(back.problems).toEqual([]);
          expect(back.settings).toEqual(s);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("keeps the defaults for deleted lines, with blank lines in between", () => {
    const s = defaultSettings();
    s.windowDays = 180;
    s.weights = { r: 0.5, f: 0.25, m: 0.25 };
    s.scheme = "abc";
    s.maskPhones = false;
    s.playbooks.keep = "每月电话回访";
    const grid = sheet(s);
    const drop = new Set(["windowDays", "weights.r", "playbook.keep"]);
    const values = grid.values
      .filter((row) => !drop.has(String(row[0])))
      .flatMap((row, i) => (i % 5 === 4 ? [row, []] : [row]));
    const back = readSettingsSheet({ ...grid, values }, "zh-CN");
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual({
      ...s,
      windowDays: 365,
      weights: { r: 0.4, f: 0.25, m: 0.25 },
      playbooks: {},
    });
  });

  it("reads a sheet that holds only a few lines", () => {
    const back = readSettingsSheet(
      {
        name: "设置",
        values: [
          ["Key", "Value"],
          ["scheme", "pct100"],
          ["clv.margin", "25%"],
        ],
      },
      "en-US"
    );
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual({
      ...defaultSettings(),
      scheme: "pct100",
      clv: { ...defaultSettings().clv, margin: 0.25 },
    });
  });

  it("reads values typed as text, in the forms people type them", () => {
    const grid = withValues(sheet(), {
      scheme: "百分制百分位",
      asOf: "2024年3月5日",
      windowDays: "180天",
      "weights.r": "0.5",
      "fixed5.recencyMaxDays.5": "14",
      "fixed5.frequencyMin.5": "20次",
      "fixed5.monetaryMin.5": "1.2万",
      "fixed5.monetaryMin.4": "¥8,000",
      "fixed5.tierMinTotal.high_value": "13分",
      "pct100.high": "85",
      "abc.annualAmount.A": "50万元",
      "abc.combine": " ALL ",
      "clv.margin": "30%",
      "clv.discountRate": "８％",
      "clv.retentionYears": "2.5年",
      "clv.horizonDays": "７３０",
      maskPhones: "否",
      "followup.cadenceDays.A": "5天",
      "followup.cadenceDays.C": "６０",
      marketingSpend: "5万元",
    });
    const { settings, problems } = readSettingsSheet(grid, "zh-CN");
    expect(problems).toEqual([]);
    expect(settings.scheme).toBe("pct100");
    expect(settings.asOf).toBe(serialFromYmd(2024, 3, 5));
    expect(settings.windowDays).toBe(180);
    expect(settings.weights.r).toBe(0.5);
    expect(settings.fixed5.recencyMaxDays).toEqual([14, 60, 90, 180]);
    expect(settings.fixed5.frequencyMin[0]).toBe(20);
    expect(settings.fixed5.monetaryMin).toEqual([12000, 8000, 3000, 1000]);
    expect(settings.fixed5.tierMinTotal.high_value).toBe(13);
    expect(settings.pct100.high).toBe(85);
    expect(settings.abc.annualAmount).toEqual([500000, 200000]);
    expect(settings.abc.combine).toBe("all");
    expect(settings.clv.margin).toBeCloseTo(0.3, 12);
    expect(settings.clv.discountRate).toBeCloseTo(0.08, 12);
    expect(settings.clv.retentionYears).toBe(2.5);
    expect(settings.clv.horizonDays).toBe(730);
    expect(settings.maskPhones).toBe(false);
    expect(settings.cadenceDays).toEqual({ A: 5, B: 14, C: 60 });
    expect(settings.marketingSpend).toBe(50000);
  });

  it("leaves the marketing spend blank until someone types it: CAC is then not available", () => {
    const grid = sheet();
    expect(grid.values[rowOf(grid, "marketingSpend")][2]).toBeNull();
    expect(readSettingsSheet(grid, "zh-CN").settings.marketingSpend).toBeNull();
    const typed = readSettingsSheet(withValue(grid, "marketingSpend", 0), "zh-CN");
    expect(typed.problems).toEqual([]);
    expect(typed.settings.marketingSpend).toBe(0);
  });

  it("writes the follow-up cadences A, B, C as days, 7 / 14 / 30 by default", () => {
    const grid = sheet();
    for (const [c, days] of [
      ["A", 7],
      ["B", 14],
      ["C", 30],
    ] as const)
      expect(grid.values[rowOf(grid, `followup.cadenceDays.${c}`)].slice(1, 3)).toEqual([
        `${c} 类客户跟进间隔上限（天）`,
        days,
      ]);
  });

  it("reads what Excel turns typed values into (date serials, booleans, numbers)", () => {
    const cases: Array<[Cell, boolean]> = [
      [true, true],
      [false, false],
      ["TRUE", true],
      ["no", false],
      ["是", true],
      [1, true],
      [0, false],
    ];
    for (const [cell, expected] of cases) {
      const back = readSettingsSheet(withValue(sheet(), "maskPhones", cell), "zh-CN");
      expect(back.problems).toEqual([]);
      expect(back.settings.maskPhones).toBe(expected);
    }
    for (const cell of [45291, 45291.75, "2023/12/31", "2023-12-31", "20231231"]) {
      const back = readSettingsSheet(withValue(sheet(), "asOf", cell), "zh-CN");
      expect(back.problems).toEqual([]);
      expect(back.settings.asOf).toBe(45291);
    }
    for (const blank of [null, undefined, "", "  "]) {
      const s = defaultSettings();
      s.asOf = 45291;
      const back = readSettingsSheet(withValue(sheet(s), "asOf", blank), "zh-CN");
      expect(back.settings.asOf).toBeNull();
    }
    // A header read back as a number (Excel converts "2024" typed in a General cell).
    const mapped = readSettingsSheet(
      withValue(
        gridOf(
          planSettingsSheet(defaultSettings(), "zh-CN", {
            detectedColumns: [{ kind: "orders", field: "amount", header: "金额" }],
          })
        ),
        "mapping.orders.amount",
        2024
      ),
      "zh-CN"
    );
    expect(mapped.settings.columnMapping["orders.amount"]).toBe("2024");
  });

  it("accepts retyped keys (case, full-width letters, spaces)", () => {
    const grid = sheet();
    const values = grid.values.map((row) => [...row]);
    values[rowOf(grid, "windowDays")][0] = " WindowDays ";
    values[rowOf(grid, "windowDays")][2] = 90;
    values[rowOf(grid, "clv.margin")][0] = "ｃｌｖ.ｍａｒｇｉｎ";
    values[rowOf(grid, "clv.margin")][2] = 0.2;
    const back = readSettingsSheet({ ...grid, values }, "zh-CN");
    expect(back.problems).toEqual([]);
    expect(back.settings.windowDays).toBe(90);
    expect(back.settings.clv.margin).toBe(0.2);
  });

  describe("a bad value keeps the default and names its cell", () => {
    const cases: Array<[key: string, value: Cell, fragment: string]> = [
      ["scheme", "fixed6", "fixed5, pct100, quintile11, abc"],
      ["scheme", 5, "fixed5, pct100, quintile11, abc"],
      ["asOf", "2024-13-45", "2024-12-31"],
      ["asOf", 100, "1970-01-01"],
      ["asOf", true, "2024-12-31"],
      ["windowDays", 0, "1 到 3660"],
      ["windowDays", 3661, "1 到 3660"],
      ["windowDays", 30.5, "整数"],
      ["windowDays", "一年", "整数"],
      ["windowDays", "1年", "整数"], // a year is not read as one day
      ["windowDays", "", "单元格为空"],
      ["weights.r", -0.1, "不小于 0"],
      ["weights.f", NaN, "不小于 0"],
      ["fixed5.recencyMaxDays.5", "三十", "正整数"],
      ["fixed5.recencyMaxDays.5", 0, "正整数"],
      ["fixed5.frequencyMin.4", 2.5, "正整数"],
      ["fixed5.monetaryMin.5", 0, "大于 0"],
      ["fixed5.monetaryMin.3", "三千", "大于 0"],
      ["fixed5.tierMinTotal.general", 2, "3 到 15"],
      ["fixed5.tierMinTotal.high_value", 16, "3 到 15"],
      ["pct100.high", 101, "0 到 100"],
      ["pct100.general", -1, "0 到 100"],
      ["abc.profit.A", -5, "不小于 0"],
      ["abc.combine", "most", "majority, all, any, amount_only"],
      ["clv.margin", 1.5, "0 到 1"],
      ["clv.margin", "130%", "0 到 1"],
      ["clv.margin", 30, "0 到 1"],
      ["clv.retentionYears", 0, "大于 0"],
      ["clv.retentionYears", 101, "不超过 100"],
      ["clv.discountRate", -0.1, "0 到 1"],
      ["clv.horizonDays", 0, "1 到 3660"],
      ["maskPhones", "maybe", "“是”或“否”"],
      ["maskPhones", 2, "“是”或“否”"],
      ["followup.cadenceDays.A", 0, "1 到 366"],
      ["followup.cadenceDays.B", 400, "1 到 366"],
      ["followup.cadenceDays.C", "每月", "整数"],
      ["marketingSpend", -100, "不小于 0 的金额"],
      ["marketingSpend", "很多", "或留空"],
    ];
    it.each(cases)("%s = %p", (key, value, fragment) => {
      const s = defaultSettings();
      const grid = withValue(sheet(s), key, value);
      const { settings, problems } = readSettingsSheet(grid, "zh-CN");
      expect(settings).toEqual(s);
      expect(problems).toHaveLength(1);
      const address = valueAddress(grid, key);
      expect(problems[0].address).toBe(address);
      expect(problems[0].key).toBe(key);
      expect(problems[0].message.startsWith(address + "：")).toBe(true);
      expect(problems[0].message).toContain(fragment);
      expect(problems[0].message).toContain("已使用默认值");
    });

    it("words the message for a person, in either language", () => {
      const zh = withValue(sheet(), "fixed5.recencyMaxDays.5", "三十");
      const row = rowOf(zh, "fixed5.recencyMaxDays.5") + 1;
      expect(readSettingsSheet(zh, "zh-CN").problems[0].message).toBe(
        `设置!C${row}：“R 5 分上限（天）”应为正整数，收到“三十”（已使用默认值 30）`
      );
      const en = withValue(sheet(defaultSettings(), "en-US"), "fixed5.recencyMaxDays.5", "thirty");
      expect(readSettingsSheet(en, "en-US").problems[0].message).toBe(
        `Settings!C${row}: "R score 5 up to (days)" must be a positive whole number, got "thirty" (default 30 used)`
      );
    });

    it("keeps the other good values of the sheet", () => {
      const s = defaultSettings();
      s.windowDays = 200;
      s.scheme = "quintile11";
      const grid = withValue(sheet(s), "clv.margin", "很高");
      const back = readSettingsSheet(grid, "zh-CN");
      expect(back.problems.map((p) => p.key)).toEqual(["clv.margin"]);
      expect(back.settings).toEqual(s);
    });
  });

  describe("bins out of order fall back to the group's defaults", () => {
    const cases: Array<
      [name: string, changes: Record<string, Cell>, at: string, fragment: string]
    > = [
      [
        "R limits must increase",
        { "fixed5.recencyMaxDays.4": 20 },
        "fixed5.recencyMaxDays.4",
        "应大于",
      ],
      [
        "R limits must not repeat",
        { "fixed5.recencyMaxDays.2": 90 },
        "fixed5.recencyMaxDays.2",
        "应大于",
      ],
      ["F limits must decrease", { "fixed5.frequencyMin.3": 9 }, "fixed5.frequencyMin.3", "应小于"],
      [
        "M limits must decrease",
        { "fixed5.monetaryMin.5": 4000 },
        "fixed5.monetaryMin.4",
        "应小于",
      ],
      [
        "tier totals must decrease",
        { "fixed5.tierMinTotal.potential": 12 },
        "fixed5.tierMinTotal.potential",
        "应小于",
      ],
      ["ABC B below A", { "abc.annualAmount.B": 600000 }, "abc.annualAmount.B", "应小于"],
      ["ABC CLV B below A", { "abc.clv.A": 500000 }, "abc.clv.B", "应小于"],
      ["100-point general below high", { "pct100.general": 85 }, "pct100.high", "应大于"],
      ["100-point potential below high", { "pct100.potentialF": 90 }, "pct100.potentialF", "之间"],
      [
        "100-point potential above general",
        { "pct100.potentialM": 30 },
        "pct100.potentialM",
        "之间",
      ],
    ];
    it.each(cases)("%s", (_name, changes, at, fragment) => {
      const s = defaultSettings();
      const grid = withValues(sheet(s), changes);
      const { settings, problems } = readSettingsSheet(grid, "zh-CN");
      expect(settings).toEqual(s);
      expect(problems).toHaveLength(1);
      expect(problems[0].address).toBe(valueAddress(grid, at));
      expect(problems[0].key).toBe(at);
      expect(problems[0].message).toContain(fragment);
      expect(problems[0].message).toContain("恢复默认值");
    });

    it("resets the whole group, not only the value that broke the order", () => {
      const s = defaultSettings();
      const grid = withValues(sheet(s), {
        "fixed5.recencyMaxDays.5": 7,
        "fixed5.recencyMaxDays.4": 14,
        "fixed5.recencyMaxDays.3": 10,
        "fixed5.recencyMaxDays.2": 60,
        windowDays: 90,
      });
      const back = readSettingsSheet(grid, "en-US");
      expect(back.settings.fixed5.recencyMaxDays).toEqual([30, 60, 90, 180]);
      expect(back.settings.windowDays).toBe(90);
      expect(back.problems).toHaveLength(1);
      expect(back.problems[0].message).toContain("30 / 60 / 90 / 180");
    });

    it("accepts any strictly ordered custom bins", () => {
      const grid = withValues(sheet(), {
        "fixed5.recencyMaxDays.5": 7,
        "fixed5.recencyMaxDays.4": 14,
        "fixed5.recencyMaxDays.3": 28,
        "fixed5.recencyMaxDays.2": 56,
        "pct100.general": 20,
        "pct100.potentialR": 20,
        "pct100.potentialM": 80,
      });
      const back = readSettingsSheet(grid, "zh-CN");
      expect(back.problems).toEqual([]);
      expect(back.settings.fixed5.recencyMaxDays).toEqual([7, 14, 28, 56]);
      expect(back.settings.pct100).toEqual({
        high: 80,
        potentialR: 20,
        potentialF: 60,
        potentialM: 80,
        general: 20,
      });
    });

    it("checks the order against the defaults of deleted lines", () => {
      const grid = sheet();
      const values = grid.values
        .filter((row) => row[0] !== "fixed5.recencyMaxDays.5")
        .map((row) => (row[0] === "fixed5.recencyMaxDays.4" ? [row[0], row[1], 20, row[3]] : row));
      const back = readSettingsSheet({ ...grid, values }, "zh-CN");
      expect(back.settings.fixed5.recencyMaxDays).toEqual([30, 60, 90, 180]);
      expect(back.problems).toHaveLength(1);
      expect(back.problems[0].key).toBe("fixed5.recencyMaxDays.4");
    });
  });

  it("reports an unknown key at its cell and ignores the line", () => {
    const grid = sheet();
    const values = grid.values.map((row) => [...row]);
    values.splice(rowOf(grid, "windowDays") + 1, 0, ["fixed5.recencyMaxDays.1", "R 1 分", 999, ""]);
    values.push(["mapping.orders.colour", "", "颜色", ""]);
    const back = readSettingsSheet({ ...grid, values }, "zh-CN");
    expect(back.settings).toEqual(defaultSettings());
    expect(back.problems).toHaveLength(2);
    expect(back.problems[0].address).toBe(`设置!A${rowOf(grid, "windowDays") + 2}`);
    expect(back.problems[0].message).toContain("未知的设置键“fixed5.recencyMaxDays.1”");
    expect(back.problems[1].address).toBe(`设置!A${values.length}`);
  });

  it("uses the first of two lines with one key and reports the second", () => {
    const grid = sheet();
    const values = grid.values.map((row) => [...row]);
    values[rowOf(grid, "windowDays")][2] = 100;
    values.push(["windowDays", "", 200, ""]);
    const back = readSettingsSheet({ ...grid, values }, "en-US");
    expect(back.settings.windowDays).toBe(100);
    expect(back.problems).toHaveLength(1);
    expect(back.problems[0].address).toBe(`设置!A${values.length}`);
    expect(back.problems[0].message).toContain(valueAddress(grid, "windowDays"));
  });

  it("reads a settings sheet written in en-US with zh-CN", () => {
    const s = defaultSettings();
    s.scheme = "quintile11";
    s.asOf = serialFromYmd(2025, 6, 30);
    s.maskPhones = false;
    s.playbooks.develop = "Monthly new-product call";
    const grid = gridOf(planSettingsSheet(s, "en-US", NO_INFO));
    expect(grid.name).toBe("Settings");
    const back = readSettingsSheet(grid, "zh-CN");
    expect(back.problems).toEqual([]);
    // English default playbooks are no override: a Chinese run shows the Chinese defaults.
    expect(back.settings).toEqual(s);
    expect(playbookText(back.settings, "maintain", "zh-CN")).toBe(
      defaultPlaybook("maintain", "zh-CN")
    );
    // Messages follow the reader's language, addresses the sheet's name.
    const bad = readSettingsSheet(withValue(grid, "windowDays", "forever"), "zh-CN");
    expect(bad.problems[0].message).toBe(
      `Settings!C${rowOf(grid, "windowDays") + 1}：“统计窗口（天）”应为 1 到 3660 之间的整数，收到“forever”（已使用默认值 365）`
    );
  });

  it("treats a blank or default playbook as no override", () => {
    const s = defaultSettings();
    s.playbooks = { maintain: "A", keep: "B" };
    const grid = withValues(sheet(s), {
      "playbook.maintain": "",
      "playbook.keep": defaultPlaybook("keep", "en-US"),
      "playbook.win_back": "  挽回：先打电话  ",
    });
    const back = readSettingsSheet(grid, "zh-CN");
    expect(back.problems).toEqual([]);
    expect(back.settings.playbooks).toEqual({ win_back: "挽回：先打电话" });
  });

  it("addresses cells from the used range's origin", () => {
    const grid = { ...withValue(sheet(), "windowDays", -5), origin: { row: 3, col: 2 } };
    const back = readSettingsSheet(grid, "zh-CN");
    expect(back.problems[0].address).toBe(`设置!E${rowOf(grid, "windowDays") + 4}`);
  });

  it("finds the value column by its header, or where the add-in puts it", () => {
    const grid = sheet();
    const h = headerRowOf(grid);
    // Columns moved: value first, key last.
    const moved = grid.values.map((row, r) => (r < h ? row : [row[2], row[3], row[1], row[0]]));
    const s = defaultSettings();
    const back = readSettingsSheet({ ...grid, values: moved }, "zh-CN");
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(s);
    // Value header renamed: the third column is the value.
    const renamed = grid.values.map((row, r) => (r === h ? [row[0], row[1], "数值", row[3]] : row));
    const again = readSettingsSheet(
      withValue({ ...grid, values: renamed }, "windowDays", 30),
      "zh-CN"
    );
    expect(again.problems).toEqual([]);
    expect(again.settings.windowDays).toBe(30);
  });

  it("returns the defaults with one problem when there is no header line", () => {
    for (const values of [[], [["hello"]], [[null, undefined], []]] as Cell[][][]) {
      const back = readSettingsSheet({ name: "设置", values }, "zh-CN");
      expect(back.settings).toEqual(defaultSettings());
      expect(back.problems).toHaveLength(1);
      expect(back.problems[0].address).toBe("设置!A1");
      expect(back.problems[0].message).toContain("设置键");
    }
  });

  it("never throws on any grid, and what it reads is always valid settings", () => {
    const grid = fc.record({
      name: fc.oneof(fc.constant("设置"), fc.string()),
      values: fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 25 }),
      origin: fc.option(
        fc.record({
          row: fc.integer({ min: 0, max: 2_000_000 }),
          col: fc.integer({ min: 0, max: 20_000 }),
        }),
        { nil: undefined }
      ),
    });
    fc.assert(
      fc.property(grid, lang, (g, l) => {
        const back = readSettingsSheet(g, l);
        for (const p of back.problems) {
          expect(typeof p.address).toBe("string");
          expect(p.message.length).toBeGreaterThan(0);
          expect(p.message).not.toMatch(/cannot be read|无法读取/);
        }
        // Whatever was read writes and reads back unchanged, without problems.
        const again = readSettingsSheet(gridOf(planSettingsSheet(back.settings, l, NO_INFO)), l);
        expect(again.problems).toEqual([]);
        expect(again.settings).toEqual(back.settings);
      }),
      { numRuns: 500 }
    );
  });

  it("never throws on a real sheet with random edits", () => {
    fc.assert(
      fc.property(
        validSettings,
        fc.array(fc.tuple(fc.nat(80), fc.nat(5), anyCell), { maxLength: 12 }),
        lang,
        (s, edits, l) => {
          const grid = sheet(s, l);
          const values = grid.values.map((row) => [...row]);
          for (const [r, c, v] of edits) {
            if (r < values.length) values[r][c] = v;
          }
          const back = readSettingsSheet({ ...grid, values }, l);
          const again = readSettingsSheet(gridOf(planSettingsSheet(back.settings, l, NO_INFO)), l);
          expect(again.problems).toEqual([]);
          expect(again.settings).toEqual(back.settings);
        }
      ),
      { numRuns: 300 }
    );
  });
});

// Keep the family list honest: the sheet has a playbook line for each.
test.each(STRATEGY_FAMILIES as StrategyFamily[])("playbook line for %s", (family) => {
  const rows = planSettingsSheet(defaultSettings(), "en-US", NO_INFO).tables[0].rows;
  expect(rows.some((r) => r[0] === `playbook.${family}`)).toBe(true);
});

describe("one setting at a time (the task pane)", () => {
  test("a typed value is parsed by the sheet's rule; a refused one is worded with that rule", () => {
    const base = defaultSettings();
    const set = withSettingText(base, "fixed5.tierMinTotal.high_value", "13分", "zh-CN");
    expect(set.ok && set.settings.fixed5.tierMinTotal.high_value).toBe(13);
    expect(base.fixed5.tierMinTotal.high_value).toBe(12); // the base is not changed
    const refused = withSettingText(base, "fixed5.tierMinTotal.high_value", "16", "en-US");
    expect(refused).toEqual({ ok: false, message: "must be a whole number from 3 to 15" });
    const date = withSettingText(base, "asOf", "2024-12-31", "en-US");
    expect(date.ok && date.settings.asOf).toBe(serialFromYmd(2024, 12, 31));
    const today = withSettingText({ ...base, asOf: 45000 }, "asOf", "", "en-US");
    expect(today.ok && today.settings.asOf).toBeNull();
    expect(() => withSettingText(base, "no.such.key" as SettingKey, "1", "en-US")).toThrow(
      RangeError
    );
  });

  test("labels and shown values are those of the settings sheet's lines", () => {
    const plan = planSettingsSheet(defaultSettings(), "zh-CN", { detectedColumns: [] });
    const line = plan.tables[0].rows.find((r) => r[0] === "weights.r") as Cell[];
    expect(settingLabel("weights.r", "zh-CN")).toBe(line[1]);
    expect(settingText(defaultSettings(), "weights.r", "zh-CN")).toBe(String(line[2]));
    expect(settingText(defaultSettings(), "asOf", "en-US")).toBe("");
  });

  test("each scheme's thresholds are its numeric lines, in sheet order", () => {
    expect(thresholdKeys("pct100")).toEqual(SETTING_KEYS.filter((k) => k.startsWith("pct100.")));
    expect(thresholdKeys("abc")).not.toContain("abc.combine");
    expect(thresholdKeys("abc")).toContain("abc.annualAmount.A");
    expect(thresholdKeys("fixed5")).toHaveLength(15);
    expect(thresholdKeys("quintile11")).toEqual([]);
  });
});
