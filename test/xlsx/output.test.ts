/**
 * The command line's output keeps every part of the input: only our sheets are added or replaced,
 * and what they need is merged into the shared parts without losing an element of them.
 */
import ExcelJS from "exceljs";
import { OWN_SHEET_NAMES } from "../../src/i18n/ownSheets";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCliArgs, runScoreCommand, UsageError, type CliOptions } from "../../src/cli/run";
import { parseDate } from "../../src/core/parse";
import { NUMBER_FORMATS } from "../../src/plan/formats";
import type { SheetPlan } from "../../src/plan/types";
import { planWorkbook } from "../../src/plan/workbook";
import { TOKEN } from "../../src/xlsx/charts";
import { writeScoredWorkbook } from "../../src/xlsx/output";
import { loadWorkbook, readGrids } from "../../src/xlsx/workbook";
import { expectExcelOpens } from "../helpers/ooxmlValidate";
import {
  ARCHIVE,
  MACRO_WORKBOOK_TYPE,
  NOTES,
  ORDERS,
  oddlyNamedWorkbook,
  richWorkbook,
} from "../helpers/richPackages";

const AS_OF = parseDate("2024-12-31") as number;
const LATER = parseDate("2025-03-31") as number;
const dir = mkdtempSync(join(tmpdir(), "rfm-output-"));

const options = (input: string, out: string, asOf = AS_OF): CliOptions => ({
  input,
  out,
  csv: null,
  asOf,
  scheme: null,
  lang: "zh-CN",
  modelJson: null,
  reportJson: null,
});

type Entries = Map<string, Buffer>;

async function entries(data: Uint8Array): Promise<Entries> {
  const zip = await JSZip.loadAsync(data);
  const out: Entries = new Map();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}

/** Start tags of every element (count attributes aside: a list we append to counts more). */
function startTags(xml: string): string[] {
  const tags: string[] = [];
  for (const m of xml.matchAll(new RegExp(TOKEN.source, "g")))
    if (m[2] !== undefined && !m[1])
      tags.push(m[0].replace(/\scount="\d+"/, "").replace(/\s*\/?>$/, ""));
  return tags;
}

/** Every start tag of `before` is in `after` (as many times). */
function missingElements(before: string, after: string): string[] {
  const left = new Map<string, number>();
  for (const t of startTags(after)) left.set(t, (left.get(t) ?? 0) + 1);
  const missing: string[] = [];
  for (const t of startTags(before)) {
    const n = left.get(t) ?? 0;
    if (n === 0) missing.push(t);
    else left.set(t, n - 1);
  }
  return missing;
}

/** The parts our sheets own in a package: their worksheet parts, drawings, charts and rels. */
async function ownParts(data: Uint8Array): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(data);
  const rootRels = await zip.file("_rels/.rels")!.async("string");
  const wbPart =
    /Target="\/?([^"]*)"[^>]*\/officeDocument"|officeDocument" Target="\/?([^"]*)"/.exec(rootRels);
  const workbookPart = wbPart?.[1] ?? wbPart?.[2] ?? "xl/workbook.xml";
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const relsPath = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  const workbook = await zip.file(workbookPart)!.async("string");
  const rels = await zip.file(relsPath)!.async("string");
  const own = OWN_SHEET_NAMES;
  const parts = new Set<string>();
  for (const m of workbook.matchAll(
    /<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g
  )) {
    if (!own.has(m[1])) continue;
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)?.[1];
    if (!target) continue;
    const sheet = folder + target;
    parts.add(sheet);
    const sheetRels = sheet.replace(/([^/]*)$/, "_rels/$1.rels");
    const text = await zip.file(sheetRels)?.async("string");
    if (text === undefined) continue;
    parts.add(sheetRels);
    for (const d of text.matchAll(/Target="\.\.\/drawings\/([^"]*)"/g)) {
      const drawing = `${folder}drawings/${d[1]}`;
      parts.add(drawing);
      const drawingRels = `${folder}drawings/_rels/${d[1]}.rels`;
      parts.add(drawingRels);
      const dr = (await zip.file(drawingRels)?.async("string")) ?? "";
      for (const c of dr.matchAll(/Target="\.\.\/charts\/([^"]*)"/g))
        parts.add(`${folder}charts/${c[1]}`);
    }
  }
  return parts;
}

