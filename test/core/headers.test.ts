import fc from "fast-check";
import { detectInputs, detectTable, fieldsOf, type InputKind } from "../../src/core/headers";
import { normalizeHeader } from "../../src/core/parse";
import type { Cell, SheetGrid } from "../../src/core/types";
import { CUSTOMER_FIELDS, FOLLOWUP_FIELDS, ORDER_FIELDS } from "../../src/core/vocabulary/headers";

function sheet(name: string, values: Cell[][], origin?: { row: number; col: number }): SheetGrid {
  return origin ? { name, values, origin } : { name, values };
}

const ARCHIVE_HEADERS = [
  "客户ID",
  "客户名称",
  "所属行业",
  "企业规模",
  "区域",
  "成立时间",
  "对接人姓名*",
  "对接人职位",
  "联系方式",
  "首次合作时间",
  "最近交易日期",
  "累计交易金额(元)",
  "交易次数",
  "主要产品/服务需求",
  "历史沟通记录摘要",
  "备注",
  "销售负责人",
  "自定义标签",
];

const archive = sheet("客户档案", [
  ["2024年客户档案", null, null],
  [],
  ARCHIVE_HEADERS,
  [
    "C001",
    "甲公司",
    "制造",
    "中型",
    "华东",
    "2010-01-01",
    "张三",
    "经理",
    "138",
    "2020-01-01",
    "2024-03-05",
    "1.2万",
    "12次",
    "设备",
    "",
    "",
    "李四",
    "VIP",
  ],
]);

const orders = sheet("销售订单", [
  ["订单明细", null, null, null],
  ["订单号", "客户ID", "交易日期", "金额（元）", "毛利", "产品", "状态"],
  ["O1", "C001", "2024-03-05", "¥1,200.50", 100, "A", "完成"],
]);

const followups = sheet("跟进记录", [
  [
    "客户ID",
    "客户名称",
    "跟进时间",
    "跟进方式",
    "跟进人",
    "跟进内容",
    "客户反馈",
    "下一步行动",
    "下次跟进日期",
    "完成状态",
    "成交阶段",
    "意向等级",
  ],
  [
    "C001",
    "甲公司",
    "2024-03-01",
    "电话",
    "李四",
    "介绍",
    "有兴趣",
    "报价",
    "2024-03-10",
    "未完成",
    "意向",
    "A",
  ],
]);

describe("synonyms", () => {
  it("have no normalized spelling that means two fields within one kind", () => {
    for (const lists of [CUSTOMER_FIELDS, ORDER_FIELDS, FOLLOWUP_FIELDS] as Array<
      Record<string, readonly string[]>
    >) {
      const seen = new Map<string, string>();
      for (const [field, spellings] of Object.entries(lists)) {
        for (const raw of spellings) {
          const key = normalizeHeader(raw);
          expect(key.length).toBeGreaterThan(0);
          const other = seen.get(key);
          if (other !== undefined && other !== field)
            throw new Error(`${raw} means both ${other} and ${field}`);
          seen.set(key, field);
        }
      }
    }
  });

  it("lists the fields of each kind", () => {
    expect(fieldsOf("orders")).toEqual(Object.keys(ORDER_FIELDS));
    expect(fieldsOf("customers")).toContain("lastPurchaseDate");
  });
});

