import { cellAddress, columnLetter } from "../../src/core/address";
import type { SheetGrid } from "../../src/core/types";

/**
 * An in-memory fake of the subset of the Excel JavaScript API the add-in uses, for the tests and the
 * workbench page (no Excel exists on our machines). It behaves like Office.js where it matters:
 * - writes, method calls and loads are QUEUED and take effect in `sync()`; reading a property that
 *   was neither loaded-and-synced nor set locally throws `PropertyNotLoaded`;
 * - each sync is counted, its request measured as the UTF-8 length of the JSON of its queued
 *   operations (values included) and its response as that of the loaded data; a request over the
 *   limit (5 MB) fails with `RequestPayloadSizeLimitExceeded` and applies nothing; a response over
 *   its limit (5 MB, as on the web) fails with `ResponsePayloadSizeLimitExceeded` and delivers nothing;
 * - `failSync(n)` makes the n-th sync from now fail and apply nothing; earlier syncs stay applied.
 *   An operation failing inside a sync (unknown sheet, wrong array size) stops the batch there and
 *   the operations before it stay applied, as in Excel (no rollback);
 * - strings written to `values` are stored the way Excel stores typed input (see `storeInput`).
 * Objects are classes (and, for write-only parts, `settable` objects) behind `as unknown as Excel.X`
 * casts. No Node API: it runs in a browser.
 */

export type FakeValue = string | number | boolean;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface FakeCell {
  value: FakeValue;
  /** The value is a formula's text (the fake does not calculate). */
  formula?: true;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  fontSize?: number;
}

export type FakeRuleType = "Custom" | "DataBar" | "ColorScale" | "ContainsText";

export interface FakeConditionalFormat {
  type: FakeRuleType;
  ranges: Rect[];
  /** Custom: formula, fill, fontColor, bold; ContainsText: rule, fill, fontColor, bold;
   * ColorScale: criteria; DataBar: fillColor, gradientFill, barDirection, lower/upperBoundRule. */
  props: Record<string, unknown>;
}

export interface FakeValidation {
  ranges: Rect[];
  rule: Excel.DataValidationRule;
}

export interface FakeChart {
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
}

/** An Excel table (ListObject): where it sits and its style. */
export interface FakeTable {
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
}

const SHEET: Rect = { row: 0, column: 0, rows: 1048576, columns: 16384 };
/** Cells one formatting write may touch in the fake (a whole-sheet fill would never end). */
const MAX_CELLS_PER_WRITE = 5_000_000;
export const DEFAULT_REQUEST_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_RESPONSE_LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string = code
  ) {
    super(message);
    this.name = "RichApi.Error"; // shaped like OfficeExtension.Error: code, message, debugInfo
    this.debugInfo = { code, message };
  }
}

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

const invalid = (message: string) => new FakeOfficeError("InvalidArgument", message);

// ---------------------------------------------------------------------------------------------
// Pure helpers

export function jsonBytes(data: unknown): number {
  return new TextEncoder().encode(JSON.stringify(data) ?? "").length;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * How Excel stores one input written to `Range.values` (as if typed), given the cell's number format:
 * - in a cell formatted "@" (text) any string stays verbatim, formulas and apostrophes included;
 * - a leading apostrophe is stripped and the rest is text;
 * - "=x" is a formula, and so is "@x" (implicit intersection: Excel stores "=@x");
 * - "+x"/"-x" is a number when the whole string is numeric ("-5", "+1.5e3"), else a formula
 *   ("+86 138", "-abc"); a lone "+", "-", "=" or "@" stays text;
 * - other numeric strings become numbers ("50%" is 0.5), "TRUE"/"FALSE" (any case) booleans.
 * Excel also turns date-like text into dates; the fake does not (writers escape such text anyway).
 */
export function storeInput(
  input: unknown,
  numberFormat = "General"
): { value: FakeValue; formula: boolean } {
  if (typeof input === "boolean") return { value: input, formula: false };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw invalid(`Not a finite number: ${input}`);
    return { value: input, formula: false };
  }
  if (typeof input !== "string") throw invalid(`Not a cell value: ${JSON.stringify(input)}`);
  if (numberFormat === "@" || input.length === 0) return { value: input, formula: false };
  if (input[0] === "'") return { value: input.slice(1), formula: false };
  const trimmed = input.trim();
  if (NUMBER_TEXT.test(trimmed)) {
    const n = Number(trimmed.replace(/%$/, ""));
    return { value: trimmed.endsWith("%") ? n / 100 : n, formula: false };
  }
  if (input.length > 1 && "=+-@".includes(input[0])) return { value: input, formula: true };
  if (/^(true|false)$/i.test(trimmed)) return { value: /^t/i.test(trimmed), formula: false };
  return { value: input, formula: false };
}

