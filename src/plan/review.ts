import { cellText, isBlank, parseAmount, parseDate } from "../core/parse";
import type { OrderBook } from "../core/orders";
import type { ScoreReport } from "../core/pipeline";
import type { Cell, Lang, SheetGrid } from "../core/types";
import { EFFECT_VALUES, REVIEW_HEADERS, SHEET_NAMES } from "../i18n/sheets";
import { TIER_COLORS } from "./formats";
import { customerKeyOf, findTable, linesOf } from "./previous";
import { singleTableSheet, type ColumnKind, type PlanCell, type SheetPlan } from "./types";
import type { TrackingPlanLine } from "./tracking";

/**
 * The review sheet (策略效果复盘): for every strategy line with a planned period, orders and amount in
 * the same number of days before the period vs during it (up to the as-of date), and whether the
 * expected target was reached. The manager's analysis columns are kept across runs.
 */

const COLUMNS: Array<[key: string, kind: ColumnKind, width: number, manager: boolean]> = [
  ["id", "text", 12, false],
  ["name", "text", 22, false],
  ["type", "text", 10, false],
  ["start", "date", 12, false],
  ["end", "date", 12, false],
  ["ordersBefore", "integer", 10, false],
  ["amountBefore", "money", 14, false],
  ["ordersDuring", "integer", 10, false],
  ["amountDuring", "money", 14, false],
  ["target", "text", 28, false],
  ["effect", "text", 12, false],
  ["analysis", "text", 36, true],
  ["improvement", "text", 36, true],
];
const col = (key: string) => COLUMNS.findIndex((c) => c[0] === key);

export type Effect = keyof typeof EFFECT_VALUES;

/**
 * Targets a manager writes ("新增交易金额3万元，交易频次提升20%"): the first amount is an amount
 * increase, the first percentage an order-count increase. Without either, both must rise.
 */
export function judgeEffect(
  target: string,
  before: { orders: number; amount: number },
  during: { orders: number; amount: number }
): Exclude<Effect, "not_started"> {
  const percent = /(\d+(?:\.\d+)?)\s*[%％]/.exec(target);
  const amount = /([¥￥]?\s*\d+(?:\.\d+)?\s*(?:[万亿]\s*元?|元))/.exec(
    target.replace(/[%％]/g, " % ")
  );
  const checks: boolean[] = [];
  if (amount) {
    const value = parseAmount(amount[1].replace(/\s/g, ""));
    if (value !== null) checks.push(during.amount - before.amount >= value);
  }
  if (percent) {
    const growth = Number(percent[1]) / 100;
    checks.push(
      before.orders > 0
        ? (during.orders - before.orders) / before.orders >= growth
        : during.orders > 0
    );
  }
  if (checks.length === 0)
    checks.push(during.amount > before.amount, during.orders > before.orders);
  const met = checks.filter(Boolean).length;
  return met === checks.length ? "effective" : met > 0 ? "partial" : "ineffective";
}

/** Purchase orders and net amount per customer between two days (inclusive). */
class CustomerOrders {
  private readonly start: Int32Array;
  private readonly order: Int32Array;

  constructor(
    private readonly book: OrderBook,
    customers: number
  ) {
    this.start = new Int32Array(customers + 1);
    for (let i = 0; i < book.count; i++) this.start[book.customer[i] + 1]++;
    for (let c = 0; c < customers; c++) this.start[c + 1] += this.start[c];
    const fill = this.start.slice(0, customers);
    this.order = new Int32Array(book.count);
    for (let i = 0; i < book.count; i++) this.order[fill[book.customer[i]]++] = i;
  }

  between(customer: number, from: number, to: number): { orders: number; amount: number } {
    let orders = 0;
    let amount = 0;
    for (let k = this.start[customer]; k < this.start[customer + 1]; k++) {
      const i = this.order[k];
      const d = this.book.day[i];
      if (d < from || d > to) continue;
      if (this.book.isReturn[i] === 0) orders++;
      amount += this.book.amount[i];
    }
    return { orders, amount: Math.round(amount * 100) / 100 };
  }
}

