import ExcelJS from "exceljs";
import fc from "fast-check";
import { strToU8 } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cell, SheetGrid } from "../../src/core/types";
import {
  DEFAULT_BUDGET,
  isDateFormat,
  readWorkbookValues,
  resolveTarget,
  type WorkbookRead,
  type WorkbookValues,
} from "../../src/xlsx/values";
import { SLICE } from "../../src/xlsx/zip";
import {
  book,
  bookParts,
  cell,
  compoundFile,
  NS_MAIN,
  NS_PKG_REL,
  NS_REL,
  ORDERS_ROWS,
  ORDERS_STRINGS,
  ORDERS_VALUES,
  worksheet,
  zip,
} from "./hostile";

function ok(read: WorkbookRead): WorkbookValues {
  if (!read.ok) throw new Error(`expected a read, got ${read.code} (${read.reason})`);
  return read;
}

/** A sheet's values placed at their sheet positions, so origins do not matter to a comparison. */
function at(grid: SheetGrid, row: number, col: number): Cell {
  const o = grid.origin ?? { row: 0, col: 0 };
  return grid.values[row - o.row]?.[col - o.col] ?? "";
}

function dense(grid: SheetGrid): Cell[][] {
  const o = grid.origin ?? { row: 0, col: 0 };
  const rows: Cell[][] = [];
  grid.values.forEach((line, r) =>
    line.forEach((v, c) => ((rows[r + o.row] ??= [])[c + o.col] = v))
  );
  return Array.from(rows, (line) => Array.from(line ?? [], (v) => v ?? ""));
}

const ordersBook = () =>
  book({ sheets: [{ name: "订单", rows: ORDERS_ROWS }], sharedStrings: ORDERS_STRINGS });

