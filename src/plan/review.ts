import { cellText, formatSerial, isBlank, parseAmount, parseDate } from "../core/parse";
import { OWN_HEADERS } from "../i18n/ownSheets";
import type { SheetStrings } from "../i18n/strings/sheets";
import type { ReviewStrings } from "../i18n/strings/review";
import { strings } from "../i18n";
import {
  BOOTSTRAP_RESAMPLES,
  differenceInDifferences,
  MIN_GROUP_CUSTOMERS,
  type CustomerChange,
  type Uplift,
  type UpliftVerdict,
} from "../core/review/uplift";
import type { OrderBook } from "../core/orders";
import type { ScoreReport } from "../core/pipeline";
import type { Cell, Serial, SheetGrid } from "../core/types";
import type { Lang } from "../i18n/lang";
import { TIER_COLORS } from "./formats";
import { REVIEW_DUE } from "./formats";
import { aovGrowth, rollUpEffects, type EffectCode } from "../core/review/loop";
import { columnLetter } from "../core/address";
import { byKeyInEveryLang } from "../i18n";
import { winBackTables, type WinBackFigures } from "./winBack";
import { customerKeyOf, findTable, linesOf } from "./previous";
import {
  columnPlans,
  type ColumnKind,
  type PlanCell,
  type SheetPlan,
  type TablePlan,
} from "./types";
import type { TrackingPlanLine } from "./tracking";

/**
 * The review sheet (策略效果复盘): for every strategy line with a planned period, orders and amount in
 * the same number of days before the period vs during it (up to the as-of date), and whether the
 * expected target was reached. The manager's analysis columns are kept across runs.
 */

const COLUMNS: Array<
  [
    key: keyof SheetStrings["reviewHeaders"] | "coreGoal" | "reviewDue" | "aovGrowth",
    kind: ColumnKind,
    width: number,
    manager: boolean,
  ]
> = [
  ["id", "text", 12, false],
  ["name", "text", 22, false],
  ["type", "text", 10, false],
  ["coreGoal", "text", 24, false],
  ["control", "text", 10, false],
  ["start", "date", 12, false],
  ["end", "date", 12, false],
  ["reviewDue", "date", 12, false],
  ["ordersBefore", "integer", 10, false],
  ["amountBefore", "money", 14, false],
  ["ordersDuring", "integer", 10, false],
  ["amountDuring", "money", 14, false],
  ["aovGrowth", "percent", 12, false],
  ["target", "text", 28, false],
  ["effect", "text", 12, false],
  ["analysis", "text", 36, true],
  ["improvement", "text", 36, true],
];
/** Column positions by key (looked up for every cell of every line). */
const POSITIONS = new Map<string, number>();
COLUMNS.forEach(([key], i) => {
  if (!POSITIONS.has(key)) POSITIONS.set(key, i);
});
const col = (key: string) => POSITIONS.get(key) ?? -1;

/** Headers of the per-line table in both languages (the older columns' words, then the new section's). */
const HEADERS: Record<string, Record<Lang, string>> = {
  ...OWN_HEADERS.review,
  ...byKeyInEveryLang((s) => s.reviewLoop.headers),
};

export type Effect = keyof SheetStrings["effectValues"];

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
  // The per-customer table sits below the uplift table: look further down than the first lines.
  const table = findTable(grid.values, HEADERS, grid.values.length);
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

/** One strategy, tier and period compared: treated vs control. */
export interface ReviewGroup {
  /** Strategy family key (maintain, …), or the type text a manager typed. */
  strategy: string;
  /** Tier key when planned (churn_risk, …), or the text on the line. */
  tier: string;
  strategyText: string;
  tierText: string;
  from: Serial;
  to: Serial;
  uplift: Uplift;
}

/** A strategy line with one period it is reviewed over. */
interface ReviewLine {
  line: TrackingPlanLine;
  strategy: string;
  tier: string;
  from: Serial;
  to: Serial;
}

const groupKey = (strategy: string, tier: string) => `${strategy}|${tier}`;

/**
 * Each line with the period(s) it is reviewed over: its own when both dates are typed and in order;
 * a control line without one is compared in each period its strategy and tier ran (those of its
 * treated lines: managers plan periods for the customers they act on); other lines have none.
 * Kept per tracking list: the groups and the sheet both read it.
 */
