import fc from "fast-check";
import { serialFromYmd } from "../../src/core/parse";
import { scoreSheets, type ScoreReport } from "../../src/core/pipeline";
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { Cell, SheetGrid } from "../../src/core/types";

const AS_OF = serialFromYmd(2024, 12, 31);

function settings(patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), asOf: AS_OF, ...patch };
}

function run(sheets: SheetGrid[], patch: Partial<Settings> = {}): ScoreReport {
  return scoreSheets(sheets, { settings: settings(patch), today: AS_OF });
}

const archive = (ids: Cell[]): SheetGrid => ({
  name: "客户档案",
  values: [["客户ID", "客户名称"], ...ids.map((id, i) => [id, `客户${i}`])],
});

const orders = (
  lines: Cell[][],
  header: Cell[] = ["订单号", "客户ID", "交易日期", "金额(元)", "状态"]
): SheetGrid => ({
  name: "销售订单",
  values: [header, ...lines],
});

function byId(report: ScoreReport, id: string) {
  const found = report.customers.find((c) => c.customer.id === id);
  if (!found) throw new Error(`no customer ${id}`);
  return found;
}

describe("R, F and M from the orders", () => {
  it("takes recency from the latest purchase and counts orders and amounts in the window", () => {
    const report = run([
      archive(["C001"]),
      orders([
        ["SO1", "C001", AS_OF - 10, 1000, "已完成"],
        ["SO2", "C001", AS_OF - 100, 500, "已完成"],
        ["SO3", "C001", AS_OF - 364, 200, "已完成"], // first day of the 365-day window: counts
        ["SO4", "C001", AS_OF - 365, 9000, "已完成"], // the day before the window: does not
      ]),
    ]);
    const c = byId(report, "C001");
    expect(report.mode).toBe("orders");
    expect(c.recencyDays).toBe(10);
    expect(c.frequency).toBe(3);
    expect(c.monetary).toBe(1700);
    expect(c.ordersAllTime).toBe(4);
  });

  it("merges the lines of one order number into one order", () => {
    const report = run([
      archive(["C001"]),
      orders([
        ["SO1", "C001", AS_OF - 5, 100, ""],
        ["SO1", "C001", AS_OF - 5, 250, ""],
        ["SO2", "C001", AS_OF - 3, 50, ""],
        ["SO1", "C001", AS_OF - 5, 10, ""], // not adjacent, still the same order
      ]),
    ]);
    const c = byId(report, "C001");
    expect(c.frequency).toBe(2);
    expect(c.monetary).toBe(410);
  });

  it("subtracts returns from M and never counts them in F or R", () => {
    const report = run([
      archive(["C001", "C002"]),
      orders([
        ["SO1", "C001", AS_OF - 40, 1000, "已完成"],
        ["SO2", "C001", AS_OF - 2, 300, "退货"], // positive amount, return status
        ["SO3", "C001", AS_OF - 1, -200, ""], // negative amount
        ["SO4", "C002", AS_OF - 1, 100, "退款"],
      ]),
    ]);
    const one = byId(report, "C001");
    expect(one.frequency).toBe(1);
    expect(one.recencyDays).toBe(40);
    expect(one.monetary).toBe(500);
    expect(one.returns).toBe(2);
    const two = byId(report, "C002");
    expect(two.tier).toBeNull(); // only a refund: no purchase at all
    expect(two.monetary).toBe(-100);
  });

  it("ignores and reports orders after the as-of date", () => {
    const report = run([archive(["C001"]), orders([["SO1", "C001", AS_OF + 1, 1000, ""]])]);
    expect(byId(report, "C001").tier).toBeNull();
    expect(report.quality).toEqual([
      expect.objectContaining({ kind: "after_as_of", address: "销售订单!C2", excluded: true }),
    ]);
  });

  it("matches IDs after trimming, full-width folding and case folding", () => {
    const report = run([
      archive(["Ｃ００１ ", "c002"]),
      orders([
        ["SO1", " c001", AS_OF, 10, ""],
        ["SO2", "C002", AS_OF, 10, ""],
      ]),
    ]);
    expect(report.customers.map((c) => c.frequency)).toEqual([1, 1]);
    expect(report.quality).toHaveLength(0);
  });

  it("reports every unusable line with its cell address and leaves it out", () => {
    const report = run([
      archive(["C001"]),
      orders([
        ["SO1", "C999", AS_OF, 10, ""],
        ["SO2", "", AS_OF, 10, ""],
        ["SO3", "C001", "2024-02-30", 10, ""],
        ["SO4", "C001", AS_OF, "待定", ""],
        ["SO5", "C001", "2024年3月5日", "1.2万", ""],
      ]),
    ]);
    expect(report.quality.map((q) => [q.kind, q.address])).toEqual([
      ["unknown_customer", "销售订单!B2"],
      ["missing_id", "销售订单!B3"],
      ["bad_date", "销售订单!C4"],
      ["bad_amount", "销售订单!D5"],
    ]);
    const c = byId(report, "C001");
    expect(c.frequency).toBe(1);
    expect(c.monetary).toBe(12000);
    expect(report.orderLines).toEqual({ read: 5, used: 1 });
  });

  it("merges an order number's lines however far apart, whether the numbers rise or not", () => {
    const report = run([
      archive(["C001", "C002"]),
      orders([
        ["SO1", "C001", AS_OF, 1, ""],
        ["SO2", "C002", AS_OF, 2, ""],
        ["so1", "C001", AS_OF, 4, ""], // below the highest number so far: looked up
        ["SO9", "C002", AS_OF, 8, ""],
        ["SO10", "C001", AS_OF, 16, ""], // sorts before SO9 as text
        ["SO2", "C002", AS_OF, 32, ""],
        ["SO10", "C001", AS_OF, 64, ""],
      ]),
    ]);
    expect(report.quality).toHaveLength(0);
    expect([byId(report, "C001").frequency, byId(report, "C001").monetary]).toEqual([2, 85]);
    expect([byId(report, "C002").frequency, byId(report, "C002").monetary]).toEqual([2, 42]);
  });

  it("leaves out and reports every line of an order number used by two customers", () => {
    const report = run([
      archive(["C001", "C002"]),
      orders([
        ["SO1", "C001", AS_OF, 10, ""],
        ["SO1", "C002", AS_OF, 20, ""],
        ["SO1", "C001", AS_OF, 30, ""],
        ["SO2", "C001", AS_OF, 40, ""],
      ]),
    ]);
    expect(report.quality.map((q) => [q.kind, q.address]).sort()).toEqual([
      ["order_id_conflict", "销售订单!A2"],
      ["order_id_conflict", "销售订单!A3"],
      ["order_id_conflict", "销售订单!A4"],
    ]);
    expect(byId(report, "C001").monetary).toBe(40);
    expect(byId(report, "C002").tier).toBeNull();
  });

  it("lists customers without purchases as no purchases and counts them", () => {
    const report = run([archive(["C001", "C002"]), orders([["SO1", "C001", AS_OF, 10, ""]])]);
    // Bought today for ¥10: R 5 + F 1 + M 1 = 7, a general customer.
    expect(report.tierCounts).toEqual({ general: 1, no_purchases: 1 });
  });

  it("scores from the archive's summary columns when there is no orders sheet, and says so", () => {
    const sheet: SheetGrid = {
      name: "客户信息",
      values: [
        ["客户信息基础档案表"],
        [],
        ["客户ID", "客户名称", "最近交易日期", "交易次数", "累计交易金额(元)"],
        ["C001", "A超市", "2024-12-21", 15, "20万元"],
        ["C002", "B五金", "", "", ""],
        ["C003", "C餐饮", "上周", 3, 100],
      ],
    };
    const report = run([sheet]);
    expect(report.mode).toBe("archive");
    expect(report.notes.map((n) => n.key)).toContain("archive_mode");
    const a = byId(report, "C001");
    expect([a.recencyDays, a.frequency, a.monetary]).toEqual([10, 15, 200000]);
    expect(a.tier?.tier).toBe("high_value");
    expect(byId(report, "C002").tier).toBeNull();
    expect(report.quality).toEqual([
      expect.objectContaining({ kind: "bad_date", address: "客户信息!C6" }),
    ]);
  });

  it("takes the customers from the orders when there is no archive", () => {
    const report = run([orders([["SO1", "C001", AS_OF, 10, ""]])]);
    expect(report.customers.map((c) => c.customer.id)).toEqual(["C001"]);
    expect(report.notes.map((n) => n.key)).toContain("customers_from_orders");
  });

  it("says so when it finds nothing to score", () => {
    const report = run([{ name: "Sheet1", values: [["hello"]] }]);
    expect(report.problem).toBe("no_customer_data");
  });

  it("uses the scheme chosen in settings", () => {
    const report = run([archive(["C001"]), orders([["SO1", "C001", AS_OF, 10, ""]])], {
      scheme: "abc",
    });
    expect(report.customers[0].tier?.tier).toBe("C");
  });
});

