/**
 * 渠道分析 Channels: one line per 客户来源/渠道 of the archive with customers, conversion, new
 * customers and revenue (computed), and the channel's spend the manager types (kept across runs,
 * matched by channel) with the CAC it gives. Plain Excel: the spend is an ordinary cell.
 */
import { channelCac, channelKey, type ChannelResult } from "../core/channels";
import { cellText, formatSerial, isBlank, parseAmount } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import type { Cell, SheetGrid } from "../core/types";
import { byKeyInEveryLang, inEveryLang, strings } from "../i18n";
import type { Lang } from "../i18n/lang";
import { DATA_BAR_COLOR } from "./formats";
import { findTable, linesOf } from "./previous";
import {
  singleTableSheet,
  type ColumnKind,
  type PlanCell,
  type SheetPlan,
  columnPlans,
} from "./types";

const COLUMNS: ReadonlyArray<[key: string, kind: ColumnKind, width: number, manager?: boolean]> = [
  ["channel", "text", 18],
  ["customers", "integer", 10],
  ["converted", "integer", 12],
  ["conversion", "percent", 10],
  ["newCustomers", "integer", 14],
  ["revenue", "money", 16],
  ["spend", "money", 16, true],
  ["cac", "money", 14],
];
const col = (key: string) => COLUMNS.findIndex(([k]) => k === key);

/** Spend typed in an earlier run, by channel key (the cell as typed). */
export function readChannelSpend(
  grid: SheetGrid | undefined
): Map<string, { channel: string; spend: Cell }> {
  const out = new Map<string, { channel: string; spend: Cell }>();
  if (!grid) return out;
  const table = findTable(
    grid.values,
    byKeyInEveryLang((s) => s.leads.headers)
  );
  if (!table || !table.columns.has("channel") || !table.columns.has("spend")) return out;
  const blank = new Set(Object.values(inEveryLang((s) => s.leads.blankChannel)));
  for (const { cells } of linesOf(grid.values, table)) {
    const spend = cells.get("spend");
    if (isBlank(spend)) continue;
    const text = cellText(cells.get("channel") ?? "").trim();
    const channel = blank.has(text) ? "" : text;
    const key = channelKey(channel);
    if (!out.has(key)) out.set(key, { channel, spend: spend as Cell });
  }
  return out;
}

/** True when the archive has a channel column: the sheet is planned only then (or when it exists). */
export function hasChannels(report: ScoreReport): boolean {
  return report.channels != null;
}

export function planChannelsSheet(
  report: ScoreReport,
  lang: Lang,
  spend: Map<string, { channel: string; spend: Cell }>,
  name?: string
): SheetPlan {
  const w = strings(lang).leads;
  const results: ChannelResult[] = [...(report.channels ?? [])];
  // A channel with a spend but no customers this run keeps its line (and its spend).
  for (const [key, kept] of spend) {
    if (!results.some((r) => r.key === key))
      results.push({
        key,
        channel: kept.channel,
        customers: 0,
        converted: 0,
        conversion: 0,
        newCustomers: 0,
        revenue: 0,
      });
  }
  const rows: PlanCell[][] = results.map((r) => {
    const typed = spend.get(r.key)?.spend ?? null;
    const amount = typed === null ? null : typeof typed === "number" ? typed : parseAmount(typed);
    return [
      r.key === "" ? w.blankChannel : r.channel,
      r.customers,
      r.converted,
      r.customers > 0 ? r.conversion : null,
      r.newCustomers,
      r.revenue,
      // A spend that is not an amount stays as typed (and no CAC is computed).
      amount ?? (typed === null ? null : cellText(typed)),
      channelCac(amount, r),
    ];
  });
  const span = { firstRow: 0, lastRow: Math.max(0, rows.length - 1) };
  return singleTableSheet(
    "channels",
    name ?? strings(lang).sheets.names.channels,
    [
      [w.title({ asOf: formatSerial(report.asOf), start: formatSerial(report.windowStart) })],
      [w.help],
    ],
    {
      columns: columnPlans(COLUMNS, (key) => w.headers[key as keyof typeof w.headers]),
      rows,
      conditionalFormats:
        rows.length > 0
          ? [{ type: "dataBar", column: col("conversion"), rows: span, color: DATA_BAR_COLOR }]
          : [],
      validations: [],
    },
    1
  );
}