const SHARED = (workbookPart: string, stylesPart: string) => {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  return new Set([
    "[Content_Types].xml",
    workbookPart,
    `${folder}_rels/${workbookPart.slice(folder.length)}.rels`,
    stylesPart,
  ]);
};

/** Every input part is in the output: byte for byte, or (shared parts) with all its elements. */
async function expectInputKept(
  input: Uint8Array,
  output: Uint8Array,
  shared: Set<string>
): Promise<void> {
  const before = await entries(input);
  const after = await entries(output);
  const changed: string[] = [];
  for (const [name, bytes] of before) {
    const now = after.get(name);
    expect({ name, present: now !== undefined }).toEqual({ name, present: true });
    if (shared.has(name)) {
      expect({
        name,
        missing: missingElements(bytes.toString("utf8"), now!.toString("utf8")),
      }).toEqual({
        name,
        missing: [],
      });
    } else if (!now!.equals(bytes)) changed.push(name);
  }
  expect(changed).toEqual([]);
}

describe("the command line keeps every part of the input", () => {
  let input: Buffer;
  let first: Buffer;
  let second: Buffer;

  beforeAll(async () => {
    input = await richWorkbook({ macros: true });
    const inPath = join(dir, "rich.xlsm");
    writeFileSync(inPath, input);
    await runScoreCommand(options(inPath, join(dir, "first.xlsm")), AS_OF);
    first = readFileSync(join(dir, "first.xlsm"));
    await runScoreCommand(options(join(dir, "first.xlsm"), join(dir, "second.xlsm"), LATER), LATER);
    second = readFileSync(join(dir, "second.xlsm"));
  }, 60_000);

  it("carries the chart, pivot table, image, defined names and macros through unchanged", async () => {
    await expectInputKept(input, first, SHARED("xl/workbook.xml", "xl/styles.xml"));
    const out = await entries(first);
    for (const part of [
      "xl/vbaProject.bin",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/media/image1.png",
      "xl/charts/chart1.xml",
    ])
      expect(out.has(part)).toBe(true);
    const workbook = out.get("xl/workbook.xml")!.toString("utf8");
    expect(workbook).toContain('<definedName name="客户编号">');
    expect(workbook).toContain('<pivotCache cacheId="7" r:id="rIdCache7"/>');
  });

  it("stays an .xlsm: the workbook part keeps its macro-enabled content type and its VBA project", async () => {
    const out = await entries(first);
    expect(out.get("[Content_Types].xml")!.toString("utf8")).toContain(
      `<Override PartName="/xl/workbook.xml" ContentType="${MACRO_WORKBOOK_TYPE}"/>`
    );
    expect(out.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toContain(
      'Target="vbaProject.bin"'
    );
  });

  it("asks for an output named like the input's kind (Excel opens an .xlsm only as .xlsm)", () => {
    expect(() => parseCliArgs(["book.xlsm", "--out", "scored.xlsx"])).toThrow(UsageError);
    expect(() => parseCliArgs(["book.xlsx", "--out", "scored.xlsm"])).toThrow(UsageError);
    expect(parseCliArgs(["book.XLSM", "--out", "scored.xlsm"]).out).toBe("scored.xlsm");
  });

  it("puts our sheets after the input's, in the input's order", async () => {
    const wb = (await loadWorkbook(first)).workbook;
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names.slice(0, 3)).toEqual([ARCHIVE, ORDERS, NOTES]);
    expect(names.slice(3).every((n) => OWN_SHEET_NAMES.has(n))).toBe(true);
    expect(names.length).toBeGreaterThan(3);
  });

  it("writes our cells with the workbook's merged styles", async () => {
    const wb = (await loadWorkbook(first)).workbook;
    const tiers = wb.getWorksheet("客户分层")!;
    const header = tiers.getRow(3);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect((header.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF1F4E78");
    const monetary = header.values as unknown[];
    const m = monetary.findIndex((v) => v === "M 净金额(元)");
    expect(tiers.getRow(4).getCell(m).numFmt).toBe(NUMBER_FORMATS.money);
    // The input's own cell formats keep their indexes: the note's yellow fill is still there.
    const notes = wb.getWorksheet(NOTES)!;
    expect((notes.getCell("D1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
  });

  it("re-scoring replaces our sheets and keeps everything else byte for byte", async () => {
    const own = await ownParts(first);
    const before = await entries(first);
    const after = await entries(second);
    const changed = [...before].filter(([n, b]) => !own.has(n) && !after.get(n)?.equals(b));
    expect(changed.map(([n]) => n)).toEqual([]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // Our sheets did change: the later as-of date moves every customer's recency.
    const tiersPart = [...own].find((p) => /worksheets\/sheet\d+\.xml$/.test(p))!;
    expect(after.get(tiersPart)!.equals(before.get(tiersPart)!)).toBe(false);
  });

  it("writes files Excel opens without repair, before and after a re-score", async () => {
    await expectExcelOpens(input, "input.xlsm");
    await expectExcelOpens(first, "first.xlsm");
    await expectExcelOpens(second, "second.xlsm");
  });
});

describe("the calculation chain of a re-scored workbook", () => {
  it("loses the entries of our rewritten sheets and keeps the others", async () => {
    const grids = readGrids((await loadWorkbook(await richWorkbook())).workbook);
    const plans = planWorkbook(grids, {
      lang: "zh-CN",
      today: AS_OF,
      overrides: { asOf: AS_OF },
    }).plans;
    const zip = await JSZip.loadAsync(await writeScoredWorkbook(await richWorkbook(), plans));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const ownId = new RegExp(`name="${plans[0].name}" sheetId="(\\d+)"`).exec(workbook)![1];
    // A formula a manager typed into our sheet, and formulas of the user's first sheet.
    const chain =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<c r="D2" i="1"/><c r="D3"/><c r="Z9" i="${ownId}"/><c r="Z10"/><c r="D4" i="1"/></calcChain>`;
    zip.file("xl/calcChain.xml", chain);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'
      )
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'
      )
    );
    const input = await zip.generateAsync({ type: "nodebuffer" });
    const out = await JSZip.loadAsync(await writeScoredWorkbook(input, plans));
    const after = await out.file("xl/calcChain.xml")!.async("string");
    expect(after).toContain('<c r="D2" i="1"/><c r="D3"/><c r="D4" i="1"/></calcChain>');
    expect(after).not.toContain("Z9");
    expect(after).not.toContain("Z10");
  });
});

describe("a package with other part names and prefixed XML", () => {
  let input: Buffer;
  let plans: SheetPlan[];

  beforeAll(async () => {
    input = await oddlyNamedWorkbook();
    // ExcelJS cannot read this package: the plans come from the same workbook under usual names.
    const grids = readGrids((await loadWorkbook(await richWorkbook())).workbook);
    plans = planWorkbook(grids, { lang: "en-US", today: AS_OF, overrides: { asOf: AS_OF } }).plans;
  });

  it("keeps every part and merges into the prefixed workbook, relationships and styles", async () => {
    const output = await writeScoredWorkbook(input, plans);
    await expectInputKept(input, output, SHARED("xl/book.xml", "xl/look.xml"));
    const out = await entries(output);
    const book = out.get("xl/book.xml")!.toString("utf8");
    for (const plan of plans) expect(book).toContain(`<x:sheet name="${plan.name}"`);
    const rels = out.get("xl/_rels/book.xml.rels")!.toString("utf8");
    expect(rels).toMatch(
      /<pr:Relationship Id="rId\d+" Type="[^"]*\/worksheet" Target="worksheets\/sheet1\.xml"\/>/
    );
    expect(out.get("xl/look.xml")!.toString("utf8")).toMatch(/<s:cellXfs count="\d+">/);
    await expectExcelOpens(output, "odd.xlsm");
  });

  it("re-scoring it changes nothing but our sheets", async () => {
    const first = await writeScoredWorkbook(input, plans);
    const second = await writeScoredWorkbook(first, plans);
    const a = await entries(first);
    const b = await entries(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a].filter(([n, bytes]) => !b.get(n)!.equals(bytes)).map(([n]) => n)).toEqual([]);
  });
});
