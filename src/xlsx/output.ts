import JSZip from "jszip";
import CompressedObject from "jszip/lib/compressedObject";
import { DEFLATE } from "jszip/lib/compressions";
import { crc32, deflateRawSync } from "node:zlib";
import type { SheetPlan } from "../plan/types";
import {
  chartAnchorXml,
  chartXml,
  CONTENT_TYPE,
  escapeXml,
  NS,
  REL_TYPE,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  XML_DECLARATION,
} from "./charts";
import { registerOurStyles, worksheetXml } from "./sheetXml";
import { StyleMerger } from "./styles";
import {
  appendChildren,
  applySplices,
  childrenOf,
  prefixFor,
  rootElement,
  type ElementSpan,
  type Splice,
} from "./xmlTree";

/**
 * The command line's output: the input package itself, every part of it kept byte for byte
 * (sheets, styles, charts, pivot tables, slicers, images, defined names, macros), with only our
 * own sheets added or replaced. What our sheets need is merged into the shared parts: a <sheet>
 * in the workbook part, its relationship, content types, and styles appended (never renumbered).
 * Our sheets are the plans' sheets, found by name; a sheet already there keeps its place, its part
 * name and its sheet id, so scoring a scored workbook again changes nothing but those sheets.
 */

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
const STYLES_REL = `${NS.rel}/styles`;
const OFFICE_DOCUMENT_REL = `${NS.rel}/officeDocument`;

interface Relationship {
  span: ElementSpan;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A part of the package as text, parsed once; edits are splices applied when it is saved. */
class XmlPart {
  readonly root: ElementSpan;
  readonly children: ElementSpan[];
  readonly splices: Splice[] = [];

  constructor(
    readonly path: string,
    readonly xml: string
  ) {
    this.root = rootElement(xml);
    this.children = childrenOf(xml, this.root);
  }

  child(name: string): ElementSpan | undefined {
    return this.children.find((c) => c.name === name);
  }

  /** Text with the root's prefix, for elements we add. */
  get prefix(): string {
    return this.root.prefix;
  }

  text(): string {
    return this.splices.length === 0 ? this.xml : applySplices(this.xml, this.splices);
  }
}

class Package {
  private readonly byLowerName = new Map<string, string>();

  constructor(readonly zip: JSZip) {
    for (const name of Object.keys(zip.files))
      if (!zip.files[name].dir) this.byLowerName.set(name.toLowerCase(), name);
  }

  /** Part names compare without regard to case (ECMA-376 Part 2, 9.1.1.1). */
  actual(path: string): string | undefined {
    return this.byLowerName.get(path.toLowerCase());
  }

  async text(path: string): Promise<string | undefined> {
    const name = this.actual(path);
    return name === undefined ? undefined : this.zip.file(name)!.async("string");
  }

  write(path: string, data: string | Buffer): void {
    const name = this.actual(path) ?? path;
    // Compressed here with Node's zlib: JSZip deflates in JavaScript, several times slower on a
    // sheet of 100k customers. JSZip copies an entry it holds compressed into the output as it is
    // (as it does for every part of the input we leave alone).
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const deflated = deflateRawSync(bytes, { level: 6 });
    const entry = new CompressedObject(
      deflated.length,
      bytes.length,
      crc32(bytes),
      DEFLATE,
      deflated
    );
    this.zip.file(name, entry as unknown as Buffer, { binary: true });
    this.byLowerName.set(name.toLowerCase(), name);
  }

  remove(path: string): void {
    const name = this.actual(path);
    if (name === undefined) return;
    this.zip.remove(name);
    this.byLowerName.delete(name.toLowerCase());
  }

  has(path: string): boolean {
    return this.actual(path) !== undefined;
  }

  names(): string[] {
    return [...this.byLowerName.values()];
  }