const reviewed = new WeakMap<readonly TrackingPlanLine[], ReviewLine[]>();
function linesWithPeriods(tracking: readonly TrackingPlanLine[]): ReviewLine[] {
  const cached = reviewed.get(tracking);
  if (cached) return cached;
  // Each line's own period (NaN: none); most lines of a fresh plan have no dates yet.
  const from = new Float64Array(tracking.length).fill(NaN);
  const to = new Float64Array(tracking.length).fill(NaN);
  const periods = new Map<string, Map<string, [Serial, Serial]>>();
  for (let i = 0; i < tracking.length; i++) {
    const line = tracking[i];
    if (isBlank(line.start) || isBlank(line.end)) continue;
    const f = parseDate(line.start);
    const t = parseDate(line.end);
    if (f === null || t === null || t < f) continue;
    from[i] = f;
    to[i] = t;
    if (line.control) continue;
    const key = groupKey(line.strategy, line.tier);
    const list = periods.get(key) ?? new Map<string, [Serial, Serial]>();
    list.set(`${f}|${t}`, [f, t]);
    periods.set(key, list);
  }
  const sorted = new Map(
    [...periods].map(([k, m]) => [k, [...m.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1])])
  );
  const out: ReviewLine[] = [];
  for (let i = 0; i < tracking.length; i++) {
    const line = tracking[i];
    const { strategy, tier } = line;
    if (!Number.isNaN(from[i])) out.push({ line, strategy, tier, from: from[i], to: to[i] });
    else if (line.control && sorted.size > 0)
      for (const [f, t] of sorted.get(groupKey(strategy, tier)) ?? [])
        out.push({ line, strategy, tier, from: f, to: t });
  }
  reviewed.set(tracking, out);
  return out;
}

/**
 * The before/during figures of one customer for a period: the same number of days before it, and
 * the period up to the as-of date.
 */
function changeOf(
  orders: CustomerOrders,
  customer: number,
  from: Serial,
  to: Serial,
  asOf: Serial
): CustomerChange {
  const days = to - from + 1;
  const before = orders.between(customer, from - days, from - 1);
  const during = orders.between(customer, from, Math.min(to, asOf));
  return {
    ordersBefore: before.orders,
    amountBefore: before.amount,
    ordersDuring: during.orders,
    amountDuring: during.amount,
  };
}

/** Customers by key, built once per report (the groups and the sheet both look customers up). */
const indexes = new WeakMap<ScoreReport, Map<string, number>>();
export function customerIndexOf(report: ScoreReport): Map<string, number> {
  let index = indexes.get(report);
  if (!index) {
    index = new Map();
    for (let i = 0; i < report.customers.length; i++) {
      const key = report.customers[i].customer.key;
      index.set(key, i); // the last customer with a key wins, as new Map(pairs) does
    }
    indexes.set(report, index);
  }
  return index;
}

/**
 * The customer a tracking line is for: the one it was planned under when the keys match, else the
 * one found by key (a line kept from an earlier run); undefined when they are not scored this run.
 */
export function customerOfLine(report: ScoreReport, line: TrackingPlanLine): number | undefined {
  const k = line.customer;
  if (k >= 0 && report.customers[k]?.customer.key === line.customerKey) return k;
  return customerIndexOf(report).get(line.customerKey);
}

/**
 * Treated vs control for every strategy, tier (when planned) and period that has started by the
 * as-of date. Pure; the order is by strategy, tier and start.
 */
export function reviewGroups(report: ScoreReport, tracking: TrackingPlanLine[]): ReviewGroup[] {
  const lines = linesWithPeriods(tracking);
  if (!report.book || lines.length === 0) return [];
  const index = customerIndexOf(report);
  const orders = new CustomerOrders(report.book, report.customers.length);
  const groups = new Map<
    string,
    {
      first: ReviewLine;
      from: Serial;
      to: Serial;
      treated: Map<string, CustomerChange>;
      control: Map<string, CustomerChange>;
    }
  >();
  for (const l of lines) {
    if (l.from > report.asOf) continue;
    const customer = index.get(l.line.customerKey);
    if (customer === undefined) continue;
    const key = `${groupKey(l.strategy, l.tier)}|${l.from}|${l.to}`;
    let g = groups.get(key);
    if (!g) {
      g = { first: l, from: l.from, to: l.to, treated: new Map(), control: new Map() };
      groups.set(key, g);
    }
    // One customer counts once per group, whatever copies of the line a manager made.
    const arm = l.line.control ? g.control : g.treated;
    if (!arm.has(l.line.customerKey))
      arm.set(l.line.customerKey, changeOf(orders, customer, l.from, l.to, report.asOf));
  }
  return [...groups]
    .map(([key, g]) => ({
      strategy: g.first.strategy,
      tier: g.first.tier,
      strategyText: cellText(g.first.line.type),
      tierText: cellText(g.first.line.plannedTier),
      from: g.from,
      to: g.to,
      uplift: differenceInDifferences([...g.treated.values()], [...g.control.values()], key),
    }))
    .sort(
      (a, b) =>
        a.strategy.localeCompare(b.strategy) || a.tier.localeCompare(b.tier) || a.from - b.from
    );
}

const UPLIFT_COLUMNS: Array<
  [key: keyof ReviewStrings["upliftHeaders"], kind: ColumnKind, width: number]
