import { serialFromYmd } from "../../src/core/parse";
import { createExcelHost, splitAddress } from "../../src/officejs/host";
import { planWorkbook } from "../../src/plan/workbook";
import type { Progress } from "../../src/app/host";
import { fakeFromGrids, type FakeExcel } from "../fake/fakeExcel";
import { sampleGrids } from "./sampleOnFake";

const TODAY = serialFromYmd(2025, 1, 15);

function hostOn(fake: FakeExcel) {
  return createExcelHost({ lang: "zh-CN", today: () => TODAY, run: (batch) => fake.run(batch) });
}

describe("the Office.js host on the fake Excel", () => {
  test("scores the sample like the pure run, writes our sheets, and a second run changes nothing", async () => {
    const grids = await sampleGrids();
    const expected = planWorkbook(grids, { lang: "zh-CN", today: TODAY });
    const fake = fakeFromGrids(grids);
    const before = JSON.stringify(fake.workbook.snapshot());
    const host = hostOn(fake);
    const stages: Progress["stage"][] = [];

    const first = await host.score({}, (p) => stages.push(p.stage));
    expect(first.tierCounts).toEqual(expected.report.tierCounts);
    expect(first.sheetsWritten).toEqual(expected.plans.map((p) => p.name));
    for (const name of first.sheetsWritten) expect(fake.workbook.sheet(name)).toBeDefined();
    expect(stages[0]).toBe("reading");
    expect(stages).toContain("scoring");
    expect(stages[stages.length - 1]).toBe("writing");
    // Input sheets are the same cells as before the run.
    const inputs = (snap: unknown) =>
      (snap as Array<{ name: string }>).filter((s) => grids.some((g) => g.name === s.name));
    expect(inputs(fake.workbook.snapshot())).toEqual(inputs(JSON.parse(before)));

    const afterFirst = JSON.stringify(fake.workbook.snapshot());
    await host.score({}, () => undefined);
    expect(JSON.stringify(fake.workbook.snapshot())).toBe(afterFirst);
  });

  test("inspect reads and scores but writes nothing; it names the recognised columns", async () => {
    const fake = fakeFromGrids(await sampleGrids());
    const before = JSON.stringify(fake.workbook.snapshot());
    const summary = await hostOn(fake).inspect({ scheme: "abc" }, () => undefined);
    expect(JSON.stringify(fake.workbook.snapshot())).toBe(before);
    expect(summary.scheme).toBe("abc");
    expect(summary.sheetsWritten).toEqual([]);
    const orders = summary.inputs.find((t) => t.kind === "orders");
    expect(orders?.columns.customerId).toBeTruthy();
    expect(orders?.fields).toContain("amount");
    expect(orders?.headers).toContain(orders?.columns.amount);
  });

  test("a check after scoring reads the settings back but skips our other sheets, with the same result", async () => {
    const fake = fakeFromGrids(await sampleGrids());
    const host = hostOn(fake);
    await host.score({ scheme: "pct100" }, () => undefined);
    const received = (from: number, to = fake.stats.responses.length) =>
      fake.stats.responses.slice(from, to).reduce((a, b) => a + b, 0);

    let start = fake.stats.responses.length;
    const check = await host.inspect({}, () => undefined);
    const checkBytes = received(start);

    start = fake.stats.responses.length;
    let readEnd = -1;
    const score = await host.score({}, (p) => {
      if (p.stage === "scoring" && readEnd < 0) readEnd = fake.stats.responses.length;
    });
    expect(check.settings.scheme).toBe("pct100");
    expect(check.tierCounts).toEqual(score.tierCounts);
    expect(check.quality).toEqual(score.quality);
    expect(checkBytes).toBeLessThan(received(start, readEnd));
  });

  test("select brings the sheet to the front and selects the cell of a quality entry", async () => {
    const fake = fakeFromGrids(await sampleGrids());
    const host = hostOn(fake);
    const summary = await host.inspect({}, () => undefined);
    const issue = summary.quality[0];
    await host.select(issue.address);
    expect(fake.workbook.activeSheet).toBe(issue.sheet);
    expect(fake.workbook.selection).toBe(issue.address);
  });

  test("one job at a time: a second click while scoring is refused as busy", async () => {
    const fake = fakeFromGrids(await sampleGrids());
    const host = hostOn(fake);
    const first = host.score({}, () => undefined);
    await expect(host.score({}, () => undefined)).rejects.toMatchObject({ key: "busy" });
    await first;
    await expect(host.inspect({}, () => undefined)).resolves.toBeTruthy();
  });

  test("an orders sheet whose amount header is not recognised is offered for mapping; the mapping is saved", async () => {
    const grids = (await sampleGrids()).map((g) =>
      g.name === "销售订单"
        ? {
            ...g,
            values: [
              g.values[0].map((h) => (h === "金额(元)" ? "成交价" : h)),
              ...g.values.slice(1),
            ],
          }
        : g
    );
    const fake = fakeFromGrids(grids);
    const host = hostOn(fake);
    const before = await host.inspect({}, () => undefined);
    const partial = before.inputs.find((t) => t.kind === "orders");
    expect(partial).toMatchObject({ sheet: "销售订单", missing: ["amount"] });
    expect(partial?.headers).toContain("成交价");
    expect(before.mode).toBe("archive");

    const columnMapping = { "orders.amount": "成交价" };
    const after = await host.score({ columnMapping }, () => undefined);
    expect(after.mode).toBe("orders");
    expect(after.inputs.find((t) => t.kind === "orders")).toMatchObject({ missing: [] });
    // The next run, with no choices from the pane, reads the mapping from the settings sheet.
    const next = await host.inspect({}, () => undefined);
    expect(next.settings.columnMapping["orders.amount"]).toBe("成交价");
    expect(next.mode).toBe("orders");
    expect(next.tierCounts).toEqual(after.tierCounts);
  });

  test("addresses split at the last '!' and quoted names are unquoted", () => {
    expect(splitAddress("销售订单!C57")).toEqual({ sheet: "销售订单", cell: "C57" });
    expect(splitAddress("'It''s 1!'!A1")).toEqual({ sheet: "It's 1!", cell: "A1" });
    expect(() => splitAddress("C57")).toThrow();
  });
});
