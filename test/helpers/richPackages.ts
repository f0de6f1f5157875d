import ExcelJS from "exceljs";
import JSZip from "jszip";
import { injectCharts } from "../../src/xlsx/charts";
import { relativeTarget, relsPathOf, resolveTarget } from "../../src/xlsx/charts";

/**
 * Workbooks with the parts real files carry and ExcelJS cannot write: a chart, a pivot table, an
 * image, defined names, a VBA project (.xlsm), worksheet parts under other names, prefixed XML.
 * Built from an ExcelJS file and edited at the zip level, as a producer other than ExcelJS would.
 */

export const ARCHIVE = "客户档案";
export const ORDERS = "销售订单";
export const NOTES = "说明";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_PIVOT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
export const MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** 1x1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
);

async function baseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const archive = wb.addWorksheet(ARCHIVE);
  archive.addRow(["客户ID", "客户名称", "区域"]);
  for (let i = 1; i <= 12; i++) archive.addRow([`C${i}`, `客户${i}`, i % 2 ? "上海" : "杭州"]);
  const orders = wb.addWorksheet(ORDERS);
  orders.addRow(["订单号", "客户ID", "交易日期", "金额"]);
  for (let i = 0; i < 60; i++)
    orders.addRow([
      `SO${i}`,
      `C${1 + ((i * 7) % 12)}`,
      new Date(Date.UTC(2024, 0, 1) + ((i * 37) % 360) * 86_400_000),
      100 + ((i * 97) % 900),
    ]);
  orders.getColumn(3).numFmt = "yyyy-mm-dd";
  const notes = wb.addWorksheet(NOTES);
  notes.addRow(["区域", "客户数"]).font = { bold: true };
  notes.addRow(["上海", 6]);
  notes.addRow(["杭州", 6]);
  notes.getCell("D1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  notes.addImage(image, "D5:E8");
  wb.definedNames.add(`${ARCHIVE}!$A$2:$A$13`, "客户编号");
  wb.definedNames.add(`${NOTES}!$B$2:$B$3`, "区域客户数");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} missing from the fixture`);
  return file.async("string");
}

async function addRel(zip: JSZip, part: string, id: string, type: string, target: string) {
  const path = relsPathOf(part);
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${relativeTarget(part, target)}"/>`;
  const xml = zip.file(path)
    ? await text(zip, path)
    : `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(path, xml.replace("</Relationships>", `${rel}</Relationships>`));
}

async function addOverride(zip: JSZip, part: string, contentType: string) {
  const xml = await text(zip, "[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    xml.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`)
  );
}

/** A pivot table over the archive, on the notes sheet (sheet3). */
async function addPivotTable(zip: JSZip): Promise<void> {
  const cache = "xl/pivotCache/pivotCacheDefinition1.xml";
  const records = "xl/pivotCache/pivotCacheRecords1.xml";
  const table = "xl/pivotTables/pivotTable1.xml";
  zip.file(
    cache,
    `${DECL}<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" r:id="rId1" refreshOnLoad="1" recordCount="0">` +
      `<cacheSource type="worksheet"><worksheetSource ref="A1:C13" sheet="${ARCHIVE}"/></cacheSource>` +
      `<cacheFields count="3"><cacheField name="客户ID" numFmtId="0"><sharedItems/></cacheField>` +
      `<cacheField name="客户名称" numFmtId="0"><sharedItems/></cacheField>` +
      `<cacheField name="区域" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`
  );
  zip.file(records, `${DECL}<pivotCacheRecords xmlns="${NS_MAIN}" count="0"/>`);
  zip.file(
    table,
    `${DECL}<pivotTableDefinition xmlns="${NS_MAIN}" name="透视表1" cacheId="7" dataCaption="值" ` +
      `applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" ` +
      `applyAlignmentFormats="0" applyWidthHeightFormats="1"><location ref="G3:H5" firstHeaderRow="1" ` +
      `firstDataRow="1" firstDataCol="1"/><pivotFields count="3"><pivotField showAll="0"/>` +
      `<pivotField showAll="0"/><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`
  );
  const rel = `${NS_REL}/`;
  await addRel(zip, cache, "rId1", `${rel}pivotCacheRecords`, records);
  await addRel(zip, table, "rId1", `${rel}pivotCacheDefinition`, cache);
  await addRel(zip, "xl/worksheets/sheet3.xml", "rIdPivot1", `${rel}pivotTable`, table);
  await addRel(zip, "xl/workbook.xml", "rIdCache7", `${rel}pivotCacheDefinition`, cache);
  await addOverride(zip, cache, `${CT_PIVOT}.pivotCacheDefinition+xml`);
  await addOverride(zip, records, `${CT_PIVOT}.pivotCacheRecords+xml`);
  await addOverride(zip, table, `${CT_PIVOT}.pivotTable+xml`);
  const wb = await text(zip, "xl/workbook.xml");
  // <pivotCaches> follows <calcPr> in the workbook's schema order.
  zip.file(
    "xl/workbook.xml",
    wb.replace(
      /(<calcPr\b[^>]*\/>)/,
      `$1<pivotCaches><pivotCache cacheId="7" r:id="rIdCache7"/></pivotCaches>`
    )
  );
}