describe("detectTable", () => {
  it("finds the archive header below a title row and a blank row", () => {
    const t = detectTable(archive, "customers");
    expect(t).not.toBeNull();
    expect(t!.headerRow).toBe(2);
    expect(t!.firstDataRow).toBe(3);
    expect(t!.kind).toBe("customers");
    expect(t!.sheet).toBe("客户档案");
    expect(t!.columns).toEqual({
      customerId: 0,
      name: 1,
      industry: 2,
      size: 3,
      region: 4,
      foundedDate: 5,
      contactName: 6,
      contactTitle: 7,
      phone: 8,
      firstDealDate: 9,
      lastPurchaseDate: 10,
      totalAmount: 11,
      purchaseCount: 12,
      needs: 13,
      history: 14,
      notes: 15,
      owner: 16,
      tags: 17,
    });
    expect(t!.score).toBe(18);
    expect(t!.unmatchedHeaders).toEqual([]);
    expect(t!.headers[11]).toBe("累计交易金额(元)");
  });

  it("never reads the archive's summary columns as order date and amount", () => {
    expect(detectTable(archive, "orders")).toBeNull();
  });

  it("finds orders with full-width brackets and units", () => {
    const t = detectTable(orders, "orders");
    expect(t).not.toBeNull();
    expect(t!.headerRow).toBe(1);
    expect(t!.columns).toEqual({
      orderId: 0,
      customerId: 1,
      orderDate: 2,
      amount: 3,
      profit: 4,
      product: 5,
      status: 6,
    });
  });

  it("reads English headers", () => {
    const t = detectTable(
      sheet("Orders", [
        ["Invoice No", "Customer ID", "Order Date", "Amount (USD)", "Qty", "Country"],
      ]),
      "orders"
    );
    expect(t!.columns).toEqual({ orderId: 0, customerId: 1, orderDate: 2, amount: 3, quantity: 4 });
    expect(t!.unmatchedHeaders).toEqual(["Country"]);
  });

  it("requires the kind's fields", () => {
    const noAmount = sheet("x", [["客户ID", "交易日期", "产品"]]);
    expect(detectTable(noAmount, "orders")).toBeNull();
    expect(detectTable(noAmount, "customers")!.columns).toEqual({ customerId: 0 });
    expect(detectTable(sheet("y", [["客户名称", "区域"]]), "customers")).toBeNull();
    expect(detectTable(sheet("z", [["客户ID", "成交阶段"]]), "followups")!.columns).toEqual({
      customerId: 0,
      stage: 1,
    });
    expect(detectTable(sheet("z", [["客户ID", "跟进方式"]]), "followups")).toBeNull();
  });

  it("matches longer headers that contain a synonym, but an exact header wins", () => {
    const t = detectTable(sheet("o", [["客户ID(必填)", "订单金额合计", "下单日期"]]), "orders");
    expect(t!.columns).toEqual({ customerId: 0, amount: 1, orderDate: 2 });

    const exactWins = detectTable(
      sheet("o", [["客户ID", "订单金额合计", "下单日期", "金额"]]),
      "orders"
    );
    expect(exactWins!.columns.amount).toBe(3);
    expect(exactWins!.unmatchedHeaders).toEqual(["订单金额合计"]);
  });

  it("uses each column for one field and each field for one column, leftmost first", () => {
    const t = detectTable(sheet("o", [["客户ID", "日期", "金额", "交易日期", "金额"]]), "orders");
    expect(t!.columns).toEqual({ customerId: 0, orderDate: 1, amount: 2 });
    expect(t!.unmatchedHeaders).toEqual(["交易日期", "金额"]);
  });

  it("does not take rates or averages for amounts", () => {
    expect(detectTable(sheet("o", [["客户ID", "日期", "平均订单金额"]]), "orders")).toBeNull();
    const t = detectTable(sheet("o", [["客户ID", "日期", "金额", "毛利率"]]), "orders");
    expect(t!.columns.profit).toBeUndefined();
  });

  it("prefers the row with the most recognised fields", () => {
    const t = detectTable(
      sheet("c", [
        ["客户ID清单"],
        ["说明：客户ID必填"],
        ["客户ID", "客户名称", "区域"],
        ["C1", "甲", "华东"],
      ]),
      "customers"
    );
    expect(t!.headerRow).toBe(2);
    expect(t!.score).toBe(3);
  });

  it("looks only at the first 30 rows", () => {
    const rows: Cell[][] = Array.from({ length: 30 }, () => ["note"]);
    rows.push(["客户ID", "客户名称"]);
    expect(detectTable(sheet("late", rows), "customers")).toBeNull();
    rows.splice(0, 1);
    expect(detectTable(sheet("late", rows), "customers")!.headerRow).toBe(29);
  });

  it("applies the user's mapping over synonyms", () => {
    const grid = sheet("o", [["客户ID", "交易日期", "金额", "实付款"]]);
    expect(detectTable(grid, "orders")!.columns.amount).toBe(2);
    const mapped = detectTable(grid, "orders", { "orders.amount": "实付款" });
    expect(mapped!.columns.amount).toBe(3);
    expect(mapped!.unmatchedHeaders).toEqual(["金额"]);
    // A mapping for another kind does not leak into this one.
    expect(detectTable(grid, "orders", { "customers.totalAmount": "实付款" })!.columns.amount).toBe(
      2
    );
  });

  it("lets a mapping make an unrecognised sheet usable", () => {
    const grid = sheet("o", [["买家", "时间", "实付款"]]);
    expect(detectTable(grid, "orders")).toBeNull();
    const t = detectTable(grid, "orders", {
      "orders.customerId": "买家",
      "orders.orderDate": "时间",
      "orders.amount": "实付款（元）",
    });
    expect(t!.columns).toEqual({ customerId: 0, orderDate: 1, amount: 2 });
  });

  it("returns indices into values when the grid has an origin", () => {
    const t = detectTable(
      sheet("o", [["x"], [null, "客户ID", "交易日期", "金额"]], { row: 4, col: 2 }),
      "orders"
    );
    expect(t!.headerRow).toBe(1);
    expect(t!.columns).toEqual({ customerId: 1, orderDate: 2, amount: 3 });
  });
});