> = [
  ["strategy", "text", 12],
  ["tier", "text", 14],
  ["start", "date", 12],
  ["end", "date", 12],
  ["treated", "integer", 10],
  ["control", "integer", 10],
  ["tOrdersBefore", "decimal", 10],
  ["tOrdersDuring", "decimal", 10],
  ["cOrdersBefore", "decimal", 10],
  ["cOrdersDuring", "decimal", 10],
  ["upliftOrders", "decimal", 10],
  ["ciOrdersLow", "decimal", 10],
  ["ciOrdersHigh", "decimal", 10],
  ["tAmountBefore", "money", 12],
  ["tAmountDuring", "money", 12],
  ["cAmountBefore", "money", 12],
  ["cAmountDuring", "money", 12],
  ["upliftAmount", "money", 12],
  ["ciAmountLow", "money", 12],
  ["ciAmountHigh", "money", 12],
  ["verdict", "text", 12],
];

const r2 = (v: number | null | undefined) => (v == null ? null : Math.round(v * 100) / 100);

function upliftRow(g: ReviewGroup, lang: Lang): PlanCell[] {
  const u = g.uplift;
  const t = u.treatedMeans;
  const c = u.controlMeans;
  return [
    g.strategyText || null,
    g.tierText || null,
    g.from,
    g.to,
    u.treated,
    u.control,
    r2(t?.ordersBefore),
    r2(t?.ordersDuring),
    r2(c?.ordersBefore),
    r2(c?.ordersDuring),
    r2(u.upliftOrders),
    r2(u.ci90Orders?.[0]),
    r2(u.ci90Orders?.[1]),
    r2(t?.amountBefore),
    r2(t?.amountDuring),
    r2(c?.amountBefore),
    r2(c?.amountDuring),
    r2(u.upliftAmount),
    r2(u.ci90Amount?.[0]),
    r2(u.ci90Amount?.[1]),
    strings(lang).review.upliftVerdicts[u.verdict],
  ];
}

