import JSZip from "jszip";
import { columnLetter } from "../core/address";
import type { ChartPlan, PlanCell, TablePlan } from "../plan/types";

/**
 * Native Excel charts for the command line. ExcelJS cannot write charts, so they are added to the
 * saved package afterwards: a DrawingML chart part per chart, a drawing part per sheet holding the
 * charts' anchors, the relationships between them and the content types.
 *
 * Every chart carries cached values next to its cell references, so a reader that does not
 * recalculate (LibreOffice, previews) still shows the data.
 */

export interface ChartToInject {
  sheetName: string;
  chart: ChartPlan;
  table: TablePlan;
}

/** Series colours, in order (Office's default accents); pie slices take them per category. */
export const CHART_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

export const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
export const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
};
export const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------------------------------------
// XML text helpers

// Control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Text for XML content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(CONTROL_CHARACTERS, ""); // not allowed in XML 1.0
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, entity: string) => {
    if (entity[0] === "#") {
      const code =
        entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity] as string;
  });
}

export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** Elements named `name` (any prefix), as the attribute maps of their start tags. */
export function elements(xml: string, name: string): Record<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>`, "g");
  return [...xml.matchAll(pattern)].map((m) => attributes(m[0]));
}

// ---------------------------------------------------------------------------------------------
// Package paths and relationships

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship target names, relative to the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  const segments = target.startsWith("/") ? [] : fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** `target` written relative to the folder of `fromPart` (both package paths without a leading slash). */
export function relativeTarget(fromPart: string, target: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file ? file.async("string") : undefined;
}

async function readRels(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await readText(zip, relsPathOf(part));
  if (xml === undefined) return [];
  return elements(xml, "Relationship").map((a) => ({ Id: a.Id, Type: a.Type, Target: a.Target }));
}

function nextRelId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.Id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Adds a relationship to a part's rels file (creating it) and returns its id. */
async function addRelationship(
  zip: JSZip,
  part: string,
  type: string,
  targetPart: string
): Promise<string> {
  const path = relsPathOf(part);
  const id = nextRelId(await readRels(zip, part));
  const entry = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, targetPart))}"/>`;
  const xml = await readText(zip, path);
  zip.file(
    path,
    xml === undefined
      ? `${XML_DECLARATION}<Relationships xmlns="${NS.pkgRel}">${entry}</Relationships>`
      : xml.replace(/<\/(?:[\w.-]+:)?Relationships>\s*$/, (end) => entry + end)
  );
  return id;
}

/** The next free number N for parts named `<folder>/<stem>N.xml`. */
function nextPartNumber(zip: JSZip, folder: string, stem: string): number {
  const pattern = new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`);
  let max = 0;
  for (const path of Object.keys(zip.files)) {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

async function addContentTypeOverride(
  zip: JSZip,
  part: string,
  contentType: string
): Promise<void> {
  const path = "[Content_Types].xml";
  const xml = (await readText(zip, path)) ?? "";
  if (xml.includes(`PartName="/${part}"`)) return;
  const entry = `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
  zip.file(
    path,
    xml.replace(/<\/Types>\s*$/, (end) => entry + end)
  );
}

/** The worksheet part of each sheet, by sheet name. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbookPart = "xl/workbook.xml";
  const workbook = await readText(zip, workbookPart);
  if (workbook === undefined) throw new Error("not an .xlsx package: xl/workbook.xml is missing");
  const rels = new Map((await readRels(zip, workbookPart)).map((r) => [r.Id, r]));
  const parts = new Map<string, string>();
  for (const sheet of elements(workbook, "sheet")) {
    const rel = rels.get(sheet["r:id"] ?? "");
    if (rel && rel.Type === REL_TYPE.worksheet)
      parts.set(sheet.name, resolveTarget(workbookPart, rel.Target));
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Worksheet: the <drawing r:id="…"/> element

/** Children of <worksheet> that the schema places after <drawing>. */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

export const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][\s\S]*?>|<(\/?)(?:[\w.-]+:)?([\w.-]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;

/**
 * Where <drawing> goes among the worksheet's children: before the first child that must follow it,
 * else before </worksheet>. Only children of the root count (a conditional format's own <extLst>
 * does not).
 */
function drawingInsertAt(xml: string): number {
  let depth = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [, closing, name, selfClosing] = m;
    if (name === undefined) continue; // comment, declaration, CDATA
    if (closing) {
      depth--;
      if (depth === 0) return m.index;
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has(name)) return m.index;
    if (!selfClosing) depth++;
  }
  throw new Error("worksheet XML has no closing tag");
}

