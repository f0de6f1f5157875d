import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { ReadFailureCode } from "../core/readFailure";
import type { Cell, SheetGrid } from "../core/types";
import { inflateEntry, isZip, listEntries, ZipError, type ZipEntry } from "./zip";

/**
 * Reads a workbook file's cell values the way Office.js delivers them (`values`: numbers, text,
 * booleans, dates as serials in the 1900 date system, error cells as their text) with a budget no
 * file can blow: parts are inflated piece by piece and parsed as they stream (fflate + saxes), only
 * the parts the values need are read (workbook, relationships, shared strings, styles when the
 * workbook counts dates from 1904, worksheets), and every failure is a code, never a sentence.
 * No Node imports: the workbench page reads dropped files with it too.
 */

export type { ReadFailureCode };

/** What one read may spend. Each limit stops reading with `unpacks_too_large` or `too_many_cells`. */
export interface ReadBudget {
  /** Bytes inflated over all parts read. */
  maxInflatedBytes: number;
  /**
   * Past `ratioFloor` inflated bytes, a part may have grown at most this many times the packed
   * bytes consumed so far (so a bomb stops near the floor, whatever its full size).
   */
  maxRatio: number;
  ratioFloor: number;
  /** Grid cells held, counting the blanks that pad a row up to its last value (and one per row). */
  maxCells: number;
  maxSharedStrings: number;
  maxEntries: number;
}

export const DEFAULT_BUDGET: ReadBudget = {
  maxInflatedBytes: 2 * 2 ** 30,
  // Real sheet XML packs 5-30 times; deflate's ceiling is ~1032. Apache POI refuses beyond 100.
  maxRatio: 200,
  ratioFloor: 16 * 2 ** 20,
  // A full sheet of 1,048,576 rows by ~40 columns.
  maxCells: 40_000_000,
  maxSharedStrings: 10_000_000,
  maxEntries: 100_000,
};

/** What a read spent, for tests that bound the work and for the bench. */
export interface ReadWork {
  inflatedBytes: number;
  /** Packed bytes those came from. */
  packedBytes: number;
  partsRead: number;
  cells: number;
  sharedStrings: number;
}

export interface WorkbookValues {
  ok: true;
  /** Worksheets in workbook order, hidden ones included; chart and dialog sheets have no cells. */
  sheets: SheetGrid[];
  date1904: boolean;
  /** Every part name in the package, as stored. */
  parts: string[];
  work: ReadWork;
}

export interface ReadFailure {
  ok: false;
  code: ReadFailureCode;
  /** The part that stopped the read, when there is one (for the message and the logs). */
  part?: string;
  /** An internal reason for tests and bug reports; never shown as the message. */
  reason: string;
  work: ReadWork;
}

export type WorkbookRead = WorkbookValues | ReadFailure;

export interface ReadOptions {
  budget?: Partial<ReadBudget>;
  /** Sheets not to read (e.g. the add-in's own output sheets on a check). */
  skipSheet?: (name: string) => boolean;
}