export function planReviewSheet(
  report: ScoreReport,
  lang: Lang,
  tracking: TrackingPlanLine[],
  previous: Map<string, Map<string, Cell>>,
  name?: string,
  groups: ReviewGroup[] = reviewGroups(report, tracking),
  winBack?: WinBackFigures
): SheetPlan {
  const loop = strings(lang).reviewLoop;
  const judged: Array<{ strategy: string; tier: string; effect: EffectCode }> = [];
  const labels = new Map<string, string>();
  const lines = linesWithPeriods(tracking);
  // Customers by key and their orders, only when some line has a period to review.
  const index = lines.length > 0 ? customerIndexOf(report) : new Map<string, number>();
  const orders =
    report.book && lines.length > 0
      ? new CustomerOrders(report.book, report.customers.length)
      : null;
  const rows: PlanCell[][] = [];
  for (const l of lines) {
    const { line, from, to } = l;
    const customer = index.get(line.customerKey);
    const key = reviewKey(line.id, line.type, from, to) as string;
    const kept = previous.get(key);
    const cells: PlanCell[] = COLUMNS.map(() => null);
    cells[col("id")] = cellText(line.id);
    cells[col("name")] = cellText(line.name) || null;
    cells[col("type")] = cellText(line.type);
    cells[col("coreGoal")] = cellText(line.coreGoal) || null;
    cells[col("reviewDue")] = parseDate(line.reviewDue);
    cells[col("control")] = strings(lang).review.controlMark[line.control ? "yes" : "no"];
    cells[col("start")] = from;
    cells[col("end")] = to;
    cells[col("target")] = cellText(line.target) || null;
    if (orders && customer !== undefined) {
      const change = changeOf(orders, customer, from, to, report.asOf);
      const before = { orders: change.ordersBefore, amount: change.amountBefore };
      const during = { orders: change.ordersDuring, amount: change.amountDuring };
      cells[col("ordersBefore")] = before.orders;
      cells[col("amountBefore")] = before.amount;
      cells[col("ordersDuring")] = during.orders;
      cells[col("amountDuring")] = during.amount;
      cells[col("aovGrowth")] = aovGrowth(before, during);
      // A control customer was not acted on: there is no target to judge.
      if (!line.control) {
        const effect: Effect =
          from > report.asOf ? "not_started" : judgeEffect(cellText(line.target), before, during);
        cells[col("effect")] = strings(lang).sheets.effectValues[effect];
        const strategy = `s|${l.strategy}`;
        const tier = `t|${l.tier}`;
        if (!labels.has(strategy)) labels.set(strategy, cellText(line.type));
        if (!labels.has(tier)) labels.set(tier, cellText(line.plannedTier));
        judged.push({ strategy, tier, effect });
      }
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
  const preamble: PlanCell[][] = [
    [strings(lang).review.text.title({ asOf: formatSerial(report.asOf) })],
    [strings(lang).review.text.howToRead({ min: MIN_GROUP_CUSTOMERS })],
  ];
  if (groups.length === 0) preamble.push([strings(lang).review.text.noUplift]);
  const upliftRows = groups.map((g) => upliftRow(g, lang));
  const upliftStart = preamble.length + 2;
  const verdictColumn = UPLIFT_COLUMNS.findIndex(([k]) => k === "verdict");
  const verdictColors: Array<[UpliftVerdict, string]> = [
    ["effective", "maintain"],
    ["no_effect", "win_back"],
  ];
  const upliftTable: TablePlan = {
    id: "uplift",
    startRow: upliftStart,
    startColumn: 0,
    caption: strings(lang).review.text.upliftCaption({
      resamples: BOOTSTRAP_RESAMPLES,
    }),
    columns: UPLIFT_COLUMNS.map(([key, kind, width]) => ({
      key,
      kind,
      width,
      header: strings(lang).review.upliftHeaders[key],
    })),
    rows: upliftRows,
    conditionalFormats:
      upliftRows.length === 0
        ? []
        : verdictColors.map(([verdict, family]) => ({
            type: "textEquals" as const,
            column: verdictColumn,
            rows: { firstRow: 0, lastRow: upliftRows.length - 1 },
            text: strings(lang).review.upliftVerdicts[verdict],
            fill: TIER_COLORS[family].fill,
            font: TIER_COLORS[family].font,
          })),
    validations: [],
  };
  // Verdicts rolled up by playbook and by tier, then the win-back rate and churn reasons.
  const rollUp = rollUpEffects(judged);
  const rollUpRows: PlanCell[][] = [
    ...rollUp.byStrategy.map(
      ({ strategy, counts }) => [loop.byStrategy, labels.get(strategy) ?? "", counts] as const
    ),
    ...rollUp.byTier.map(
      ({ tier, counts }) => [loop.byTier, labels.get(tier) ?? "", counts] as const
    ),
  ].map(([by, group, c]) => [
    by,
    group || null,
    c.lines,
    c.effective,
    c.partial,
    c.ineffective,
    c.not_started,
    c.effectiveShare,
  ]);
  const h = loop.rollUpHeaders;
  const extra: TablePlan[] = [
    {
      id: "rollUp",
      startRow: 0,
      startColumn: 0,
      caption: loop.rollUpCaption,
      columns: (
        [
          ["by", h.by, "text", 12],
          ["group", h.group, "text", 16],
          ["lines", h.lines, "integer", 10],
          ["effective", h.effective, "integer", 10],
          ["partial", h.partial, "integer", 10],
          ["ineffective", h.ineffective, "integer", 10],
          ["notStarted", h.notStarted, "integer", 10],
          ["effectiveShare", h.effectiveShare, "percent", 10],
        ] as Array<[string, string, ColumnKind, number]>
      ).map(([key, header, kind, width]) => ({ key, header, kind, width })),
      rows: rollUpRows,
      conditionalFormats: [],
      validations: [],
    },
    ...(winBack ? winBackTables(winBack, lang, "review.") : []),
  ];
  let at = upliftStart + upliftRows.length + 3;
  for (const t of extra) {
    t.startRow = at;
    at += t.rows.length + 3;
  }
  const dueLetter = columnLetter(col("reviewDue"));
  const analysisLetter = columnLetter(col("analysis"));
  const linesTable: TablePlan = {
    id: "review",
    startRow: at,
    startColumn: 0,
    caption: strings(lang).review.text.linesCaption,
    columns: columnPlans(COLUMNS, (key) => HEADERS[key][lang]),
    rows,
    conditionalFormats:
      rows.length === 0
        ? []
        : [
            {
              // Due for review and not yet analysed (live in Excel: TODAY()).
              type: "formula" as const,
              firstColumn: col("reviewDue"),
              lastColumn: col("reviewDue"),
              rows: span,
              formula: `AND($${dueLetter}{row}<>"",$${dueLetter}{row}<=TODAY(),$${analysisLetter}{row}="")`,
              fill: REVIEW_DUE.fill,
              font: REVIEW_DUE.font,
            },
            ...effectColors.map(([effect, family]) => ({
              type: "textEquals" as const,
              column: col("effect"),
              rows: span,
              text: strings(lang).sheets.effectValues[effect],
              fill: TIER_COLORS[family].fill,
              font: TIER_COLORS[family].font,
            })),
          ],
    validations: [],
  };
  return {
    key: "review",
    name: name ?? strings(lang).sheets.names.review,
    preamble,
    tables: [upliftTable, ...extra, linesTable],
    charts: [],
    freezeRows: 0,
    freezeColumns: 0,
  };
}
