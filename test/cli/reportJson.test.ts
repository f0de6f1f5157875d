import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runScoreCommand, type CliOptions } from "../../src/cli/run";
import { parseDate } from "../../src/core/parse";

const root = resolve(__dirname, "../..");
const SAMPLE = join(root, "assets", "sample-customers.xlsx");
const AS_OF = parseDate("2024-12-31") as number;
const dir = mkdtempSync(join(tmpdir(), "rfm-report-json-"));

const options = (input: string, name: string): CliOptions => ({
  input,
  out: join(dir, `${name}.xlsx`),
  csv: join(dir, `${name}.csv`),
  asOf: AS_OF,
  scheme: null,
  lang: "zh-CN",
  modelJson: null,
  reportJson: join(dir, `${name}.json`),
});

type Json = {
  funnel: Array<{ stage: string; customers: number; conversion_to_next: number | null }>;
  overdue_followups: string[];
  duplicates: Array<[string, string, string]>;
  tiers: Record<string, number>;
  [key: string]: unknown;
};

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Json;

describe("--report-json on the sample workbook", () => {
  let json: Json;
  let lines: string[];

  beforeAll(async () => {
    const o = options(SAMPLE, "sample");
    lines = (await runScoreCommand(o, AS_OF)).lines;
    json = readJson(o.reportJson as string);
  });

  it("has the four contract keys with their exact shapes", () => {
    for (const key of ["funnel", "overdue_followups", "duplicates", "tiers"])
      expect(Object.keys(json)).toContain(key);
    for (const stage of json.funnel) {
      expect(typeof stage.stage).toBe("string");
      expect(Number.isInteger(stage.customers)).toBe(true);
      expect(
        stage.conversion_to_next === null || typeof stage.conversion_to_next === "number"
      ).toBe(true);
    }
    for (const id of json.overdue_followups) expect(typeof id).toBe("string");
    for (const pair of json.duplicates) {
      expect(pair).toHaveLength(3);
      expect(["phone", "name"]).toContain(pair[2]);
    }
    for (const count of Object.values(json.tiers)) expect(Number.isInteger(count)).toBe(true);
  });

  it("lists the stages in funnel order, each conversion being the next stage's share", () => {
    expect(json.funnel.map((s) => s.stage)).toEqual([
      "potential",
      "intent",
      "negotiation",
      "won",
      "lost",
    ]);
    const forward = json.funnel.slice(0, 4);
    for (let k = 0; k < 3; k++) {
      expect(forward[k + 1].customers).toBeLessThanOrEqual(forward[k].customers);
      expect(forward[k].conversion_to_next).toBeCloseTo(
        forward[k + 1].customers / forward[k].customers,
        4
      );
    }
    expect(json.funnel[3].conversion_to_next).toBeNull();
    expect(json.funnel[4].conversion_to_next).toBeNull();
    expect(json.funnel[0].customers).toBeGreaterThan(0);
  });

  it("names the customers with an overdue next step, each once", () => {
    expect(json.overdue_followups.length).toBeGreaterThan(0);
    expect(new Set(json.overdue_followups).size).toBe(json.overdue_followups.length);
    const watch = json.watchlist as Array<{ customer_id: string; kind: string; cell: string }>;
    const overdue = new Set(watch.filter((w) => w.kind === "overdue").map((w) => w.customer_id));
    expect(new Set(json.overdue_followups)).toEqual(overdue);
    // Overdue items point at the 下次跟进日期 column (H) of the user's follow-up sheet.
    for (const w of watch.filter((x) => x.kind === "overdue"))
      expect(w.cell).toMatch(/^客户跟进记录!H\d+$/);
  });

  it("finds the sample's two likely duplicate pairs, one by phone and one by name", () => {
    expect(json.duplicates).toEqual([
      ["C100", "C101", "phone"],
      ["C102", "C103", "name"],
    ]);
  });

  it("counts tiers exactly as the CSV does", () => {
    const rows = readFileSync(join(dir, "sample.csv"), "utf8").trimEnd().split("\n").slice(1);
    const counts: Record<string, number> = {};
    for (const row of rows) {
      const key = row.split(",")[8];
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(json.tiers).toEqual(counts);
  });

  it("gives NPS from the archive's 0–10 column and says 'not available' (null) for CAC without a spend", () => {
    expect(typeof json.nps).toBe("number");
    expect(json.nps_respondents).toBeGreaterThan(0);
    expect(json.cac).toBeNull();
    expect(json.marketing_spend).toBeNull();
    expect(json.new_customers).toBeGreaterThan(0);
  });

  it("names the sample's blank required cells", () => {
    const missing = json.missing_fields as Array<{ customer_id: string; fields: string[] }>;
    expect(missing).toEqual(
      expect.arrayContaining([
        { customer_id: "C057", fields: ["phone"], cells: ["客户档案!I60"] },
        { customer_id: "C064", fields: ["region"], cells: ["客户档案!E67"] },
        { customer_id: "C090", fields: ["contactName"], cells: ["客户档案!G93"] },
      ])
    );
    // The others are lead-intake cells the sample leaves blank now and then (客户来源, 紧急程度).
    const others = missing.filter((m) => !["C057", "C064", "C090"].includes(m.customer_id));
    expect(others.length).toBeGreaterThan(0);
    for (const m of others) for (const f of m.fields) expect(["source", "urgency"]).toContain(f);
  });

  it("shows funnel, watchlist and duplicates in the terminal", () => {
    const text = lines.join("\n");
    expect(text).toContain("销售漏斗");
    expect(text).toContain("跟进提醒");
    expect(text).toContain("疑似重复客户 2 对");
    expect(text).toContain("客户档案!I103");
    expect(text).toContain("报告 JSON");
  });
});

describe("--report-json without follow-up records", () => {
  it("gives an empty funnel and no overdue follow-ups, and still the tiers and duplicates", async () => {
    const wb = new ExcelJS.Workbook();
    const archive = wb.addWorksheet("客户档案");
    archive.addRow(["客户ID", "客户名称", "联系方式"]);
    archive.addRow(["C1", "甲商行", "13800138000"]);
    archive.addRow(["C2", "乙商行", "138-0013-8000"]);
    const orders = wb.addWorksheet("订单");
    orders.addRow(["订单号", "客户ID", "交易日期", "金额"]);
    orders.addRow(["SO1", "C1", "2024-12-01", 1200]);
    const input = join(dir, "plain.xlsx");
    await wb.xlsx.writeFile(input);
    const o = options(input, "plain");
    await runScoreCommand(o, AS_OF);
    const json = readJson(o.reportJson as string);
    expect(json.funnel).toEqual([]);
    expect(json.overdue_followups).toEqual([]);
    expect(json.duplicates).toEqual([["C1", "C2", "phone"]]);
    // R 5 (30 days), F 1, M 2 (¥1,200): total 8, potential.
    expect(json.tiers).toEqual({ potential: 1, no_purchases: 1 });
    expect(json.followup_sheet).toBeNull();
    expect(json.nps).toBeNull();
    expect(json.cac).toBeNull();
  });
});

describe("the command as a process", () => {
  it("writes the report JSON and exits 0", () => {
    const out = join(dir, "process.json");
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(root, "src/cli/score.ts"),
        SAMPLE,
        "--out",
        join(dir, "process.xlsx"),
        "--as-of",
        "2024-12-31",
        "--report-json",
        out,
      ],
      { cwd: root, encoding: "utf8" }
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readJson(out).duplicates).toHaveLength(2);
  });
});
