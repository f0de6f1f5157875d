/**
 * 历史趋势 Trends: one line of key figures per run (as-of date, customers per playbook, revenue,
 * repurchase, churn, NPS, repurchase per playbook), the manager's revenue target per period with the
 * share achieved, and native column charts of the trend. Lines are kept from the earlier sheet; a run
 * on the same as-of date replaces its line.
 */
import { OWN_HEADERS } from "../i18n/ownSheets";
import type { HistoryStrings } from "../i18n/strings/history";
import { familyFigures, HISTORY_FAMILIES, mergeHistory } from "../core/history";
import { strings } from "../i18n";
import { cellText, formatSerial, isBlank, parseAmount, parseDate } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import type { Cell, Serial, SheetGrid } from "../core/types";
import type { Lang } from "../i18n/lang";
import { DATA_BAR_COLOR } from "./formats";
import { findTable, linesOf } from "./previous";
import { kpis, type Kpis } from "../core/kpis";
import { columnPlans, type ColumnKind, type PlanCell, type SheetPlan } from "./types";

const COLUMNS: ReadonlyArray<
  [key: keyof HistoryStrings["headers"], kind: ColumnKind, width: number, manager?: boolean]
> = [
  ["period", "text", 12],
  ["scheme", "text", 14],
  ["customers", "integer", 10],
  ["buyers", "integer", 12],
  ["revenue", "money", 18],
  ["target", "money", 16, true],
  ["achieved", "percent", 12],
  ["repurchaseRate", "percent", 10],
  ["churnRate", "percent", 10],
  ["nps", "decimal", 10],
  ...(["maintain", "develop", "keep", "win_back", "no_purchases"] as const).map(
    (f): [`count.${typeof f}`, ColumnKind, number] => [`count.${f}`, "integer", 12]
  ),
  ...HISTORY_FAMILIES.map((f): [`repurchase.${typeof f}`, ColumnKind, number] => [
    `repurchase.${f}`,
    "percent",
    12,
  ]),
];

interface HistoryLine {
  asOf: Serial;
  cells: Map<string, Cell>;
}

/** Lines of an earlier history sheet, by as-of date (lines without a readable date are dropped). */
export function readHistory(grid: SheetGrid | undefined): HistoryLine[] {
  if (!grid) return [];
  const table = findTable(grid.values, OWN_HEADERS.history);
  if (!table || !table.columns.has("period")) return [];
  const out: HistoryLine[] = [];
  for (const { cells } of linesOf(grid.values, table)) {
    const asOf = parseDate(cells.get("period") ?? null);
    if (asOf !== null) out.push({ asOf, cells });
  }
  return out;
}

function amountOf(cell: Cell | undefined): number | null {
  if (cell === undefined || isBlank(cell)) return null;
  return typeof cell === "number" ? cell : parseAmount(cell);
}

/** This run's line. */
function currentLine(
  report: ScoreReport,
  lang: Lang,
  kept: HistoryLine | undefined,
  k: Kpis
): HistoryLine {
  const { counts, repurchase } = familyFigures(
    report.customers.map((c) => ({ family: c.tier?.family ?? null, frequency: c.frequency }))
  );
  const cells = new Map<string, Cell>([
    ["period", formatSerial(report.asOf)],
    ["scheme", strings(lang).schemes.label[report.scheme]],
    ["customers", k.customers],
    ["buyers", k.buyers],
    ["revenue", k.revenue],
    ["target", kept?.cells.get("target") ?? null],
    ["repurchaseRate", k.repurchaseRate],
    ["churnRate", k.churnRate],
    ["nps", report.nps?.nps ?? null],
  ]);
  for (const [f, n] of Object.entries(counts)) cells.set(`count.${f}`, n);
  for (const f of HISTORY_FAMILIES) cells.set(`repurchase.${f}`, repurchase[f]);
  return { asOf: report.asOf, cells };
}

export function planHistorySheet(
  report: ScoreReport,
  lang: Lang,
  previous: HistoryLine[],
  name?: string,
  /** The run's key figures, when the caller has them already (the summary shows them too). */
  figures: Kpis = kpis(report)
): SheetPlan {
  const kept = previous.find((l) => l.asOf === report.asOf);
  const lines = mergeHistory(previous, currentLine(report, lang, kept, figures));
  const rows: PlanCell[][] = lines.map((line) =>
    COLUMNS.map(([key]) => {
      if (key === "achieved") {
        const target = amountOf(line.cells.get("target"));
        const revenue = amountOf(line.cells.get("revenue"));
        return target !== null && target > 0 && revenue !== null ? revenue / target : null;
      }
      if (key === "target") {
        const cell = line.cells.get("target");
        const amount = amountOf(cell);
        return amount ?? (cell === undefined || isBlank(cell) ? null : cellText(cell));
      }
      if (key === "period") return formatSerial(line.asOf);
      const cell = line.cells.get(key);
      return cell === undefined || cell === "" ? null : (cell as PlanCell);
    })
  );
  const col = (key: string) => COLUMNS.findIndex(([k]) => k === key);
  const startRow = 2;
  const span = { firstRow: 0, lastRow: Math.max(0, rows.length - 1) };
  const right = COLUMNS.length + 1;
  return {
    key: "history",
    name: name ?? strings(lang).sheets.names.history,
    preamble: [[strings(lang).history.title], [strings(lang).history.help]],
    tables: [
      {
        id: "history",
        startRow,
        startColumn: 0,
        columns: columnPlans(COLUMNS, (key) => strings(lang).history.headers[key]),
        rows,
        conditionalFormats: [
          { type: "dataBar", column: col("achieved"), rows: span, color: DATA_BAR_COLOR },
        ],
        validations: [],
      },
    ],
    charts: [
      {
        type: "column",
        title: strings(lang).history.revenueChart,
        table: "history",
        categoryColumn: col("period"),
        valueColumns: [col("revenue"), col("target")],
        anchor: { row: startRow, column: right, columns: 8, rows: 15 },
      },
      {
        type: "column",
        title: strings(lang).history.tiersChart,
        table: "history",
        categoryColumn: col("period"),
        valueColumns: HISTORY_FAMILIES.map((f) => col(`count.${f}`)),
        anchor: { row: startRow + 16, column: right, columns: 8, rows: 15 },
      },
    ],
    freezeRows: startRow + 1,
    freezeColumns: 1,
  };
}
