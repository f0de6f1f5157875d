import { serialFromYmd } from "../../src/core/parse";
import type { QualityIssue } from "../../src/core/types";
import { groupQuality, movementOf, paneOverview } from "../../src/plan/overview";
import { planWorkbook } from "../../src/plan/workbook";
import { gridOf } from "../../src/plan/grid";
import { sampleGrids } from "../officejs/sampleOnFake";

describe("movement since the last run", () => {
  test("up and down within one scheme, new when not on the previous sheet, lapsed into win-back or no purchases", () => {
    const m = movementOf(
      ["high_value", "general", "churn_risk", "no_purchases", "potential", "champions", "general"],
      ["potential", "high_value", "general", "potential", null, "lost", "general"]
    );
    // high_value<-potential up; general<-high_value down; churn_risk<-general lapsed;
    // no_purchases<-potential lapsed; potential new; champions<-lost: back from win-back (up).
    expect(m).toEqual({ up: 2, down: 1, new: 1, lapsed: 2 });
  });

  test("a customer back to buying after no purchases moves up", () => {
    expect(movementOf(["general"], ["no_purchases"])).toEqual({
      up: 1,
      down: 0,
      new: 0,
      lapsed: 0,
    });
  });
});

describe("the pane's overview of a scored run", () => {
  const asOf = serialFromYmd(2024, 12, 31);

  test("tier shares add up to every customer and all revenue; first run has no movement", async () => {
    const grids = await sampleGrids();
    const inputs = grids.filter((g) => !/分层|设置|概览/.test(g.name));
    const run = planWorkbook(inputs, { lang: "zh-CN", today: asOf, overrides: { asOf } });
    const overview = run.overview!;
    const customers = overview.tiers.reduce((n, t) => n + t.customers, 0);
    expect(customers).toBe(run.report.customers.length);
    const shares = overview.tiers.reduce((n, t) => n + (t.revenueShare ?? 0), 0);
    expect(shares).toBeCloseTo(1, 6);
    const revenue = run.report.customers.reduce((n, c) => n + c.monetary, 0);
    const top = overview.tiers[0];
    const topRevenue = run.report.customers
      .filter((c) => (c.tier?.tier ?? "no_purchases") === top.key)
      .reduce((n, c) => n + c.monetary, 0);
    expect(top.revenueShare).toBeCloseTo(topRevenue / revenue, 9);
    expect(overview.movement).toBeNull();
    expect(overview.sheets.tiers).toBe("客户分层");
    expect(overview.duplicates.count).toBe(run.report.hygiene.duplicates.length);
    expect(overview.withoutOrders.count).toBe(run.report.hygiene.withoutOrders.length);
    expect(overview.overdue?.count).toBe(
      run.report.followups?.watch.filter((w) => w.kind === "overdue").length
    );
    expect(overview.weakestStep?.from).toBe(run.report.followups?.funnel.biggestDrop?.from);
  });

  test("a re-score reads the previous tiers: with another as-of date, customers move", async () => {
    const grids = await sampleGrids();
    const inputs = grids.filter((g) => !/分层|设置|概览/.test(g.name));
    const first = planWorkbook(inputs, { lang: "zh-CN", today: asOf, overrides: { asOf } });
    const later = asOf + 200;
    const again = planWorkbook([...inputs, ...first.plans.map(gridOf)], {
      lang: "zh-CN",
      today: later,
      overrides: { asOf: later },
    });
    const m = again.overview!.movement!;
    expect(m).not.toBeNull();
    expect(m.new).toBe(0);
    expect(m.lapsed).toBeGreaterThan(0);
    // Every move counted is a customer whose tier differs from the one on the first run's sheet.
    const before = first.report.customers.map((c) => c.tier?.tier ?? "no_purchases");
    const after = again.report.customers.map((c) => c.tier?.tier ?? "no_purchases");
    const changed = after.filter((t, i) => t !== before[i]).length;
    expect(m.up + m.down + m.lapsed).toBeLessThanOrEqual(changed);
    expect(m.up + m.down + m.lapsed).toBeGreaterThan(0);
  });

  test("without follow-up records: no funnel and no overdue count", async () => {
    const grids = (await sampleGrids()).filter((g) => g.name !== "客户跟进记录");
    const run = planWorkbook(grids, { lang: "zh-CN", today: asOf, overrides: { asOf } });
    expect(run.overview?.overdue).toBeNull();
    expect(run.overview?.weakestStep).toBeNull();
    expect(paneOverview(run.report, null, {}).sheets).toEqual({});
  });
});

describe("the data-quality list by kind", () => {
  const issue = (kind: QualityIssue["kind"], row: number): QualityIssue => ({
    kind,
    sheet: "S",
    row,
    col: 0,
    address: `S!A${row + 1}`,
    value: "",
    excluded: false,
  });

  test("largest group first, entries in their order, every entry kept", () => {
    const issues = [
      issue("bad_date", 1),
      issue("unknown_customer", 2),
      issue("unknown_customer", 3),
      issue("bad_amount", 4),
      issue("unknown_customer", 5),
    ];
    const groups = groupQuality(issues);
    expect(groups.map((g) => [g.kind, g.issues.length])).toEqual([
      ["unknown_customer", 3],
      ["bad_date", 1],
      ["bad_amount", 1],
    ]);
    expect(groups[0].issues.map((i) => i.row)).toEqual([2, 3, 5]);
    expect(groups.flatMap((g) => g.issues)).toHaveLength(issues.length);
  });
});
