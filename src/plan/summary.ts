import { columnLetter } from "../core/address";
import { FUNNEL_STAGES } from "../core/followups";
import type { LifetimeReport } from "../core/lifetime";
import { formatSerial } from "../core/parse";
import type { FollowupReport, ScoreReport } from "../core/pipeline";
import { NO_PURCHASES, type Lang, type QualityIssue } from "../core/types";
import { DUPLICATE_REASON_LABELS, fieldLabel, STAGE_LABELS, stageLabel } from "../i18n/followups";
import { qualityLabel } from "../i18n/messages";
import { schemeLabel } from "../i18n/schemes";
import { fillText } from "../i18n/settings";
import { SHEET_NAMES } from "../i18n/sheets";
import { SUMMARY_TEXT } from "../i18n/summary";
import { BALANCE_CAPTION, balanceLines } from "../i18n/balance";
import { CONTACT_COUNT } from "../i18n/contact";
import { tierLabel } from "../i18n/tiers";
import { BIGGEST_DROP, DATA_BAR_COLOR, LOPSIDED } from "./formats";
import type { TierOrNone } from "./tiers";
import type { ChartPlan, ColumnKind, ColumnPlan, PlanCell, SheetPlan, TablePlan } from "./types";

/** The data-quality list stops here; the rest is counted (Excel on the web handles long lists badly). */
export const MAX_QUALITY_LINES = 5000;
/** Each data-hygiene list stops here; the rest is counted. */
export const MAX_HYGIENE_LINES = 1000;

const t = (key: keyof typeof SUMMARY_TEXT, lang: Lang) => SUMMARY_TEXT[key][lang];

export interface Kpis {
  customers: number;
  buyers: number;
  revenue: number;
  repurchaseRate: number | null;
  churnRate: number | null;
}

