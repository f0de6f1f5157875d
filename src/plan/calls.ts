/**
 * The call list (今日待联系 / Call List): per sales owner, the customers most worth a call now,
 * ranked by value at risk (core/review/callList.ts), each with the reason in words and the row of
 * the tiers sheet to open. Computed only: rebuilt on every run.
 */
import type { ReviewStrings } from "../i18n/strings/review";
import { columnAddresses } from "../core/address";
import { strings } from "../i18n";
import type { LifetimeReport } from "./lifetimeNotes";
import { refusesContact } from "../core/consent";
import { cellText, formatSerial, isBlank } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import { TextIds } from "../core/keyTable";
import { rankCalls, type CallCandidate } from "../core/review/callList";
import type { Lang } from "../i18n/lang";
import { formatMoney, tierLabel } from "../i18n/tiers";
import { DATA_BAR_COLOR } from "./formats";
import { customerKeyOf } from "./previous";
import { customerOfLine } from "./review";
import type { TrackingPlanLine } from "./tracking";
import { lineCount, linesBetween, type ColumnKind, type PlanCell, type SheetPlan } from "./types";

/** A customer with nothing bought in the window: nothing at risk. */
const NOTHING_AT_RISK: CallCandidate = {
  value: 0,
  pAlive: null,
  usualGapDays: null,
  silentDays: null,
  excluded: false,
};

/** Lines per sales owner on the sheet. */
export const CALLS_PER_OWNER = 20;
/** At least this many earlier gaps between orders before "their usual gap" means anything. */
const MIN_GAPS = 2;

export interface CallListEntry {
  id: string;
  name: string;
  owner: string;
  tier: string;
  valueAtRisk: number;
  value: number;
  pAlive: number | null;
  reason: string;
  /** The customer's line on the tiers sheet, e.g. `客户分层!A7`; null when not found. */
  address: string | null;
}

/**
 * The customers worth a call, most value at risk first: the first CALLS_PER_OWNER of each owner,
 * which is all the call sheet shows. The pane shows the first few of the list (fewer than
 * CALLS_PER_OWNER), the same as those of the whole ranking. Owner: the one on the customer's current
 * strategy line, else the archive's 销售负责人. Customers marked control on their current line are
 * left out.
 */
export function callList(
  report: ScoreReport,
  lifetime: LifetimeReport | null,
  tracking: TrackingPlanLine[],
  tiers: SheetPlan | null,
  lang: Lang
): CallListEntry[] {
  const customers = report.customers;
  const current = currentLines(report, tracking);
  // The line of each customer on the tiers sheet: the first line whose ID matches theirs.
  let lineOf: (customer: number) => number | undefined = () => undefined;
  let addressOf: (row0: number) => string = () => "";
  const table = tiers?.tables[0];
  if (tiers && table) {
    const idCol = table.columns.findIndex((c) => c.key === "id");
    addressOf = columnAddresses(tiers.name, table.startColumn);
    const firstRow = table.startRow + 1;
    let rowOf: Map<string, number> | null = null;
    // planTierSheet writes one line per customer in report order: customer k's line is line k.
    // (An ID cell that is the customer's own ID text has their key: no folding needed to compare.)
    // Only the lines of the customers listed are looked at (the sheet's lines are made on demand);
    // a line that does not match has the customer found by key, at the first line with it.
    lineOf = (customer) => {
      const listed = customers[customer].customer;
      const [line] = customer < lineCount(table) ? linesBetween(table, customer, customer + 1) : [];
      if (line && (line[idCol] === listed.id || customerKeyOf(line[idCol] ?? "") === listed.key))
        return firstRow + customer;
      if (!rowOf) {
        rowOf = new Map<string, number>();
        const rows = table.rows;
        for (let r = 0; r < rows.length; r++) {
          const key = customerKeyOf(rows[r][idCol] ?? "");
          if (key !== null && !rowOf.has(key)) rowOf.set(key, firstRow + r);
        }
      }
      return rowOf.get(listed.key);
    };
  }
  const candidates = new Array<CallCandidate>(customers.length);
  for (let k = 0; k < customers.length; k++) {
    const c = customers[k];
    // Nothing bought in the window: nothing at risk, never on the list (no candidate built).
    if (!(c.monetary > 0)) {
      candidates[k] = NOTHING_AT_RISK;
      continue;
    }
    const life = lifetime?.perCustomer[k] ?? null;
    const gaps = c.ordersAllTime - 1;
    const usual =
      gaps >= MIN_GAPS && c.firstPurchase !== null && c.lastPurchase !== null
        ? Math.round((c.lastPurchase - c.firstPurchase) / gaps)
        : null;
    candidates[k] = {
      value: c.monetary,
      pAlive: life ? life.pAlive : null,
      usualGapDays: usual,
      silentDays: c.recencyDays,
      // Control customers get no actions; a customer who refused contact is never called.
      excluded: current[k]?.control === true || refusesContact(c.customer.fields.consent),
    };
  }
  const words = strings(lang).review.calls;
  // "P(alive) down to 12%" for each whole percent, worded once.
  const pAliveTexts: string[] = [];
  const pAliveText = (p: number) =>
    Number.isInteger(p) && p >= 0 && p <= 100
      ? (pAliveTexts[p] ??= words.reasonPAlive({ p }))
      : words.reasonPAlive({ p });
  const ranked = rankCalls(candidates);
  // Only the lines the sheet shows are worded: the first CALLS_PER_OWNER of each owner, grouped as
  // planCallSheet groups them (a blank owner under the "no owner" words).
  const noOwner = words.noOwner;
  const ownerOf = (k: number): string => {
    const lineOwner = current[k]?.owner;
    return (
      !isBlank(lineOwner) ? cellText(lineOwner) : cellText(customers[k].customer.fields.owner ?? "")
    ).trim();
  };
  // Each ranked customer's owner group, looked up in customer order: the customers lie in memory
  // in that order, and in rank order nearly every look is a cache miss.
  const ranks = new Int32Array(customers.length).fill(-1);
  for (let i = 0; i < ranked.length; i++) ranks[ranked[i].customer] = i;
  const groups = new TextIds();
  const groupOfRank = new Int32Array(ranked.length);
  for (let k = 0; k < customers.length; k++) {
    if (ranks[k] < 0) continue;
    const owner = ownerOf(k);
    groupOfRank[ranks[k]] = groups.idOf(owner === "" ? noOwner : owner);
  }
  const shownPerGroup = new Int32Array(groups.count);
  const entries: CallListEntry[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const group = groupOfRank[i];
    if (shownPerGroup[group] >= CALLS_PER_OWNER) continue;
    shownPerGroup[group]++;
    const e = ranked[i];
    const result = customers[e.customer];
    const fields = result.customer.fields;
    const owner = ownerOf(e.customer);
    const line = lineOf(e.customer);
    let reason = words.reasonValue({ value: formatMoney(e.value) });
    if (e.pAlive !== null) reason += words.separator + pAliveText(Math.round(e.pAlive * 100));
    if (e.overdue)
      reason +=
        words.separator +
        words.reasonOverdue({ silent: e.overdue.silentDays, gap: e.overdue.usualGapDays });
    entries.push({
      id: result.customer.id,
      name: cellText(fields.name ?? "").trim(),
      owner,
      tier: result.tier ? tierLabel(result.tier.tier, lang) : "",
      valueAtRisk: Math.round(e.valueAtRisk * 100) / 100,
      value: Math.round(e.value * 100) / 100,
      pAlive: e.pAlive,
      reason,
      address: line === undefined ? null : addressOf(line),
    });
  }
  return entries;
}