describe("reading what real files contain", () => {
  test("a plain workbook: shared strings and numbers, origin at A1", () => {
    const read = ok(readWorkbookValues(ordersBook()));
    expect(read.sheets.map((s) => s.name)).toEqual(["订单"]);
    expect(read.sheets[0].values).toEqual(ORDERS_VALUES);
    expect(read.sheets[0].origin).toEqual({ row: 0, col: 0 });
  });

  test("inline strings (rich runs joined, phonetic runs left out) and rich shared strings", () => {
    const rows =
      `<row r="1">${cell.inline("A1", "客户ID")}` +
      `<c r="B1" t="inlineStr"><is><r><t>金</t></r><r><rPr><b/></rPr><t>额</t></r><rPh sb="0" eb="1"><t>きん</t></rPh></is></c>` +
      `<c r="C1" t="s"><v>0</v></c></row>`;
    const strings = `<sst xmlns="${NS_MAIN}"><si><r><t>备</t></r><r><t xml:space="preserve"> 注</t></r><rPh sb="0" eb="1"><t>び</t></rPh></si></sst>`;
    const read = ok(
      readWorkbookValues(book({ sheets: [{ name: "S", rows }], sharedStrings: strings }))
    );
    expect(read.sheets[0].values).toEqual([["客户ID", "金额", "备 注"]]);
  });

  test("worksheet parts under any name, found through relative and absolute targets", () => {
    const read = ok(
      readWorkbookValues(
        book({
          sheets: [
            { name: "A", rows: ORDERS_ROWS, path: "xl/ws/data.xml" },
            {
              name: "B",
              rows: ORDERS_ROWS,
              path: "sheets/other name.xml",
              target: "/sheets/other%20name.xml",
            },
            { name: "C", rows: ORDERS_ROWS, path: "xl/x/y.xml", target: "./x/../x/y.xml" },
          ],
          sharedStrings: ORDERS_STRINGS,
        })
      )
    );
    expect(read.sheets.map((s) => s.name)).toEqual(["A", "B", "C"]);
    for (const sheet of read.sheets) expect(sheet.values).toEqual(ORDERS_VALUES);
  });

  test("rows and cells without r attributes follow the ones before them", () => {
    const rows =
      `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>` +
      `<row r="3"><c><v>1</v></c><c r="C3"><v>2</v></c><c><v>3</v></c></row>` +
      `<row><c r="B4"><v>4</v></c></row>`;
    const read = ok(
      readWorkbookValues(book({ sheets: [{ name: "S", rows }], sharedStrings: ["a", "b"] }))
    );
    expect(dense(read.sheets[0])).toEqual([["a", "b"], [], [1, "", 2, 3], ["", 4]]);
  });

  test("namespace-prefixed parts and relationships", () => {
    const parts = bookParts({ sheets: [{ name: "S" }], sharedStrings: ORDERS_STRINGS });
    parts["xl/worksheets/sheet1.xml"] =
      `<x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    parts["xl/workbook.xml"] =
      `<x:workbook xmlns:x="${NS_MAIN}" xmlns:ns9="${NS_REL}"><x:sheets>` +
      `<x:sheet name="S" sheetId="1" ns9:id="rIdS1"/></x:sheets></x:workbook>`;
    parts["xl/_rels/workbook.xml.rels"] =
      `<p:Relationships xmlns:p="${NS_PKG_REL}">` +
      `<p:Relationship Id="rIdS1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<p:Relationship Id="rIdSST" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `</p:Relationships>`;
    parts["_rels/.rels"] =
      `<p:Relationships xmlns:p="${NS_PKG_REL}"><p:Relationship Id="r" Type="${NS_REL}/officeDocument" Target="/xl/workbook.xml"/></p:Relationships>`;
    const read = ok(readWorkbookValues(zip(parts)));
    expect(read.sheets[0].values).toEqual([["客户ID", 7]]);
  });

  test("formulas give their cached values; errors, booleans, ISO dates and formula text", () => {
    const rows =
      `<row r="2"><c r="B2"><f>1+1</f><v>2</v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
      `<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="b"><v>0</v></c>` +
      `<c r="G2" t="d"><v>2024-01-02T12:00:00</v></c><c r="H2"><f>NOW()</f></c><c r="I2" t="e"><v>#N/A</v></c></row>`;
    const read = ok(readWorkbookValues(book({ sheets: [{ name: "S", rows }] })));
    const sheet = read.sheets[0];
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    // 2024-01-02 is serial 45293 in the 1900 date system.
    expect(sheet.values).toEqual([[2, "ab", "#DIV/0!", true, false, 45293.5, "", "#N/A"]]);
  });

  test("1904 date system: date-formatted cells move to 1900 serials, amounts do not", () => {
    const styles =
      `<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>` +
      `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
    // 2024-01-01 is 45292 (1900) and 43830 (1904).
    const rows = `<row r="1">${cell.n("A1", 43830, 1)}${cell.n("B1", 43830, 2)}${cell.n("C1", 43830, 3)}${cell.n("D1", 43830)}</row>`;
    const in1904 = ok(
      readWorkbookValues(book({ sheets: [{ name: "S", rows }], styles, date1904: true }))
    );
    expect(in1904.date1904).toBe(true);
    expect(in1904.sheets[0].values).toEqual([[45292, 45292, 43830, 43830]]);
    const in1900 = ok(readWorkbookValues(book({ sheets: [{ name: "S", rows }], styles })));
    expect(in1900.sheets[0].values).toEqual([[43830, 43830, 43830, 43830]]);
  });

  test("date formats are told from number formats by their codes", () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(4, undefined)).toBe(false);
    expect(isDateFormat(164, "yyyy/m/d;@")).toBe(true);
    expect(isDateFormat(165, '[$-804]yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat(166, "mmm")).toBe(true);
    expect(isDateFormat(167, "[h]:mm:ss")).toBe(false);
    expect(isDateFormat(168, "mm:ss")).toBe(false);
    expect(isDateFormat(169, '#,##0.00"d"')).toBe(false);
    expect(isDateFormat(170, "0.00E+00")).toBe(false);
    expect(isDateFormat(171, "[Red]General")).toBe(false);
    expect(isDateFormat(172, "\\d0")).toBe(false);
  });

  test("hidden sheets are read; chart sheets hold no cells and are left out", () => {
    const read = ok(
      readWorkbookValues(
        book({
          sheets: [
            { name: "Visible", rows: ORDERS_ROWS },
            { name: "Hidden", rows: ORDERS_ROWS, state: "hidden" },
            { name: "VeryHidden", rows: ORDERS_ROWS, state: "veryHidden" },
          ],
          sharedStrings: ORDERS_STRINGS,
        })
      )
    );
    expect(read.sheets.map((s) => s.name)).toEqual(["Visible", "Hidden", "VeryHidden"]);
  });

  test("a chart, a pivot table and a macro project do not disturb the values", () => {
    const drawingRel = `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/chart" Target="../charts/chart1.xml"/></Relationships>`;
    const extraParts = {
      "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rIdD" Type="${NS_REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rIdP" Type="${NS_REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
      "xl/drawings/drawing1.xml": `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
      "xl/drawings/_rels/drawing1.xml.rels": drawingRel,
      "xl/charts/chart1.xml": `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`,
      "xl/pivotTables/pivotTable1.xml": `<pivotTableDefinition xmlns="${NS_MAIN}" name="P" cacheId="1"/>`,
      "xl/pivotCache/pivotCacheDefinition1.xml": `<pivotCacheDefinition xmlns="${NS_MAIN}"/>`,
      "xl/vbaProject.bin": compoundFile(["VBA", "PROJECT"]),
    };
    const extraWorkbookRels =
      `<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
      `<Relationship Id="rIdC" Type="${NS_REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>`;
    const rows = ORDERS_ROWS;
    const sheetXml = worksheet(rows, `<drawing r:id="rIdD"/>`);
    const read = ok(
      readWorkbookValues(
        book({
          sheets: [{ name: "S", xml: sheetXml }],
          sharedStrings: ORDERS_STRINGS,
          extraParts,
          extraWorkbookRels,
          contentTypeMain: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        })
      )
    );
    expect(read.sheets[0].values).toEqual(ORDERS_VALUES);
    expect(read.parts).toEqual(
      expect.arrayContaining(["xl/vbaProject.bin", "xl/charts/chart1.xml"])
    );
    // Only what the values need was opened: rels, workbook, workbook rels, strings, one sheet.
    expect(read.work.partsRead).toBe(5);
  });

  test("50,000 merged cells cost what their bytes cost, nothing per merge", () => {
    const merges: string[] = [];
    for (let r = 0; r < 50_000; r++) merges.push(`<mergeCell ref="A${r + 10}:B${r + 10}"/>`);
    const sheetXml = worksheet(
      ORDERS_ROWS,
      `<mergeCells count="50000">${merges.join("")}</mergeCells>`
    );
    const read = ok(
      readWorkbookValues(
        book({ sheets: [{ name: "S", xml: sheetXml }], sharedStrings: ORDERS_STRINGS })
      )
    );
    expect(read.sheets[0].values).toEqual(ORDERS_VALUES);
    expect(read.work.cells).toBeLessThan(20);
  });

  test("the add-in's own sheets can be skipped unread", () => {
    const read = ok(
      readWorkbookValues(
        book({
          sheets: [
            { name: "Keep", rows: ORDERS_ROWS },
            { name: "Skip", rows: ORDERS_ROWS },
          ],
          sharedStrings: ORDERS_STRINGS,
        }),
        { skipSheet: (name) => name === "Skip" }
      )
    );
    expect(read.sheets.map((s) => s.name)).toEqual(["Keep"]);
  });

  test("relationship targets resolve against the source part's folder", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/ws/a.xml")).toBe("xl/ws/a.xml");
    expect(resolveTarget("xl/workbook.xml", "../other/a.xml")).toBe("other/a.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolveTarget("xl/workbook.xml", "a%20b.xml")).toBe("xl/a b.xml");
  });

  test("the bundled sample reads to the same values as the ExcelJS path, merges aside", async () => {
    const bytes = readFileSync(join(__dirname, "..", "..", "assets", "sample-customers.xlsx"));
    const read = ok(readWorkbookValues(bytes));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const { readGrids } = await import("../../src/xlsx/read");
    const theirs = readGrids(workbook);
    expect(read.sheets.map((s) => s.name)).toEqual(theirs.map((s) => s.name));
    for (const [i, sheet] of theirs.entries()) {
      const ws = workbook.worksheets[i];
      sheet.values.forEach((line, r) =>
        line.forEach((value, c) => {
          const exceljsCell = ws.getCell(r + 1, c + 1);
          // ExcelJS repeats a merge's value in every cell of it; Office.js only in the first.
          const expected = exceljsCell.isMerged && exceljsCell.master !== exceljsCell ? "" : value;
          expect(at(read.sheets[i], r, c)).toEqual(expected);
        })
      );
    }
  });
});

test("the reader stays browser-safe: no Node imports, so the workbench page can use it", () => {
  for (const file of ["values.ts", "zip.ts"]) {
    const source = readFileSync(join(__dirname, "..", "..", "src", "xlsx", file), "utf8");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.filter((i) => !/^(fflate|saxes|\.\.?\/)/.test(i))).toEqual([]);
    expect(imports.filter((i) => /exceljs|workbook|node:/.test(i))).toEqual([]);
  }
});

