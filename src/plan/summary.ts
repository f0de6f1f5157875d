import type { LifetimeReport } from "../core/lifetime";
import { formatSerial } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import { NO_PURCHASES, type Lang, type QualityIssue } from "../core/types";
import { qualityLabel } from "../i18n/messages";
import { schemeLabel } from "../i18n/schemes";
import { SHEET_NAMES } from "../i18n/sheets";
import { SUMMARY_TEXT } from "../i18n/summary";
import { tierLabel } from "../i18n/tiers";
import type { TierOrNone } from "./tiers";
import type { ChartPlan, ColumnPlan, PlanCell, SheetPlan, TablePlan } from "./types";

/** The data-quality list stops here; the rest is counted (Excel on the web handles long lists badly). */
export const MAX_QUALITY_LINES = 5000;

const t = (key: keyof typeof SUMMARY_TEXT, lang: Lang) => SUMMARY_TEXT[key][lang];

interface Kpis {
  customers: number;
  buyers: number;
  revenue: number;
  repurchaseRate: number | null;
  churnRate: number | null;
}

/** Repurchase: bought twice or more in the window, of those who bought. Churn: bought in the window before, not in this one. */
function kpis(report: ScoreReport): Kpis {
  let buyers = 0;
  let repeat = 0;
  let revenue = 0;
  for (const c of report.customers) {
    revenue += c.monetary;
    if (c.frequency > 0) buyers++;
    if (c.frequency > 1) repeat++;
  }
  let churnRate: number | null = null;
  const book = report.book;
  if (book) {
    const windowDays = report.asOf - report.windowStart + 1;
    const earlier = new Uint8Array(report.customers.length);
    const now = new Uint8Array(report.customers.length);
    for (let i = 0; i < book.count; i++) {
      if (book.isReturn[i]) continue;
      const d = book.day[i];
      if (d >= report.windowStart) now[book.customer[i]] = 1;
      else if (d >= report.windowStart - windowDays) earlier[book.customer[i]] = 1;
    }
    let before = 0;
    let lost = 0;
    for (let c = 0; c < earlier.length; c++) {
      if (!earlier[c]) continue;
      before++;
      if (!now[c]) lost++;
    }
    churnRate = before > 0 ? lost / before : null;
  }
  return {
    customers: report.customers.length,
    buyers,
    revenue: Math.round(revenue * 100) / 100,
    repurchaseRate: buyers > 0 ? repeat / buyers : null,
    churnRate,
  };
}

function table(
  id: string,
  startRow: number,
  caption: string,
  columns: ColumnPlan[],
  rows: PlanCell[][]
): TablePlan {
  return {
    id,
    startRow,
    startColumn: 0,
    caption,
    columns,
    rows,
    conditionalFormats: [],
    validations: [],
  };
}

