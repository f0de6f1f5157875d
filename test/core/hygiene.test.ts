import fc from "fast-check";
import type { Customer } from "../../src/core/customers";
import type { DetectedTable } from "../../src/core/headers";
import {
  customersWithoutOrders,
  findDuplicates,
  missingFields,
  normalizeName,
  normalizePhone,
  phoneKeys,
} from "../../src/core/hygiene";
import type { CustomerResult } from "../../src/core/pipeline";
import type { Cell } from "../../src/core/types";

function customer(id: string, fields: Record<string, Cell>, row = 1): Customer {
  return { key: id.toLowerCase(), id, row, fields };
}

describe("phone keys", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["+86-138-0013-8000", "13800138000"],
    ["(+86)13800138000", "13800138000"],
    ["0086 13800138000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["１３８ ００１３ ８０００", "13800138000"],
    ["021-62345678", "02162345678"],
    ["+86 21 6234 5678", "02162345678"],
    ["86 21 6234 5678", "862162345678"],
    ["+1 415 555 0100", "14155550100"],
    ["123456", null],
    ["", null],
    ["无", null],
    ["00000000", null],
  ] as Array<[string, string | null]>)("%p → %p", (text, expected) => {
    expect(normalizePhone(text)).toBe(expected);
  });

  it("reads number cells and several numbers in one cell", () => {
    expect(phoneKeys(13800138000)).toEqual(["13800138000"]);
    expect(phoneKeys("13800138000 / 021-62345678；+86 13800138000")).toEqual([
      "13800138000",
      "02162345678",
    ]);
    expect(phoneKeys(null)).toEqual([]);
    expect(phoneKeys(-5)).toEqual([]);
  });

  it("keys a cell of bare digits as normalizePhone does (short, repeated, 00 and 86 prefixes)", () => {
    for (const text of ["8613800138000", "0013800138000", "1111111", "123456", "0086213456789"])
      expect(phoneKeys(text)).toEqual([normalizePhone(text)].filter((k) => k !== null));
    const digits = fc.stringMatching(/^(00|86|861|0)?[0-9]{0,14}$/);
    fc.assert(
      fc.property(digits, (text) => {
        const key = normalizePhone(text);
        expect(phoneKeys(text)).toEqual(key === null ? [] : [key]);
      }),
      { numRuns: 2000 }
    );
  });
});

describe("name keys", () => {
  it.each([
    ["北京华信科技有限公司", "北京华信科技"],
    ["北京华信科技股份有限公司", "北京华信科技"],
    ["北京华信科技有限责任公司", "北京华信科技"],
    ["北京华信科技公司", "北京华信科技"],
    ["北京 华信 科技", "北京华信科技"],
    ["北京华信科技（北京）有限公司", "北京华信科技北京"],
    ["ＡＢＣ Trading Co., Ltd.", "abctrading"],
    ["abc trading co.,ltd", "abctrading"],
    ["ABC Trading Company Limited", "abctrading"],
    ["公司", null],
    ["有限公司", null],
    ["A公司", "a公司"],
    ["王", null],
    ["", null],
    [null, null],
  ] as Array<[Cell, string | null]>)("%p → %p", (cell, expected) => {
    expect(normalizeName(cell)).toBe(expected);
  });
});