describe("every file ends in a result", () => {
  const failure = (read: WorkbookRead) => (read.ok ? "ok" : read.code);

  test("empty file, random bytes, text, a Word-like zip, an OpenDocument file", () => {
    expect(failure(readWorkbookValues(new Uint8Array(0)))).toBe("empty_file");
    let seed = 7;
    const random = Uint8Array.from(
      { length: 5000 },
      () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24
    );
    expect(failure(readWorkbookValues(random))).toBe("not_spreadsheet");
    expect(failure(readWorkbookValues(strToU8("客户ID,金额\nC1,10\n")))).toBe("not_spreadsheet");
    const docx = zip({
      "_rels/.rels": `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="r" Type="${NS_REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      "word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
    });
    expect(failure(readWorkbookValues(docx))).toBe("not_spreadsheet");
    const ods = zip(
      { mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" },
      0
    );
    expect(failure(readWorkbookValues(ods))).toBe("ods");
    expect(failure(readWorkbookValues(zip({ "a.txt": "hello" })))).toBe("not_spreadsheet");
  });

  test("password-protected, .xls, XML Spreadsheet 2003, .xlsb, strict Open XML", () => {
    expect(failure(readWorkbookValues(compoundFile(["EncryptionInfo", "EncryptedPackage"])))).toBe(
      "encrypted"
    );
    expect(failure(readWorkbookValues(compoundFile(["Workbook", "SummaryInformation"])))).toBe(
      "xls"
    );
    expect(failure(readWorkbookValues(compoundFile(["WordDocument"])))).toBe("not_spreadsheet");
    const xml2003 = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>`;
    expect(failure(readWorkbookValues(strToU8(xml2003)))).toBe("xls");
    const xlsb = zip({
      "_rels/.rels": `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="r" Type="${NS_REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
    });
    expect(failure(readWorkbookValues(xlsb))).toBe("xlsb");
    const strictParts = bookParts({ sheets: [{ name: "S", rows: ORDERS_ROWS }] });
    strictParts["xl/workbook.xml"] = strictParts["xl/workbook.xml"]
      .toString()
      .replace(NS_MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main");
    expect(failure(readWorkbookValues(zip(strictParts)))).toBe("strict");
    strictParts["_rels/.rels"] =
      `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
    expect(failure(readWorkbookValues(zip(strictParts)))).toBe("strict");
  });

  test("damaged archives: truncated, overwritten, bit flips in the data, missing parts", () => {
    const good = ordersBook();
    for (const cut of [10, 100, Math.floor(good.length / 2), good.length - 30, good.length - 1]) {
      expect(failure(readWorkbookValues(good.subarray(0, cut)))).toBe("damaged");
    }
    const scribbled = good.slice();
    scribbled.fill(0x41, Math.floor(good.length * 0.6), good.length - 10);
    expect(failure(readWorkbookValues(scribbled))).toBe("damaged");
    // Every single-byte change ends in a result: read (a stored byte that still makes sense) or a code.
    const codes = new Set<string>();
    for (let i = 0; i < good.length; i += 7) {
      const flipped = good.slice();
      flipped[i] ^= 0xff;
      codes.add(failure(readWorkbookValues(flipped)));
    }
    expect(
      [...codes].every((c) => ["ok", "damaged", "not_spreadsheet", "unpacks_too_large"].includes(c))
    ).toBe(true);
    const parts = bookParts({
      sheets: [{ name: "S", rows: ORDERS_ROWS }],
      sharedStrings: ORDERS_STRINGS,
    });
    const noSheet = { ...parts };
    delete noSheet["xl/worksheets/sheet1.xml"];
    const read = readWorkbookValues(zip(noSheet));
    expect(read.ok ? null : [read.code, read.part]).toEqual([
      "damaged",
      "xl/worksheets/sheet1.xml",
    ]);
    const noRels = { ...parts };
    delete noRels["xl/_rels/workbook.xml.rels"];
    expect(failure(readWorkbookValues(zip(noRels)))).toBe("damaged");
    const badXml = {
      ...parts,
      "xl/worksheets/sheet1.xml": worksheet(ORDERS_ROWS).replace("</sheetData>", ""),
    };
    expect(failure(readWorkbookValues(zip(badXml)))).toBe("damaged");
    const badRow = {
      ...parts,
      "xl/worksheets/sheet1.xml": worksheet(`<row r="2000000"><c><v>1</v></c></row>`),
    };
    expect(failure(readWorkbookValues(zip(badRow)))).toBe("damaged");
  });

  test("mangled files fail for a reason the reader names, never by surprise", () => {
    const good = ordersBook();
    const unforeseen = (read: WorkbookRead) => !read.ok && read.reason.startsWith("unexpected");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const bytes = good.slice();
          for (const [at, value] of edits) bytes[at] = value;
          return !unforeseen(readWorkbookValues(bytes));
        }
      ),
      { numRuns: 300 }
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        (bytes) => !unforeseen(readWorkbookValues(bytes))
      ),
      { numRuns: 300 }
    );
  });

  test("entity expansion (billion laughs) is refused without expanding anything", () => {
    const laughs =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`
      ).join("") +
      `]><worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const parts = bookParts({ sheets: [{ name: "S", xml: laughs }] });
    const read = readWorkbookValues(zip(parts));
    expect(read.ok ? "ok" : [read.code, read.reason]).toEqual(["damaged", "dtd"]);
    expect(read.work.cells).toBe(0);
    // An undeclared entity without a DTD is bad XML, not an expansion either.
    const undeclared = {
      ...parts,
      "xl/worksheets/sheet1.xml": worksheet(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>&boom;</t></is></c></row>`
      ),
    };
    expect(failure(readWorkbookValues(zip(undeclared)))).toBe("damaged");
  });

  test("a zip bomb stops at the ratio budget, long before its full size", () => {
    // 24 MB of one repeated cell packs into ~55 KB (about 450:1).
    const row = `<row>${`<c><v>1</v></c>`.repeat(1000)}</row>`;
    const body = row.repeat(Math.ceil((24 * 2 ** 20) / row.length));
    const bomb = zip(bookParts({ sheets: [{ name: "S", rows: body }] }), 9);
    expect(bomb.length).toBeLessThan(2 ** 20);
    const read = readWorkbookValues(bomb);
    expect(read.ok ? "ok" : [read.code, read.reason]).toEqual(["unpacks_too_large", "ratio"]);
    // Stopped within one inflate step (8 KB in, at most ~8.3 MB out) past the 16 MB floor.
    const step = 1033 * SLICE;
    expect(read.work.inflatedBytes).toBeLessThan(DEFAULT_BUDGET.ratioFloor + step);
    expect(read.work.inflatedBytes).toBeLessThan(body.length);
    // A smaller budget stops the same bomb earlier: the work follows the budget, not the file.
    const small = readWorkbookValues(bomb, { budget: { ratioFloor: 2 ** 20 } });
    expect(small.ok ? "ok" : small.code).toBe("unpacks_too_large");
    expect(small.work.inflatedBytes).toBeLessThan(2 ** 20 + step);
    const capped = readWorkbookValues(bomb, { budget: { maxInflatedBytes: 4 * 2 ** 20 } });
    expect(capped.ok ? "ok" : [capped.code, capped.reason]).toEqual([
      "unpacks_too_large",
      "declared_size",
    ]);
  });

  test("many small bombs add up to one: the ratio holds over all parts read", () => {
    const row = `<row>${`<c><v>1</v></c>`.repeat(1000)}</row>`;
    const body = row.repeat(Math.ceil(2 ** 19 / row.length)); // 0.5 MB per sheet
    const sheets = Array.from({ length: 24 }, (_, i) => ({ name: `S${i}`, rows: body }));
    const bombs = zip(bookParts({ sheets }), 9);
    const floor = 2 ** 21; // 2 MB: each sheet alone stays under it
    const read = readWorkbookValues(bombs, { budget: { ratioFloor: floor } });
    expect(read.ok ? "ok" : [read.code, read.reason]).toEqual(["unpacks_too_large", "ratio"]);
    expect(read.work.inflatedBytes).toBeLessThan(floor + body.length + 1);
    expect(read.work.partsRead).toBeLessThan(12);
  });

  test("cell budget: a lone cell at the far corner cannot make a grid of billions", () => {
    const rows = `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>`;
    const read = readWorkbookValues(book({ sheets: [{ name: "S", rows }] }), {
      budget: { maxCells: 1_000_000 },
    });
    expect(read.ok ? "ok" : [read.code, read.reason]).toEqual(["too_many_cells", "cells"]);
    // One row array each for the rows up to the far one: stopped at the budget, not after it.
    expect(read.work.cells).toBeLessThanOrEqual(1_048_576 + 1);
  });

  test("shared-string budget", () => {
    const strings = Array.from({ length: 1000 }, (_, i) => "s" + i);
    const read = readWorkbookValues(
      book({ sheets: [{ name: "S", rows: ORDERS_ROWS }], sharedStrings: strings }),
      {
        budget: { maxSharedStrings: 100 },
      }
    );
    expect(read.ok ? "ok" : [read.code, read.reason]).toEqual(["too_many_cells", "shared_strings"]);
    expect(read.work.sharedStrings).toBe(100);
  });
});