describe("properties", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "C001",
      "c001 ",
      "Ｃ００２",
      "C003",
      "",
      "退货",
      "2024-03-05",
      "¥1,200.50",
      "1.2万",
      "abc"
    ),
    fc.integer({ min: -1000, max: 50000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null)
  );
  const line = fc.tuple(
    fc.constantFrom("SO1", "SO2", "SO3", "", 7),
    fc.constantFrom("C001", "c001 ", "Ｃ００２", "C003", "C999", "", 1),
    fc.oneof(fc.integer({ min: AS_OF - 800, max: AS_OF + 30 }), cell),
    fc.oneof(fc.integer({ min: -500, max: 20000 }), cell),
    fc.constantFrom("已完成", "退货", "", "退款")
  );
  const arbitraryGrid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 });

  it("never throws on any grid", () => {
    fc.assert(
      fc.property(arbitraryGrid, arbitraryGrid, (a, b) => {
        const report = run([
          { name: "A", values: a },
          { name: "B", values: b },
        ]);
        expect(report).toBeDefined();
      })
    );
  });

  it("reports every order line it leaves out", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const report = run([archive(["C001", "C002", "C003"]), orders(lines)]);
        const excludedRows = new Set(report.quality.filter((q) => q.excluded).map((q) => q.row));
        // A line with nothing in it is a blank line, not a line read; every other line read is
        // either used or has an excluded issue on its row, never both.
        const filled = lines.filter(
          (l) => !l.every((v) => v === null || (typeof v === "string" && v.trim() === ""))
        );
        expect(report.orderLines.read).toBe(filled.length);
        expect(report.orderLines.read - report.orderLines.used).toBe(excludedRows.size);
      })
    );
  });

  it("gives the same result whatever the order of the lines", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer(), (lines, seed) => {
        const shuffled = [...lines].sort((a, b) => hash(a, seed) - hash(b, seed));
        const first = run([archive(["C001", "C002", "C003"]), orders(lines)]);
        const second = run([archive(["C001", "C002", "C003"]), orders(shuffled)]);
        const view = (r: ScoreReport) =>
          r.customers.map((c) => [c.recencyDays, c.frequency, c.monetary, c.tier?.tier ?? null]);
        expect(view(second)).toEqual(view(first));
        expect(second.quality.length).toBe(first.quality.length);
      })
    );
  });
});

function hash(row: Cell[], seed: number): number {
  let h = seed | 0;
  for (const ch of JSON.stringify(row)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