describe("detectInputs", () => {
  it("assigns archive, orders and follow-ups to their sheets whatever their order", () => {
    for (const list of [
      [archive, orders, followups],
      [followups, orders, archive],
      [orders, archive, followups],
    ]) {
      const found = detectInputs(list);
      expect(found.customers?.sheet).toBe("客户档案");
      expect(found.orders?.sheet).toBe("销售订单");
      expect(found.followups?.sheet).toBe("跟进记录");
    }
  });

  it("gives the orders role to the sheet with dates and amounts even when it also names customers", () => {
    const wideOrders = sheet("明细", [
      ["客户ID", "客户名称", "区域", "销售负责人", "交易日期", "金额"],
    ]);
    const thinArchive = sheet("名单", [["客户编号", "公司名称"]]);
    const found = detectInputs([wideOrders, thinArchive]);
    expect(found.orders?.sheet).toBe("明细");
    expect(found.customers?.sheet).toBe("名单");
    expect(found.followups).toBeNull();
  });

  it("works with orders only or archive only", () => {
    expect(detectInputs([orders])).toEqual({
      customers: null,
      orders: detectTable(orders, "orders"),
      followups: null,
      partial: [],
    });
    const onlyArchive = detectInputs([archive]);
    expect(onlyArchive.customers?.sheet).toBe("客户档案");
    expect(onlyArchive.orders).toBeNull();
  });

  it("offers a sheet lacking a required column as a partial table, and the mapping completes it", () => {
    const shop = sheet("订单导出", [
      ["订单号", "客户ID", "交易日期", "成交价"],
      ["SO1", "C001", 45000, 1200],
    ]);
    const found = detectInputs([archive, shop]);
    expect(found.orders).toBeNull();
    expect(found.partial).toHaveLength(1);
    expect(found.partial[0]).toMatchObject({
      kind: "orders",
      sheet: "订单导出",
      headerRow: 0,
      missing: ["amount"],
      columns: { orderId: 0, customerId: 1, orderDate: 2 },
    });
    const mapped = detectInputs([archive, shop], { "orders.amount": "成交价" });
    expect(mapped.orders?.columns.amount).toBe(3);
    expect(mapped.partial).toEqual([]);
  });

  it("offers no partial table for a sheet with a single recognised header, or when the kind was found", () => {
    const note = sheet("说明", [["备注"], ["本表由销售部维护"]]);
    expect(detectInputs([archive, note]).partial).toEqual([]);
    expect(detectInputs([archive, orders, note]).partial).toEqual([]);
  });

  it("never takes an orders sheet lacking its amount for the archive", () => {
    const only = sheet("销售订单", [["订单号", "客户ID", "客户名称", "交易日期", "成交价"]]);
    const found = detectInputs([only]);
    expect(found.customers).toBeNull();
    expect(found.partial.map((t) => [t.kind, t.missing])).toEqual([["orders", ["amount"]]]);
  });

  it("offers no orders for a product list, and an ID-less archive only when nothing else was found", () => {
    const products = sheet("产品目录", [["产品", "数量", "单价"]]);
    expect(detectInputs([archive, products]).partial).toEqual([]);
    const staff = sheet("联系人", [["客户名称", "联系方式", "区域"]]);
    expect(detectInputs([archive, orders, staff]).partial).toEqual([]);
    expect(detectInputs([staff]).partial.map((t) => [t.kind, t.missing])).toEqual([
      ["customers", ["customerId"]],
    ]);
  });

  it("skips excluded sheets", () => {
    const ours = sheet("客户分层", [
      ["客户ID", "客户名称", "最近购买日期", "交易日期", "金额", "区域", "行业"],
    ]);
    const found = detectInputs([ours, archive, orders], undefined, new Set(["客户分层"]));
    expect(found.customers?.sheet).toBe("客户档案");
    expect(found.orders?.sheet).toBe("销售订单");
    expect(detectInputs([ours]).orders?.sheet).toBe("客户分层");
  });

  it("passes the mapping to every sheet", () => {
    const shop = sheet("店铺导出", [["买家ID", "付款时间", "实付款"]]);
    const found = detectInputs([archive, shop], {
      "orders.customerId": "买家ID",
      "orders.orderDate": "付款时间",
      "orders.amount": "实付款",
    });
    expect(found.orders?.sheet).toBe("店铺导出");
    expect(found.customers?.sheet).toBe("客户档案");
  });

  it("keeps an archive with a stage column as the archive", () => {
    const withStage = sheet("档案", [["客户ID", "客户名称", "区域", "成交阶段"]]);
    const found = detectInputs([withStage]);
    expect(found.customers?.sheet).toBe("档案");
    expect(found.followups).toBeNull();
  });

  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom(
      ...ARCHIVE_HEADERS,
      "订单号",
      "交易日期",
      "金额（元）",
      "跟进时间",
      "成交阶段",
      "Customer ID",
      "Order Date",
      "Amount",
      "",
      " "
    ),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined)
  );
  const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 40 });
  const sheets = fc.array(fc.record({ name: fc.string({ maxLength: 6 }), values: grid }), {
    maxLength: 4,
  });

  it("never throws on arbitrary grids and keeps every table well-formed", () => {
    fc.assert(
      fc.property(
        sheets,
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        (list, mapping) => {
          const found = detectInputs(list, mapping);
          for (const kind of ["customers", "orders", "followups"] as InputKind[]) {
            const t = found[kind];
            if (!t) continue;
            expect(t.kind).toBe(kind);
            expect(t.columns.customerId).toBeDefined();
            expect(t.headerRow).toBeLessThan(30);
            expect(t.firstDataRow).toBe(t.headerRow + 1);
            const cols = Object.values(t.columns);
            expect(new Set(cols).size).toBe(cols.length);
            expect(t.score).toBe(cols.length);
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  it("gives each sheet at most one role", () => {
    const named = sheets.map((list) => list.map((s, i) => ({ ...s, name: `s${i}` })));
    fc.assert(
      fc.property(named, (list) => {
        const found = detectInputs(list);
        const names = [found.customers?.sheet, found.orders?.sheet, found.followups?.sheet].filter(
          (n) => n !== undefined
        );
        expect(new Set(names).size).toBe(names.length);
      }),
      { numRuns: 500 }
    );
  });
});
