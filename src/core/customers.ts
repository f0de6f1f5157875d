import { cellAddress } from "./address";
import type { DetectedTable } from "./headers";
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

export interface CustomerIndex {
  customers: Customer[];
  byKey: Map<string, number>;
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

/** Reads the customer archive: one customer per non-blank row; duplicate IDs keep the first line. */
export function readCustomers(
  sheet: SheetGrid,
  table: DetectedTable,
  log: QualityLog
): CustomerIndex {
  const customers: Customer[] = [];
  const byKey = new Map<string, number>();
  const idCol = table.columns.customerId;
  const fieldCols = Object.entries(table.columns);
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
    if (byKey.has(key)) {
      log.add("duplicate_customer", r, idCol, idCell, true);
      continue;
    }
    const fields: Record<string, Cell> = {};
    for (const [field, c] of fieldCols) fields[field] = row[c];
    byKey.set(key, customers.length);
    customers.push({ key, id: cellText(idCell).trim(), row: r + originRow, fields });
  }
  return { customers, byKey };
}

export { rowIsBlank };
