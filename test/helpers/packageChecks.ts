import JSZip from "jszip";
import { attributes, elements, relsPathOf, resolveTarget } from "../../src/xlsx/charts";

/**
 * What Excel checks and a schema cannot (see ../shared/tools/ooxml-validate/README.txt): style and
 * differential-format indexes in range, list counts that match, unique sheet and table names, no
 * overlapping tables or merged ranges, every relationship pointing at a part, every part with a
 * content type. Returns the problems found, in words; an empty list is a clean package.
 */

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function cellIndex(ref: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

function rect(ref: string): Rect {
  const [a, b = a] = ref.split(":");
  const p = cellIndex(a);
  const q = cellIndex(b);
  return { top: p.row, left: p.column, bottom: q.row, right: q.column };
}

const overlap = (a: Rect, b: Rect) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

function overlaps(refs: string[]): string[] {
  const rects = refs.map(rect);
  const found: string[] = [];
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++)
      if (overlap(rects[i], rects[j])) found.push(`${refs[i]} / ${refs[j]}`);
  return found;
}

/** Count of direct entries of a styles list, e.g. <cellXfs> → <xf>. */
function listEntries(styles: string, list: string, entry: string): string[] {
  const block = new RegExp(
    `<(?:[\\w.-]+:)?${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${list}>)`
  ).exec(styles);
  if (!block || block[1] === undefined) return [];
  return [...block[1].matchAll(new RegExp(`<(?:[\\w.-]+:)?${entry}\\b[^>]*>`, "g"))].map(
    (m) => m[0]
  );
}

function declaredCount(styles: string, list: string): number | undefined {
  const tag = new RegExp(`<(?:[\\w.-]+:)?${list}\\b[^>]*>`).exec(styles)?.[0];
  const count = tag ? attributes(tag).count : undefined;
  return count === undefined ? undefined : Number(count);
}