function addDrawingElement(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  const root = /<(?:[\w.-]+:)?worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error("worksheet XML has no <worksheet> element");
  const prefixMatch = /^<([\w.-]+):/.exec(root[0]);
  const prefix = prefixMatch ? `${prefixMatch[1]}:` : "";
  let relPrefix = Object.entries(attributes(root[0]))
    .find(([name, value]) => name.startsWith("xmlns:") && value === NS.rel)?.[0]
    .slice(6);
  if (relPrefix === undefined) {
    relPrefix = "r";
    const withNs = root[0].replace(/\s*(\/?)>$/, ` xmlns:r="${NS.rel}">`);
    xml = xml.slice(0, root.index) + withNs + xml.slice(root.index + root[0].length);
  }
  const at = drawingInsertAt(xml);
  return `${xml.slice(0, at)}<${prefix}drawing ${relPrefix}:id="${relId}"/>${xml.slice(at)}`;
}

// ---------------------------------------------------------------------------------------------
// Chart XML

/** `'客户分层'!$A$3:$A$7`: sheet names are always quoted (valid whatever the name). */
function sheetRef(sheet: string, col0: number, firstRow0: number, lastRow0 = firstRow0): string {
  const name = `'${sheet.replace(/'/g, "''")}'`;
  const col = `$${columnLetter(col0)}$`;
  return firstRow0 === lastRow0
    ? `${name}!${col}${firstRow0 + 1}`
    : `${name}!${col}${firstRow0 + 1}:${col}${lastRow0 + 1}`;
}

interface ColumnData {
  /** Formula of the header cell (the series name). */
  headerRef: string;
  header: string;
  /** Formula of the data cells. */
  ref: string;
  values: PlanCell[];
}

function columnData(sheet: string, table: TablePlan, column: number): ColumnData {
  const col0 = table.startColumn + column;
  const first = table.startRow + 1;
  // A table without data lines still gets a one-cell range, so the reference stays valid.
  const last = first + Math.max(table.rows.length, 1) - 1;
  return {
    headerRef: sheetRef(sheet, col0, table.startRow),
    header: table.columns[column]?.header ?? "",
    ref: sheetRef(sheet, col0, first, last),
    values: table.rows.map((row) => row[column] ?? null),
  };
}

function point(idx: number, value: string): string {
  return `<c:pt idx="${idx}"><c:v>${escapeXml(value)}</c:v></c:pt>`;
}

function strRef(ref: string, values: readonly PlanCell[]): string {
  const pts = values.map((v, i) => (v === null || v === "" ? "" : point(i, String(v)))).join("");
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: readonly PlanCell[]): string {
  const pts = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? point(i, String(v)) : ""))
    .join("");
  return (
    `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function solidFill(hex: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${hex}"/></a:solidFill></c:spPr>`;
}

function richText(text: string, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

function titleXml(title: string): string {
  return `<c:title><c:tx>${richText(title, true)}</c:tx><c:overlay val="0"/></c:title>`;
}

function seriesXml(index: number, name: ColumnData, categories: ColumnData, pie: boolean): string {
  const color = CHART_COLORS[index % CHART_COLORS.length];
  const slices = pie
    ? categories.values
        .map(
          (_v, i) =>
            `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${solidFill(CHART_COLORS[i % CHART_COLORS.length])}</c:dPt>`
        )
        .join("")
    : "";
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx>${strRef(name.headerRef, [name.header])}</c:tx>` +
    (pie ? "" : `${solidFill(color)}<c:invertIfNegative val="0"/>`) +
    slices +
    `<c:cat>${strRef(categories.ref, categories.values)}</c:cat>` +
    `<c:val>${numRef(name.ref, name.values)}</c:val>` +
    `</c:ser>`
  );
}

const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

function axesXml(barDir: "col" | "bar"): string {
  const catPos = barDir === "col" ? "b" : "l";
  const valPos = barDir === "col" ? "l" : "b";
  return (
    `<c:catAx><c:axId val="${CAT_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX_ID}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotAreaXml(sheet: string, chart: ChartPlan, table: TablePlan): string {
  const categories = columnData(sheet, table, chart.categoryColumn);
  if (chart.type === "pie") {
    // A pie shows one series: the first value column.
    const values = chart.valueColumns.slice(0, 1).map((c) => columnData(sheet, table, c));
    const series = values.map((v, i) => seriesXml(i, v, categories, true)).join("");
    return `<c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart></c:plotArea>`;
  }
  const barDir = chart.type === "column" ? "col" : "bar";
  const series = chart.valueColumns
    .map((c, i) => seriesXml(i, columnData(sheet, table, c), categories, false))
    .join("");
  return (
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${barDir}"/><c:grouping val="clustered"/>` +
    `<c:varyColors val="0"/>${series}<c:gapWidth val="150"/>` +
    `<c:axId val="${CAT_AX_ID}"/><c:axId val="${VAL_AX_ID}"/></c:barChart>${axesXml(barDir)}</c:plotArea>`
  );
}

/** The chart part (c:chartSpace) of one chart over a table of `sheet`. */
export function chartXml(sheet: string, chart: ChartPlan, table: TablePlan): string {
  const legendPos = chart.type === "pie" ? "r" : "b";
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}">` +
    `<c:date1904 val="0"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title)}<c:autoTitleDeleted val="0"/>${plotAreaXml(sheet, chart, table)}` +
    `<c:legend><c:legendPos val="${legendPos}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

// ---------------------------------------------------------------------------------------------
// Drawing XML

/** One xdr:twoCellAnchor holding a chart frame (`p` is the drawing's prefix, e.g. "xdr:"). */
export function chartAnchorXml(
  p: string,
  chart: ChartPlan,
  shapeId: number,
  chartRelId: string
): string {
  const { row, column, columns, rows } = chart.anchor;
  const marker = (tag: string, col: number, r: number): string =>
    `<${p}${tag}><${p}col>${col}</${p}col><${p}colOff>0</${p}colOff><${p}row>${r}</${p}row><${p}rowOff>0</${p}rowOff></${p}${tag}>`;
  return (
    `<${p}twoCellAnchor editAs="oneCell">` +
    marker("from", column, row) +
    marker("to", column + columns, row + rows) +
    `<${p}graphicFrame macro=""><${p}nvGraphicFramePr><${p}cNvPr id="${shapeId}" name="${escapeXml(`Chart ${shapeId}`)}" descr="${escapeXml(chart.title)}"/>` +
    `<${p}cNvGraphicFramePr/></${p}nvGraphicFramePr>` +
    `<${p}xfrm><a:off xmlns:a="${NS.main}" x="0" y="0"/><a:ext xmlns:a="${NS.main}" cx="0" cy="0"/></${p}xfrm>` +
    `<a:graphic xmlns:a="${NS.main}"><a:graphicData uri="${NS.chart}">` +
    `<c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></${p}graphicFrame><${p}clientData/></${p}twoCellAnchor>`
  );
}

function emptyDrawingXml(): string {
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.main}"></xdr:wsDr>`;
}

