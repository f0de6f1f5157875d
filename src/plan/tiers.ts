import type { ChurnWarning } from "../core/lifetime";
import type { LifetimeReport } from "./lifetimeNotes";
import { cellText, formatSerial, parseDate } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import { maskPhone } from "../core/privacy";
import type { Settings } from "../core/settings";
import { behaviourTags, type BehaviourTag } from "../core/tags";
import { familyOf, TIER_ORDER } from "../core/tiers";
import { NO_PURCHASES, type Cell, type SheetGrid, type TierKey } from "../core/types";
import type { Lang } from "../i18n/lang";
import { inEveryLang, strings } from "../i18n";
import { OWN_HEADERS } from "../i18n/ownSheets";
import type { SheetStrings } from "../i18n/strings/sheets";
import { tierLabel, tierOfLabel, TierReasons } from "../i18n/tiers";
import { DATA_BAR_COLOR, SCORE_SCALE, TIER_COLORS } from "./formats";
import { customerKeyOf, findTable, linesOf } from "./previous";
import {
  singleTableSheet,
  type ColumnKind,
  type ConditionalFormatPlan,
  type PlanCell,
  type SheetPlan,
  columnPlans,
  withLinesOnDemand,
} from "./types";

export type TierOrNone = TierKey | typeof NO_PURCHASES;

const COLUMNS: Array<
  [key: keyof SheetStrings["tierHeaders"], kind: ColumnKind, width: number, manager?: boolean]
> = [
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
  ["previousTier", "text", 14],
  ["change", "text", 9],
  ["family", "text", 10],
  ["reason", "text", 60],
  ["clv", "money", 16],
  ["pAlive", "percent", 10],
  ["expectedPurchases", "decimal", 12],
  ["expectedSpend", "money", 14],
  ["predictedClv", "money", 16],
  ["churnWarning", "text", 28],
  ["behaviour", "text", 22],
  ["tags", "text", 24, true],
  ["nps", "integer", 12],
  ["feedback", "text", 30],
];
const col = (key: string) => COLUMNS.findIndex(([k]) => k === key);

/** A number per behaviour tag (1–7), to key a list of them by a number. */
const TAG_NUMBERS: Record<BehaviourTag, number> = {
  one_time_buyer: 1,
  high_frequency: 2,
  low_frequency: 3,
  frequent_returns: 4,
};

/** What an earlier run left in the tier sheet. */
export interface PreviousTiers {
  asOf: number | null;
  byCustomer: Map<string, { tier: TierOrNone | null; previousTier: TierOrNone | null; tags: Cell }>;
}

const AS_OF_LABELS = Object.values(inEveryLang((s) => s.sheets.tierAsOf));

export function readTiers(grid: SheetGrid | undefined): PreviousTiers {
  const found: PreviousTiers = { asOf: null, byCustomer: new Map() };
  if (!grid) return found;
  for (const row of grid.values.slice(0, 3)) {
    const label = cellText(row?.[0]);
    if (AS_OF_LABELS.includes(label)) found.asOf = parseDate(row[1]);
  }
  const table = findTable(grid.values, OWN_HEADERS.tiers);
  if (!table) return found;
  for (const { cells } of linesOf(grid.values, table)) {
    const key = customerKeyOf(cells.get("id"));
    if (key === null) continue;
    found.byCustomer.set(key, {
      tier: tierOfLabel(cellText(cells.get("tier"))),
      previousTier: tierOfLabel(cellText(cells.get("previousTier"))),
      tags: cells.get("tags") ?? "",
    });
  }
  return found;
}

/**
 * The tier each customer had in the previous period. Re-running for the same as-of date keeps the
 * previous period's column as it was, so scoring an unchanged workbook twice changes nothing.
 */
export function previousTiersOf(
  report: ScoreReport,
  previous: PreviousTiers
): Array<TierOrNone | null> {
  if (previous.byCustomer.size === 0) return new Array<null>(report.customers.length).fill(null);
  const sameRun = previous.asOf !== null && previous.asOf === report.asOf;
  return report.customers.map((c) => {
    const before = previous.byCustomer.get(c.customer.key);
    if (!before) return null;
    return sameRun ? before.previousTier : before.tier;
  });
}

function change(current: TierOrNone, before: TierOrNone | null): keyof SheetStrings["tierChange"] {
  if (before === null) return "new";
  if (before === current) return "same";
  const a = TIER_ORDER.indexOf(current as TierKey);
  const b = TIER_ORDER.indexOf(before as TierKey);
  // Only tiers of one scheme compare (within four tiers, segments or grades).
  const group = (i: number) => (i < 4 ? 0 : i < 15 ? 1 : 2);
  if (a < 0 || b < 0 || group(a) !== group(b)) return "changed";
  return a < b ? "up" : "down";
}

const isBlankCell = (cell: Cell) => cell === undefined || cell === null || cell === "";

function text(cell: Cell): PlanCell {
  if (cell === undefined || cell === null || cell === "") return null;
  return typeof cell === "string" ? cell : String(cell);
}