/** A VBA project: the package becomes an .xlsm (macro-enabled workbook content type). */
async function addVbaProject(zip: JSZip): Promise<void> {
  const bin = Buffer.alloc(1536);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 131 + 7) % 256;
  zip.file("xl/vbaProject.bin", bin);
  await addRel(
    zip,
    "xl/workbook.xml",
    "rIdVba",
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "xl/vbaProject.bin"
  );
  const types = await text(zip, "[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        MACRO_WORKBOOK_TYPE
      )
      .replace(
        "<Override ",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override '
      )
  );
}

/**
 * The three-sheet workbook with an image and two defined names, plus a chart and a pivot table on
 * the notes sheet and (with `macros`) a VBA project. ExcelJS reads it (the command line can score it).
 */
export async function richWorkbook(options: { macros?: boolean } = {}): Promise<Buffer> {
  let data = await baseWorkbook();
  // A chart of the user's own on the notes sheet (our chart writer serves as the "other producer").
  data = await injectCharts(data, [
    {
      sheetName: NOTES,
      table: {
        id: "regions",
        startRow: 0,
        startColumn: 0,
        columns: [
          { key: "region", header: "区域", kind: "text", width: 10 },
          { key: "count", header: "客户数", kind: "integer", width: 10 },
        ],
        rows: [
          ["上海", 6],
          ["杭州", 6],
        ],
        conditionalFormats: [],
        validations: [],
      },
      chart: {
        type: "pie",
        title: "客户区域",
        table: "regions",
        categoryColumn: 0,
        valueColumns: [1],
        anchor: { row: 10, column: 0, columns: 5, rows: 12 },
      },
    },
  ]);
  const zip = await JSZip.loadAsync(data);
  await addPivotTable(zip);
  if (options.macros) await addVbaProject(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Moves a part (and its relationships) to a new name, updating every reference to it. */
async function renamePart(zip: JSZip, from: string, to: string): Promise<void> {
  const data = await zip.file(from)!.async("nodebuffer");
  zip.remove(from);
  zip.file(to, data);
  const rels = zip.file(relsPathOf(from));
  if (rels) {
    // Relative targets are relative to the part's folder: rewrite them for the new folder.
    const xml = (await rels.async("string")).replace(/Target="([^"]*)"/g, (m, target: string) =>
      /^[a-z]+:/i.test(target) ? m : `Target="${relativeTarget(to, resolveTarget(from, target))}"`
    );
    zip.remove(relsPathOf(from));
    zip.file(relsPathOf(to), xml);
  }
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith(".rels") || zip.files[name].dir) continue;
    const source = name === "_rels/.rels" ? "" : name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const xml = await zip.file(name)!.async("string");
    const updated = xml.replace(/Target="([^"]*)"/g, (m, target: string) =>
      !/^[a-z]+:/i.test(target) && resolveTarget(source, target) === from
        ? `Target="${relativeTarget(source, to)}"`
        : m
    );
    if (updated !== xml) zip.file(name, updated);
  }
  const types = await text(zip, "[Content_Types].xml");
  zip.file("[Content_Types].xml", types.replace(`PartName="/${from}"`, `PartName="/${to}"`));
}

/** Every element of a part in namespace prefix `p` instead of the default namespace. */
function prefixed(xml: string, p: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (_m, slash: string, name: string) =>
      name.includes(":") ? `<${slash}${name}` : `<${slash}${p}:${name}`
    )
    .replace(/\sxmlns="/, ` xmlns:${p}="`);
}

/**
 * The rich workbook as another producer might write it: the workbook part at xl/book.xml, the
 * sheets at xl/data/*.xml, the styles at xl/look.xml, and the workbook, its relationships and the
 * styles written with namespace prefixes. ExcelJS cannot read it; the package format allows it.
 */
export async function oddlyNamedWorkbook(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await richWorkbook({ macros: true }));
  await renamePart(zip, "xl/worksheets/sheet1.xml", "xl/data/archive.xml");
  await renamePart(zip, "xl/worksheets/sheet2.xml", "xl/data/orders.xml");
  await renamePart(zip, "xl/worksheets/sheet3.xml", "xl/data/notes-and-pivot.xml");
  await renamePart(zip, "xl/styles.xml", "xl/look.xml");
  await renamePart(zip, "xl/workbook.xml", "xl/book.xml");
  for (const [path, p] of [
    ["xl/book.xml", "x"],
    ["xl/_rels/book.xml.rels", "pr"],
    ["xl/look.xml", "s"],
  ]) {
    const xml = await text(zip, path);
    zip.file(path, prefixed(xml, p));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