class ReadStop extends Error {
  constructor(
    readonly code: ReadFailureCode,
    readonly reason: string,
    readonly part?: string
  ) {
    super(reason);
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904 = 1462;
const MS_PER_DAY = 86_400_000;
const EPOCH_OFFSET = 25569;

const STRICT_NS = "http://purl.oclc.org/ooxml/";

interface Context {
  bytes: Uint8Array;
  budget: ReadBudget;
  work: ReadWork;
  /** Lower-cased part name → entry (part names compare case-insensitively in OPC). */
  entries: Map<string, ZipEntry>;
}

// ---------------------------------------------------------------- streaming XML

interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/** Streams one part through saxes. DTDs are refused: Office never writes one (no entity tricks). */
function streamXml(ctx: Context, entry: ZipEntry, handlers: XmlHandlers): void {
  const { budget, work } = ctx;
  if (entry.declaredSize > budget.maxInflatedBytes - work.inflatedBytes)
    throw new ReadStop("unpacks_too_large", "declared_size", entry.name);
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new ReadStop("damaged", "dtd", entry.name);
  });
  parser.on("error", (error) => {
    throw new ReadStop("damaged", "xml: " + error.message, entry.name);
  });
  parser.on("opentag", (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  const close = handlers.close;
  if (close) parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
  const text = handlers.text;
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  work.partsRead++;
  let inflated = 0;
  const packedBefore = work.packedBytes;
  let decoder: TextDecoder | null = null;
  inflateEntry(ctx.bytes, entry, (chunk, consumed) => {
    inflated += chunk.length;
    work.inflatedBytes += chunk.length;
    work.packedBytes = packedBefore + consumed;
    if (work.inflatedBytes > budget.maxInflatedBytes)
      throw new ReadStop("unpacks_too_large", "inflated_bytes", entry.name);
    // Per part, and over all parts read (many small bombs are one big one).
    if (inflated > budget.ratioFloor && inflated > budget.maxRatio * consumed)
      throw new ReadStop("unpacks_too_large", "ratio", entry.name);
    if (
      work.inflatedBytes > budget.ratioFloor &&
      work.inflatedBytes > budget.maxRatio * work.packedBytes
    )
      throw new ReadStop("unpacks_too_large", "ratio", entry.name);
    decoder ??= decoderFor(chunk);
    parser.write(decoder.decode(chunk, { stream: true }));
  });
  if (decoder) parser.write((decoder as TextDecoder).decode());
  parser.close();
}

// ---------------------------------------------------------------- package structure

interface Relationship {
  type: string;
  /** Resolved part name. */
  target: string;
}

/** Resolves a relationship target against its source part (OPC: relative to the source's folder). */
export function resolveTarget(source: string, target: string): string {
  let path = target.replace(/\\/g, "/");
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % is a literal character of the name.
  }
  const parts = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function entry(ctx: Context, name: string): ZipEntry | undefined {
  return ctx.entries.get(name.toLowerCase());
}

function readRelationships(ctx: Context, source: string): Map<string, Relationship> | null {
  const part = entry(ctx, relsPartOf(source));
  if (!part) return null;
  const rels = new Map<string, Relationship>();
  streamXml(ctx, part, {
    open(name, a) {
      if (name !== "Relationship" || a.TargetMode === "External") return;
      if (a.Id === undefined || a.Target === undefined) return;
      rels.set(a.Id, { type: a.Type ?? "", target: resolveTarget(source, a.Target) });
    },
  });
  return rels;
}

const typeIs = (rel: Relationship, kind: string) => rel.type.endsWith("/" + kind);

// ---------------------------------------------------------------- values

/** Excel's built-in number formats that show a date (ECMA-376 18.8.30, with the CJK ids). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Does a number format show a calendar date (so its serial counts from the workbook's day 0)? */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(id);
  const section = code.split(";")[0];
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase()
    .replace(/general/g, "")
    .replace(/am\/pm|a\/p/g, "")
    .replace(/e[+-]/g, "");
  if (/[yde]/.test(bare)) return true;
  // "mmm" alone is a month; "mm:ss" is a duration.
  return /m/.test(bare) && !/[hs]/.test(bare);
}

/** Which cell styles (index into cellXfs) show dates. */
function readDateStyles(ctx: Context, part: ZipEntry | undefined): boolean[] {
  if (!part) return [];
  const codes = new Map<number, string>();
  const styles: number[] = [];
  let inCellXfs = false;
  streamXml(ctx, part, {
    open(name, a) {
      if (name === "numFmt") codes.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) styles.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles.map((id) => isDateFormat(id, codes.get(id)));
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (ECMA-376 22.9.2.19 ST_Xstring). */
const unescapeXstring = (text: string) =>
  text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16))
      );

/** Shared strings: each `si` is its text runs joined; phonetic runs (`rPh`) are not the value. */
function readSharedStrings(ctx: Context, part: ZipEntry | undefined): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = "";
  streamXml(ctx, part, {
    open(name) {
      if (name === "si") {
        inItem = true;
        text = "";
      } else if (name === "t") inText = inItem && phonetic === 0;
      else if (name === "rPh") phonetic++;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        inItem = false;
        if (strings.length >= ctx.budget.maxSharedStrings)
          throw new ReadStop("too_many_cells", "shared_strings", part.name);
        strings.push(unescapeXstring(text));
        ctx.work.sharedStrings++;
      }
    },
    text(t) {
      if (inText) text += t;
    },
  });
  return strings;
}

