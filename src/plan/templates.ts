import { detectInputs, type InputKind } from "../core/headers";
import type { Cell, SheetGrid } from "../core/types";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";
import { TEMPLATE_FIELDS, type TemplateKind } from "./templateFields";
import type {
  ColumnKind,
  ColumnPlan,
  InputSheetKey,
  ListValidationPlan,
  PlanCell,
  SheetPlan,
  TablePlan,
} from "./types";

/**
 * The input sheets the pane adds on request, as plain plans for the usual write path: the three
 * template sheets a team types into, and the sample workbook's input sheets. Both only ever add
 * sheets: a name already taken gets a suffix, so no existing sheet is touched.
 */

const MAX_SHEET_NAME = 31;

/** `name`, else `name (2)`, `name (3)`…, never one of `taken` (Excel compares names ignoring case). */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Number format and width per field; anything not named is text typed as it is. */
const FIELD_KIND: Record<string, { kind: ColumnKind; width: number }> = {
  customerId: { kind: "text", width: 12 },
  orderId: { kind: "text", width: 14 },
  name: { kind: "text", width: 24 },
  foundedDate: { kind: "date", width: 12 },
  firstDealDate: { kind: "date", width: 14 },
  orderDate: { kind: "date", width: 12 },
  followDate: { kind: "date", width: 12 },
  nextDate: { kind: "date", width: 14 },
  created: { kind: "date", width: 12 },
  expectedStart: { kind: "date", width: 14 },
  amount: { kind: "money", width: 14 },
  profit: { kind: "money", width: 12 },
  quantity: { kind: "integer", width: 8 },
  needs: { kind: "text", width: 24 },
  history: { kind: "text", width: 30 },
  content: { kind: "text", width: 30 },
  feedback: { kind: "text", width: 24 },
  nextAction: { kind: "text", width: 24 },
};

const KEY_OF: Record<TemplateKind, InputSheetKey> = {
  customers: "input_customers",
  orders: "input_orders",
  followups: "input_followups",
};

/** One template sheet: its header, one empty line to type into, formats and drop-downs. */
function templateSheet(kind: TemplateKind, lang: Lang, name: string): SheetPlan<InputSheetKey> {
  const words = strings(lang).templates;
  const headers = words[kind] as Record<string, string>;
  const fields: readonly string[] = TEMPLATE_FIELDS[kind];
  const columns: ColumnPlan[] = fields.map((field) => {
    const { kind: columnKind, width } = FIELD_KIND[field] ?? { kind: "text", width: 12 };
    const header = headers[field];
    return { key: field, header, kind: columnKind, width: Math.max(width, header.length + 4) };
  });
  const lists: Record<string, string[]> = {
    stage: Object.values(words.stage),
    intent: Object.values(words.intent),
    done: Object.values(words.done),
    method: words.method,
  };
  const validations: ListValidationPlan[] = fields.flatMap((field, column) =>
    kind === "followups" && lists[field]
      ? [{ column, rows: { firstRow: 0, lastRow: 0 }, values: lists[field] }]
      : []
  );
  const table: TablePlan = {
    id: kind,
    startRow: 0,
    startColumn: 0,
    columns,
    // An Excel table needs one line; typing below it extends the table with its formats and lists.
    rows: [columns.map(() => null)],
    conditionalFormats: [],
    validations,
    excelTable: true,
  };
  return {
    key: KEY_OF[kind],
    name,
    preamble: [],
    tables: [table],
    charts: [],
    freezeRows: 1,
    freezeColumns: 0,
  };
}

/** The customer archive, orders and follow-up records templates, under names not in `taken`. */
export function templatePlans(lang: Lang, taken: Iterable<string>): SheetPlan<InputSheetKey>[] {
  const used = [...taken];
  const names = strings(lang).templates.sheet;
  return (Object.keys(TEMPLATE_FIELDS) as TemplateKind[]).map((kind) => {
    const name = freeName(names[kind], used);
    used.push(name);
    return templateSheet(kind, lang, name);
  });
}

/** Field kinds that carry a number format when a sample sheet is copied. */
const DATE_FIELDS = new Set([
  "foundedDate",
  "firstDealDate",
  "lastPurchaseDate",
  "lastUpdated",
  "created",
  "expectedStart",
  "orderDate",
  "followDate",
  "nextDate",
]);
const MONEY_FIELDS = new Set(["amount", "profit", "totalAmount"]);

const planCell = (cell: Cell): PlanCell => (cell === undefined ? null : cell);

/**
 * Sheets read from a workbook (the bundled sample) as plans adding them under free names: the lines
 * above a recognised header as they are, the table below it with date and money formats on the
 * recognised date and amount columns (text stays text, so the sample's typed mess stays too).
 */
export function copiedSheetPlans(
  grids: readonly SheetGrid[],
  taken: Iterable<string>
): SheetPlan<InputSheetKey>[] {
  const used = [...taken];
  const found = detectInputs(grids);
  const byKind: Array<[InputKind, InputSheetKey]> = [
    ["customers", "input_customers"],
    ["orders", "input_orders"],
    ["followups", "input_followups"],
  ];
  return grids.map((grid) => {
    const name = freeName(grid.name, used);
    used.push(name);
    const top = grid.origin?.row ?? 0;
    const left = grid.origin?.col ?? 0;
    const lines: PlanCell[][] = [
      ...Array.from({ length: top }, () => []),
      ...grid.values.map((line) => [
        ...new Array<PlanCell>(left).fill(null),
        ...(line ?? []).map(planCell),
      ]),
    ];
    const hit = byKind.find(([kind]) => found[kind]?.sheet === grid.name);
    const table = hit ? found[hit[0]] : null;
    if (!hit || !table)
      return {
        key: "input_other",
        name,
        preamble: lines,
        tables: [],
        charts: [],
        freezeRows: 0,
        freezeColumns: 0,
      };
    const headerRow = top + table.headerRow;
    const width = Math.max(...lines.slice(headerRow).map((line) => line.length));
    const kindOf = new Map<number, ColumnKind>();
    for (const [field, col] of Object.entries(table.columns)) {
      if (DATE_FIELDS.has(field)) kindOf.set(col + left, "date");
      if (MONEY_FIELDS.has(field)) kindOf.set(col + left, "money");
    }
    const header = lines[headerRow] ?? [];
    const columns: ColumnPlan[] = Array.from({ length: width }, (_, c) => ({
      key: `c${c}`,
      header: header[c] === null || header[c] === undefined ? "" : String(header[c]),
      kind: kindOf.get(c) ?? "general",
      width: kindOf.has(c) ? 12 : 10,
    }));
    return {
      key: hit[1],
      name,
      preamble: lines.slice(0, headerRow),
      tables: [
        {
          id: hit[0],
          startRow: headerRow,
          startColumn: 0,
          columns,
          rows: lines.slice(headerRow + 1).map((line) => columns.map((_, c) => line[c] ?? null)),
          conditionalFormats: [],
          validations: [],
          excelTable: hit[0] === "orders",
        },
      ],
      charts: [],
      freezeRows: headerRow + 1,
      freezeColumns: 0,
    };
  });
}
