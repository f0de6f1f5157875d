/**
 * Every kind of .xlsx the project writes opens in Excel without a repair prompt: the bundled sample,
 * the command line's output (with and without our charts, tables, list validations and conditional
 * formats, on inputs with and without an Excel table), and the workbench's download. Checked with the
 * ECMA-376 schema validator (../shared/tools/ooxml-validate) and the checks a schema cannot make.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runScoreCommand, type CliOptions } from "../../src/cli/run";
import { writeSheetPlans } from "../../src/officejs/writePlan";
import { parseDate } from "../../src/core/parse";
import type { Lang } from "../../src/i18n/lang";
import type { SheetPlan } from "../../src/plan/types";
import { planWorkbook } from "../../src/plan/workbook";
import { writeScoredWorkbook } from "../../src/xlsx/output";
import { loadWorkbook, readGrids, saveWorkbook, writePlan } from "../../src/xlsx/workbook";
import { sampleGrids } from "../officejs/sampleOnFake";
import { fakeFromGrids } from "../fake/fakeExcel";
import { fakeToXlsx } from "../fake/fakeToXlsx";
import { expectExcelOpens, validateXlsx } from "../helpers/ooxmlValidate";
import { packageProblems } from "../helpers/packageChecks";
import { richWorkbook } from "../helpers/richPackages";

const SAMPLE = resolve(__dirname, "../../assets/sample-customers.xlsx");
const AS_OF = parseDate("2024-12-31") as number;
const dir = mkdtempSync(join(tmpdir(), "rfm-valid-"));

const options = (input: string, out: string, lang: Lang): CliOptions => ({
  input,
  out,
  csv: null,
  asOf: AS_OF,
  scheme: null,
  lang,
  modelJson: null,
  reportJson: null,
});

async function edited(path: string, part: string, edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(readFileSync(path));
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("the checks themselves", () => {
  it("reject a table column with dxfId (the fault the sample used to have)", async () => {
    const broken = await edited(SAMPLE, "xl/tables/table1.xml", (xml) =>
      xml.replace(/<tableColumn /, '<tableColumn dxfId="0" ')
    );
    const result = validateXlsx(broken, "broken.xlsx");
    expect(result.ok).toBe(false);
    expect(result.report).toContain("dxfId");
  });

  it("find style indexes out of range and parts without content types", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<c r="A1"/, '<c r="A1" s="999"'));
    zip.file("xl/stray.bin", "x");
    const problems = await packageProblems(await zip.generateAsync({ type: "uint8array" }));
    expect(problems.join("\n")).toMatch(/style index 999 out of range/);
    expect(problems.join("\n")).toMatch(/part without a content type: xl\/stray\.bin/);
  });

  it("find a list validation too long for Excel", async () => {
    const plan: SheetPlan = {
      key: "tracking",
      name: "Tracking",
      preamble: [],
      charts: [],
      freezeRows: 1,
      freezeColumns: 0,
      tables: [
        {
          id: "t",
          startRow: 0,
          startColumn: 0,
          columns: [{ key: "s", header: "Status", kind: "text", width: 10 }],
          rows: [["a"]],
          conditionalFormats: [],
          validations: [
            { column: 0, rows: { firstRow: 0, lastRow: 0 }, values: ["x".repeat(300)] },
          ],
        },
      ],
    };
    const written = await writeScoredWorkbook(await richWorkbook(), [plan]);
    expect((await packageProblems(written)).join("\n")).toMatch(/longer than 255 characters/);
  });
});

describe("files Excel opens without repair", () => {
  it("the bundled sample (npm run sample)", async () => {
    await expectExcelOpens(SAMPLE);
  });

  it.each(["zh-CN", "en-US"] as const)(
    "the command line's output on the sample, scored and re-scored (%s)",
    async (lang) => {
      const first = join(dir, `sample-${lang}.xlsx`);
      const second = join(dir, `sample-${lang}-again.xlsx`);
      await runScoreCommand(options(SAMPLE, first, lang), AS_OF);
      await runScoreCommand(options(first, second, lang), AS_OF);
      await expectExcelOpens(first);
      await expectExcelOpens(second);
    },
    60_000
  );

  describe("the writer with and without our charts, validations and conditional formats", () => {
    let plans: SheetPlan[];
    let plain: Buffer;
    let sample: Buffer;

    beforeAll(async () => {
      plain = await richWorkbook();
      sample = readFileSync(SAMPLE);
      const grids = await sampleGrids();
      plans = planWorkbook(grids, {
        lang: "zh-CN",
        today: AS_OF,
        overrides: { asOf: AS_OF },
      }).plans;
    });

    const variants: Record<string, (p: SheetPlan) => SheetPlan> = {
      "no charts": (p) => ({ ...p, charts: [] }),
      "no rules": (p) => ({
        ...p,
        tables: p.tables.map((t) => ({ ...t, conditionalFormats: [], validations: [] })),
      }),
      "nothing but values": (p) => ({
        ...p,
        charts: [],
        tables: p.tables.map((t) => ({ ...t, conditionalFormats: [], validations: [] })),
      }),
      "empty tables": (p) => ({
        ...p,
        tables: p.tables.map((t) => ({ ...t, rows: [], rowKinds: undefined })),
      }),
    };

    it.each(Object.keys(variants))(
      "%s, into a workbook with and without an Excel table",
      async (name) => {
        const changed = plans.map(variants[name]);
        await expectExcelOpens(await writeScoredWorkbook(sample, changed), "with-table.xlsx");
        await expectExcelOpens(await writeScoredWorkbook(plain, changed), "without-table.xlsx");
      },
      60_000
    );

    it("into a workbook without a styles part (the package format allows it)", async () => {
      const zip = await JSZip.loadAsync(plain);
      zip.remove("xl/styles.xml");
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace(/<Relationship [^>]*\/styles"[^>]*\/>/, "")
      );
      const types = await zip.file("[Content_Types].xml")!.async("string");
      zip.file(
        "[Content_Types].xml",
        types.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, "")
      );
      // The input's cells named cell formats of the removed part: drop those references too.
      for (const name of Object.keys(zip.files).filter((n) =>
        /worksheets\/sheet\d+\.xml$/.test(n)
      )) {
        const xml = await zip.file(name)!.async("string");
        zip.file(name, xml.replace(/ s="\d+"/g, ""));
      }
      const input = await zip.generateAsync({ type: "nodebuffer" });
      const output = await writeScoredWorkbook(input, plans);
      await expectExcelOpens(output, "no-styles.xlsx");
      const out = await JSZip.loadAsync(output);
      expect(out.file("xl/styles.xml")).not.toBeNull();
    }, 60_000);

    it("over a workbook scored by the earlier ExcelJS writer (our old sheets replaced in place)", async () => {
      const old = (await loadWorkbook(sample)).workbook;
      for (const plan of plans) writePlan(old, plan);
      const path = join(dir, "exceljs-era.xlsx");
      await saveWorkbook(old, path, plans);
      const output = await writeScoredWorkbook(readFileSync(path), plans);
      await expectExcelOpens(output, "over-exceljs-era.xlsx");
      const names = (await loadWorkbook(output)).workbook.worksheets.map((ws) => ws.name);
      expect(names).toEqual(old.worksheets.map((ws) => ws.name));
    }, 60_000);

    it("only some of our sheets, into a workbook holding an older set of them", async () => {
      const all = await writeScoredWorkbook(plain, plans);
      await expectExcelOpens(await writeScoredWorkbook(all, plans.slice(0, 2)), "some.xlsx");
    }, 60_000);
  });

  it("the workbench's download (the fake Excel saved through ExcelJS), before and after scoring", async () => {
    const input = readGrids((await loadWorkbook(readFileSync(SAMPLE))).workbook);
    const fake = fakeFromGrids(input);
    await expectExcelOpens(await fakeToXlsx(fake.workbook), "download-input.xlsx");
    const run = planWorkbook(input, { lang: "en-US", today: AS_OF, overrides: { asOf: AS_OF } });
    await fake.run((context) => writeSheetPlans(context, run.plans));
    const scored = await fakeToXlsx(fake.workbook);
    await expectExcelOpens(scored, "download-scored.xlsx");
    // The download carries the pane's charts too.
    const parts = Object.keys((await JSZip.loadAsync(scored)).files);
    const planned = run.plans.reduce((n, p) => n + p.charts.length, 0);
    expect(planned).toBeGreaterThan(0);
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(planned);
  }, 60_000);
});
