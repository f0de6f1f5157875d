/**
 * 销售业绩 Results per sales owner: one line per 销售负责人 of the archive with their customers, revenue
 * in the window, new customers, repurchase rate and tier mix (computed), and a revenue target the
 * manager types (kept across runs, matched by owner name) with the share achieved.
 */
import { inEveryLang } from "../i18n";
import { OWN_HEADERS } from "../i18n/ownSheets";
import type { OwnerStrings } from "../i18n/strings/owners";
import { emptyOwnerResult, ownerKey, ownerResults, type OwnerResult } from "../core/owners";
import { strings } from "../i18n";
import { cellText, formatSerial, isBlank, parseAmount } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import { NO_PURCHASES, type Cell, type SheetGrid } from "../core/types";
import type { Lang } from "../i18n/lang";
import { tierLabel } from "../i18n/tiers";
import { DATA_BAR_COLOR } from "./formats";
import { findTable, linesOf } from "./previous";
import type { TierOrNone } from "./tiers";
import { singleTableSheet, type ColumnKind, type PlanCell, type SheetPlan } from "./types";

const FIXED: ReadonlyArray<
  [key: keyof OwnerStrings["headers"], kind: ColumnKind, width: number, manager?: boolean]
> = [
  ["owner", "text", 14],
  ["customers", "integer", 10],
  ["buyers", "integer", 14],
  ["revenue", "money", 18],
  ["target", "money", 16, true],
  ["achieved", "percent", 12],
  ["newCustomers", "integer", 10],
  ["repurchaseRate", "percent", 10],
];

/** Targets typed in an earlier run, by owner key (the cell as typed). */
export function readOwnerTargets(
  grid: SheetGrid | undefined
): Map<string, { owner: string; target: Cell }> {
  const out = new Map<string, { owner: string; target: Cell }>();
  if (!grid) return out;
  const table = findTable(grid.values, OWN_HEADERS.owners);
  if (!table || !table.columns.has("owner") || !table.columns.has("target")) return out;
  const unassigned = new Set<string>(Object.values(inEveryLang((s) => s.owners.unassigned)));
  for (const { cells } of linesOf(grid.values, table)) {
    const target = cells.get("target");
    if (isBlank(target)) continue;
    const owner = cellText(cells.get("owner") ?? "").trim();
    const key = unassigned.has(owner) ? "" : ownerKey(owner);
    if (!out.has(key))
      out.set(key, { owner: unassigned.has(owner) ? "" : owner, target: target as Cell });
  }
  return out;
}

/** True when the archive names owners: the sheet is planned only then (or when it exists already). */
export function hasOwners(report: ScoreReport): boolean {
  return report.customers.some((c) => !isBlank(c.customer.fields.owner));
}

export function planOwnersSheet(
  report: ScoreReport,
  lang: Lang,
  targets: Map<string, { owner: string; target: Cell }>,
  name?: string
): SheetPlan {
  const results: OwnerResult[] = ownerResults(
    report.customers.map((c) => ({
      owner: c.customer.fields.owner,
      tier: c.tier ? c.tier.tier : NO_PURCHASES,
      frequency: c.frequency,
      monetary: c.monetary,
      firstPurchase: c.firstPurchase,
    })),
    report.windowStart,
    report.asOf
  );
  // An owner with a target but no customers this run keeps the line (and the target).
  for (const [key, kept] of targets) {
    if (!results.some((r) => r.key === key)) results.push(emptyOwnerResult(kept.owner, key));
  }
  const tiers = Object.keys(report.tierCounts) as TierOrNone[];
  const rows: PlanCell[][] = results.map((r) => {
    const typed = targets.get(r.key)?.target ?? null;
    const target = typed === null ? null : typeof typed === "number" ? typed : parseAmount(typed);
    return [
      r.key === "" ? strings(lang).owners.unassigned : r.owner,
      r.customers,
      r.buyers,
      r.revenue,
      // A target that is not an amount stays as typed (and no share is computed).
      target ?? (typed === null ? null : cellText(typed)),
      target !== null && target > 0 ? r.revenue / target : null,
      r.newCustomers,
      r.repurchaseRate,
      ...tiers.map((t) => r.tiers[t] ?? 0),
    ];
  });
  const columns = [
    ...FIXED.map(([key, kind, width, manager]) => ({
      key,
      kind,
      width,
      manager,
      header: strings(lang).owners.headers[key],
    })),
    ...tiers.map((t) => ({
      key: `tier.${t}`,
      kind: "integer" as ColumnKind,
      width: 12,
      header: tierLabel(t, lang),
    })),
  ];
  const span = { firstRow: 0, lastRow: Math.max(0, rows.length - 1) };
  const col = (key: string) => FIXED.findIndex(([k]) => k === key);
  return singleTableSheet(
    "owners",
    name ?? strings(lang).sheets.names.owners,
    [
      [
        strings(lang).owners.title({
          asOf: formatSerial(report.asOf),
          start: formatSerial(report.windowStart),
        }),
      ],
      [strings(lang).owners.help],
    ],
    {
      columns,
      rows,
      conditionalFormats:
        rows.length > 0
          ? [
              { type: "dataBar", column: col("revenue"), rows: span, color: DATA_BAR_COLOR },
              { type: "dataBar", column: col("achieved"), rows: span, color: DATA_BAR_COLOR },
            ]
          : [],
      validations: [],
    },
    1
  );
}