/**
 * Each customer's current strategy line (the last one the plan lists), by customer index. A line
 * knows the customer it was planned under; one that does not match its key is found by key.
 */
function currentLines(
  report: ScoreReport,
  tracking: readonly TrackingPlanLine[]
): Array<TrackingPlanLine | undefined> {
  const customers = report.customers;
  const out = new Array<TrackingPlanLine | undefined>(customers.length);
  for (const line of tracking) {
    if (!line.current) continue;
    const k = customerOfLine(report, line);
    if (k !== undefined) out[k] = line;
  }
  return out;
}

const COLUMNS: ReadonlyArray<
  [key: keyof ReviewStrings["callHeaders"], kind: ColumnKind, width: number]
> = [
  ["owner", "text", 12],
  ["rank", "integer", 6],
  ["id", "text", 12],
  ["name", "text", 22],
  ["tier", "text", 14],
  ["valueAtRisk", "money", 14],
  ["value", "money", 14],
  ["pAlive", "percent", 10],
  ["reason", "text", 56],
  ["cell", "text", 16],
];

export function planCallSheet(
  entries: CallListEntry[],
  asOf: number,
  lang: Lang,
  name?: string
): SheetPlan {
  const noOwner = strings(lang).review.calls.noOwner;
  const byOwner = new Map<string, CallListEntry[]>();
  for (const e of entries) {
    const owner = e.owner === "" ? noOwner : e.owner;
    const list = byOwner.get(owner) ?? [];
    if (list.length < CALLS_PER_OWNER) list.push(e);
    byOwner.set(owner, list);
  }
  // Owners with the most at stake first.
  const owners = [...byOwner].sort(
    (a, b) =>
      b[1].reduce((s, e) => s + e.valueAtRisk, 0) - a[1].reduce((s, e) => s + e.valueAtRisk, 0) ||
      a[0].localeCompare(b[0])
  );
  const rows: PlanCell[][] = owners.flatMap(([owner, list]) =>
    list.map((e, i) => [
      owner,
      i + 1,
      e.id,
      e.name || null,
      e.tier || null,
      e.valueAtRisk,
      e.value,
      e.pAlive,
      e.reason,
      e.address,
    ])
  );
  const preamble: PlanCell[][] = [
    [strings(lang).review.calls.title({ asOf: formatSerial(asOf), limit: CALLS_PER_OWNER })],
    [strings(lang).review.calls.rule],
  ];
  if (rows.length === 0) preamble.push([strings(lang).review.calls.none]);
  const startRow = preamble.length + 1;
  return {
    key: "calls",
    name: name ?? strings(lang).sheets.names.calls,
    preamble,
    tables: [
      {
        id: "calls",
        startRow,
        startColumn: 0,
        columns: COLUMNS.map(([key, kind, width]) => ({
          key,
          kind,
          width,
          header: strings(lang).review.callHeaders[key],
        })),
        rows,
        conditionalFormats:
          rows.length === 0
            ? []
            : [
                {
                  type: "dataBar",
                  column: COLUMNS.findIndex(([k]) => k === "valueAtRisk"),
                  rows: { firstRow: 0, lastRow: rows.length - 1 },
                  color: DATA_BAR_COLOR,
                },
              ],
        validations: [],
      },
    ],
    charts: [],
    freezeRows: startRow + 1,
    freezeColumns: 3,
  };
}