export function planSummarySheet(
  report: ScoreReport,
  lang: Lang,
  lifetime: LifetimeReport | null,
  previousTiers: Array<TierOrNone | null>,
  extraNotes: string[],
  name?: string
): SheetPlan {
  const k = kpis(report);
  const na = t("notAvailable", lang);
  const preamble: PlanCell[][] = [
    [t("title", lang)],
    [
      t("asOf", lang),
      formatSerial(report.asOf),
      t("scheme", lang),
      schemeLabel(report.scheme, lang),
    ],
  ];
  const tables: TablePlan[] = [];
  let row = preamble.length + 1;
  const next = (lines: number) => {
    const at = row + 1;
    row = at + lines + 2;
    return at;
  };

  // Customers and revenue per tier, with the averages of both CLVs.
  const tiers = Object.keys(report.tierCounts) as TierOrNone[];
  const stats = new Map(
    tiers.map((key) => [
      key,
      { customers: 0, revenue: 0, clv: 0, clvN: 0, predicted: 0, predictedN: 0 },
    ])
  );
  report.customers.forEach((c, i) => {
    const s = stats.get(c.tier ? c.tier.tier : NO_PURCHASES)!;
    s.customers++;
    s.revenue += c.monetary;
    if (c.clv !== null) {
      s.clv += c.clv;
      s.clvN++;
    }
    const predicted = lifetime?.perCustomer[i]?.predictedClv ?? null;
    if (predicted !== null) {
      s.predicted += predicted;
      s.predictedN++;
    }
  });
  const round2 = (v: number) => Math.round(v * 100) / 100;

  const kpiRows: PlanCell[][] = [
    [t("customers", lang), k.customers],
    [t("buyers", lang), k.buyers],
    [t("revenue", lang), k.revenue],
    [t("repurchaseRate", lang), k.repurchaseRate ?? na],
    [t("churnRate", lang), k.churnRate ?? na],
  ];
  tables.push(
    table(
      "kpis",
      next(kpiRows.length),
      t("kpis", lang),
      [
        { key: "metric", header: t("metric", lang), kind: "text", width: 22 },
        { key: "value", header: t("value", lang), kind: "general", width: 16 },
      ],
      kpiRows
    )
  );
  // Counts, money and rates share the value column: each line gets its own format.
  tables[tables.length - 1].rowKinds = ["integer", "integer", "money", "percent", "percent"];

  const tierRows: PlanCell[][] = tiers.map((key) => {
    const s = stats.get(key)!;
    return [
      tierLabel(key, lang),
      s.customers,
      k.customers > 0 ? s.customers / k.customers : 0,
      round2(s.revenue),
      s.clvN > 0 ? round2(s.clv / s.clvN) : null,
      s.predictedN > 0 ? round2(s.predicted / s.predictedN) : null,
    ];
  });
  const tierTable = table(
    "tiers",
    next(tierRows.length),
    t("perTier", lang),
    [
      { key: "tier", header: t("tier", lang), kind: "text", width: 22 },
      { key: "customers", header: t("customerCount", lang), kind: "integer", width: 16 },
      { key: "share", header: t("share", lang), kind: "percent", width: 12 },
      { key: "revenue", header: t("tierRevenue", lang), kind: "money", width: 16 },
      { key: "clv", header: t("avgClv", lang), kind: "money", width: 18 },
      { key: "predicted", header: t("avgPredictedClv", lang), kind: "money", width: 18 },
    ],
    tierRows
  );
  tierTable.conditionalFormats.push({
    type: "dataBar",
    column: 3,
    rows: { firstRow: 0, lastRow: Math.max(0, tierRows.length - 1) },
    color: "#5B9BD5",
  });
  tables.push(tierTable);

  // Migration: previous tier (lines) to current tier (columns).
  const current = tiers;
  const earlier = [...new Set(previousTiers.filter((v): v is TierOrNone => v !== null))];
  if (earlier.length > 0) {
    const counts = new Map<string, number>();
    report.customers.forEach((c, i) => {
      const from = previousTiers[i];
      if (from === null) return;
      const key = `${from}>${c.tier ? c.tier.tier : NO_PURCHASES}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const matrix = earlier.map((from) => [
      tierLabel(from, lang),
      ...current.map((to) => counts.get(`${from}>${to}`) ?? 0),
    ]);
    tables.push(
      table(
        "migration",
        next(matrix.length),
        t("migration", lang),
        [
          { key: "from", header: t("fromTo", lang), kind: "text", width: 22 },
          ...current.map((to) => ({
            key: to,
            header: tierLabel(to, lang),
            kind: "integer" as const,
            width: 14,
          })),
        ],
        matrix
      )
    );
  }

  const notes = [
    ...report.notes.map((n) => n.text),
    ...(lifetime?.notes ?? []),
    ...extraNotes,
  ].filter((n) => n !== "");
  if (notes.length > 0) {
    tables.push(
      table(
        "notes",
        next(notes.length),
        t("notes", lang),
        [{ key: "note", header: t("note", lang), kind: "text", width: 22 }],
        notes.map((n) => [n])
      )
    );
  }

  const issues: QualityIssue[] = report.quality.slice(0, MAX_QUALITY_LINES);
  const qualityRows: PlanCell[][] = issues.map((q) => [
    q.address,
    qualityLabel(q.kind, lang),
    q.value,
    q.excluded ? t("excluded", lang) : t("doubtful", lang),
  ]);
  if (report.quality.length > MAX_QUALITY_LINES) {
    qualityRows.push([
      t("more", lang).replace("{count}", String(report.quality.length - MAX_QUALITY_LINES)),
      null,
      null,
      null,
    ]);
  }
  if (qualityRows.length === 0) qualityRows.push([t("noIssues", lang), null, null, null]);
  tables.push(
    table(
      "quality",
      next(qualityRows.length),
      t("quality", lang),
      [
        { key: "address", header: t("address", lang), kind: "text", width: 22 },
        { key: "problem", header: t("problem", lang), kind: "text", width: 16 },
        { key: "value", header: t("value", lang), kind: "text", width: 12 },
        { key: "handling", header: t("handling", lang), kind: "text", width: 18 },
      ],
      qualityRows
    )
  );

  const charts: ChartPlan[] =
    tierRows.length === 0
      ? []
      : [
          {
            type: "column",
            title: t("chartTitle", lang),
            table: "tiers",
            categoryColumn: 0,
            valueColumns: [1],
            anchor: { row: tierTable.startRow, column: 7, columns: 7, rows: 16 },
          },
        ];
  return {
    key: "summary",
    name: name ?? SHEET_NAMES.summary[lang],
    preamble,
    tables,
    charts,
    freezeRows: 0,
    freezeColumns: 0,
  };
}
