import { cellAddress } from "./address";
import type { DetectedTable } from "./headers";
import { KeyTable } from "./keyTable";
import { cellText, formatSerial, isBlank, normalizeId } from "./parse";
import type { Cell, QualityIssue, QualityKind, SheetGrid } from "./types";

/** One customer of the archive (or, without an archive, one customer first seen in the orders). */
export interface Customer {
  /** Matching key: trimmed, full-width folded, lower-cased. */
  key: string;
  /** The ID as the user wrote it (trimmed). */
  id: string;
  /** 0-based sheet row of the archive line, or -1 when the customer comes from the orders only. */
  row: number;
  /** Raw archive cells by field name (name, phone, owner, tags, ...). Empty when there is no archive. */
  fields: Record<string, Cell>;
}

/**
 * The customers and a lookup by ID cell that matches the way `Customer.key` does: a KeyTable, not
 * a Map of key strings, because a Map of a hundred thousand fresh strings costs more to build than
 * the whole rest of reading the archive, and a cell is found without normalising it.
 */
export class CustomerIndex {
  readonly customers: Customer[] = [];
  private readonly byId: KeyTable;

  constructor(capacity = 16) {
    this.byId = new KeyTable(capacity, (c) => this.customers[c].key);
  }

  /** Index of the customer whose key the (non-blank) ID cell matches, -1 when none. */
  find(idCell: Cell): number {
    return this.byId.get(idCell);
  }

  /** Adds the customer unless one with the same key is there: its index, or -1 when it was added. */
  addNew(customer: Customer): number {
    const existing = this.byId.getOrAdd(customer.key, this.customers.length);
    if (existing < 0) this.customers.push(customer);
    return existing;
  }
}

const DATE_KINDS: ReadonlySet<QualityKind> = new Set(["after_as_of", "bad_date", "stale_record"]);

/** Collects issues with addresses; shared by the readers of every input sheet. */
export class QualityLog {
  readonly issues: QualityIssue[] = [];

  constructor(private readonly sheet: SheetGrid) {}

  add(
    kind: QualityKind,
    valuesRow: number,
    valuesCol: number,
    value: Cell,
    excluded: boolean
  ): void {
    const row = valuesRow + (this.sheet.origin?.row ?? 0);
    const col = valuesCol + (this.sheet.origin?.col ?? 0);
    this.issues.push({
      kind,
      sheet: this.sheet.name,
      row,
      col,
      address: cellAddress(this.sheet.name, row, col),
      // A date cell that is a serial reads better as a date in the report.
      value:
        typeof value === "number" && DATE_KINDS.has(kind)
          ? formatSerial(Math.floor(value))
          : cellText(value),
      excluded,
    });
  }
}

function rowIsBlank(row: ReadonlyArray<Cell> | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

const CELLS = Symbol("cells");

/**
 * A customer's archive cells by field name, read from their line of the grid when asked: one small
 * object per customer rather than a copy of every cell under its name, which for a hundred
 * thousand customers of a wide archive cost more than the rest of reading it. (The grid is the
 * caller's and is not changed while a run reads it.)
 */
function fieldsOfRow(
  columns: Readonly<Record<string, number>>
): new (row: readonly Cell[]) => Record<string, Cell> {
  class Fields {
    [CELLS]: readonly Cell[];
    constructor(row: readonly Cell[]) {
      this[CELLS] = row;
    }
  }
  for (const [field, col] of Object.entries(columns))
    Object.defineProperty(Fields.prototype, field, {
      get(this: Fields) {
        return this[CELLS][col];
      },
      enumerable: true,
    });
  // As a plain object of its fields for JSON (a --report-json or a test's dump).
  Object.defineProperty(Fields.prototype, "toJSON", {
    value(this: Record<string, Cell>) {
      const plain: Record<string, Cell> = {};
      for (const field in this) plain[field] = this[field];
      return plain;
    },
  });
  return Fields as unknown as new (row: readonly Cell[]) => Record<string, Cell>;
}

/** Reads the customer archive: one customer per non-blank row; duplicate IDs keep the first line. */
export function readCustomers(
  sheet: SheetGrid,
  table: DetectedTable,
  log: QualityLog
): CustomerIndex {
  const index = new CustomerIndex(sheet.values.length);
  const idCol = table.columns.customerId;
  // The table's fields and columns, looked up once rather than per customer.
  const Fields = fieldsOfRow(table.columns);
  const originRow = sheet.origin?.row ?? 0;
  for (let r = table.firstDataRow; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (rowIsBlank(row)) continue;
    const idCell = row[idCol];
    const key = normalizeId(idCell);
    if (key === null) {
      log.add("missing_id", r, idCol, idCell, true);
      continue;
    }
    const customer = {
      key,
      id: cellText(idCell).trim(),
      row: r + originRow,
      fields: new Fields(row),
    };
    if (index.addNew(customer) >= 0) log.add("duplicate_customer", r, idCol, idCell, true);
  }
  return index;
}

export { rowIsBlank };