  /** `<folder>/<stem>N.xml` with the next free N. */
  nextPart(folder: string, stem: string): string {
    const pattern = new RegExp(`^${escapeRegExp(folder)}${stem}(\\d+)\\.xml$`, "i");
    let max = 0;
    for (const name of this.byLowerName.values()) {
      const m = pattern.exec(name);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return `${folder}${stem}${max + 1}.xml`;
  }

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(part));
    return xml === undefined ? [] : parseRelationships(new XmlPart(relsPathOf(part), xml));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function parseRelationships(rels: XmlPart): Relationship[] {
  return rels.children
    .filter((c) => c.name === "Relationship")
    .map((span) => ({
      span,
      id: span.attrs.Id ?? "",
      type: span.attrs.Type ?? "",
      target: span.attrs.Target ?? "",
      external: span.attrs.TargetMode === "External",
    }));
}

/** Decoded part name of a relationship target (part names are URIs: %20 is a space). */
function targetPart(from: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a target that is not valid percent-encoding is used as it is
  }
  return resolveTarget(from, decoded.replace(/^\.\//, ""));
}

/**
 * Parts reachable only from `part`'s relationships (its drawing, the drawing's charts, comments…):
 * the parts to remove when `part` is rewritten. A part also referenced from elsewhere stays.
 */
async function ownedParts(pkg: Package, part: string): Promise<Set<string>> {
  const owned = new Set<string>();
  const queue = [part];
  while (queue.length > 0) {
    const from = queue.pop() as string;
    for (const rel of await pkg.relationships(from)) {
      if (rel.external) continue;
      const to = pkg.actual(targetPart(from, rel.target));
      if (to === undefined || to === part || owned.has(to)) continue;
      owned.add(to);
      queue.push(to);
    }
  }
  if (owned.size === 0) return owned;
  const inGraph = new Set([part, ...owned].map((p) => relsPathOf(p).toLowerCase()));
  for (const name of pkg.names()) {
    if (!name.endsWith(".rels") || inGraph.has(name.toLowerCase())) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const xml = await pkg.text(name);
    if (xml === undefined) continue;
    for (const rel of parseRelationships(new XmlPart(name, xml))) {
      if (rel.external) continue;
      const to = pkg.actual(targetPart(source, rel.target));
      if (to !== undefined) owned.delete(to);
    }
  }
  return owned;
}

/** The next free relationship id in a relationships part. */
function nextRelId(rels: readonly Relationship[], taken: Set<string>): string {
  const used = new Set([...rels.map((r) => r.id), ...taken]);
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  taken.add(`rId${n}`);
  return `rId${n}`;
}

function drawingXml(plan: SheetPlan): string {
  const anchors = plan.charts
    .map((chart, i) => chartAnchorXml("xdr:", chart, i + 2, `rId${i + 1}`))
    .join("");
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.main}">${anchors}</xdr:wsDr>`;
}

function relsXml(targets: ReadonlyArray<{ type: string; target: string }>): string {
  const items = targets
    .map(
      (t, i) => `<Relationship Id="rId${i + 1}" Type="${t.type}" Target="${escapeXml(t.target)}"/>`
    )
    .join("");
  return `${XML_DECLARATION}<Relationships xmlns="${NS.pkgRel}">${items}</Relationships>`;
}

/**
 * Removes calculation-chain entries of the sheets we rewrite (a formula a manager typed into one
 * of our sheets is gone after the re-score, and a chain entry pointing at it makes Excel repair
 * the file). Entries name their sheet with `i`, inherited from the previous entry when absent.
 */
function filterCalcChain(xml: string, sheetIds: Set<string>): string {
  const part = new XmlPart("calcChain", xml);
  let current = "";
  let previousKept = "";
  let changed = false;
  for (const c of part.children) {
    const own = c.attrs.i;
    if (own !== undefined) current = own;
    if (sheetIds.has(current)) {
      part.splices.push({ start: c.start, end: c.end, text: "" });
      changed = true;
      continue;
    }
    if (own === undefined && previousKept !== current && changed) {
      // The entry relied on the one we removed for its sheet: name it.
      const tag = xml.slice(c.start, c.startTagEnd).replace(/^(<[^\s/>]+)/, `$1 i="${current}"`);
      part.splices.push({ start: c.start, end: c.startTagEnd, text: tag });
    }
    previousKept = current;
  }
  return changed ? part.text() : xml;
}

/** The input package with our sheets written into it, as the bytes of the output file. */
export async function writeScoredWorkbook(
  input: Buffer | Uint8Array,
  plans: readonly SheetPlan[]
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  const pkg = new Package(zip);

  const rootRels = await pkg.relationships("");
  const officeDocument = rootRels.find((r) => r.type === OFFICE_DOCUMENT_REL);
  const workbookPart = officeDocument
    ? targetPart("", officeDocument.target)
    : (pkg.actual("xl/workbook.xml") ?? "xl/workbook.xml");
  const workbookText = await pkg.text(workbookPart);
  if (workbookText === undefined) throw new Error(`workbook part ${workbookPart} is missing`);
  const workbook = new XmlPart(workbookPart, workbookText);
  const wbRelsPath = relsPathOf(workbookPart);
  const wbRels = new XmlPart(
    wbRelsPath,
    (await pkg.text(wbRelsPath)) ??
      `${XML_DECLARATION}<Relationships xmlns="${NS.pkgRel}"></Relationships>`
  );
  const relationships = parseRelationships(wbRels);
  const relById = new Map(relationships.map((r) => [r.id, r]));
  const takenRelIds = new Set<string>();
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);