/** Highest shape id in a drawing (cNvPr ids must be unique within it). */
function maxShapeId(drawingXml: string): number {
  return elements(drawingXml, "cNvPr").reduce((max, a) => Math.max(max, Number(a.id) || 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Injection

/** The sheet's drawing part, created (and linked from the sheet) when it has none. */
async function drawingOf(zip: JSZip, sheetPart: string): Promise<string> {
  const existing = (await readRels(zip, sheetPart)).find((r) => r.Type === REL_TYPE.drawing);
  if (existing) return resolveTarget(sheetPart, existing.Target);
  const drawingPart = `xl/drawings/drawing${nextPartNumber(zip, "xl/drawings", "drawing")}.xml`;
  zip.file(drawingPart, emptyDrawingXml());
  await addContentTypeOverride(zip, drawingPart, CONTENT_TYPE.drawing);
  const relId = await addRelationship(zip, sheetPart, REL_TYPE.drawing, drawingPart);
  const sheetXml = await readText(zip, sheetPart);
  if (sheetXml === undefined) throw new Error(`worksheet part ${sheetPart} is missing`);
  zip.file(sheetPart, addDrawingElement(sheetXml, relId));
  return drawingPart;
}

async function injectOne(zip: JSZip, sheetPart: string, item: ChartToInject): Promise<void> {
  const drawingPart = await drawingOf(zip, sheetPart);
  const chartPart = `xl/charts/chart${nextPartNumber(zip, "xl/charts", "chart")}.xml`;
  zip.file(chartPart, chartXml(item.sheetName, item.chart, item.table));
  await addContentTypeOverride(zip, chartPart, CONTENT_TYPE.chart);
  const chartRelId = await addRelationship(zip, drawingPart, REL_TYPE.chart, chartPart);

  const drawing = (await readText(zip, drawingPart)) ?? emptyDrawingXml();
  const root = /<(?:([\w.-]+):)?wsDr\b/.exec(drawing);
  const prefix = root?.[1] ? `${root[1]}:` : "";
  const anchor = chartAnchorXml(prefix, item.chart, maxShapeId(drawing) + 1, chartRelId);
  const end = drawing.lastIndexOf(`</${prefix}wsDr>`);
  if (end < 0) throw new Error(`drawing part ${drawingPart} has no closing </${prefix}wsDr>`);
  zip.file(drawingPart, drawing.slice(0, end) + anchor + drawing.slice(end));
}

/**
 * Adds native charts to a saved .xlsx (as ExcelJS writes it, or any other package) and returns the
 * new package. Each chart goes into the drawing of its sheet (created when the sheet has none).
 * No Node imports: the workbench page adds the fake Excel's charts to its download with it too.
 */
export async function injectCharts(
  xlsx: Uint8Array,
  charts: ReadonlyArray<ChartToInject>
): Promise<Buffer> {
  if (charts.length === 0) return xlsx as Buffer;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  for (const item of charts) {
    const sheetPart = parts.get(item.sheetName);
    if (sheetPart === undefined)
      throw new Error(`no sheet named "${item.sheetName}" for chart "${item.chart.title}"`);
    if (zip.file(sheetPart) === null) throw new Error(`worksheet part ${sheetPart} is missing`);
    await injectOne(zip, sheetPart, item);
  }
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  // A Buffer under Node (callers write or compare it); plain bytes in the browser.
  return (
    typeof Buffer === "undefined" ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength)
  ) as Buffer;
}
