import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runScoreCommand } from "../../src/cli/run";
import { parseDate } from "../../src/core/parse";

const root = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "rfm-review-json-"));

describe("--report-json: review and model_check", () => {
  it("writes the model check on the sample (and an empty review until periods are planned)", async () => {
    const reportJson = join(dir, "sample.json");
    await runScoreCommand(
      {
        input: join(root, "assets", "sample-customers.xlsx"),
        out: join(dir, "sample.xlsx"),
        csv: null,
        asOf: parseDate("2024-12-31") as number,
        scheme: null,
        lang: "en-US",
        modelJson: null,
        reportJson,
      },
      parseDate("2024-12-31") as number
    );
    const text = readFileSync(reportJson, "utf8");
    expect(text).not.toMatch(/NaN|Infinity/);
    const json = JSON.parse(text);
    expect(json.review).toEqual([]);
    const check = json.model_check;
    expect(check.holdout_weeks).toBe(26);
    expect(check.customers).toBeGreaterThan(0);
    expect(
      check.by_repeat.reduce((s: number, g: { customers: number }) => s + g.customers, 0)
    ).toBe(check.customers);
    for (const g of check.by_repeat)
      expect(Object.keys(g)).toEqual(
        expect.arrayContaining(["repeat", "customers", "predicted", "actual"])
      );
    // The totals are the per-customer means of the groups, added up.
    const actual = check.by_repeat.reduce(
      (s: number, g: { customers: number; actual: number }) => s + g.customers * g.actual,
      0
    );
    expect(actual).toBeCloseTo(check.actual_total, 1);
  });
});
