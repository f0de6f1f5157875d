import { strToU8, zipSync, type Zippable } from "fflate";

/**
 * Workbooks built part by part in code, as real producers write them and as damage leaves them,
 * for the reader's tests and the reading bench. No binary fixtures: each file says what it holds.
 */

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = NS_REL;

export type Parts = Record<string, string | Uint8Array>;

export function zip(parts: Parts, level: 0 | 6 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts))
    files[name] = [typeof data === "string" ? strToU8(data) : data, { level }];
  return zipSync(files);
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;

export interface SheetSpec {
  name: string;
  /** The worksheet XML's sheetData content (or a whole worksheet with `xml`). */
  rows?: string;
  xml?: string;
  /** Part name; default xl/worksheets/sheetN.xml. */
  path?: string;
  state?: "hidden" | "veryHidden";
  /** The workbook relationship's Target; default relative to xl/, or absolute outside it. */
  target?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  styles?: string;
  date1904?: boolean;
  /** Extra parts (charts, pivot tables, macros...) and extra workbook relationships. */
  extraParts?: Parts;
  extraWorkbookRels?: string;
  contentTypeMain?: string;
}

export function worksheet(rows: string, extra = ""): string {
  return xml(
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${extra}</worksheet>`
  );
}

export function sharedStringsXml(strings: string[]): string {
  const items = strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
  return xml(
    `<sst xmlns="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${items.join("")}</sst>`
  );
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The parts of a plain workbook, conventional names unless a sheet says otherwise. */
export function bookParts(spec: BookSpec): Parts {
  const parts: Parts = {};
  const overrides: string[] = [];
  const sheetEntries: string[] = [];
  const rels: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const path = sheet.path ?? `xl/worksheets/sheet${i + 1}.xml`;
    parts[path] = sheet.xml ?? worksheet(sheet.rows ?? "");
    overrides.push(
      `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    const state = sheet.state ? ` state="${sheet.state}"` : "";
    sheetEntries.push(
      `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${state} r:id="rIdS${i + 1}"/>`
    );
    const target = sheet.target ?? (path.startsWith("xl/") ? path.slice(3) : "/" + path);
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="${target}"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    parts["xl/sharedStrings.xml"] =
      typeof spec.sharedStrings === "string"
        ? spec.sharedStrings
        : sharedStringsXml(spec.sharedStrings);
    rels.push(`<Relationship Id="rIdSST" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
    );
  }
  if (spec.styles !== undefined) {
    parts["xl/styles.xml"] = spec.styles;
    rels.push(`<Relationship Id="rIdSty" Type="${REL}/styles" Target="styles.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
    );
  }
  const pr = spec.date1904 ? `<workbookPr date1904="1"/>` : `<workbookPr/>`;
  parts["xl/workbook.xml"] = xml(
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${REL}">${pr}<sheets>${sheetEntries.join("")}</sheets></workbook>`
  );
  parts["xl/_rels/workbook.xml.rels"] = xml(
    `<Relationships xmlns="${NS_PKG_REL}">${rels.join("")}${spec.extraWorkbookRels ?? ""}</Relationships>`
  );
  parts["_rels/.rels"] = xml(
    `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  const main =
    spec.contentTypeMain ??
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  parts["[Content_Types].xml"] = xml(
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${main}"/>${overrides.join("")}</Types>`
  );
  return { ...parts, ...spec.extraParts };
}

export function book(spec: BookSpec): Uint8Array {
  return zip(bookParts(spec));
}

/** A cell holding a shared string, a number or an inline string. */
export const cell = {
  s: (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`,
  n: (ref: string, n: number, style?: number) =>
    `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}><v>${n}</v></c>`,
  inline: (ref: string, text: string) =>
    `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`,
};

/** The orders table the tests read back: header and three lines, as shared strings and numbers. */
export const ORDERS_STRINGS = ["客户ID", "交易日期", "金额", "C001", "C002"];
export const ORDERS_ROWS =
  `<row r="1">${cell.s("A1", 0)}${cell.s("B1", 1)}${cell.s("C1", 2)}</row>` +
  `<row r="2">${cell.s("A2", 3)}${cell.n("B2", 45292)}${cell.n("C2", 120.5)}</row>` +
  `<row r="3">${cell.s("A3", 4)}${cell.n("B3", 45293)}${cell.n("C3", 80)}</row>`;
export const ORDERS_VALUES = [
  ["客户ID", "交易日期", "金额"],
  ["C001", 45292, 120.5],
  ["C002", 45293, 80],
];

// ------------------------------------------------------------ OLE compound files

/**
 * A minimal OLE compound file (MS-CFB): header, one FAT sector, one directory sector naming the
 * given streams. Enough for a reader to see what container it is; no stream holds data.
 */
export function compoundFile(streams: string[]): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 3);
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x38, 0x1000, true);
  view.setUint32(0x3c, 0xfffffffe, true);
  view.setUint32(0x44, 0xfffffffe, true);
  view.setUint32(0x4c, 0, true); // FAT in sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + 4 * i, 0xffffffff, true);
  const fat = sector;
  view.setUint32(fat, 0xfffffffd, true); // sector 0 is the FAT
  view.setUint32(fat + 4, 0xfffffffe, true); // directory chain ends
  for (let i = 2; i < 128; i++) view.setUint32(fat + 4 * i, 0xffffffff, true);
  const dir = sector * 2;
  ["Root Entry", ...streams].slice(0, 4).forEach((name, i) => {
    const at = dir + 128 * i;
    for (let k = 0; k < name.length; k++) view.setUint16(at + 2 * k, name.charCodeAt(k), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = i === 0 ? 5 : 2; // root storage / stream
    view.setUint32(at + 68, 0xffffffff, true);
    view.setUint32(
      at + 72,
      i + 1 < Math.min(4, streams.length + 1) && i > 0 ? i + 1 : 0xffffffff,
      true
    );
    view.setUint32(at + 76, i === 0 ? 1 : 0xffffffff, true);
    view.setUint32(at + 116, 0xfffffffe, true);
  });
  return out;
}
