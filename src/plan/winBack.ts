/**
 * The win-back tables (挽回率 and 流失原因) the summary and the review sheet both show: figures from
 * core/winBack.ts, words from the catalogue's winBack section.
 */
import { CHURN_REASONS, type ChurnReason, type WinBackRate } from "../core/winBack";
import { strings } from "../i18n";
import type { Lang } from "../i18n/lang";
import type { ColumnKind, PlanCell, TablePlan } from "./types";

/** What a run found about win-back: the rate and the reasons typed on the tracking sheet. */
export interface WinBackFigures {
  rate: WinBackRate;
  reasons: Record<ChurnReason, number>;
}

const tablePlan = (
  id: string,
  caption: string,
  columns: TablePlan["columns"],
  rows: PlanCell[][],
  rowKinds?: Array<ColumnKind | null>
): TablePlan => ({
  id,
  startRow: 0,
  startColumn: 0,
  caption,
  columns,
  rows,
  ...(rowKinds ? { rowKinds } : {}),
  conditionalFormats: [],
  validations: [],
});

/** Rate, customers, won back, the control group's rate (a missing figure reads "not available"). */
export function winBackTables(figures: WinBackFigures, lang: Lang, idPrefix = ""): TablePlan[] {
  const w = strings(lang).winBack;
  const na = strings(lang).summary.notAvailable;
  const { treated, control } = figures.rate;
  const lines: Array<[string, number | null, ColumnKind]> = [
    [w.rate, treated.rate, "percent"],
    [w.customers, treated.customers, "integer"],
    [w.wonBack, treated.wonBack, "integer"],
    [w.controlRate, control.rate, "percent"],
    [w.howCounted, null, "text"],
  ];
  const rate = tablePlan(
    `${idPrefix}winBack`,
    w.caption,
    [
      { key: "figure", header: w.figure, kind: "text", width: 22 },
      { key: "value", header: w.value, kind: "general", width: 16 },
    ],
    lines.map(([label, value], i) => [label, value ?? (i === lines.length - 1 ? null : na)]),
    lines.map(([, value, kind]) => (value === null ? "text" : kind))
  );
  const reasons = tablePlan(
    `${idPrefix}churnReasons`,
    w.reasonsCaption,
    [
      { key: "reason", header: w.reason, kind: "text", width: 22 },
      { key: "lines", header: w.lines, kind: "integer", width: 16 },
    ],
    CHURN_REASONS.map((r) => [w.reasons[r], figures.reasons[r]])
  );
  return [rate, reasons];
}