export function readReview(grid: SheetGrid | undefined): Map<string, Map<string, Cell>> {
  const kept = new Map<string, Map<string, Cell>>();
  if (!grid) return kept;
  const table = findTable(grid.values, REVIEW_HEADERS);
  if (!table) return kept;
  for (const { cells } of linesOf(grid.values, table)) {
    const key = reviewKey(cells.get("id"), cells.get("type"), cells.get("start"), cells.get("end"));
    if (key)
      kept.set(
        key,
        new Map([
          ["analysis", cells.get("analysis") ?? ""],
          ["improvement", cells.get("improvement") ?? ""],
        ])
      );
  }
  return kept;
}

function reviewKey(id: Cell, type: Cell, start: Cell, end: Cell): string | null {
  const customer = customerKeyOf(id);
  const from = parseDate(start);
  const to = parseDate(end);
  return customer === null || from === null || to === null
    ? null
    : `${customer}|${cellText(type)}|${from}|${to}`;
}

export function planReviewSheet(
  report: ScoreReport,
  lang: Lang,
  tracking: TrackingPlanLine[],
  previous: Map<string, Map<string, Cell>>,
  name?: string
): SheetPlan {
  const index = new Map(report.customers.map((c, i) => [c.customer.key, i]));
  const orders = report.book ? new CustomerOrders(report.book, report.customers.length) : null;
  const rows: PlanCell[][] = [];
  for (const line of tracking) {
    const from = isBlank(line.start) ? null : parseDate(line.start);
    const to = isBlank(line.end) ? null : parseDate(line.end);
    if (from === null || to === null || to < from) continue;
    const customer = index.get(line.customerKey);
    const key = reviewKey(line.id, line.type, from, to) as string;
    const kept = previous.get(key);
    const cells: PlanCell[] = COLUMNS.map(() => null);
    cells[col("id")] = cellText(line.id);
    cells[col("name")] = cellText(line.name) || null;
    cells[col("type")] = cellText(line.type);
    cells[col("start")] = from;
    cells[col("end")] = to;
    cells[col("target")] = cellText(line.target) || null;
    if (orders && customer !== undefined) {
      const days = to - from + 1;
      const before = orders.between(customer, from - days, from - 1);
      const during = orders.between(customer, from, Math.min(to, report.asOf));
      cells[col("ordersBefore")] = before.orders;
      cells[col("amountBefore")] = before.amount;
      cells[col("ordersDuring")] = during.orders;
      cells[col("amountDuring")] = during.amount;
      const effect: Effect =
        from > report.asOf ? "not_started" : judgeEffect(cellText(line.target), before, during);
      cells[col("effect")] = EFFECT_VALUES[effect][lang];
    }
    for (const k of ["analysis", "improvement"]) {
      const v = kept?.get(k);
      cells[col(k)] = v === undefined || v === "" ? null : (v as PlanCell);
    }
    rows.push(cells);
  }
  const span = { firstRow: 0, lastRow: Math.max(0, rows.length - 1) };
  const effectColors: Array<[Effect, string]> = [
    ["effective", "maintain"],
    ["partial", "keep"],
    ["ineffective", "win_back"],
  ];
  return singleTableSheet(
    "review",
    name ?? SHEET_NAMES.review[lang],
    [],
    {
      columns: COLUMNS.map(([key, kind, width, manager]) => ({
        key,
        kind,
        width,
        manager,
        header: REVIEW_HEADERS[key][lang],
      })),
      rows,
      conditionalFormats:
        rows.length === 0
          ? []
          : effectColors.map(([effect, family]) => ({
              type: "textEquals" as const,
              column: col("effect"),
              rows: span,
              text: EFFECT_VALUES[effect][lang],
              fill: TIER_COLORS[family].fill,
              font: TIER_COLORS[family].font,
            })),
      validations: [],
    },
    2
  );
}