/** Column index (0-based) of an A1 reference's letters; -1 when it has none. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

function serialFromIso(text: string): number | null {
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : text + "Z";
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms / MS_PER_DAY + EPOCH_OFFSET;
}

interface SheetRef {
  name: string;
  part: ZipEntry;
}

function readSheet(
  ctx: Context,
  sheet: SheetRef,
  strings: readonly string[],
  dateStyles: readonly boolean[] | null
): SheetGrid {
  const { budget, work } = ctx;
  const partName = sheet.part.name;
  const rows: Cell[][] = [];
  let row = -1;
  let col = -1;
  let minCol = MAX_COLUMNS;
  let inCell = false;
  let type = "";
  let style = 0;
  let text = "";
  let collecting = false;
  let inInline = false;
  let phonetic = 0;

  const spend = (cells: number) => {
    work.cells += cells;
    if (work.cells > budget.maxCells) throw new ReadStop("too_many_cells", "cells", partName);
  };
  const bad = (reason: string) => new ReadStop("damaged", reason, partName);

  const value = (): Cell | null => {
    switch (type) {
      case "s": {
        if (text === "") return null;
        const s = strings[Number(text)];
        return s === undefined || s === "" ? null : s;
      }
      case "inlineStr":
      case "str":
        return text === "" ? null : unescapeXstring(text);
      case "b":
        return text === "" ? null : text.trim() === "1" || text.trim() === "true";
      case "e":
        return text === "" ? null : text;
      case "d": {
        if (text === "") return null;
        return serialFromIso(text.trim()) ?? text;
      }
      default: {
        if (text === "") return null;
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        return dateStyles !== null && dateStyles[style] ? n + DAYS_1904 : n;
      }
    }
  };

  const put = (v: Cell) => {
    if (rows.length <= row) {
      spend(row + 1 - rows.length);
      while (rows.length <= row) rows.push([]);
    }
    const line = rows[row];
    if (col >= line.length) {
      spend(col + 1 - line.length);
      while (line.length < col) line.push("");
      line.push(v);
    } else line[col] = v;
    if (col < minCol) minCol = col;
  };

  streamXml(ctx, sheet.part, {
    open(name, a) {
      switch (name) {
        case "row": {
          const r = a.r;
          row = r === undefined ? row + 1 : Number(r) - 1;
          if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw bad("row_number");
          col = -1;
          return;
        }
        case "c": {
          const ref = a.r;
          const at = ref === undefined ? -1 : columnOf(ref);
          col = at < 0 ? col + 1 : at;
          if (col >= MAX_COLUMNS) throw bad("column");
          if (row < 0) row = 0; // a cell outside any row element: Excel puts it in row 1
          inCell = true;
          type = a.t ?? "n";
          style = a.s === undefined ? 0 : Number(a.s);
          text = "";
          return;
        }
        case "v":
          collecting = inCell && !inInline;
          return;
        case "is":
          inInline = true;
          return;
        case "t":
          collecting = inCell && inInline && phonetic === 0;
          return;
        case "rPh":
          phonetic++;
          return;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          collecting = false;
          return;
        case "is":
          inInline = false;
          return;
        case "rPh":
          phonetic--;
          return;
        case "c": {
          inCell = false;
          const v = value();
          if (v !== null) put(v);
          return;
        }
      }
    },
    text(t) {
      if (collecting) text += t;
    },
  });

  // Office.js delivers the used range: drop the empty rows and columns before the first value.
  let first = 0;
  while (first < rows.length && rows[first].length === 0) first++;
  if (first === rows.length) return { name: sheet.name, values: [] };
  const values = first > 0 ? rows.slice(first) : rows;
  if (minCol > 0) for (let r = 0; r < values.length; r++) values[r] = values[r].slice(minCol);
  return { name: sheet.name, values, origin: { row: first, col: minCol } };
}

// ---------------------------------------------------------------- file kinds

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** An OLE compound file: a password-protected OOXML file or a .xls (or some other Office file). */
function kindOfCompoundFile(bytes: Uint8Array): ReadFailure["code"] {
  if (hasUtf16(bytes, "EncryptedPackage")) return "encrypted";
  if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return "xls";
  return "not_spreadsheet";
}

function kindOfOther(bytes: Uint8Array): ReadFailure["code"] {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 4096));
  if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xls";
  return "not_spreadsheet";
}

// ---------------------------------------------------------------- the whole read

