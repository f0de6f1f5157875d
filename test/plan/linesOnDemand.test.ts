import { outlineOf } from "../../src/officejs/outline";
import { serialFromYmd } from "../../src/core/parse";
import type { SheetGrid } from "../../src/core/types";
import {
  lineCount,
  linesBetween,
  withLinesOnDemand,
  type PlanCell,
  type TablePlan,
} from "../../src/plan/types";
import { planWorkbook } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);

function table(rows: PlanCell[][]): TablePlan {
  return {
    id: "t",
    startRow: 2,
    startColumn: 0,
    columns: [{ key: "n", header: "N", kind: "integer", width: 8 }],
    rows,
    conditionalFormats: [],
    validations: [],
  };
}

/** A table of `count` lines [i, i * i] made on demand, with a log of the ranges asked for. */
function counting(count: number) {
  const asked: Array<[number, number]> = [];
  const lazy = withLinesOnDemand(table([]), count, (from, to) => {
    asked.push([from, to]);
    return Array.from({ length: to - from }, (_, k) => [from + k, (from + k) * (from + k)]);
  });
  return { lazy, asked };
}

describe("tables whose lines are made on demand", () => {
  it("count and outline their lines without making any", () => {
    const { lazy, asked } = counting(12_345);
    expect(lineCount(lazy)).toBe(12_345);
    const outline = outlineOf({
      key: "tiers",
      name: "T",
      preamble: [],
      tables: [lazy],
      charts: [],
      freezeRows: 0,
      freezeColumns: 0,
    });
    expect(outline.tables[0].lineCount).toBe(12_345);
    expect(outline.tables[0]).not.toHaveProperty("rows");
    expect(outline.tables[0].id).toBe("t");
    expect(asked).toEqual([]);
  });

  it("make only the block asked for, clipped to the table", () => {
    const { lazy, asked } = counting(10);
    expect(linesBetween(lazy, 3, 5)).toEqual([
      [3, 9],
      [4, 16],
    ]);
    expect(linesBetween(lazy, 8, 50)).toEqual([
      [8, 64],
      [9, 81],
    ]);
    expect(linesBetween(lazy, 10, 20)).toEqual([]);
    expect(asked).toEqual([
      [3, 5],
      [8, 10],
    ]);
  });

  it("read as `rows` make every line once and keep the table's fields in order", () => {
    const { lazy, asked } = counting(4);
    const eager = table(Array.from({ length: 4 }, (_, i) => [i, i * i]));
    expect(Object.keys(lazy)).toEqual(Object.keys(eager));
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(lazy.rows).toBe(lazy.rows);
    expect(linesBetween(lazy, 1, 3)).toEqual(eager.rows.slice(1, 3));
    expect(asked).toEqual([[0, 4]]);
  });

  it("leave other tables' lines as they are", () => {
    const eager = table([[1], [2], [3]]);
    expect(lineCount(eager)).toBe(3);
    expect(linesBetween(eager, 1, 9)).toEqual([[2], [3]]);
  });
});

describe("the tier sheet", () => {
  const customers = 37;
  const sheets: SheetGrid[] = [
    {
      name: "客户档案",
      values: [
        ["客户ID", "客户名称", "联系方式", "销售负责人"],
        ...Array.from({ length: customers }, (_, i) => [
          `C${i}`,
          `客户${i}`,
          `1381234${String(5600 + i)}`,
          i % 2 ? "王" : "李",
        ]),
      ],
    },
    {
      name: "销售订单",
      values: [
        ["订单号", "客户ID", "交易日期", "金额(元)"],
        ...Array.from({ length: 120 }, (_, i) => [
          `SO${i}`,
          `C${(i * 7) % (customers - 3)}`,
          AS_OF - ((i * 13) % 400),
          100 + ((i * 37) % 900),
        ]),
      ],
    },
  ];

  it("makes the same lines block by block as all at once, one per customer", () => {
    const options = { lang: "zh-CN" as const, today: AS_OF, overrides: { asOf: AS_OF } };
    const tiers = (run: ReturnType<typeof planWorkbook>) =>
      run.plans.find((p) => p.key === "tiers")!.tables[0];
    const byBlocks = tiers(planWorkbook(sheets, options));
    expect(lineCount(byBlocks)).toBe(customers);
    const blocks: PlanCell[][] = [];
    for (let from = 0; from < customers; from += 5)
      blocks.push(...linesBetween(byBlocks, from, from + 5));
    const whole = tiers(planWorkbook(sheets, options)).rows;
    expect(blocks).toEqual(whole);
    expect(whole.map((line) => line[0])).toEqual(sheets[0].values.slice(1).map((r) => r[0]));
    // Customers without orders have their line too, without scores.
    expect(whole.filter((line) => line[8] === null).length).toBeGreaterThan(0);
  });
});