/** "A1", "B2:D9", "A:C", "3:5", "$A$1", with an optional sheet prefix; null when malformed. */
export function parseAddress(address: string): Rect | null {
  const ref = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const ends = ref.split(":").map((p) => /^([A-Za-z]{0,3})(\d*)$/.exec(p));
  if (ends.length > 2 || ends.some((m) => !m || (!m[1] && !m[2]))) return null;
  const [a, b] = [ends[0]!, ends[ends.length - 1]!];
  if (!a[1] !== !b[1] || !a[2] !== !b[2]) return null;
  const col = (letters: string, fallback: number) =>
    letters
      ? [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      : fallback;
  const [r0, c0] = [a[2] ? Number(a[2]) - 1 : 0, col(a[1], 0)];
  const [r1, c1] = [b[2] ? Number(b[2]) - 1 : SHEET.rows - 1, col(b[1], SHEET.columns - 1)];
  if (r0 < 0 || r1 < r0 || c1 < c0 || r1 >= SHEET.rows || c1 >= SHEET.columns) return null;
  return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
}

export function rectAddress(sheet: string, rect: Rect): string {
  const first = cellAddress(sheet, rect.row, rect.column);
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${columnLetter(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/** The parts of `a` outside `b` (up to four rectangles). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const right = b.column + b.columns;
  const band = { row: top, rows: bottom - top };
  return [
    { ...a, rows: b.row - a.row },
    { ...a, row: bottom, rows: a.row + a.rows - bottom },
    { ...band, column: a.column, columns: b.column - a.column },
    { ...band, column: right, columns: a.column + a.columns - right },
  ].filter((r) => r.rows > 0 && r.columns > 0);
}

/** Removes `rect` from the ranges of rules (conditional formats, validations); drops emptied ones. */
function trimRules<T extends { ranges: Rect[] }>(rules: T[], rect: Rect): T[] {
  return rules
    .map((rule) => ({ ...rule, ranges: rule.ranges.flatMap((r) => subtractRect(r, rect)) }))
    .filter((rule) => rule.ranges.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Workbook state: what "Excel" holds, and what tests assert on

function isBlank(cell: FakeCell, valuesOnly: boolean): boolean {
  if (cell.value !== "" || cell.formula) return false;
  if (valuesOnly) return true;
  return !cell.numberFormat && !cell.fill && !cell.bold && !cell.fontColor && !cell.fontSize;
}

export class FakeSheetState {
  /** Sparse rows of sparse cells. */
  readonly cells: Array<Array<FakeCell | undefined> | undefined> = [];
  /** Column widths in points, sparse (unset: Excel's default). */
  readonly columnWidths: number[] = [];
  freeze = { rows: 0, columns: 0 };
  /** Highest priority first (Excel adds a new rule at the top). */
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: FakeValidation[] = [];
  charts: FakeChart[] = [];
  tables: FakeTable[] = [];

  constructor(
    readonly id: string,
    public name: string
  ) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells[row]?.[column];
  }

  touch(row: number, column: number): FakeCell {
    return ((this.cells[row] ??= [])[column] ??= { value: "" });
  }

  /** Calls `fn` on each existing cell inside `rect` (never walks the empty part of a sheet). */
  forEachCell(rect: Rect, fn: (cell: FakeCell, row: number, column: number) => void): void {
    for (let r = rect.row; r < Math.min(rect.row + rect.rows, this.cells.length); r++) {
      const line = this.cells[r] ?? [];
      for (let c = rect.column; c < Math.min(rect.column + rect.columns, line.length); c++)
        if (line[c]) fn(line[c]!, r, c);
    }
  }

  /** Bounding box of the cells with a value (and, unless valuesOnly, a format); null if none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    this.forEachCell(SHEET, (cell, r, c) => {
      if (isBlank(cell, valuesOnly)) return;
      [top, bottom] = [Math.min(top, r), Math.max(bottom, r)];
      [left, right] = [Math.min(left, c), Math.max(right, c)];
    });
    if (bottom < 0) return null;
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** A property of every cell, as Office.js delivers `values` ("" when empty) or `numberFormat`. */
  grid<K extends "value" | "numberFormat">(rect: Rect, key: K, empty: FakeValue): FakeValue[][] {
    return Array.from({ length: rect.rows }, (_, i) =>
      Array.from(
        { length: rect.columns },
        (_, j) => this.cell(rect.row + i, rect.column + j)?.[key] ?? empty
      )
    );
  }
}

export class FakeWorkbookState {
  readonly sheets: FakeSheetState[] = [];
  /** Name of the sheet in front and the selected range's address (Worksheet.activate, Range.select). */
  activeSheet: string | null = null;
  selection: string | null = null;
  private nextId = 1;
  chartCounter = 0;
  tableCounter = 0;
  /** The add-in's document settings (Excel.SettingCollection): key to JSON-able value. */
  readonly settings = new Map<string, unknown>();

  sheet(key: string): FakeSheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key);
  }

  addSheet(name: string): FakeSheetState {
    if (!name || name.length > 31 || /[\\/?*[\]:]|^'|'$/.test(name))
      throw invalid(`Invalid sheet name: ${name}`);
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `Sheet exists: ${name}`);
    const sheet = new FakeSheetState(`{fake-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Everything observable, as plain data without internal ids: compare states with toEqual. */
  snapshot(): unknown {
    return this.sheets.map((s) => {
      const cells: Array<[string, FakeCell]> = [];
      s.forEachCell(SHEET, (cell, r, c) => {
        if (!isBlank(cell, false)) cells.push([cellAddress(s.name, r, c), { ...cell }]);
      });
      const addresses = (ranges: Rect[]) => ranges.map((r) => rectAddress(s.name, r));
      return {
        name: s.name,
        cells,
        columnWidths: Object.entries(s.columnWidths),
        freeze: s.freeze,
        conditionalFormats: s.conditionalFormats.map((f) => ({
          ...f,
          ranges: addresses(f.ranges),
        })),
        validations: s.validations.map((v) => ({ ...v, ranges: addresses(v.ranges) })),
        charts: s.charts.map((c) => ({ ...c, source: rectAddress(s.name, c.source) })),
        tables: s.tables.map((t) => ({ ...t, rect: rectAddress(s.name, t.rect) })),
      };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Request context

interface Op {
  payload: unknown;
  /** Runs in the host; a load returns the data it delivers and how to hand it to its proxy. */
  apply(): { data: unknown; commit(): void } | void;
}

export interface FakeStats {
  syncs: number;
  /** Largest request or response of any sync, in bytes. */
  largestRequestBytes: number;
  /** Request bytes per sync (failed syncs included). */
  requests: number[];
  /** Response bytes per sync. */
  responses: number[];
  /** Largest response of any sync, in bytes (refused ones included). */
  largestResponseBytes: number;
}

interface FakeHost {
  workbook: FakeWorkbookState;
  stats: FakeStats;
  requestLimitBytes: number;
  responseLimitBytes: number;
  failAt: number;
  /** The code the failing sync fails with. */
  failCode: string;
}

class FakeRequestContext {
  readonly workbook: { worksheets: FakeWorksheetCollection; settings: FakeSettingCollection };
  readonly application: FakeApplication;
  private pending: Op[] = [];

  constructor(readonly host: FakeHost) {
    this.workbook = {
      worksheets: new FakeWorksheetCollection(this),
      settings: new FakeSettingCollection(this),
    };
    this.application = new FakeApplication(this);
  }

  get state(): FakeWorkbookState {
    return this.host.workbook;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  queue(payload: unknown, apply: Op["apply"]): void {
    this.pending.push({ payload, apply });
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    // A round trip is never synchronous, and the caller's thread is free meanwhile (a task, not a
    // microtask: timers and the page's events run between syncs, as with Excel).
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const { stats, requestLimitBytes, responseLimitBytes } = this.host;
    stats.syncs++;
    const requestBytes = jsonBytes(ops.map((op) => op.payload));
    stats.requests.push(requestBytes);
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    const delivered: Array<{ data: unknown; commit(): void }> = [];
    try {
      if (this.host.failAt === stats.syncs)
        throw new FakeOfficeError(this.host.failCode, "An internal error has occurred.");
      if (requestBytes > requestLimitBytes)
        throw new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size (${requestBytes} bytes) has exceeded the limit.`
        );
      for (const op of ops) {
        const result = op.apply();
        if (result) delivered.push(result);
      }
    } catch (error) {
      stats.responses.push(0);
      throw error;
    }
    const responseBytes = jsonBytes(delivered.map((d) => d.data));
    stats.responses.push(responseBytes);
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, responseBytes);
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
    // The writes of this batch are applied by now; only the loaded data is lost.
    if (responseBytes > responseLimitBytes)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "Response too large.");
    delivered.forEach((d) => d.commit());
  }
}

