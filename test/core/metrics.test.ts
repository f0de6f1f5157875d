import { QualityLog, type Customer } from "../../src/core/customers";
import { detectTable } from "../../src/core/headers";
import {
  cac,
  cacFromReport,
  countNewCustomers,
  findNpsColumn,
  nps,
  npsFromSheet,
  parseNpsScore,
} from "../../src/core/metrics";
import { serialFromYmd } from "../../src/core/parse";
import type { CustomerResult } from "../../src/core/pipeline";
import type { Cell, Serial, SheetGrid } from "../../src/core/types";

describe("NPS", () => {
  it("is (promoters 9–10 − detractors 0–6) ÷ respondents × 100", () => {
    const r = nps([10, 9, 9, 8, 7, 6, 0, 3, 10, 5]);
    expect(r).toEqual({ nps: 0, respondents: 10, promoters: 4, passives: 2, detractors: 4 });
    expect(nps([10, 9, 8, 2]).nps).toBe(25);
    expect(nps([0, 6]).nps).toBe(-100);
    expect(nps([9, "10"]).nps).toBe(100);
  });

  it("is null, not 0, without respondents", () => {
    expect(nps([]).nps).toBeNull();
    expect(nps([null, "", "很好", 11, -1, 8.5]).nps).toBeNull();
    expect(nps([null, "", "很好", 11, -1, 8.5]).respondents).toBe(0);
  });

  it.each([
    [9, 9],
    ["9", 9],
    ["９", 9],
    ["9分", 9],
    [" 10 ", 10],
    [0, 0],
    [7.0, 7],
    ["7.0", 7],
    [8.5, null],
    [11, null],
    [-1, null],
    ["", null],
    ["九", null],
    [true, null],
  ] as Array<[Cell, number | null]>)("score %p → %p", (cell, expected) => {
    expect(parseNpsScore(cell)).toBe(expected);
  });

  it("finds the recommendation column by its header", () => {
    expect(findNpsColumn(["客户ID", "推荐意愿(0-10)"])).toBe(1);
    expect(findNpsColumn(["客户ID", "NPS 评分"])).toBe(1);
    expect(findNpsColumn(["Customer ID", "Likelihood to recommend"])).toBe(1);
    expect(findNpsColumn(["客户ID", "客户名称"])).toBe(-1);
  });

  const archive = (rows: Cell[][]): SheetGrid => ({
    name: "客户档案",
    values: [["客户ID", "客户名称", "推荐意愿"], ...rows],
  });

  it("reads the column of a detected table and reports unreadable scores with their address", () => {
    const sheet = archive([
      ["C1", "甲", 10],
      ["C2", "乙", "满意"],
      ["C3", "丙", ""],
      ["C4", "丁", 3],
    ]);
    const table = detectTable(sheet, "customers");
    if (!table) throw new Error("archive not detected");
    const log = new QualityLog(sheet);
    expect(npsFromSheet(sheet, table, log)).toEqual({
      nps: 0,
      respondents: 2,
      promoters: 1,
      passives: 0,
      detractors: 1,
    });
    expect(log.issues).toEqual([
      expect.objectContaining({ kind: "bad_number", address: "客户档案!C3", excluded: false }),
    ]);
  });

  it("is null when the table has no recommendation column, and null-NPS when nobody answered", () => {
    const plain: SheetGrid = {
      name: "客户档案",
      values: [
        ["客户ID", "客户名称"],
        ["C1", "甲"],
      ],
    };
    const plainTable = detectTable(plain, "customers");
    if (!plainTable) throw new Error("archive not detected");
    expect(npsFromSheet(plain, plainTable)).toBeNull();

    const empty = archive([["C1", "甲", ""]]);
    const emptyTable = detectTable(empty, "customers");
    if (!emptyTable) throw new Error("archive not detected");
    expect(npsFromSheet(empty, emptyTable)?.nps).toBeNull();
  });
});

describe("CAC", () => {
  it("is spend ÷ new customers", () => {
    expect(cac(10000, 4)).toBe(2500);
    expect(cac(0, 4)).toBe(0);
  });

  it("is null when the spend is not set or there is no new customer", () => {
    expect(cac(null, 4)).toBeNull();
    expect(cac(undefined, 4)).toBeNull();
    expect(cac(Number.NaN, 4)).toBeNull();
    expect(cac(-5, 4)).toBeNull();
    expect(cac(10000, 0)).toBeNull();
  });

  it("counts new customers by a first purchase inside the period, both ends included", () => {
    expect(countNewCustomers([9, 10, 15, 20, 21, null], 10, 20)).toBe(3);
  });

  const asOf = serialFromYmd(2024, 12, 31);
  const windowStart = asOf - 364;
  const result = (first: Serial | null, fields: Record<string, Cell> = {}): CustomerResult =>
    ({
      customer: { key: "k", id: "k", row: 1, fields } as Customer,
      firstPurchase: first,
    }) as unknown as CustomerResult;

  it("takes the first order in orders mode and the window as the default period", () => {
    const report = {
      mode: "orders" as const,
      asOf,
      windowStart,
      customers: [result(asOf - 10), result(windowStart), result(windowStart - 1), result(null)],
    };
    expect(cacFromReport(report, 6000)).toEqual({
      cac: 3000,
      spend: 6000,
      newCustomers: 2,
      start: windowStart,
      end: asOf,
    });
    expect(cacFromReport(report, null).cac).toBeNull();
    expect(cacFromReport(report, 6000, { start: asOf - 5, end: asOf }).cac).toBeNull();
  });

  it("takes the archive's first deal date in archive mode", () => {
    const report = {
      mode: "archive" as const,
      asOf,
      windowStart,
      customers: [
        result(null, { firstDealDate: "2024-05-01" }),
        result(null, { firstDealDate: "2019-05-01" }),
        result(null, { firstDealDate: "不详" }),
      ],
    };
    expect(cacFromReport(report, 900)).toEqual(
      expect.objectContaining({ cac: 900, newCustomers: 1 })
    );
  });
});
