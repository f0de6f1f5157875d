import { detectInputs } from "../../src/core/headers";
import { strings } from "../../src/i18n";
import type { Lang } from "../../src/i18n/lang";
import { gridOf } from "../../src/plan/grid";
import { TEMPLATE_FIELDS } from "../../src/plan/templateFields";
import { copiedSheetPlans, freeName, templatePlans } from "../../src/plan/templates";
import { sampleGrids } from "../officejs/sampleOnFake";

describe("free sheet names", () => {
  test("a taken name gets the first free suffix, whatever its case", () => {
    expect(freeName("客户档案", ["说明"])).toBe("客户档案");
    expect(freeName("Orders", ["orders", "Orders (2)"])).toBe("Orders (3)");
  });

  test("a suffixed name stays within Excel's 31 characters", () => {
    const long = "x".repeat(31);
    const name = freeName(long, [long]);
    expect(name).toHaveLength(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe.each<Lang>(["zh-CN", "en-US"])("the template sheets (%s)", (lang) => {
  const plans = templatePlans(lang, []);
  const words = strings(lang).templates;

  test("three sheets, each one Excel table with the usual headers in field order", () => {
    expect(plans.map((p) => p.name)).toEqual([
      words.sheet.customers,
      words.sheet.orders,
      words.sheet.followups,
    ]);
    for (const plan of plans) {
      expect(plan.tables).toHaveLength(1);
      expect(plan.tables[0].excelTable).toBe(true);
      expect(plan.tables[0].rows).toHaveLength(1);
    }
    expect(plans[0].tables[0].columns.map((c) => c.header)).toEqual(
      TEMPLATE_FIELDS.customers.map((f) => words.customers[f])
    );
  });

  test("the header recognition finds every template column under its own field", () => {
    const found = detectInputs(plans.map((p) => gridOf(p)));
    const kinds = ["customers", "orders", "followups"] as const;
    kinds.forEach((kind, i) => {
      const table = found[kind];
      expect(table?.sheet).toBe(plans[i].name);
      const columns = Object.fromEntries(
        Object.entries(table?.columns ?? {}).map(([field, col]) => [col, field])
      );
      expect(TEMPLATE_FIELDS[kind].map((_, c) => columns[c])).toEqual([...TEMPLATE_FIELDS[kind]]);
    });
  });

  test("dates and amounts carry their formats; stage, intent class and completion status are drop-downs", () => {
    const [customers, orders, followups] = plans.map((p) => p.tables[0]);
    const kindOf = (table: typeof orders, field: string) =>
      table.columns.find((c) => c.key === field)?.kind;
    expect(kindOf(orders, "orderDate")).toBe("date");
    expect(kindOf(orders, "amount")).toBe("money");
    expect(kindOf(followups, "nextDate")).toBe("date");
    expect(kindOf(customers, "firstDealDate")).toBe("date");
    const list = (field: string) =>
      followups.validations.find((v) => followups.columns[v.column].key === field)?.values;
    expect(list("stage")).toEqual(Object.values(words.stage));
    expect(list("intent")).toEqual(Object.values(words.intent));
    expect(list("done")).toEqual(Object.values(words.done));
  });

  test("names already in the workbook are never reused", () => {
    const again = templatePlans(
      lang,
      plans.map((p) => p.name)
    );
    for (const plan of again) expect(plans.map((p) => p.name)).not.toContain(plan.name);
  });
});

describe("the sample's sheets copied into a workbook", () => {
  test("every sheet, values where they were, the orders an Excel table with date and money formats", async () => {
    const grids = await sampleGrids();
    const plans = copiedSheetPlans(grids, ["客户档案"]);
    expect(plans.map((p) => p.name)).toEqual(
      grids.map((g) => (g.name === "客户档案" ? "客户档案 (2)" : g.name))
    );
    const orders = plans.find((p) => p.key === "input_orders")!;
    const table = orders.tables[0];
    expect(table.excelTable).toBe(true);
    expect(table.columns.map((c) => c.kind)).toContain("date");
    expect(table.columns.map((c) => c.kind)).toContain("money");
    // Read back as grids, the copies are recognised as the originals were.
    const copies = plans.map((p) => gridOf(p));
    const before = detectInputs(grids);
    const after = detectInputs(copies);
    expect(after.orders?.columns).toEqual(before.orders?.columns);
    expect(after.customers?.columns).toEqual(before.customers?.columns);
    const original = grids.find((g) => g.name === "销售订单")!;
    const copy = copies.find((g) => g.name === "销售订单")!;
    const at = (g: typeof copy, r: number, c: number) =>
      g.values[r - (g.origin?.row ?? 0)]?.[c - (g.origin?.col ?? 0)] ?? null;
    for (const [r, c] of [
      [1, 0],
      [5, 2],
      [40, 5],
    ])
      expect(at(copy, r, c)).toEqual(at(original, r, c));
  });
});