/** Repurchase: bought twice or more in the window, of those who bought. Churn: bought in the window before, not in this one. */
export function kpis(report: ScoreReport): Kpis {
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
  name?: string,
  watchSheetName?: string,
  /** Further tables of their own (win-back, follow-up detail), placed after the hygiene lists. */
  extraTables: TablePlan[] = []
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
  const charts: ChartPlan[] = [];
  /** A table `columns` wide that would run under a chart starts below it instead. */
  const keepClear = (columns: number) => {
    for (const chart of charts) {
      const end = chart.anchor.row + chart.anchor.rows;
      if (columns > chart.anchor.column && row + 1 <= end) row = Math.max(row, end);
    }
  };
  const place = (plan: TablePlan) => {
    keepClear(plan.startColumn + plan.columns.length);
    plan.startRow = next(plan.rows.length);
    tables.push(plan);
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
  if (tierRows.length > 0)
    charts.push({
      type: "column",
      title: t("chartTitle", lang),
      table: "tiers",
      categoryColumn: 0,
      valueColumns: [1],
      anchor: { row: tierTable.startRow, column: 7, columns: 7, rows: 16 },
    });

  // A scheme that puts most customers in one tier, or leaves one empty, says so under the tiers.
  const balance = balanceLines(report.balance, lang);
  if (balance.length > 0) {
    const plan = table(
      "balance",
      next(balance.length),
      BALANCE_CAPTION[lang],
      [{ key: "note", header: t("note", lang), kind: "text", width: 22 }],
      balance.map((line) => [line])
    );
    plan.conditionalFormats.push({
      type: "formula",
      firstColumn: 0,
      lastColumn: 0,
      rows: { firstRow: 0, lastRow: balance.length - 1 },
      formula: "TRUE",
      ...LOPSIDED,
    });
    tables.push(plan);
  }

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
    keepClear(current.length + 1);
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

  if (report.followups) {
    const [funnelTable, effort, byPerson] = followupTables(
      report.followups,
      lang,
      watchSheetName ?? ""
    );
    place(funnelTable);
    addBiggestDrop(funnelTable, report.followups);
    // Beside the funnel, below the tier chart when the two would meet.
    const tierChartEnd = charts.length > 0 ? charts[0].anchor.row + charts[0].anchor.rows : 0;
    charts.push({
      type: "column",
      title: t("funnelChartTitle", lang),
      table: funnelTable.id,
      categoryColumn: 0,
      valueColumns: [1, 2],
      anchor: {
        row: Math.max(funnelTable.startRow, tierChartEnd + 1),
        column: funnelTable.columns.length + 1,
        columns: 7,
        rows: 15,
      },
    });
    place(effort);
    place(byPerson);
  }
  for (const part of [
    ...distributionTables(report, lang),
    metricsTable(report, lang),
    ...hygieneTables(report, lang),
    ...extraTables,
  ])
    place(part);

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

// ---------------------------------------------------------------------------------------------
// Funnel, distribution, indicators and hygiene (seed 004, seed 003)

const percentText = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const round1 = (v: number) => Math.round(v * 10) / 10;
const round2 = (v: number) => Math.round(v * 100) / 100;
const list = (items: string[], lang: Lang) => items.join(lang === "zh-CN" ? "、" : ", ");

/** A table whose startRow is set when it is placed. */
function part(
  id: string,
  caption: string,
  columns: ColumnPlan[],
  rows: PlanCell[][],
  rowKinds?: Array<ColumnKind | null>
): TablePlan {
  const plan = table(id, 0, caption, columns, rows);
  if (rowKinds) plan.rowKinds = rowKinds;
  return plan;
}

/** A two-column list of mixed figures; a null value reads "not available", never 0. */
function figures(
  id: string,
  caption: string,
  lines: Array<[label: string, value: PlanCell, kind: ColumnKind]>,
  lang: Lang
): TablePlan {
  const na = t("notAvailable", lang);
  return part(
    id,
    caption,
    [
      { key: "metric", header: t("metric", lang), kind: "text", width: 22 },
      { key: "value", header: t("value", lang), kind: "general", width: 16 },
    ],
    lines.map(([label, value]) => [label, value ?? na]),
    lines.map(([, value, kind]) => (value === null ? "text" : kind))
  );
}

/** Funnel (first: it carries the chart), follow-up figures, funnel per person. */
function followupTables(f: FollowupReport, lang: Lang, watchSheet: string): TablePlan[] {
  const funnel = f.funnel;
  const rows: PlanCell[][] = FUNNEL_STAGES.map((stage, k) => [
    STAGE_LABELS[stage][lang],
    funnel.byStage[stage],
    funnel.reached[stage],
    funnel.conversions[k]?.rate ?? null,
  ]);
  rows.push([STAGE_LABELS.lost[lang], funnel.byStage.lost, null, null]);
  if (funnel.unstaged > 0) rows.push([STAGE_LABELS.unstaged[lang], funnel.unstaged, null, null]);
  const funnelTable = part(
    "funnel",
    fillText(t("funnel", lang), { sheet: f.sheet }),
    [
      { key: "stage", header: t("stage", lang), kind: "text", width: 22 },
      { key: "now", header: t("stageNow", lang), kind: "integer", width: 16 },
      { key: "reached", header: t("stageReached", lang), kind: "integer", width: 12 },
      { key: "conversion", header: t("conversionToNext", lang), kind: "percent", width: 16 },
    ],
    rows
  );

  const drop = funnel.biggestDrop;
  const overdue = f.watch.filter((w) => w.kind === "overdue").length;
  const cadence = f.watch.filter((w) => w.kind === "cadence").length;
  const contact = f.watch.filter((w) => w.kind === "contact").length;
  const effort = figures(
    "followupFigures",
    t("followupFigures", lang),
    [
      [t("funnelCustomers", lang), funnel.customers, "integer"],
      [t("followupLines", lang), funnel.followups, "integer"],
      [
        t("avgFollowups", lang),
        funnel.avgFollowups === null ? null : round1(funnel.avgFollowups),
        "decimal",
      ],
      [t("wonCustomers", lang), funnel.won, "integer"],
      [
        t("avgDaysToWin", lang),
        funnel.avgDaysToWin === null ? null : round1(funnel.avgDaysToWin),
        "decimal",
      ],
      [
        t("biggestDrop", lang),
        drop && drop.rate !== null
          ? fillText(t("dropText", lang), {
              from: stageLabel(drop.from, lang),
              to: stageLabel(drop.to, lang),
              rate: percentText(drop.rate),
            })
          : null,
        "text",
      ],
      [t("overdueCount", lang), overdue, "integer"],
      [t("cadenceCount", lang), cadence, "integer"],
      [CONTACT_COUNT[lang], contact, "integer"],
      [t("watchSheet", lang).replace("{sheet}", watchSheet), null, "text"],
    ],
    lang
  );
  // The pointer to the watch sheet is a sentence, not a missing figure.
  effort.rows[effort.rows.length - 1][1] = null;

  const personRows: PlanCell[][] = funnel.byPerson.map((p) => [
    p.person === "" ? t("noPerson", lang) : p.person,
    p.customers,
    ...FUNNEL_STAGES.map((s) => p.byStage[s]),
    p.byStage.lost,
    p.avgFollowups === null ? null : round1(p.avgFollowups),
    p.avgDaysToWin === null ? null : round1(p.avgDaysToWin),
  ]);
  const byPerson = part(
    "byPerson",
    t("byPerson", lang),
    [
      { key: "person", header: t("person", lang), kind: "text", width: 22 },
      { key: "customers", header: t("customerCount", lang), kind: "integer", width: 16 },
      ...[...FUNNEL_STAGES, "lost" as const].map((s) => ({
        key: s,
        header: STAGE_LABELS[s][lang],
        kind: "integer" as const,
        width: 12,
      })),
      { key: "avgFollowups", header: t("avgFollowups", lang), kind: "decimal", width: 14 },
      { key: "avgDaysToWin", header: t("avgDaysToWin", lang), kind: "decimal", width: 14 },
    ],
    personRows
  );
  return [funnelTable, effort, byPerson];
}

/** Marks the step with the lowest conversion (live: Excel compares the column's figures). */
function addBiggestDrop(funnelTable: TablePlan, f: FollowupReport): void {
  if (f.funnel.biggestDrop === null) return;
  const steps = FUNNEL_STAGES.length - 1;
  const letter = columnLetter(funnelTable.startColumn + 3);
  const first = funnelTable.startRow + 2; // 1-based sheet row of the first data line
  const last = first + steps - 1;
  funnelTable.conditionalFormats.push({
    type: "formula",
    firstColumn: 0,
    lastColumn: 3,
    rows: { firstRow: 0, lastRow: steps - 1 },
    formula: `AND(ISNUMBER($${letter}{row}),$${letter}{row}=MIN($${letter}$${first}:$${letter}$${last}))`,
    ...BIGGEST_DROP,
  });
}

function distributionTables(report: ScoreReport, lang: Lang): TablePlan[] {
  const total = report.customers.length;
  return report.distribution.tables.map((d) => {
    const rows: PlanCell[][] = d.segments.map((s) => [
      s.value === null ? t("other", lang) : s.value === "" ? t("blank", lang) : s.value,
      s.customers,
      total > 0 ? s.customers / total : 0,
      s.revenue,
      s.converted,
      s.rate,
    ]);
    const label = fieldLabel(d.field, lang);
    const plan = part(
      `distribution.${d.field}`,
      t("distribution", lang).replace("{field}", lang === "en-US" ? label.toLowerCase() : label),
      [
        { key: "segment", header: label, kind: "text", width: 22 },
        { key: "customers", header: t("customerCount", lang), kind: "integer", width: 16 },
        { key: "share", header: t("share", lang), kind: "percent", width: 12 },
        { key: "revenue", header: t("tierRevenue", lang), kind: "money", width: 16 },
        { key: "converted", header: t("buyersShort", lang), kind: "integer", width: 14 },
        { key: "rate", header: t("conversionRate", lang), kind: "percent", width: 12 },
      ],
      rows
    );
    if (rows.length > 0)
      plan.conditionalFormats.push({
        type: "dataBar",
        column: 3,
        rows: { firstRow: 0, lastRow: rows.length - 1 },
        color: DATA_BAR_COLOR,
      });
    return plan;
  });
}

/** NPS, CAC and the best-converting segment: "not available" where the data is missing. */
function metricsTable(report: ScoreReport, lang: Lang): TablePlan {
  const nps = report.nps;
  const cac = report.cac;
  const best = report.distribution.best;
  return figures(
    "metrics",
    t("metrics", lang),
    [
      [t("nps", lang), nps?.nps == null ? null : round1(nps.nps), "decimal"],
      [t("npsRespondents", lang), nps ? nps.respondents : null, "integer"],
      [
        t("npsBreakdown", lang),
        nps && nps.respondents > 0
          ? fillText(t("npsSplit", lang), {
              promoters: nps.promoters,
              passives: nps.passives,
              detractors: nps.detractors,
              sheet: nps.sheet,
            })
          : null,
        "text",
      ],
      [t("cac", lang), cac.cac === null ? null : round2(cac.cac), "money"],
      [t("marketingSpend", lang), cac.spend, "money"],
      [t("newCustomers", lang), cac.newCustomers, "integer"],
      [
        t("bestSegment", lang),
        best
          ? fillText(t("bestText", lang), {
              field: fieldLabel(best.field, lang),
              value: best.value,
              customers: best.customers,
              converted: best.converted,
              rate: percentText(best.rate),
            })
          : null,
        "text",
      ],
    ],
    lang
  );
}

/** Rows up to the cap, then one line that counts the rest. */
function capped(rows: PlanCell[][], width: number, lang: Lang): PlanCell[][] {
  if (rows.length <= MAX_HYGIENE_LINES) return rows;
  const more = t("more", lang).replace("{count}", String(rows.length - MAX_HYGIENE_LINES));
  return [...rows.slice(0, MAX_HYGIENE_LINES), [more, ...new Array<null>(width - 1).fill(null)]];
}

function hygieneTables(report: ScoreReport, lang: Lang): TablePlan[] {
  const h = report.hygiene;
  const out: TablePlan[] = [];
  const idColumns = (): ColumnPlan[] => [
    { key: "id", header: t("customerId", lang), kind: "text", width: 22 },
    { key: "name", header: t("customerName", lang), kind: "text", width: 16 },
  ];
  const none = (text: string, width: number): PlanCell[] => [
    text,
    ...new Array<null>(width - 1).fill(null),
  ];

  const dupRows: PlanCell[][] = h.duplicates.map((d) => [
    d.first.id,
    d.first.name || null,
    d.first.address || null,
    d.second.id,
    d.second.name || null,
    d.second.address || null,
    DUPLICATE_REASON_LABELS[d.reason][lang],
  ]);
  out.push(
    part(
      "duplicates",
      t("duplicates", lang),
      [
        ...idColumns(),
        { key: "address", header: t("address", lang), kind: "text", width: 18 },
        { key: "otherId", header: t("otherId", lang), kind: "text", width: 16 },
        { key: "otherName", header: t("otherName", lang), kind: "text", width: 14 },
        { key: "otherAddress", header: t("address", lang), kind: "text", width: 18 },
        { key: "reason", header: t("reason", lang), kind: "text", width: 14 },
      ],
      dupRows.length > 0 ? capped(dupRows, 7, lang) : [none(t("noDuplicates", lang), 7)]
    )
  );

  if (h.missing) {
    const rows: PlanCell[][] = [];
    if (h.missing.absentColumns.length > 0)
      rows.push([
        t("absentColumns", lang),
        null,
        list(
          h.missing.absentColumns.map((f) => fieldLabel(f, lang)),
          lang
        ),
        null,
      ]);
    for (const m of h.missing.rows) {
      const name = report.customers[m.customer]?.customer.fields.name;
      rows.push([
        m.id,
        typeof name === "string" && name.trim() !== "" ? name.trim() : null,
        list(
          m.missing.map((x) => fieldLabel(x.field, lang)),
          lang
        ),
        m.missing.map((x) => x.address).join(", "),
      ]);
    }
    out.push(
      part(
        "missing",
        t("missing", lang),
        [
          ...idColumns(),
          { key: "fields", header: t("missingFields", lang), kind: "text", width: 12 },
          { key: "address", header: t("address", lang), kind: "text", width: 30 },
        ],
        rows.length > 0 ? capped(rows, 4, lang) : [none(t("noMissing", lang), 4)]
      )
    );
  }

  if (report.mode === "orders" || h.withoutOrders.length > 0) {
    const rows: PlanCell[][] = h.withoutOrders.map((c) => [
      c.id,
      c.name || null,
      c.address || null,
    ]);
    out.push(
      part(
        "withoutOrders",
        t("withoutOrders", lang),
        [...idColumns(), { key: "address", header: t("address", lang), kind: "text", width: 18 }],
        rows.length > 0 ? capped(rows, 3, lang) : [none(t("noWithoutOrders", lang), 3)]
      )
    );
  }
  return out;
}