  const relPrefix = prefixFor(workbook.root, NS.rel);
  if (relPrefix === undefined)
    workbook.splices.push({
      start: workbook.root.startTagEnd - 1,
      end: workbook.root.startTagEnd - 1,
      text: ` xmlns:r="${NS.rel}"`,
    });
  const rid = relPrefix ?? "r";
  const sheetsSpan = workbook.child("sheets");
  if (sheetsSpan === undefined) throw new Error(`workbook part ${workbookPart} has no <sheets>`);
  const sheets = childrenOf(workbook.xml, sheetsSpan).filter((s) => s.name === "sheet");
  let nextSheetId = sheets.reduce((max, s) => Math.max(max, Number(s.attrs.sheetId) || 0), 0) + 1;

  const stylesRel = relationships.find((r) => r.type === STYLES_REL);
  const stylesPart = stylesRel
    ? targetPart(workbookPart, stylesRel.target)
    : pkg.has(`${folder}styles.xml`)
      ? pkg.nextPart(folder, "styles")
      : `${folder}styles.xml`;
  const styles = new StyleMerger(await pkg.text(stylesPart));
  if (plans.length > 0) registerOurStyles(styles);

  const contentTypes = new Map<string, string>();
  const removed = new Set<string>();
  const replacedSheetIds = new Set<string>();
  let addedSheets = "";
  let addedRels = "";

  // Every part our previous sheets own goes before any new part is named, so a re-score names its
  // drawings and charts as the run before did and the package stays the same byte for byte.
  const replacedParts = new Map<SheetPlan, string>();
  for (const plan of plans) {
    const existing = sheets.find((s) => s.attrs.name === plan.name);
    const rel = existing ? relById.get(existing.attrs[`${rid}:id`] ?? "") : undefined;
    if (!existing || !rel || rel.type !== REL_TYPE.worksheet) continue;
    const sheetPart =
      pkg.actual(targetPart(workbookPart, rel.target)) ?? targetPart(workbookPart, rel.target);
    replacedSheetIds.add(existing.attrs.sheetId ?? "");
    for (const part of await ownedParts(pkg, sheetPart)) {
      pkg.remove(part);
      pkg.remove(relsPathOf(part));
      removed.add(part);
    }
    pkg.remove(relsPathOf(sheetPart));
    replacedParts.set(plan, sheetPart);
  }

