import { escapeXml, XML_DECLARATION } from "./charts";
import {
  appendChildren,
  applySplices,
  childrenOf,
  rootElement,
  type ElementSpan,
  type Splice,
} from "./xmlTree";

/**
 * The styles our sheets need, merged into the workbook's own styles part: existing fonts, fills,
 * number formats, cell formats and differential formats keep their indexes (every cell of the
 * input keeps its look), ours are appended — or reused when an identical entry is already there,
 * so scoring a scored workbook again leaves the styles part byte for byte as it was.
 */

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  size?: number;
  /** Font colour, "#RRGGBB". */
  color?: string;
  /** Solid fill, "#RRGGBB". */
  fill?: string;
}

/** A conditional format's look: fill and font colour, "#RRGGBB". */
export interface DiffStyle {
  fill: string;
  font: string;
}

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Children of <styleSheet>, in the order the schema requires. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type ListName = (typeof ORDER)[number];

/** Built-in number formats (ECMA-376 18.8.30) that need no numFmt entry. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

interface List {
  span?: ElementSpan;
  /** Outer XML of the entries already there. */
  existing: string[];
  added: string[];
}

export class StyleMerger {
  private readonly xml: string;
  private readonly root: ElementSpan;
  private readonly p: string;
  private readonly lists = new Map<ListName, List>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = 164;
  private readonly memo = new Map<string, number>();
  /** Base font: size, name and the rest of font 0, so our text matches the workbook's. */
  private readonly baseFont: { size: string; rest: string; color: string };

  /** `xml`: the workbook's styles part, or undefined when it has none. */
  constructor(xml: string | undefined) {
    // A styles part with an empty root (<styleSheet/>) holds nothing to keep.
    const usable = xml !== undefined && !/<(?:[\w.-]+:)?styleSheet\b[^>]*\/>/.test(xml);
    this.xml = usable ? xml : `${XML_DECLARATION}<styleSheet xmlns="${SML}"></styleSheet>`;
    this.root = rootElement(this.xml);
    this.p = this.root.prefix;
    const children = childrenOf(this.xml, this.root);
    for (const name of ORDER) {
      const span = children.find((c) => c.name === name);
      const existing = span
        ? childrenOf(this.xml, span).map((c) => this.xml.slice(c.start, c.end))
        : [];
      this.lists.set(name, { span, existing, added: [] });
    }
    for (const entry of this.list("numFmts").existing) {
      const id = Number(/numFmtId\s*=\s*["'](\d+)/.exec(entry)?.[1]);
      const code = /formatCode\s*=\s*"([^"]*)"|formatCode\s*=\s*'([^']*)'/.exec(entry);
      if (!Number.isFinite(id) || !code) continue;
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      const text = unescape(code[1] ?? code[2]);
      if (!this.formatIds.has(text)) this.formatIds.set(text, id);
    }
    const font0 = this.list("fonts").existing[0] ?? "";
    const val = (name: string) =>
      new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*\\bval\\s*=\\s*"([^"]*)"`).exec(font0)?.[1];
    const keep = ["name", "family", "charset", "scheme"]
      .map((n) => {
        const v = val(n);
        return v === undefined ? "" : `<${this.p}${n} val="${escapeXml(v)}"/>`;
      })
      .join("");
    const color = /<(?:[\w.-]+:)?color\b[^>]*\/>/.exec(font0)?.[0];
    this.baseFont = {
      size: val("sz") ?? "11",
      rest: keep || `<${this.p}name val="Calibri"/><${this.p}family val="2"/>`,
      color: color ? color.replace(/^<(?:[\w.-]+:)?color/, `<${this.p}color`) : "",
    };
  }

  private list(name: ListName): List {
    return this.lists.get(name) as List;
  }

  /** Index of an entry equal to `xml`, appended when the list has none. */
  private entry(name: ListName, xml: string): number {
    const list = this.list(name);
    const at = list.existing.indexOf(xml);
    if (at >= 0) return at;
    const added = list.added.indexOf(xml);
    if (added >= 0) return list.existing.length + added;
    list.added.push(xml);
    return list.existing.length + list.added.length - 1;
  }

  /** The defaults a cell format refers to (font 0, fills 0 and 1, border 0, style 0, format 0). */
  private ensureDefaults(): void {
    const p = this.p;
    const need = (name: ListName, count: number, make: (i: number) => string) => {
      const list = this.list(name);
      while (list.existing.length + list.added.length < count)
        list.added.push(make(list.existing.length + list.added.length));
    };
    need("fonts", 1, () => `<${p}font><${p}sz val="11"/>${this.baseFont.rest}</${p}font>`);
    need(
      "fills",
      2,
      (i) => `<${p}fill><${p}patternFill patternType="${i === 0 ? "none" : "gray125"}"/></${p}fill>`
    );
    need(
      "borders",
      1,
      () => `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`
    );
    need("cellStyleXfs", 1, () => `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    need("cellXfs", 1, () => `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.list("numFmts").added.push(
      `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`
    );
    return id;
  }

  /** Index in cellXfs of a cell format with this look. */
  cellStyle(style: CellStyle): number {
    const key = JSON.stringify(style);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.ensureDefaults();
    const p = this.p;
    const numFmtId = style.numFmt === undefined ? 0 : this.numFmtId(style.numFmt);
    const styledFont = style.bold || style.size !== undefined || style.color !== undefined;
    const fontId = styledFont
      ? this.entry(
          "fonts",
          `<${p}font>${style.bold ? `<${p}b/>` : ""}<${p}sz val="${style.size ?? this.baseFont.size}"/>` +
            (style.color ? `<${p}color rgb="${argb(style.color)}"/>` : this.baseFont.color) +
            `${this.baseFont.rest}</${p}font>`
        )
      : 0;
    const fillId = style.fill
      ? this.entry(
          "fills",
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(style.fill)}"/>` +
            `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
        )
      : 0;
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "");
    const index = this.entry(
      "cellXfs",
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}/>`
    );
    this.memo.set(key, index);
    return index;
  }

  /** Index in dxfs of a conditional format's look. */
  dxf(style: DiffStyle): number {
    const p = this.p;
    return this.entry(
      "dxfs",
      `<${p}dxf><${p}font><${p}color rgb="${argb(style.font)}"/></${p}font>` +
        `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(style.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`
    );
  }

  /** True when something had to be added. */
  get changed(): boolean {
    return ORDER.some((name) => this.list(name).added.length > 0);
  }

  /** The merged styles part (the original text itself when nothing was added). */
  toXml(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    ORDER.forEach((name, i) => {
      const list = this.list(name);
      if (list.added.length === 0) return;
      const items = list.added.join("");
      const count = list.existing.length + list.added.length;
      if (list.span) {
        splices.push(...appendChildren(this.xml, list.span, items, count));
        return;
      }
      // A missing list goes before the first list that must follow it.
      const next = ORDER.slice(i + 1)
        .map((n) => this.list(n).span)
        .find((s) => s !== undefined);
      const at = next ? next.start : this.root.contentEnd;
      const p = this.p;
      splices.push({
        start: at,
        end: at,
        text: `<${p}${name} count="${count}">${items}</${p}${name}>`,
      });
    });
    return applySplices(this.xml, splices);
  }
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