/** The tier sheet (客户分层): one line per customer of the archive, in archive order. */
export function planTierSheet(
  report: ScoreReport,
  settings: Settings,
  lang: Lang,
  lifetime: LifetimeReport | null = null,
  previous: PreviousTiers = { asOf: null, byCustomer: new Map() },
  name?: string,
  /** previousTiersOf(report, previous), when the caller has it already. */
  before: ReadonlyArray<TierOrNone | null> = previousTiersOf(report, previous)
): SheetPlan {
  const columns = columnPlans(COLUMNS, (key) => strings(lang).sheets.tierHeaders[key]);
  const reasons = new TierReasons(lang);
  const words = strings(lang).sheets;
  // Few distinct tag lists: each one's words are joined once, not once per customer. The key
  // numbers a list by its tags, in order (no string per customer).
  const behaviourTexts = new Map<number, PlanCell>();
  const behaviourText = (tags: BehaviourTag[]): PlanCell => {
    let key = 0;
    for (const tag of tags) key = key * 8 + TAG_NUMBERS[tag];
    let cell = behaviourTexts.get(key);
    if (cell === undefined) {
      cell = text(tags.map((t) => words.behaviourTags[t]).join(lang === "zh-CN" ? "、" : ", "));
      behaviourTexts.set(key, cell);
    }
    return cell;
  };
  // "P(alive) 12%" warnings for each whole percent, worded once.
  const pAliveWarnings: string[] = [];
  const churnText = (warning: ChurnWarning | null): string | null => {
    if (!warning) return null;
    if (warning.kind !== "p_alive")
      return words.churnWarning.overdue({ silent: warning.silentDays, gap: warning.usualGapDays });
    const p = Math.round(warning.pAlive * 100);
    return p >= 0 && p <= 100
      ? (pAliveWarnings[p] ??= words.churnWarning.p_alive({ p }))
      : words.churnWarning.p_alive({ p });
  };
  // Tier and playbook words, looked up once rather than per customer.
  const tierLabels = strings(lang).tiers.label;
  const familyLabels = strings(lang).tiers.family;
  const changeWords = words.tierChange;
  const maskPhones = settings.maskPhones;
  const perCustomer = lifetime?.perCustomer;
  const churn = lifetime?.churn;
  const voices = report.voices;
  const customers = report.customers;

  const lineOf = (k: number): PlanCell[] => {
    const result = customers[k];
    const fields = result.customer.fields;
    const life = perCustomer?.[k] ?? null;
    const tier = result.tier;
    const tierKey: TierOrNone = tier ? tier.tier : NO_PURCHASES;
    const kept =
      previous.byCustomer.size > 0 ? previous.byCustomer.get(result.customer.key) : undefined;
    const voice = voices?.[k];
    return [
      result.customer.id,
      text(fields.name),
      text(fields.owner),
      // (Most archives have no phone column: nothing to mask then.)
      maskPhones && !isBlankCell(fields.phone) ? text(maskPhone(fields.phone)) : text(fields.phone),
      result.lastPurchase,
      result.recencyDays,
      tier ? result.frequency : null,
      tier ? result.monetary : null,
      tier?.rScore ?? null,
      tier?.fScore ?? null,
      tier?.mScore ?? null,
      tier?.total ?? null,
      tier?.weighted ?? null,
      tierLabels[tierKey],
      before[k] === null ? null : tierLabels[before[k] as TierOrNone],
      changeWords[change(tierKey, before[k])],
      tier ? familyLabels[familyOf(tier.tier)] : null,
      tier ? reasons.text(tier, result) : null,
      result.clv,
      life?.pAlive ?? null,
      life?.expectedPurchases ?? null,
      life?.expectedSpend ?? null,
      life?.predictedClv ?? null,
      churnText(churn?.[k] ?? null),
      behaviourText(behaviourTags(result)),
      // The user's own tags: what they typed in this sheet wins over the archive's column.
      kept ? text(kept.tags) : text(fields.tags),
      voice?.score ?? null,
      voice?.feedback || null,
    ];
  };

  const span = { firstRow: 0, lastRow: Math.max(0, customers.length - 1) };
  const conditionalFormats: ConditionalFormatPlan[] = [];
  if (customers.length > 0) {
    const tierKeys = new Set<TierOrNone>();
    for (const r of customers) tierKeys.add(r.tier ? r.tier.tier : NO_PURCHASES);
    for (const key of [...tierKeys].sort()) {
      const palette = TIER_COLORS[key === NO_PURCHASES ? NO_PURCHASES : familyOf(key)];
      conditionalFormats.push({
        type: "textEquals",
        column: col("tier"),
        rows: span,
        text: tierLabel(key, lang),
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

  const title = strings(lang).sheets.tierTitle({
    asOf: formatSerial(report.asOf),
    start: formatSerial(report.windowStart),
    scheme: strings(lang).schemes.label[report.scheme],
  });

  const sheet = singleTableSheet(
    "tiers",
    name ?? strings(lang).sheets.names.tiers,
    [[title], [strings(lang).sheets.tierAsOf, formatSerial(report.asOf)]],
    { columns, rows: [], conditionalFormats, validations: [] },
    2
  );
  // One line per customer, made when written (see withLinesOnDemand).
  sheet.tables[0] = withLinesOnDemand(sheet.tables[0], customers.length, (from, to) => {
    const lines = new Array<PlanCell[]>(to - from);
    for (let k = from; k < to; k++) lines[k - from] = lineOf(k);
    return lines;
  });
  return sheet;
}