export async function packageProblems(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const problems: string[] = [];
  const files = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const lower = new Map(files.map((f) => [f.toLowerCase(), f]));
  const text = (path: string) => {
    const name = lower.get(path.toLowerCase());
    return name ? zip.file(name)!.async("string") : Promise.resolve(undefined);
  };

  // Content types: every part has one; every override names a part.
  const types = (await text("[Content_Types].xml")) ?? "";
  const defaults = new Set(elements(types, "Default").map((d) => d.Extension.toLowerCase()));
  const overrides = new Map(
    elements(types, "Override").map((o) => [o.PartName.replace(/^\//, "").toLowerCase(), o])
  );
  for (const part of overrides.keys())
    if (!lower.has(part)) problems.push(`content type override for a missing part: /${part}`);
  for (const f of files) {
    if (f === "[Content_Types].xml") continue;
    const ext = f.slice(f.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(f.toLowerCase()) && !defaults.has(ext))
      problems.push(`part without a content type: ${f}`);
  }
  const typeOf = (part: string) => overrides.get(part.toLowerCase())?.ContentType ?? "";

  // Relationships: unique ids, internal targets exist.
  for (const f of files.filter((n) => n.endsWith(".rels"))) {
    const source = f === "_rels/.rels" ? "" : f.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const rels = elements((await text(f)) ?? "", "Relationship");
    const ids = rels.map((r) => r.Id);
    if (new Set(ids).size !== ids.length) problems.push(`duplicate relationship ids in ${f}`);
    for (const r of rels) {
      if (r.TargetMode === "External") continue;
      const target = resolveTarget(source, decodeURIComponent(r.Target));
      if (!lower.has(target.toLowerCase()))
        problems.push(`${f}: ${r.Id} points at a missing part ${target}`);
    }
  }

  // Workbook: unique sheet names and ids; each sheet's part.
  const root = elements((await text("_rels/.rels")) ?? "", "Relationship").find((r) =>
    r.Type.endsWith("/officeDocument")
  );
  const workbookPart = root ? resolveTarget("", root.Target) : "xl/workbook.xml";
  const workbook = (await text(workbookPart)) ?? "";
  const wbRels = new Map(
    elements((await text(relsPathOf(workbookPart))) ?? "", "Relationship").map((r) => [r.Id, r])
  );
  const sheets = elements(workbook, "sheet");
  for (const s of sheets)
    if (s.name.length > 31 || /[[\]:*?/\\]/.test(s.name))
      problems.push(`sheet name Excel does not allow: ${s.name}`);
  const names = sheets.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push("two sheets with the same name");
  const sheetIds = sheets.map((s) => s.sheetId);
  if (new Set(sheetIds).size !== sheetIds.length) problems.push("two sheets with the same sheetId");
  const worksheetParts: Array<{ name: string; part: string }> = [];
  for (const s of sheets) {
    const rid = Object.entries(s).find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1];
    const rel = rid === undefined ? undefined : wbRels.get(rid);
    if (!rel) {
      problems.push(`sheet ${s.name} has no relationship`);
      continue;
    }
    const part = resolveTarget(workbookPart, decodeURIComponent(rel.Target));
    if (typeOf(part).endsWith("worksheet+xml")) worksheetParts.push({ name: s.name, part });
  }

  // Styles: counts match, indexes in range.
  const stylesRel = [...wbRels.values()].find((r) => r.Type.endsWith("/styles"));
  const styles = stylesRel
    ? ((await text(resolveTarget(workbookPart, stylesRel.Target))) ?? "")
    : "";
  const lists: Array<[string, string]> = [
    ["numFmts", "numFmt"],
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
    ["cellStyleXfs", "xf"],
    ["cellXfs", "xf"],
    ["dxfs", "dxf"],
  ];
  const size: Record<string, number> = {};
  for (const [list, entry] of lists) {
    const entries = listEntries(styles, list, entry);
    size[list] = entries.length;
    const declared = declaredCount(styles, list);
    if (declared !== undefined && declared !== entries.length)
      problems.push(`styles: <${list} count="${declared}"> holds ${entries.length}`);
  }
  const formats = new Set(
    listEntries(styles, "numFmts", "numFmt").map((t) => Number(attributes(t).numFmtId))
  );
  listEntries(styles, "cellXfs", "xf").forEach((tag, i) => {
    const a = attributes(tag);
    const check = (attr: string, list: string) => {
      if (a[attr] !== undefined && Number(a[attr]) >= size[list])
        problems.push(`styles: cellXfs[${i}] ${attr}=${a[attr]} out of range (${size[list]})`);
    };
    check("fontId", "fonts");
    check("fillId", "fills");
    check("borderId", "borders");
    check("xfId", "cellStyleXfs");
    const fmt = Number(a.numFmtId ?? 0);
    if (fmt >= 164 && !formats.has(fmt))
      problems.push(`styles: cellXfs[${i}] uses undefined numFmtId ${fmt}`);
  });

  // Worksheets: style and dxf indexes, merges; tables: names and ranges.
  const tableNames: string[] = [];
  for (const { name, part } of worksheetParts) {
    const xml = (await text(part)) ?? "";
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?(?:c|row|col)\b[^>]*?\ss="(\d+)"/g))
      if (Number(m[1]) >= size.cellXfs) {
        problems.push(`${name}: style index ${m[1]} out of range (${size.cellXfs} cell formats)`);
        break;
      }
    for (const m of xml.matchAll(/\sdxfId="(\d+)"/g))
      if (Number(m[1]) >= size.dxfs) {
        problems.push(`${name}: dxfId ${m[1]} out of range (${size.dxfs} differential formats)`);
        break;
      }
    // A list validation's literal items: at most 255 characters (Excel repairs longer ones).
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?formula1>(?:&quot;|")([\s\S]*?)(?:&quot;|")</g))
      if (m[1].replace(/&[a-z]+;|&#\d+;/g, "_").length > 255)
        problems.push(`${name}: a list validation longer than 255 characters`);
    const merges = elements(xml, "mergeCell").map((m) => m.ref);
    for (const o of overlaps(merges)) problems.push(`${name}: overlapping merged cells ${o}`);
    const tableRefs: string[] = [];
    for (const rel of elements((await text(relsPathOf(part))) ?? "", "Relationship")) {
      if (!rel.Type.endsWith("/table")) continue;
      const table = (await text(resolveTarget(part, rel.Target))) ?? "";
      const a = elements(table, "table")[0] ?? {};
      tableNames.push((a.displayName ?? a.name ?? "").toLowerCase());
      tableRefs.push(a.ref);
    }
    for (const o of overlaps(tableRefs)) problems.push(`${name}: overlapping tables ${o}`);
  }
  if (new Set(tableNames).size !== tableNames.length)
    problems.push("two tables with the same name");

  // Drawings: shape ids unique within each drawing.
  for (const f of files.filter((n) => typeOf(n).endsWith("drawing+xml"))) {
    const ids = elements((await text(f)) ?? "", "cNvPr").map((a) => a.id);
    if (new Set(ids).size !== ids.length) problems.push(`${f}: duplicate shape ids`);
  }
  return problems;
}
