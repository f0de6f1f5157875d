import { serialFromYmd } from "../../src/core/parse";
import { createExcelHost } from "../../src/officejs/host";
import { strings } from "../../src/i18n";
import { templatePlans } from "../../src/plan/templates";
import { TEMPLATE_FIELDS } from "../../src/plan/templateFields";
import { createFakeExcel, type FakeExcel } from "../fake/fakeExcel";

const TODAY = serialFromYmd(2025, 3, 1);

const hostOn = (fake: FakeExcel) =>
  createExcelHost({ lang: "zh-CN", today: () => TODAY, run: (batch) => fake.run(batch) });

/** Types lines under a sheet's header, as a user would (values only, into the next rows). */
function type(fake: FakeExcel, sheet: string, lines: Array<Array<string | number>>): void {
  const state = fake.workbook.sheet(sheet)!;
  lines.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value !== "") state.touch(r + 1, c).value = value;
    })
  );
}

describe("starting from nothing: the template sheets on the fake Excel", () => {
  test("an empty workbook: three Excel tables with formats and drop-downs; typed lines score", async () => {
    const fake = createFakeExcel([]);
    const host = hostOn(fake);
    const first = await host.inspect({}, () => undefined);
    expect(first.problem).toBe("no_customer_data");

    const added = await host.addSheets((taken) => templatePlans("zh-CN", taken));
    const words = strings("zh-CN").templates;
    expect(added).toEqual([words.sheet.customers, words.sheet.orders, words.sheet.followups]);
    const followups = fake.workbook.sheet(words.sheet.followups)!;
    expect(followups.tables).toHaveLength(1);
    expect(followups.tables[0].rect).toMatchObject({
      row: 0,
      column: 0,
      rows: 2,
      columns: TEMPLATE_FIELDS.followups.length,
    });
    const lists = followups.validations.map((v) => v.rule.list?.source);
    expect(lists).toContain(Object.values(words.stage).join(","));
    expect(lists).toContain(Object.values(words.intent).join(","));
    expect(lists).toContain(Object.values(words.done).join(","));
    const orders = fake.workbook.sheet(words.sheet.orders)!;
    expect(orders.cell(1, 2)?.numberFormat).toBe("yyyy-mm-dd");
    expect(fake.workbook.activeSheet).toBe(words.sheet.customers);

    // Type a few lines into the templates (dates as Excel stores them: serial numbers).
    type(fake, words.sheet.customers, [
      ["C001", "甲公司"],
      ["C002", "乙公司"],
      ["C003", "丙公司"],
    ]);
    type(fake, words.sheet.orders, [
      ["SO1", "C001", TODAY - 10, "", "", 5000],
      ["SO2", "C001", TODAY - 40, "", "", 3000],
      ["SO3", "C002", TODAY - 200, "", "", 800],
    ]);
    type(fake, words.sheet.followups, [
      ["C003", TODAY - 5, "电话", "张伟", "", "", "", TODAY - 1, "进行中", "意向客户", "A类"],
    ]);
    const scored = await host.score({}, () => undefined);
    expect(scored.problem).toBeNull();
    expect(scored.mode).toBe("orders");
    expect(scored.customers).toBe(3);
    expect(scored.tierCounts.no_purchases).toBe(1);
    expect(scored.overview?.overdue?.count).toBe(1);
  });

  test("a workbook with a sheet of the same name: that sheet is untouched, the template gets a suffix", async () => {
    const fake = createFakeExcel([{ name: "客户档案", values: [["我的笔记"]] }]);
    const before = JSON.stringify(fake.workbook.snapshot());
    const added = await hostOn(fake).addSheets((taken) => templatePlans("zh-CN", taken));
    expect(added[0]).toBe("客户档案 (2)");
    const mine = (fake.workbook.snapshot() as Array<{ name: string }>).filter(
      (s) => s.name === "客户档案"
    );
    expect(JSON.stringify(mine)).toBe(JSON.stringify(JSON.parse(before)));
  });

  test("a plan that names an existing sheet is refused before anything is written", async () => {
    const fake = createFakeExcel([{ name: "Customers", values: [["x"]] }]);
    const before = JSON.stringify(fake.workbook.snapshot());
    await expect(hostOn(fake).addSheets(() => templatePlans("en-US", []))).rejects.toThrow(
      /Customers/
    );
    expect(JSON.stringify(fake.workbook.snapshot())).toBe(before);
  });
});

describe("one truth on screen: the run stamp", () => {
  const workbook = () =>
    createFakeExcel([
      {
        name: "销售订单",
        values: [
          ["订单号", "客户ID", "交易日期", "金额"],
          ["SO1", "C1", TODAY - 3, 100],
          ["SO2", "C2", TODAY - 90, 900],
        ],
      },
    ]);

  test("a score leaves a stamp and its summary; a check leaves none", async () => {
    const fake = workbook();
    const host = hostOn(fake);
    await host.inspect({}, () => undefined);
    expect(await host.runStamp()).toBeNull();
    expect(await host.lastRun()).toBeNull();
    const summary = await host.score({}, () => undefined);
    expect(summary.runStamp).toBeTruthy();
    expect(await host.runStamp()).toBe(summary.runStamp);
    expect(await host.lastRun()).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  test("the ribbon's run (another host on the same workbook) shows as a new stamp to the pane", async () => {
    const fake = workbook();
    const pane = hostOn(fake);
    const ribbon = hostOn(fake);
    const own = await pane.score({}, () => undefined);
    const theirs = await ribbon.score({ scheme: "abc" }, () => undefined);
    const stamp = await pane.runStamp();
    expect(stamp).not.toBe(own.runStamp);
    expect(stamp).toBe(theirs.runStamp);
    const saved = await pane.lastRun();
    expect(saved?.scheme).toBe("abc");
    expect(saved?.tierCounts).toEqual(theirs.tierCounts);
  });
});