type Select = string | string[] | { select?: string | string[] };

function selectNames(select: Select | undefined): string[] {
  const raw = typeof select === "object" && !Array.isArray(select) ? select.select : select;
  return (Array.isArray(raw) ? raw : (raw ?? "").split(",")).map((s) => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Proxy objects

/**
 * A proxy for a host object of type T, found by `locate` when a sync first needs it and then kept
 * (Office.js binds a proxy on first use). An *OrNullObject proxy learns `isNullObject` at the next
 * sync; acting on a null object fails that sync, reading its properties throws.
 */
abstract class FakeObject<T = unknown> {
  protected readonly props = new Map<string, unknown>();
  private bound: T | null = null;

  constructor(
    readonly context: FakeRequestContext,
    readonly path: string,
    protected readonly locate: () => T | null,
    private readonly orNull = false
  ) {
    if (!orNull) this.props.set("isNullObject", false);
    else
      context.queue({ instantiate: path }, () => {
        const isNull = this.target() === null;
        return { data: isNull, commit: () => this.props.set("isNullObject", isNull) };
      });
  }

  /** Readers of the loadable properties, evaluated in the host during a sync. */
  protected readers(): Record<string, (target: T) => unknown> {
    return {};
  }

  target(): T | null {
    return (this.bound ??= this.locate());
  }

  must(): T {
    const target = this.target();
    if (target === null) throw new FakeOfficeError("ItemNotFound", `Not found: ${this.path}`);
    return target;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  load(select?: Select): this {
    this.context.queue({ load: this.path, select }, () => {
      const target = this.orNull ? this.target() : this.must();
      const data = target === null ? {} : this.readNow(target, selectNames(select));
      return { data, commit: () => this.deliver(data) };
    });
    return this;
  }

  readNow(target: T, names: string[]): Record<string, unknown> {
    const readers = this.readers();
    return Object.fromEntries(
      (names.length > 0 ? names : Object.keys(readers)).map((name) => {
        if (!readers[name]) throw invalid(`The fake cannot load '${name}' of ${this.path}`);
        return [name, readers[name](target)];
      })
    );
  }

  deliver(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.props.set(k, v);
  }

  protected read<V>(name: string): V {
    if (name !== "isNullObject" && this.props.get("isNullObject") === true)
      throw new FakeOfficeError(
        "InvalidOperation",
        `'${name}' of a null object: test isNullObject`
      );
    if (!this.props.has(name)) throw notLoaded(name);
    return this.props.get(name) as V;
  }

  /** Sets a property: readable at once (as in Office.js), applied in the host at the next sync. */
  protected write(name: string, value: unknown, apply: (target: T) => void): void {
    this.props.set(name, value);
    this.context.queue({ set: this.path, [name]: value }, () => {
      apply(this.must());
    });
  }

  protected call(method: string, args: unknown[], apply: (target: T) => void): void {
    this.context.queue({ call: `${this.path}.${method}`, args }, () => {
      apply(this.must());
    });
  }
}

/**
 * A write-only part (formats, rule parts, titles, validation): each property set is queued and
 * applied in the host at the next sync; reading gives what was set, else PropertyNotLoaded.
 */
function settable(
  context: FakeRequestContext,
  path: string,
  setters: Record<string, (value: never) => void>,
  parts: object = {}
): Record<string, unknown> {
  const part: Record<string, unknown> = { ...parts };
  const local = new Map<string, unknown>();
  for (const [prop, apply] of Object.entries(setters))
    Object.defineProperty(part, prop, {
      enumerable: true,
      get: () => {
        if (!local.has(prop)) throw notLoaded(prop);
        return local.get(prop);
      },
      set: (value: never) => {
        local.set(prop, value);
        context.queue({ set: `${path}/${prop}`, value }, () => {
          apply(value);
        });
      },
    });
  return part;
}

/** A ClientResult (getCount): its value is there after the sync. */
class FakeClientResult<T> {
  result?: { value: T };
  get value(): T {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }
}

/** A collection: `items` after `load("items/name")` (or "name", or nothing) and a sync. */
class FakeCollection<T, P extends FakeObject<T>> extends FakeObject<T[]> {
  private loadedItems: P[] | null = null;
  constructor(
    context: FakeRequestContext,
    path: string,
    list: () => T[],
    private readonly proxy: (item: T) => P
  ) {
    super(context, path, list);
  }

  /** A collection is looked up afresh on each use (its members change). */
  target(): T[] | null {
    return this.locate();
  }

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  load(select?: Select): this {
    const names = selectNames(select)
      .map((n) => n.replace(/^items\/?/, ""))
      .filter(Boolean);
    this.context.queue({ load: this.path, select: names }, () => {
      const items = [...this.must()];
      const proxies = items.map(this.proxy);
      const data = proxies.map((p, i) => p.readNow(items[i], names));
      return {
        data,
        commit: () => {
          proxies.forEach((p, i) => p.deliver(data[i]));
          this.loadedItems = proxies;
        },
      };
    });
    return this;
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.queue({ call: `${this.path}.getCount` }, () => {
      const value = this.must().length;
      return { data: value, commit: () => (result.result = { value }) };
    });
    return result;
  }
}

class FakeApplication extends FakeObject<true> {
  constructor(context: FakeRequestContext) {
    super(context, "application", () => true);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeSheetState, FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    const proxy = (s: FakeSheetState) => new FakeWorksheet(context, `sheets/${s.id}`, () => s);
    super(context, "worksheets", () => context.state.sheets, proxy);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `sheets/${key}`, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `sheets/${key}?`, () => this.find(key), true);
  }

  private find(key: string): FakeSheetState | null {
    return this.context.state.sheet(key) ?? null;
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheetState | null = null;
    this.call("add", [name], () => {
      const state = this.context.state;
      created = state.addSheet(name ?? `Sheet${state.sheets.length + 1}`);
    });
    return new FakeWorksheet(this.context, `sheets/add(${name ?? ""})`, () => created);
  }
}

class FakeWorksheet extends FakeObject<FakeSheetState> {
  readonly freezePanes = new FakeFreezePanes(this);
  readonly charts: FakeChartCollection = new FakeChartCollection(this);
  readonly tables = new FakeTableCollection(this);

  protected readers() {
    return {
      name: (s: FakeSheetState) => s.name,
      id: (s: FakeSheetState) => s.id,
      position: (s: FakeSheetState) => this.context.state.sheets.indexOf(s),
    };
  }

  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }

  /** No address: the whole sheet. */
  getRange(address?: string): FakeRange {
    const rect = address === undefined ? SHEET : parseAddress(address);
    return new FakeRange(this, `range(${address ?? ""})`, () => {
      if (!rect) throw invalid(`Invalid address: ${address}`);
      return rect;
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    const rect = { row, column, rows, columns };
    return new FakeRange(this, `cells(${row},${column},${rows},${columns})`, () => {
      const ok = Object.values(rect).every(Number.isInteger) && rows > 0 && columns > 0;
      if (
        !ok ||
        row < 0 ||
        column < 0 ||
        row + rows > SHEET.rows ||
        column + columns > SHEET.columns
      )
        throw invalid(`Invalid indexes: ${JSON.stringify(rect)}`);
      return rect;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this, "usedRange?", () => this.must().usedRect(valuesOnly), true);
  }

  activate(): void {
    this.context.queue({ call: `${this.path}.activate` }, () => {
      this.context.state.activeSheet = this.must().name;
    });
  }
}

class FakeFreezePanes {
  constructor(private readonly sheet: FakeWorksheet) {}

  /** Each call replaces the frozen panes, as in Excel. */
  private set(method: string, args: unknown[], freeze: () => { rows: number; columns: number }) {
    this.sheet.context.queue({ call: `freezePanes.${method}`, args }, () => {
      this.sheet.must().freeze = freeze();
    });
  }
  freezeRows(count = 1): void {
    this.set("freezeRows", [count], () => ({ rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.set("freezeColumns", [count], () => ({ rows: 0, columns: count }));
  }
  freezeAt(frozen: FakeRange | string): void {
    const range = typeof frozen === "string" ? this.sheet.getRange(frozen) : frozen;
    this.set("freezeAt", [range.path], () => {
      const r = range.must().rect;
      return { rows: r.row + r.rows, columns: r.column + r.columns };
    });
  }
  unfreeze(): void {
    this.set("unfreeze", [], () => ({ rows: 0, columns: 0 }));
  }
}

// ---------------------------------------------------------------------------------------------
// Range

interface Located {
  sheet: FakeSheetState;
  rect: Rect;
}

class FakeRange extends FakeObject<Located> {
  private formatPart?: Record<string, unknown>;

  constructor(
    readonly worksheet: FakeWorksheet,
    path: string,
    locate: () => Rect | null,
    orNull = false
  ) {
    const find = () => {
      const sheet = orNull ? worksheet.target() : worksheet.must();
      const rect = sheet && locate();
      return sheet && rect ? { sheet, rect } : null;
    };
    super(worksheet.context, `${worksheet.path}/${path}`, find, orNull);
  }

  protected readers() {
    return {
      values: ({ sheet, rect }: Located) => sheet.grid(rect, "value", ""),
      numberFormat: ({ sheet, rect }: Located) => sheet.grid(rect, "numberFormat", "General"),
      address: ({ sheet, rect }: Located) => rectAddress(sheet.name, rect),
      rowIndex: ({ rect }: Located) => rect.row,
      columnIndex: ({ rect }: Located) => rect.column,
      rowCount: ({ rect }: Located) => rect.rows,
      columnCount: ({ rect }: Located) => rect.columns,
    };
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown[][]) {
    this.write("values", input, (at) =>
      this.eachInput(at, input, (cell, value) => {
        const stored = storeInput(value, cell.numberFormat);
        cell.value = stored.value;
        if (stored.formula) cell.formula = true;
        else delete cell.formula;
      })
    );
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.write("numberFormat", input, (at) =>
      this.eachInput(at, input, (cell, value) => {
        if (typeof value !== "string") throw invalid(`Not a number format: ${value}`);
        if (value === "" || value === "General") delete cell.numberFormat;
        else cell.numberFormat = value;
      })
    );
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  /**
   * One value for every cell (Office.js accepts a single value for values and numberFormat) or a
   * 2-D array of the range's size, whose null entries leave their cells unchanged.
   */
  private eachInput(at: Located, input: unknown, fn: (cell: FakeCell, value: unknown) => void) {
    const { sheet, rect } = at;
    if (!Array.isArray(input)) {
      if (input === null || input === undefined) throw invalid("A range property cannot be null.");
      this.eachCell(at, (cell) => fn(cell, input));
      return;
    }
    if (
      input.length !== rect.rows ||
      input.some((l) => !Array.isArray(l) || l.length !== rect.columns)
    )
      throw invalid(
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
      );
    input.forEach((line: unknown[], r) =>
      line.forEach((value, c) => {
        if (value !== null && value !== undefined)
          fn(sheet.touch(rect.row + r, rect.column + c), value);
      })
    );
  }

  private eachCell({ sheet, rect }: Located, fn: (cell: FakeCell) => void): void {
    if (rect.rows * rect.columns > MAX_CELLS_PER_WRITE)
      throw invalid("The fake does not format or fill ranges this large.");
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.column; c < rect.column + rect.columns; c++) fn(sheet.touch(r, c));
  }

  /** Selects the range (its sheet must be the active one in Excel; the add-in activates it first). */
  select(): void {
    this.call("select", [], ({ sheet, rect }) => {
      this.context.state.selection = rectAddress(sheet.name, rect);
    });
  }

  /** "All" clears values, formats and the conditional formats; data validation stays. */
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.call("clear", [applyTo], ({ sheet, rect }) => {
      sheet.forEachCell(rect, (cell) => {
        if (applyTo !== "Formats") {
          cell.value = "";
          delete cell.formula;
        }
        if (applyTo !== "Contents") {
          for (const key of ["numberFormat", "fill", "bold", "fontColor", "fontSize"] as const)
            delete cell[key];
        }
      });
      if (applyTo !== "Contents")
        sheet.conditionalFormats = trimRules(sheet.conditionalFormats, rect);
    });
  }

  /** format.fill.color, format.font.bold/color/size, format.columnWidth (points): write-only. */
  get format(): Record<string, unknown> {
    const apply = (fn: (cell: FakeCell) => void) => this.eachCell(this.must(), fn);
    return (this.formatPart ??= settable(
      this.context,
      `${this.path}/format`,
      {
        columnWidth: (points: number) => {
          const { sheet, rect } = this.must();
          for (let c = rect.column; c < rect.column + rect.columns; c++)
            sheet.columnWidths[c] = points;
        },
      },
      {
        fill: settable(this.context, `${this.path}/fill`, {
          color: (color: string) => apply((cell) => (cell.fill = color.toUpperCase())),
        }),
        font: settable(this.context, `${this.path}/font`, {
          bold: (bold: boolean) => apply((cell) => (bold ? (cell.bold = true) : delete cell.bold)),
          color: (color: string) => apply((cell) => (cell.fontColor = color.toUpperCase())),
          size: (size: number) => apply((cell) => (cell.fontSize = size)),
        }),
      }
    ));
  }

  get conditionalFormats() {
    return {
      /** Excel adds a new conditional format at the top priority. */
      add: (type: FakeRuleType) => {
        const cf = new FakeConditionalFormatObject(this.context, type);
        this.call("conditionalFormats.add", [type], ({ sheet, rect }) => {
          if (!["Custom", "DataBar", "ColorScale", "ContainsText"].includes(type))
            throw invalid(`The fake does not support ${type} rules.`);
          cf.record = { type, ranges: [rect], props: {} };
          sheet.conditionalFormats.unshift(cf.record);
        });
        return cf;
      },
      clearAll: () =>
        this.call("conditionalFormats.clearAll", [], ({ sheet, rect }) => {
          sheet.conditionalFormats = trimRules(sheet.conditionalFormats, rect);
        }),
    };
  }

  /** `rule = { list: { inCellDropDown, source } }` replaces the cells' validation; `clear()`. */
  get dataValidation(): Record<string, unknown> {
    const setRule = (rule: Excel.DataValidationRule) => {
      const { sheet, rect } = this.must();
      if (!rule.list) throw invalid("The fake supports list validations only.");
      sheet.validations = [...trimRules(sheet.validations, rect), { ranges: [rect], rule }];
    };
    const clear = () =>
      this.call("dataValidation.clear", [], ({ sheet, rect }) => {
        sheet.validations = trimRules(sheet.validations, rect);
      });
    return settable(this.context, `${this.path}/dataValidation`, { rule: setRule }, { clear });
  }
}

/** A conditional format: its type's part (custom, textComparison, colorScale, dataBar) is settable. */
class FakeConditionalFormatObject {
  record: FakeConditionalFormat | null = null;
  constructor(
    private readonly context: FakeRequestContext,
    readonly type: FakeRuleType
  ) {}

  /** Setters writing keys of the rule; a key of another type's part fails the sync. */
  private part(type: FakeRuleType, keys: Record<string, string>, parts: object = {}) {
    const setters = Object.fromEntries(
      Object.entries(keys).map(([prop, key]) => [
        prop,
        (value: unknown) => {
          if (this.record?.type !== type)
            throw new FakeOfficeError(
              "InvalidOperation",
              `A ${this.type} rule has no ${type} part.`
            );
          this.record.props[key] = value;
        },
      ])
    );
    return settable(this.context, `conditionalFormat/${type}`, setters, parts);
  }

  private ruleFormat(type: FakeRuleType) {
    return this.part(
      type,
      {},
      {
        fill: this.part(type, { color: "fill" }),
        font: this.part(type, { color: "fontColor", bold: "bold" }),
      }
    );
  }

  get custom() {
    const rule = this.part("Custom", { formula: "formula" });
    return this.part("Custom", {}, { rule, format: this.ruleFormat("Custom") });
  }
  get textComparison() {
    return this.part("ContainsText", { rule: "rule" }, { format: this.ruleFormat("ContainsText") });
  }
  get colorScale() {
    return this.part("ColorScale", { criteria: "criteria" });
  }
  get dataBar() {
    const positiveFormat = this.part("DataBar", {
      fillColor: "fillColor",
      gradientFill: "gradientFill",
    });
    const bar = {
      barDirection: "barDirection",
      lowerBoundRule: "lowerBoundRule",
      upperBoundRule: "upperBoundRule",
    };
    return this.part("DataBar", bar, { positiveFormat });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

class FakeChartCollection extends FakeCollection<FakeChart, FakeChartObject> {
  constructor(private readonly sheet: FakeWorksheet) {
    super(
      sheet.context,
      `${sheet.path}/charts`,
      () => sheet.must().charts,
      (chart) => new FakeChartObject(sheet, () => chart)
    );
  }

  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChartObject {
    let created: FakeChart | null = null;
    this.call("add", [type, source.path, seriesBy], (charts) => {
      const { sheet, rect } = source.must();
      if (sheet !== this.sheet.must()) throw invalid("The source data is on another sheet.");
      const name = `Chart ${++this.context.state.chartCounter}`;
      created = { name, type, source: rect, seriesBy, title: "", position: null };
      charts.push(created);
    });
    return new FakeChartObject(this.sheet, () => created);
  }
}

class FakeChartObject extends FakeObject<FakeChart> {
  readonly title = settable(this.context, `${this.path}/title`, {
    text: (text: string) => (this.must().title = text),
  });

  constructor(
    private readonly sheet: FakeWorksheet,
    locate: () => FakeChart | null
  ) {
    super(sheet.context, `${sheet.path}/chart`, locate);
  }

  protected readers() {
    return { name: (c: FakeChart) => c.name, chartType: (c: FakeChart) => c.type };
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, (chart) => (chart.name = value));
  }
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    const cell = (r: FakeRange | string) => {
      if (typeof r === "string") return r;
      const { rect } = r.must();
      return `${columnLetter(rect.column)}${rect.row + 1}`;
    };
    this.call("setPosition", [String(start), String(end)], (chart) => {
      chart.position = { start: cell(start), end: end === undefined ? null : cell(end) };
    });
  }
  delete(): void {
    this.call("delete", [], (chart) => {
      const sheet = this.sheet.must();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tables and settings

/** Worksheet.tables: `add` only (Excel names the table; the style is settable). */
class FakeTableCollection {
  constructor(private readonly sheet: FakeWorksheet) {}

  add(address: FakeRange | string, hasHeaders: boolean): Record<string, unknown> {
    const range = typeof address === "string" ? this.sheet.getRange(address) : address;
    let created: FakeTable | null = null;
    this.sheet.context.queue({ call: `${this.sheet.path}/tables.add`, args: [range.path] }, () => {
      const { sheet, rect } = range.must();
      const overlaps = this.sheet.context.state.sheets.some(
        (s) => s === sheet && s.tables.some((t) => intersects(t.rect, rect))
      );
      if (overlaps) throw invalid("A table cannot overlap another table.");
      const name = `Table${++this.sheet.context.state.tableCounter}`;
      created = { name, rect, hasHeaders, style: "TableStyleMedium2" };
      sheet.tables.push(created);
    });
    return settable(this.sheet.context, `${this.sheet.path}/table`, {
      style: (style: string) => {
        if (created) created.style = style;
      },
    });
  }
}

/** One document setting: `value` after load and sync; `isNullObject` for getItemOrNullObject. */
class FakeSetting extends FakeObject<{ key: string; value: unknown }> {
  protected readers() {
    return {
      key: (s: { key: string }) => s.key,
      value: (s: { value: unknown }) => s.value,
    };
  }
  get value(): unknown {
    return this.read("value");
  }
}

/** Workbook.settings (ExcelApi 1.4): add (replaces) and getItemOrNullObject. */
class FakeSettingCollection {
  constructor(private readonly context: FakeRequestContext) {}

  private find(key: string): { key: string; value: unknown } | null {
    const settings = this.context.state.settings;
    return settings.has(key) ? { key, value: settings.get(key) } : null;
  }

  add(key: string, value: unknown): FakeSetting {
    this.context.queue({ call: "settings.add", args: [key, value] }, () => {
      this.context.state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(this.context, `settings/${key}`, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, `settings/${key}?`, () => this.find(key), true);
  }
}

// ---------------------------------------------------------------------------------------------
// The host

export interface FakeExcel {
  /** Like Excel.run: a fresh context; what is still queued when the batch resolves is synced. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  workbook: FakeWorkbookState;
  stats: FakeStats;
  /**
   * Makes the n-th sync from now (1: the next) fail like Excel, applying nothing of its batch, with
   * this code (GeneralException by default; AccessDenied plays a protected sheet).
   */
  failSync(n: number, code?: string): void;
}

/** Excel on the web's payload caps; a test lowers one to see the add-in cope. */
export interface FakeLimits {
  requestLimitBytes?: number;
  responseLimitBytes?: number;
}

export function createFakeExcel(
  initial: Array<{ name: string; values: FakeValue[][] }> = [],
  options: FakeLimits = {}
): FakeExcel {
  const workbook = new FakeWorkbookState();
  for (const { name, values } of initial) {
    const sheet = workbook.addSheet(name);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== "") sheet.touch(r, c).value = value;
      })
    );
  }
  const stats: FakeStats = {
    syncs: 0,
    largestRequestBytes: 0,
    requests: [],
    responses: [],
    largestResponseBytes: 0,
  };
  const host: FakeHost = {
    workbook,
    stats,
    requestLimitBytes: options.requestLimitBytes ?? DEFAULT_REQUEST_LIMIT,
    responseLimitBytes: options.responseLimitBytes ?? DEFAULT_RESPONSE_LIMIT,
    failAt: 0,
    failCode: "GeneralException",
  };
  return {
    workbook,
    stats,
    failSync: (n, code = "GeneralException") => {
      host.failAt = stats.syncs + n;
      host.failCode = code;
    },
    run: async (batch) => {
      const context = new FakeRequestContext(host);
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.hasPending) await context.sync();
      return result;
    },
  };
}

/** A fake Excel holding these grids (as read by Office.js or ExcelJS), each cell where its sheet has it. */
export function fakeFromGrids(grids: readonly SheetGrid[], limits: FakeLimits = {}): FakeExcel {
  return createFakeExcel(
    grids.map((g) => {
      const top = g.origin?.row ?? 0;
      const left = g.origin?.col ?? 0;
      const values: FakeValue[][] = Array.from({ length: top }, () => []);
      for (const line of g.values)
        values.push([...new Array<FakeValue>(left).fill(""), ...(line ?? []).map((v) => v ?? "")]);
      return { name: g.name, values };
    }),
    limits
  );
}