  for (const plan of plans) {
    const existing = sheets.find((s) => s.attrs.name === plan.name);
    let sheetPart: string;
    const replacedPart = replacedParts.get(plan);
    if (replacedPart !== undefined) {
      sheetPart = replacedPart;
    } else {
      if (existing) {
        // A sheet of that name that is not a worksheet (a chart sheet): ours goes alongside.
        throw new Error(`"${plan.name}" exists but is not a worksheet`);
      }
      sheetPart = pkg.nextPart(`${folder}worksheets/`, "sheet");
      const id = nextRelId(relationships, takenRelIds);
      addedRels += `<${wbRels.prefix}Relationship Id="${id}" Type="${REL_TYPE.worksheet}" Target="${escapeXml(relativeTarget(workbookPart, sheetPart))}"/>`;
      addedSheets += `<${sheetsSpan.prefix}sheet name="${escapeXml(plan.name)}" sheetId="${nextSheetId++}" ${rid}:id="${id}"/>`;
    }

    let drawingRelId: string | null = null;
    if (plan.charts.length > 0) {
      const drawingPart = pkg.nextPart(`${folder}drawings/`, "drawing");
      const chartTargets = plan.charts.map((chart) => {
        const chartPart = pkg.nextPart(`${folder}charts/`, "chart");
        const table = plan.tables.find((t) => t.id === chart.table);
        if (!table) throw new Error(`chart "${chart.title}" names no table of ${plan.name}`);
        pkg.write(chartPart, chartXml(plan.name, chart, table));
        contentTypes.set(chartPart, CONTENT_TYPE.chart);
        return { type: REL_TYPE.chart, target: relativeTarget(drawingPart, chartPart) };
      });
      pkg.write(drawingPart, drawingXml(plan));
      pkg.write(relsPathOf(drawingPart), relsXml(chartTargets));
      contentTypes.set(drawingPart, CONTENT_TYPE.drawing);
      pkg.write(
        relsPathOf(sheetPart),
        relsXml([{ type: REL_TYPE.drawing, target: relativeTarget(sheetPart, drawingPart) }])
      );
      drawingRelId = "rId1";
    }
    pkg.write(sheetPart, worksheetXml(plan, styles, drawingRelId));
    contentTypes.set(sheetPart, CT.worksheet);
  }

  if (addedSheets) workbook.splices.push(...appendChildren(workbook.xml, sheetsSpan, addedSheets));
  if (styles.changed) {
    pkg.write(stylesPart, styles.toXml());
    contentTypes.set(stylesPart, CT.styles);
    if (!stylesRel) {
      const id = nextRelId(relationships, takenRelIds);
      addedRels += `<${wbRels.prefix}Relationship Id="${id}" Type="${STYLES_REL}" Target="${escapeXml(relativeTarget(workbookPart, stylesPart))}"/>`;
    }
  }
  if (addedRels) wbRels.splices.push(...appendChildren(wbRels.xml, wbRels.root, addedRels));
  if (workbook.splices.length > 0) pkg.write(workbookPart, workbook.text());
  if (wbRels.splices.length > 0) pkg.write(wbRelsPath, wbRels.text());

  await mergeContentTypes(pkg, contentTypes, removed);

  const calcChainRel = relationships.find((r) => r.type === `${NS.rel}/calcChain`);
  if (calcChainRel && replacedSheetIds.size > 0) {
    const calcChainPart = targetPart(workbookPart, calcChainRel.target);
    const xml = await pkg.text(calcChainPart);
    if (xml !== undefined) {
      const filtered = filterCalcChain(xml, replacedSheetIds);
      if (filtered !== xml) pkg.write(calcChainPart, filtered);
    }
  }

  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/** Overrides for the parts we wrote; none left for parts we removed and did not write again. */
async function mergeContentTypes(
  pkg: Package,
  wanted: Map<string, string>,
  removed: Set<string>
): Promise<void> {
  const path = "[Content_Types].xml";
  const xml = await pkg.text(path);
  if (xml === undefined) throw new Error("[Content_Types].xml is missing");
  const types = new XmlPart(path, xml);
  const overrides = new Map<string, ElementSpan>();
  for (const c of types.children)
    if (c.name === "Override" && c.attrs.PartName)
      overrides.set(c.attrs.PartName.replace(/^\//, "").toLowerCase(), c);
  for (const part of removed) {
    const lower = part.toLowerCase();
    if (pkg.has(part)) continue;
    const span = overrides.get(lower);
    if (span) types.splices.push({ start: span.start, end: span.end, text: "" });
  }
  let added = "";
  for (const [part, contentType] of wanted) {
    const span = overrides.get(part.toLowerCase());
    if (span && span.attrs.ContentType === contentType) continue;
    if (span) types.splices.push({ start: span.start, end: span.end, text: "" });
    added += `<${types.prefix}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
  }
  if (added) types.splices.push(...appendChildren(types.xml, types.root, added));
  if (types.splices.length > 0) pkg.write(path, types.text());
}