function readPackage(ctx: Context, options: ReadOptions): Omit<WorkbookValues, "ok" | "work"> {
  const parts = [...ctx.entries.values()].map((e) => e.name);
  const mimetype = entry(ctx, "mimetype");
  if (mimetype && mimetype.declaredSize < 256) {
    let text = "";
    inflateEntry(ctx.bytes, mimetype, (chunk) => (text += new TextDecoder().decode(chunk)));
    if (text.startsWith("application/vnd.oasis.opendocument.spreadsheet"))
      throw new ReadStop("ods", "mimetype");
    throw new ReadStop("not_spreadsheet", "mimetype");
  }

  const packageRels = readRelationships(ctx, "");
  let main: string | undefined;
  if (packageRels) {
    for (const rel of packageRels.values()) {
      if (!typeIs(rel, "officeDocument")) continue;
      if (rel.type.startsWith(STRICT_NS)) throw new ReadStop("strict", "package_relationship");
      main = rel.target;
    }
  }
  // Without the package relationships, Excel still finds the workbook where it usually is.
  if (main === undefined) {
    if (entry(ctx, "xl/workbook.xml")) main = "xl/workbook.xml";
    else if (entry(ctx, "xl/workbook.bin")) main = "xl/workbook.bin";
    else if (entry(ctx, "[Content_Types].xml") && parts.some((p) => p.startsWith("xl/")))
      throw new ReadStop("damaged", "no_workbook_part");
    else throw new ReadStop("not_spreadsheet", "no_workbook_part");
  }
  if (/\.bin$/i.test(main)) throw new ReadStop("xlsb", "binary_workbook", main);
  const workbookPart = entry(ctx, main);
  if (!workbookPart) throw new ReadStop("damaged", "missing_part", main);

  let root = true;
  let date1904 = false;
  const declared: Array<{ name: string; id: string }> = [];
  streamXml(ctx, workbookPart, {
    open(name, a) {
      if (root) {
        root = false;
        if (Object.values(a).some((v) => v.startsWith(STRICT_NS + "spreadsheetml")))
          throw new ReadStop("strict", "namespace", main);
        if (name !== "workbook") throw new ReadStop("not_spreadsheet", "root_" + name, main);
      }
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (name === "sheet") {
        const idKey = Object.keys(a).find((k) => k.endsWith(":id"));
        if (a.name !== undefined && idKey) declared.push({ name: a.name, id: a[idKey] });
      }
    },
  });

  const rels = readRelationships(ctx, main);
  if (!rels) throw new ReadStop("damaged", "missing_part", relsPartOf(main));
  const sheets: SheetRef[] = [];
  for (const { name, id } of declared) {
    const rel = rels.get(id);
    if (!rel) throw new ReadStop("damaged", "sheet_relationship", relsPartOf(main));
    // Chart sheets, dialog sheets and macro sheets hold no cells Office.js would deliver.
    if (!typeIs(rel, "worksheet")) continue;
    if (options.skipSheet?.(name)) continue;
    const part = entry(ctx, rel.target);
    if (!part) throw new ReadStop("damaged", "missing_part", rel.target);
    sheets.push({ name, part });
  }
  const find = (kind: string) => {
    for (const rel of rels.values()) if (typeIs(rel, kind)) return entry(ctx, rel.target);
    return undefined;
  };
  const strings = sheets.length > 0 ? readSharedStrings(ctx, find("sharedStrings")) : [];
  // In the 1900 system a date cell's number is already the serial the core counts in.
  const dateStyles = date1904 && sheets.length > 0 ? readDateStyles(ctx, find("styles")) : null;
  return {
    sheets: sheets.map((sheet) => readSheet(ctx, sheet, strings, dateStyles)),
    date1904,
    parts,
  };
}

/**
 * Reads every worksheet's values, or says in a code why the file cannot be read. Never throws for
 * anything a file contains.
 */
export function readWorkbookValues(bytes: Uint8Array, options: ReadOptions = {}): WorkbookRead {
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  const work: ReadWork = {
    inflatedBytes: 0,
    packedBytes: 0,
    partsRead: 0,
    cells: 0,
    sharedStrings: 0,
  };
  const fail = (code: ReadFailureCode, reason: string, part?: string): ReadFailure =>
    part === undefined
      ? { ok: false, code, reason, work }
      : { ok: false, code, reason, part, work };
  if (bytes.length === 0) return fail("empty_file", "empty");
  if (CFB_MAGIC.every((b, i) => bytes[i] === b))
    return fail(kindOfCompoundFile(bytes), "compound_file");
  if (!isZip(bytes)) return fail(kindOfOther(bytes), "not_zip");
  try {
    const entries = new Map<string, ZipEntry>();
    for (const e of listEntries(bytes, budget.maxEntries)) entries.set(e.name.toLowerCase(), e);
    const read = readPackage({ bytes, budget, work, entries }, options);
    return { ok: true, ...read, work };
  } catch (error) {
    if (error instanceof ReadStop) return fail(error.code, error.reason, error.part);
    if (error instanceof ZipError)
      return error.reason === "too_many_entries"
        ? fail("too_many_cells", "zip: " + error.reason)
        : fail("damaged", "zip: " + error.reason);
    // Anything else is a fault of this reader on some file; it still ends in a result.
    return fail("damaged", "unexpected: " + String(error));
  }
}