describe("likely duplicate customers", () => {
  it("pairs customers with the same phone however it is written", () => {
    const pairs = findDuplicates([
      customer("C1", { phone: "138 0013 8000" }),
      customer("C2", { phone: "+86-138-0013-8000" }),
      customer("C3", { phone: "13900139000" }),
      customer("C4", { phone: 8613800138000 }),
    ]);
    expect(pairs).toEqual([
      ["C1", "C2", "phone"],
      ["C1", "C4", "phone"],
      ["C2", "C4", "phone"],
    ]);
  });

  it("pairs customers with the same name after width, spaces and legal-form suffixes", () => {
    const pairs = findDuplicates([
      customer("C1", { name: "华信科技有限公司" }),
      customer("C2", { name: "其他公司" }),
      customer("C3", { name: "华信 科技 股份有限公司" }),
      customer("C4", { name: "华信科技（上海）有限公司" }),
    ]);
    expect(pairs).toEqual([["C1", "C3", "name"]]);
  });

  it("ignores empty and too-short phones and names", () => {
    const pairs = findDuplicates([
      customer("C1", { phone: "", name: "" }),
      customer("C2", { phone: "", name: "" }),
      customer("C3", { phone: "8001", name: "有限公司" }),
      customer("C4", { phone: "8001", name: "有限公司" }),
    ]);
    expect(pairs).toEqual([]);
  });

  it("lists a pair matching both rules once, as phone, in archive order", () => {
    const pairs = findDuplicates([
      customer("C1", { name: "甲乙", phone: "13700000001" }),
      customer("C2", { name: "丙丁", phone: "13800138000" }),
      customer("C3", { name: "甲乙", phone: "13700000001" }),
      customer("C4", { name: "丙丁有限公司" }),
    ]);
    expect(pairs).toEqual([
      ["C1", "C3", "phone"],
      ["C2", "C4", "name"],
    ]);
  });

  it("reads the fields it is told to", () => {
    const pairs = findDuplicates(
      [customer("C1", { mobile: "13800138000" }), customer("C2", { mobile: "13800138000" })],
      { phoneField: "mobile" }
    );
    expect(pairs).toEqual([["C1", "C2", "phone"]]);
  });

  it("pairs only the first member with the others in a very large group", () => {
    const many = Array.from({ length: 12 }, (_, i) => customer(`C${i}`, { phone: "4008001234" }));
    const pairs = findDuplicates(many, { maxGroup: 10 });
    expect(pairs).toHaveLength(11);
    expect(pairs.every((p) => p[0] === "C0")).toBe(true);
    expect(findDuplicates(many, { maxGroup: 12 })).toHaveLength(66);
  });

  it("lists each pair once, earlier customer first, and never mutates the customers", () => {
    const phoneArb = fc.constantFrom("13800138000", "+86 138 0013 8000", "021-62345678", "", "123");
    const nameArb = fc.constantFrom("华信有限公司", "华信", "其他", "", null);
    fc.assert(
      fc.property(fc.array(fc.tuple(phoneArb, nameArb), { maxLength: 15 }), (specs) => {
        const list = specs.map(([phone, name], i) => customer(`C${i}`, { phone, name }));
        const before = structuredClone(list);
        const pairs = findDuplicates(list);
        expect(list).toEqual(before);
        const keys = pairs.map((p) => `${p[0]}|${p[1]}`);
        expect(new Set(keys).size).toBe(keys.length);
        const pos = (id: string) => Number(id.slice(1));
        for (const [a, b] of pairs) expect(pos(a)).toBeLessThan(pos(b));
        for (let k = 1; k < pairs.length; k++) {
          const [a0, b0] = pairs[k - 1];
          const [a1, b1] = pairs[k];
          expect(pos(a0) < pos(a1) || (pos(a0) === pos(a1) && pos(b0) < pos(b1))).toBe(true);
        }
      })
    );
  });
});

describe("missing required fields", () => {
  const table: DetectedTable = {
    sheet: "客户档案",
    kind: "customers",
    headerRow: 0,
    firstDataRow: 1,
    columns: { customerId: 0, name: 1, phone: 2 },
    headers: ["客户ID", "客户名称", "联系方式"],
    unmatchedHeaders: [],
    score: 3,
  };

  it("lists blank required cells per customer with the archive address", () => {
    const report = missingFields(
      [
        customer("C1", { name: "甲", phone: "13800138000" }, 1),
        customer("C2", { name: "  ", phone: null }, 2),
        customer("C3", { name: "丙" }, 3),
        customer("C4", {}, -1),
      ],
      ["name", "phone", "industry"],
      table
    );
    expect(report.absentColumns).toEqual(["industry"]);
    expect(report.rows).toEqual([
      {
        customer: 1,
        id: "C2",
        missing: [
          { field: "name", address: "客户档案!B3" },
          { field: "phone", address: "客户档案!C3" },
        ],
      },
      { customer: 2, id: "C3", missing: [{ field: "phone", address: "客户档案!C4" }] },
    ]);
  });

  it("shifts addresses by the grid's first column", () => {
    const report = missingFields([customer("C1", { name: "" }, 5)], ["name"], table, 2);
    expect(report.rows[0].missing[0].address).toBe("客户档案!D6");
  });
});

describe("customers without orders", () => {
  it("keeps customers with no tier and no order at all", () => {
    const result = (id: string, tiered: boolean, orders: number) =>
      ({
        customer: customer(id, {}),
        tier: tiered ? { tier: "general" } : null,
        ordersAllTime: orders,
      }) as unknown as CustomerResult;
    const list = customersWithoutOrders({
      customers: [result("C1", true, 3), result("C2", false, 0), result("C3", false, 2)],
    });
    expect(list.map((r) => r.customer.id)).toEqual(["C2"]);
  });
});
