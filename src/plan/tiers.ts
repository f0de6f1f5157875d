import { formatSerial } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import { maskPhone } from "../core/privacy";
import type { Settings } from "../core/settings";
import { familyOf } from "../core/tiers";
import { NO_PURCHASES, type Cell, type Lang } from "../core/types";
import { schemeLabel } from "../i18n/schemes";
import { CHURN_WARNING_TEXT, SHEET_NAMES, TIER_HEADERS, TIER_SHEET_TITLE } from "../i18n/sheets";
import type { ChurnWarning, LifetimeReport } from "../core/lifetime";
import { familyLabel, tierLabel } from "../i18n/tiers";
import { DATA_BAR_COLOR, SCORE_SCALE, TIER_COLORS } from "./formats";
import {
  singleTableSheet,
  type ColumnKind,
  type ColumnPlan,
  type ConditionalFormatPlan,
  type PlanCell,
  type SheetPlan,
} from "./types";

const COLUMNS: Array<[key: string, kind: ColumnKind, width: number]> = [
  ["id", "text", 12],
  ["name", "text", 24],
  ["owner", "text", 10],
  ["phone", "text", 15],
  ["lastPurchase", "date", 12],
  ["recency", "integer", 10],
  ["frequency", "integer", 10],
  ["monetary", "money", 14],
  ["rScore", "decimal", 8],
  ["fScore", "decimal", 8],
  ["mScore", "decimal", 8],
  ["total", "decimal", 10],
  ["weighted", "decimal", 10],
  ["tier", "text", 14],
  ["family", "text", 10],
  ["reason", "text", 60],
  ["clv", "money", 16],
  ["pAlive", "percent", 10],
  ["expectedPurchases", "decimal", 12],
  ["expectedSpend", "money", 14],
  ["predictedClv", "money", 16],
  ["churnWarning", "text", 28],
  ["tags", "text", 24],
];

function text(cell: Cell): PlanCell {
  if (cell === undefined || cell === null || cell === "") return null;
  return typeof cell === "string" ? cell : String(cell);
}

function churnText(warning: ChurnWarning | null, lang: Lang): string | null {
  if (!warning) return null;
  return warning.kind === "p_alive"
    ? CHURN_WARNING_TEXT.p_alive[lang].replace("{p}", String(Math.round(warning.pAlive * 100)))
    : CHURN_WARNING_TEXT.overdue[lang]
        .replace("{silent}", String(warning.silentDays))
        .replace("{gap}", String(warning.usualGapDays));
}

/** The tier sheet (客户分层): one line per customer of the archive, in archive order. */
export function planTierSheet(
  report: ScoreReport,
  settings: Settings,
  lang: Lang,
  lifetime: LifetimeReport | null = null
): SheetPlan {
  const columns: ColumnPlan[] = COLUMNS.map(([key, kind, width]) => ({
    key,
    kind,
    width,
    header: TIER_HEADERS[key][lang],
  }));
  const col = (key: string) => COLUMNS.findIndex(([k]) => k === key);

  const rows: PlanCell[][] = report.customers.map((result, k) => {
    const fields = result.customer.fields;
    const life = lifetime?.perCustomer[k] ?? null;
    const tier = result.tier;
    const tierKey = tier ? tier.tier : NO_PURCHASES;
    return [
      result.customer.id,
      text(fields.name),
      text(fields.owner),
      settings.maskPhones ? text(maskPhone(fields.phone)) : text(fields.phone),
      result.lastPurchase,
      result.recencyDays,
      tier ? result.frequency : null,
      tier ? result.monetary : null,
      tier?.rScore ?? null,
      tier?.fScore ?? null,
      tier?.mScore ?? null,
      tier?.total ?? null,
      tier?.weighted ?? null,
      tierLabel(tierKey, lang),
      tier ? familyLabel(familyOf(tier.tier), lang) : null,
      tier?.reason ?? null,
      result.clv,
      life?.pAlive ?? null,
      life?.expectedPurchases ?? null,
      life?.expectedSpend ?? null,
      life?.predictedClv ?? null,
      churnText(lifetime?.churn[k] ?? null, lang),
      text(fields.tags),
    ];
  });

  const span = { firstRow: 0, lastRow: Math.max(0, rows.length - 1) };
  const conditionalFormats: ConditionalFormatPlan[] = [];
  if (rows.length > 0) {
    const tierKeys = new Set(report.customers.map((r) => (r.tier ? r.tier.tier : NO_PURCHASES)));
    for (const key of tierKeys) {
      const palette = TIER_COLORS[key === NO_PURCHASES ? NO_PURCHASES : familyOf(key as never)];
      conditionalFormats.push({
        type: "textEquals",
        column: col("tier"),
        rows: span,
        text: tierLabel(key as never, lang),
        fill: palette.fill,
        font: palette.font,
      });
    }
    for (const key of ["rScore", "fScore", "mScore", "total"]) {
      conditionalFormats.push({
        type: "colorScale",
        column: col(key),
        rows: span,
        colors: SCORE_SCALE,
      });
    }
    conditionalFormats.push({
      type: "dataBar",
      column: col("monetary"),
      rows: span,
      color: DATA_BAR_COLOR,
    });
  }

  const title = TIER_SHEET_TITLE[lang]
    .replace(/\{asOf\}/g, formatSerial(report.asOf))
    .replace("{start}", formatSerial(report.windowStart))
    .replace("{scheme}", schemeLabel(report.scheme, lang));

  return singleTableSheet(
    "tiers",
    SHEET_NAMES.tiers[lang],
    [[title]],
    { columns, rows, conditionalFormats, validations: [] },
    2
  );
}
