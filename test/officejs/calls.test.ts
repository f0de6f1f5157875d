import { serialFromYmd } from "../../src/core/parse";
import { createExcelHost } from "../../src/officejs/host";
import { CALLS_IN_PANE } from "../../src/app/host";
import { fakeFromGrids } from "../fake/fakeExcel";
import { sampleGrids } from "./sampleOnFake";

const AS_OF = serialFromYmd(2024, 12, 31);

describe("the call list after a run", () => {
  test("brings the customers most worth a call to the pane; a click selects the customer's row", async () => {
    const fake = fakeFromGrids(await sampleGrids());
    const host = createExcelHost({
      lang: "zh-CN",
      today: () => AS_OF,
      run: (batch) => fake.run(batch),
    });
    expect((await host.inspect({}, () => undefined)).calls).toBeUndefined();
    const summary = await host.score({ asOf: AS_OF }, () => undefined);
    const calls = summary.calls ?? [];
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(CALLS_IN_PANE);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i - 1].valueAtRisk).toBeGreaterThanOrEqual(calls[i].valueAtRisk);
    const first = calls[0];
    await host.select(first.address!);
    expect(fake.workbook.selection).toBe(first.address);
    // The selected row is that customer's line on the tiers sheet.
    const [sheet, cell] = first.address!.split("!");
    const row = Number(cell.slice(1)) - 1;
    expect(fake.workbook.sheet(sheet)!.cell(row, 0)?.value).toBe(first.id);
  });
});
