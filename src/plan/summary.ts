import { columnLetter } from "../core/address";
import { FUNNEL_STAGES } from "../core/followups";
import { strings } from "../i18n";
import { balanceLines } from "./balanceNotes";
import type { LifetimeReport } from "./lifetimeNotes";
import { kpis, type Kpis } from "../core/kpis";
import { formatSerial } from "../core/parse";
import type { FollowupReport, ScoreReport } from "../core/pipeline";
import { NO_PURCHASES, type QualityIssue } from "../core/types";
import type { Lang } from "../i18n/lang";
import { reportNoteText } from "../i18n/notes";
import { tierLabel } from "../i18n/tiers";
import { BIGGEST_DROP, DATA_BAR_COLOR, LOPSIDED } from "./formats";
import type { TierOrNone } from "./tiers";
import type { ChartPlan, ColumnKind, ColumnPlan, PlanCell, SheetPlan, TablePlan } from "./types";

/** The data-quality list stops here; the rest is counted (Excel on the web handles long lists badly). */
export const MAX_QUALITY_LINES = 5000;
/** Each data-hygiene list stops here; the rest is counted. */
export const MAX_HYGIENE_LINES = 1000;

/** An archive field's name; a column the words do not know keeps its own name. */
function fieldName(field: string, lang: Lang): string {
  const names: Partial<Record<string, string>> = {
    ...strings(lang).leads.fields,
    ...strings(lang).followups.fields,
  };
  return names[field] ?? field;
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
  extraTables: TablePlan[] = [],
  /** The run's key figures, when the caller has them already (the trends sheet shows them too). */
  k: Kpis = kpis(report)
): SheetPlan {
  const na = strings(lang).summary.notAvailable;
  const preamble: PlanCell[][] = [
    [strings(lang).summary.title],
    [
      strings(lang).summary.asOf,
      formatSerial(report.asOf),
      strings(lang).summary.scheme,
      strings(lang).schemes.label[report.scheme],
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
    [strings(lang).summary.customers, k.customers],
    [strings(lang).summary.buyers, k.buyers],
    [strings(lang).summary.revenue, k.revenue],
    [strings(lang).summary.repurchaseRate, k.repurchaseRate ?? na],
    [strings(lang).summary.churnRate, k.churnRate ?? na],
  ];
  tables.push(
    table(
      "kpis",
      next(kpiRows.length),
      strings(lang).summary.kpis,
      [
        { key: "metric", header: strings(lang).summary.metric, kind: "text", width: 22 },
        { key: "value", header: strings(lang).summary.value, kind: "general", width: 16 },
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
    strings(lang).summary.perTier,
    [
      { key: "tier", header: strings(lang).summary.tier, kind: "text", width: 22 },
      { key: "customers", header: strings(lang).summary.customerCount, kind: "integer", width: 16 },
      { key: "share", header: strings(lang).summary.share, kind: "percent", width: 12 },
      { key: "revenue", header: strings(lang).summary.tierRevenue, kind: "money", width: 16 },
      { key: "clv", header: strings(lang).summary.avgClv, kind: "money", width: 18 },
      { key: "predicted", header: strings(lang).summary.avgPredictedClv, kind: "money", width: 18 },
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
      title: strings(lang).summary.chartTitle,
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
      strings(lang).balance.caption,
      [{ key: "note", header: strings(lang).summary.note, kind: "text", width: 22 }],
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
    // Customers by earlier tier, then current tier (no key string per customer).
    const counts = new Map<TierOrNone, Map<TierOrNone, number>>();
    report.customers.forEach((c, i) => {
      const from = previousTiers[i];
      if (from === null) return;
      const to: TierOrNone = c.tier ? c.tier.tier : NO_PURCHASES;
      let row = counts.get(from);
      if (!row) counts.set(from, (row = new Map()));
      row.set(to, (row.get(to) ?? 0) + 1);
    });
    const matrix = earlier.map((from) => [
      tierLabel(from, lang),
      ...current.map((to) => counts.get(from)?.get(to) ?? 0),
    ]);
    keepClear(current.length + 1);
    tables.push(
      table(
        "migration",
        next(matrix.length),
        strings(lang).summary.migration,
        [
          { key: "from", header: strings(lang).summary.fromTo, kind: "text", width: 22 },
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
      title: strings(lang).summary.funnelChartTitle,
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
    ...report.notes.map((n) => reportNoteText(n, lang)),
    ...(lifetime?.notes ?? []),
    ...extraNotes,
  ].filter((n) => n !== "");
  if (notes.length > 0) {
    tables.push(
      table(
        "notes",
        next(notes.length),
        strings(lang).summary.notes,
        [{ key: "note", header: strings(lang).summary.note, kind: "text", width: 22 }],
        notes.map((n) => [n])
      )
    );
  }

  const issues: QualityIssue[] = report.quality.slice(0, MAX_QUALITY_LINES);
  const qualityRows: PlanCell[][] = issues.map((q) => [
    q.address,
    strings(lang).run.quality[q.kind],
    q.value,
    q.excluded ? strings(lang).summary.excluded : strings(lang).summary.doubtful,
  ]);
  if (report.quality.length > MAX_QUALITY_LINES) {
    qualityRows.push([
      strings(lang).summary.more({ count: report.quality.length - MAX_QUALITY_LINES }),
      null,
      null,
      null,
    ]);
  }
  if (qualityRows.length === 0)
    qualityRows.push([strings(lang).summary.noIssues, null, null, null]);
  tables.push(
    table(
      "quality",
      next(qualityRows.length),
      strings(lang).summary.quality,
      [
        { key: "address", header: strings(lang).summary.address, kind: "text", width: 22 },
        { key: "problem", header: strings(lang).summary.problem, kind: "text", width: 16 },
        { key: "value", header: strings(lang).summary.value, kind: "text", width: 12 },
        { key: "handling", header: strings(lang).summary.handling, kind: "text", width: 18 },
      ],
      qualityRows
    )
  );

  return {
    key: "summary",
    name: name ?? strings(lang).sheets.names.summary,
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
  const na = strings(lang).summary.notAvailable;
  return part(
    id,
    caption,
    [
      { key: "metric", header: strings(lang).summary.metric, kind: "text", width: 22 },
      { key: "value", header: strings(lang).summary.value, kind: "general", width: 16 },
    ],
    lines.map(([label, value]) => [label, value ?? na]),
    lines.map(([, value, kind]) => (value === null ? "text" : kind))
  );
}

/** Funnel (first: it carries the chart), follow-up figures, funnel per person. */
function followupTables(f: FollowupReport, lang: Lang, watchSheet: string): TablePlan[] {
  const funnel = f.funnel;
  const rows: PlanCell[][] = FUNNEL_STAGES.map((stage, k) => [
    strings(lang).followups.stages[stage],
    funnel.byStage[stage],
    funnel.reached[stage],
    funnel.conversions[k]?.rate ?? null,
  ]);
  rows.push([strings(lang).followups.stages.lost, funnel.byStage.lost, null, null]);
  if (funnel.unstaged > 0)
    rows.push([strings(lang).followups.stages.unstaged, funnel.unstaged, null, null]);
  const funnelTable = part(
    "funnel",
    strings(lang).summary.funnel({ sheet: f.sheet }),
    [
      { key: "stage", header: strings(lang).summary.stage, kind: "text", width: 22 },
      { key: "now", header: strings(lang).summary.stageNow, kind: "integer", width: 16 },
      { key: "reached", header: strings(lang).summary.stageReached, kind: "integer", width: 12 },
      {
        key: "conversion",
        header: strings(lang).summary.conversionToNext,
        kind: "percent",
        width: 16,
      },
    ],
    rows
  );

  const drop = funnel.biggestDrop;
  const overdue = f.watch.filter((w) => w.kind === "overdue").length;
  const cadence = f.watch.filter((w) => w.kind === "cadence").length;
  const contact = f.watch.filter((w) => w.kind === "contact").length;
  const effort = figures(
    "followupFigures",
    strings(lang).summary.followupFigures,
    [
      [strings(lang).summary.funnelCustomers, funnel.customers, "integer"],
      [strings(lang).summary.followupLines, funnel.followups, "integer"],
      [
        strings(lang).summary.avgFollowups,
        funnel.avgFollowups === null ? null : round1(funnel.avgFollowups),
        "decimal",
      ],
      [strings(lang).summary.wonCustomers, funnel.won, "integer"],
      [
        strings(lang).summary.avgDaysToWin,
        funnel.avgDaysToWin === null ? null : round1(funnel.avgDaysToWin),
        "decimal",
      ],
      [
        strings(lang).summary.biggestDrop,
        drop && drop.rate !== null
          ? strings(lang).summary.dropText({
              from: strings(lang).followups.stages[drop.from],
              to: strings(lang).followups.stages[drop.to],
              rate: percentText(drop.rate),
            })
          : null,
        "text",
      ],
      [strings(lang).summary.overdueCount, overdue, "integer"],
      [strings(lang).summary.cadenceCount, cadence, "integer"],
      [strings(lang).contact.count, contact, "integer"],
      [strings(lang).summary.watchSheet({ sheet: watchSheet }), null, "text"],
    ],
    lang
  );
  // The pointer to the watch sheet is a sentence, not a missing figure.
  effort.rows[effort.rows.length - 1][1] = null;

  const personRows: PlanCell[][] = funnel.byPerson.map((p) => [
    p.person === "" ? strings(lang).summary.noPerson : p.person,
    p.customers,
    ...FUNNEL_STAGES.map((s) => p.byStage[s]),
    p.byStage.lost,
    p.avgFollowups === null ? null : round1(p.avgFollowups),
    p.avgDaysToWin === null ? null : round1(p.avgDaysToWin),
  ]);
  const byPerson = part(
    "byPerson",
    strings(lang).summary.byPerson,
    [
      { key: "person", header: strings(lang).summary.person, kind: "text", width: 22 },
      { key: "customers", header: strings(lang).summary.customerCount, kind: "integer", width: 16 },
      ...[...FUNNEL_STAGES, "lost" as const].map((s) => ({
        key: s,
        header: strings(lang).followups.stages[s],
        kind: "integer" as const,
        width: 12,
      })),
      {
        key: "avgFollowups",
        header: strings(lang).summary.avgFollowups,
        kind: "decimal",
        width: 14,
      },
      {
        key: "avgDaysToWin",
        header: strings(lang).summary.avgDaysToWin,
        kind: "decimal",
        width: 14,
      },
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
      s.value === null
        ? strings(lang).summary.other
        : s.value === ""
          ? strings(lang).summary.blank
          : s.value,
      s.customers,
      total > 0 ? s.customers / total : 0,
      s.revenue,
      s.converted,
      s.rate,
    ]);
    const label = fieldName(d.field, lang);
    const plan = part(
      `distribution.${d.field}`,
      strings(lang).summary.distribution({ field: lang === "en-US" ? label.toLowerCase() : label }),
      [
        { key: "segment", header: label, kind: "text", width: 22 },
        {
          key: "customers",
          header: strings(lang).summary.customerCount,
          kind: "integer",
          width: 16,
        },
        { key: "share", header: strings(lang).summary.share, kind: "percent", width: 12 },
        { key: "revenue", header: strings(lang).summary.tierRevenue, kind: "money", width: 16 },
        { key: "converted", header: strings(lang).summary.buyersShort, kind: "integer", width: 14 },
        { key: "rate", header: strings(lang).summary.conversionRate, kind: "percent", width: 12 },
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
    strings(lang).summary.metrics,
    [
      [strings(lang).summary.nps, nps?.nps == null ? null : round1(nps.nps), "decimal"],
      [strings(lang).summary.npsRespondents, nps ? nps.respondents : null, "integer"],
      [
        strings(lang).summary.npsBreakdown,
        nps && nps.respondents > 0
          ? strings(lang).summary.npsSplit({
              promoters: nps.promoters,
              passives: nps.passives,
              detractors: nps.detractors,
              sheet: nps.sheet,
            })
          : null,
        "text",
      ],
      [strings(lang).summary.cac, cac.cac === null ? null : round2(cac.cac), "money"],
      [strings(lang).summary.marketingSpend, cac.spend, "money"],
      [strings(lang).summary.newCustomers, cac.newCustomers, "integer"],
      [
        strings(lang).summary.bestSegment,
        best
          ? strings(lang).summary.bestText({
              field: fieldName(best.field, lang),
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
  const more = strings(lang).summary.more({ count: rows.length - MAX_HYGIENE_LINES });
  return [...rows.slice(0, MAX_HYGIENE_LINES), [more, ...new Array<null>(width - 1).fill(null)]];
}

function hygieneTables(report: ScoreReport, lang: Lang): TablePlan[] {
  const h = report.hygiene;
  const out: TablePlan[] = [];
  const idColumns = (): ColumnPlan[] => [
    { key: "id", header: strings(lang).summary.customerId, kind: "text", width: 22 },
    { key: "name", header: strings(lang).summary.customerName, kind: "text", width: 16 },
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
    strings(lang).followups.duplicateReasons[d.reason],
  ]);
  out.push(
    part(
      "duplicates",
      strings(lang).summary.duplicates,
      [
        ...idColumns(),
        { key: "address", header: strings(lang).summary.address, kind: "text", width: 18 },
        { key: "otherId", header: strings(lang).summary.otherId, kind: "text", width: 16 },
        { key: "otherName", header: strings(lang).summary.otherName, kind: "text", width: 14 },
        { key: "otherAddress", header: strings(lang).summary.address, kind: "text", width: 18 },
        { key: "reason", header: strings(lang).summary.reason, kind: "text", width: 14 },
      ],
      dupRows.length > 0 ? capped(dupRows, 7, lang) : [none(strings(lang).summary.noDuplicates, 7)]
    )
  );

  if (h.missing) {
    const rows: PlanCell[][] = [];
    if (h.missing.absentColumns.length > 0)
      rows.push([
        strings(lang).summary.absentColumns,
        null,
        list(
          h.missing.absentColumns.map((f) => fieldName(f, lang)),
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
          m.missing.map((x) => fieldName(x.field, lang)),
          lang
        ),
        m.missing.map((x) => x.address).join(", "),
      ]);
    }
    out.push(
      part(
        "missing",
        strings(lang).summary.missing,
        [
          ...idColumns(),
          { key: "fields", header: strings(lang).summary.missingFields, kind: "text", width: 12 },
          { key: "address", header: strings(lang).summary.address, kind: "text", width: 30 },
        ],
        rows.length > 0 ? capped(rows, 4, lang) : [none(strings(lang).summary.noMissing, 4)]
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
        strings(lang).summary.withoutOrders,
        [
          ...idColumns(),
          { key: "address", header: strings(lang).summary.address, kind: "text", width: 18 },
        ],
        rows.length > 0 ? capped(rows, 3, lang) : [none(strings(lang).summary.noWithoutOrders, 3)]
      )
    );
  }
  return out;
}
