import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runScoreCommand } from "../../src/cli/run";
import { parseDate } from "../../src/core/parse";

const CDNOW = join(__dirname, "../../../shared/data/cdnow/CDNOW_sample.txt");
const sig3 = (v: number) => Number(v.toPrecision(3));

/** The CDNOW sample as a sales team would keep it: a customer sheet and an orders sheet. */
async function cdnowWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const customers = wb.addWorksheet("Customers");
  const orders = wb.addWorksheet("Orders");
  customers.addRow(["Customer ID", "Customer name"]);
  orders.addRow(["Order ID", "Customer ID", "Order date", "Amount"]);
  const seen = new Set<string>();
  readFileSync(CDNOW, "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 5) return;
      const [, id, date, , dollars] = cols;
      if (!seen.has(id)) {
        seen.add(id);
        customers.addRow([id, `CDNOW ${id}`]);
      }
      const day = new Date(
        Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))
      );
      orders.addRow([`T${i + 1}`, id, day, Number(dollars)]);
    });
  await wb.xlsx.writeFile(path);
}

describe("lifetime value on the CDNOW sample, through the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "rfm-cdnow-"));
  const input = join(dir, "cdnow.xlsx");
  const modelJson = join(dir, "model.json");

  it("reproduces the published BG/NBD and Gamma-Gamma fits from a workbook", async () => {
    await cdnowWorkbook(input);
    const { lifetime, report } = await runScoreCommand({
      input,
      out: join(dir, "scored.xlsx"),
      csv: null,
      asOf: parseDate("1997-09-30"),
      scheme: null,
      lang: "en-US",
      modelJson,
    });
    expect(report.customers).toHaveLength(2357);
    const model = JSON.parse(readFileSync(modelJson, "utf8"));
    expect(model.time_unit).toBe("week");
    expect(model.customers).toBe(2357);
    expect(model.repeat_buyers).toBe(946);
    expect([model.bgnbd.r, model.bgnbd.alpha, model.bgnbd.a, model.bgnbd.b].map(sig3)).toEqual([
      0.243, 4.41, 0.793, 2.43,
    ]);
    expect(model.bgnbd.loglik).toBeCloseTo(-9582.4, 1);
    expect([model.gammagamma.p, model.gammagamma.q, model.gammagamma.gamma].map(sig3)).toEqual([
      6.25, 3.74, 15.4,
    ]);
    expect(model.gammagamma.loglik).toBeCloseTo(-4055.92, 1);

    // Every purchasing customer gets finite figures; P(alive) is a probability.
    const lives = lifetime?.perCustomer ?? [];
    expect(lives.every((l) => l !== null)).toBe(true);
    for (const life of lives) {
      expect(life!.pAlive).toBeGreaterThanOrEqual(0);
      expect(life!.pAlive).toBeLessThanOrEqual(1);
      expect(Number.isFinite(life!.predictedClv)).toBe(true);
    }
  });

  it("writes the lifetime columns into the tier sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "scored.xlsx"));
    const sheet = wb.getWorksheet("Customer Tiers");
    // Title and as-of lines sit above the header.
    const header = (sheet?.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    for (const name of ["P(alive)", "Expected purchases", "Predicted CLV", "Churn warning"])
      expect(header).toContain(name);
    const pAlive = header.indexOf("P(alive)") + 1;
    const values = [];
    for (let r = 4; r <= sheet!.rowCount; r++) values.push(sheet!.getRow(r).getCell(pAlive).value);
    expect(values.filter((v) => typeof v === "number")).toHaveLength(2357);
  });
});
