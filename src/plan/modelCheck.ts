/**
 * The model-check sheet (模型检验 / Model Check): how well the lifetime-value model predicted the
 * last weeks of this workbook's orders when fitted without them, with a plain verdict, the
 * calibration/holdout table and its chart. Computed only: rebuilt on every run.
 */
import { formatSerial } from "../core/parse";
import { strings } from "../i18n";
import {
  MIN_HOLDOUT_PURCHASES,
  TRUST_GOOD,
  TRUST_ROUGH,
  type ModelCheck,
} from "../core/review/modelCheck";
import type { Lang } from "../i18n/lang";
import type { ColumnKind, PlanCell, SheetPlan, TablePlan } from "./types";

const pct = (v: number) => `${Math.round(v * 100)}%`;
const r2 = (v: number) => Math.round(v * 100) / 100;
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** The verdict as a sentence (also the first thing the sheet says). */
export function modelCheckVerdictText(check: ModelCheck, lang: Lang): string {
  if (!check.ok) {
    const reason = strings(lang).review.modelCheckReasons[check.reason];
    return typeof reason === "string" ? reason : reason({ weeks: check.holdoutWeeks });
  }
  return strings(lang).review.modelCheckVerdicts[check.verdict]({
    good: pct(TRUST_GOOD),
    rough: pct(TRUST_ROUGH),
    min: MIN_HOLDOUT_PURCHASES,
  });
}

export function planModelCheckSheet(
  check: ModelCheck,
  asOf: number,
  lang: Lang,
  name?: string
): SheetPlan {
  const T = strings(lang).review.modelCheck;
  const preamble: PlanCell[][] = [
    [T.title({ asOf: formatSerial(asOf), weeks: check.holdoutWeeks })],
    [modelCheckVerdictText(check, lang)],
  ];
  const sheet: SheetPlan = {
    key: "modelcheck",
    name: name ?? strings(lang).sheets.names.modelcheck,
    preamble,
    tables: [],
    charts: [],
    freezeRows: 0,
    freezeColumns: 0,
  };
  if (!check.ok) return sheet;
  preamble.push([
    T.method({
      calibrationEnd: formatSerial(check.calibrationEnd),
      weeks: check.holdoutWeeks,
      asOf: formatSerial(check.asOf),
    }),
  ]);
  const off =
    check.actualTotal > 0 ? (check.predictedTotal - check.actualTotal) / check.actualTotal : null;
  const lines: Array<[string, PlanCell, ColumnKind]> = [
    [T.customers, check.customers, "integer"],
    [T.predictedTotal, r2(check.predictedTotal), "decimal"],
    [T.actualTotal, check.actualTotal, "integer"],
    [
      T.difference,
      off === null ? "—" : Math.round(off * 1000) / 1000,
      off === null ? "text" : "percent",
    ],
    [T.mae, r3(check.mae), "decimal"],
  ];
  const figures: TablePlan = {
    id: "figures",
    startRow: preamble.length + 2,
    startColumn: 0,
    caption: T.figuresCaption,
    columns: [
      { key: "figure", header: T.figure, kind: "text", width: 26 },
      { key: "value", header: T.value, kind: "general", width: 14 },
    ],
    rows: lines.map(([label, value]) => [label, value]),
    rowKinds: lines.map(([, , kind]) => kind),
    conditionalFormats: [],
    validations: [],
  };
  const byRepeatRows: PlanCell[][] = check.byRepeat.map((g) => [
    g.orMore ? T.repeatOrMore({ n: g.repeat }) : String(g.repeat),
    g.customers,
    r3(g.predicted),
    r3(g.actual),
  ]);
  const byRepeat: TablePlan = {
    id: "byRepeat",
    startRow: figures.startRow + lines.length + 3,
    startColumn: 0,
    caption: T.byRepeatCaption,
    columns: [
      { key: "repeat", header: T.repeat, kind: "text", width: 26 },
      { key: "customers", header: T.groupCustomers, kind: "integer", width: 14 },
      { key: "predicted", header: T.predicted, kind: "decimal", width: 12 },
      { key: "actual", header: T.actual, kind: "decimal", width: 12 },
    ],
    rows: byRepeatRows,
    conditionalFormats: [],
    validations: [],
  };
  sheet.tables.push(figures, byRepeat);
  if (byRepeatRows.length > 0)
    sheet.charts.push({
      type: "column",
      title: T.chartTitle,
      table: "byRepeat",
      categoryColumn: 0,
      valueColumns: [2, 3],
      anchor: { row: figures.startRow - 1, column: 5, columns: 8, rows: 16 },
    });
  return sheet;
}
