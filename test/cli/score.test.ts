import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { strings } from "../../src/i18n";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CSV_COLUMNS } from "../../src/core/csv";
import { parseDate } from "../../src/core/parse";
import { parseCliArgs, runScoreCommand, UsageError } from "../../src/cli/run";
import { SEGMENT_KEYS } from "../../src/core/tiers";

const root = resolve(__dirname, "../..");
const SAMPLE = join(root, "assets", "sample-customers.xlsx");
const AS_OF = parseDate("2024-12-31") as number;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "rfm-cli-"));
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function parseCsv(text: string): string[][] {
  // The sample's IDs and keys contain no commas or quotes: a plain split is enough here.
  return text
    .trimEnd()
    .split("\n")
    .map((line) => line.split(","));
}

describe("npm run score on the sample workbook", () => {
  const dir = tempDir();
  const out = join(dir, "scored.xlsx");
  const csv = join(dir, "scored.csv");
  let lines: string[] = [];

  beforeAll(async () => {
    const result = await runScoreCommand(
      { input: SAMPLE, out, csv, asOf: AS_OF, scheme: null, lang: "en-US", modelJson: null },
      AS_OF
    );
    lines = result.lines;
  });

  it("keeps the CSV contract: columns, order, one line per archive customer", () => {
    const rows = parseCsv(readFileSync(csv, "utf8"));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 120);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(ids[0]).toBe("C001");
    expect(new Set(ids).size).toBe(120);
    const keys = new Set(rows.slice(1).map((r) => r[8]));
    for (const key of keys)
      expect(["high_value", "potential", "general", "churn_risk", "no_purchases"]).toContain(key);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(9);
      if (row[8] === "no_purchases") expect(row.slice(1, 8)).toEqual(["", "", "", "", "", "", ""]);
      else {
        const [r, f, m, total] = [Number(row[4]), Number(row[5]), Number(row[6]), Number(row[7])];
        expect(total).toBe(r + f + m);
        expect(Number.isInteger(Number(row[1]))).toBe(true);
      }
    }
  });

  it("lists the eight customers without orders as no purchases", () => {
    const rows = parseCsv(readFileSync(csv, "utf8")).slice(1);
    const none = rows.filter((r) => r[8] === "no_purchases").map((r) => r[0]);
    expect(none.sort()).toEqual(["C003", "C004", "C009", "C020", "C065", "C078", "C082", "C116"]);
  });

  it("matches the full-width archive ID to the orders written c042", () => {
    const rows = parseCsv(readFileSync(csv, "utf8")).slice(1);
    const c042 = rows.find((r) => r[0] === "Ｃ０４２");
    expect(c042).toBeDefined();
    expect(c042?.[8]).not.toBe("no_purchases");
  });

  it("reports each deliberate problem of the sample with its address", () => {
    const text = lines.join("\n");
    for (const address of [
      "销售订单!C757",
      "销售订单!C1434",
      "销售订单!C1473",
      "销售订单!F978",
      "销售订单!F1220",
      "销售订单!B879",
      "销售订单!B1278",
      "销售订单!B1102",
      "销售订单!C1528",
      "销售订单!C1529",
      "客户跟进记录!A282",
      "客户跟进记录!B283",
      "客户档案!S33",
    ]) {
      expect(text).toContain(address);
    }
    expect(text).toContain("Order lines: 1528 read, 1518 used");
  });

  it("writes the tier sheet and leaves formula-like names as text", async () => {
    const wb = await load(out);
    const tiers = wb.getWorksheet(strings("en-US").sheets.names.tiers);
    expect(tiers).toBeDefined();
    const names: ExcelJS.Cell[] = [];
    tiers?.eachRow((row) => {
      const cell = row.getCell(2);
      if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) names.push(cell);
    });
    expect(names.map((c) => c.value)).toEqual(
      expect.arrayContaining(['=HYPERLINK("http://x","点我")', "+86 贸易行"])
    );
    for (const cell of names) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  it("copies the input sheets unchanged", async () => {
    const before = await load(SAMPLE);
    const after = await load(out);
    for (const sheet of before.worksheets) {
      const copy = after.getWorksheet(sheet.name);
      expect(copy).toBeDefined();
      expect(copy?.getSheetValues()).toEqual(sheet.getSheetValues());
    }
    const formula = after.getWorksheet("说明")?.getCell("B9").value as ExcelJS.CellFormulaValue;
    expect(formula.formula).toContain("COUNTA");
  });
});

describe("command-line arguments", () => {
  it("accepts the documented options", () => {
    const options = parseCliArgs([
      "in.xlsx",
      "--out",
      "o.xlsx",
      "--as-of",
      "2024-12-31",
      "--scheme",
      "abc",
      "--lang",
      "en-US",
      "--report-json",
      "r.json",
    ]);
    expect(options).toEqual({
      input: "in.xlsx",
      out: "o.xlsx",
      asOf: AS_OF,
      scheme: "abc",
      csv: null,
      lang: "en-US",
      modelJson: null,
      reportJson: "r.json",
    });
  });

  it.each([
    [["in.xlsx"]],
    [["in.xlsx", "--out", "in.xlsx"]],
    [["in.xlsx", "--out", "o.xlsx", "--as-of", "2024-02-30"]],
    [["in.xlsx", "--out", "o.xlsx", "--scheme", "best"]],
    [["in.xlsx", "--out", "o.xlsx", "--lang", "fr"]],
  ])("refuses %j", (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });

  it("runs as a process, prints the summary in Chinese and exits 0", () => {
    const dir = tempDir();
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(root, "src/cli/score.ts"),
        SAMPLE,
        "--out",
        join(dir, "o.xlsx"),
        "--as-of",
        "2024-12-31",
      ],
      { cwd: root, encoding: "utf8" }
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("客户分层结果");
    expect(run.stdout).toContain("高价值客户");
  });

  it("exits 2 with the usage line on a bad call", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "src/cli/score.ts"), "x.xlsx"],
      {
        cwd: root,
        encoding: "utf8",
      }
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run score");
  });

  it("scores with each scheme from the command line", () => {
    const dir = tempDir();
    for (const [scheme, keys] of [
      ["pct100", ["high_value", "potential", "general", "churn_risk"]],
      ["quintile11", SEGMENT_KEYS],
      ["abc", ["A", "B", "C"]],
    ] as const) {
      const csv = join(dir, `${scheme}.csv`);
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          join(root, "src/cli/score.ts"),
          SAMPLE,
          "--out",
          join(dir, `${scheme}.xlsx`),
          "--as-of",
          "2024-12-31",
          "--scheme",
          scheme,
          "--csv",
          csv,
        ],
        { cwd: root }
      );
      const tierKeys = new Set(
        parseCsv(readFileSync(csv, "utf8"))
          .slice(1)
          .map((r) => r[8])
      );
      tierKeys.delete("no_purchases");
      for (const key of tierKeys) expect(keys as readonly string[]).toContain(key);
      expect(tierKeys.size).toBeGreaterThan(1);
    }
  });
});
