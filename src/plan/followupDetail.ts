/**
 * The follow-up detail tables of the summary: postponed steps, objections, next-step owners and the
 * 24-hour first response as figures; follow-ups and days per stage; the findings with their cells.
 */
import type { ScoreReport } from "../core/pipeline";
import { cellText, isBlank } from "../core/parse";
import { strings } from "../i18n";
import type { Lang } from "../i18n/lang";
import type { ColumnKind, PlanCell, TablePlan } from "./types";

/** The findings list stops here; the rest is counted (like the summary's other lists). */
export const MAX_DETAIL_FINDINGS = 1000;

const plan = (
  id: string,
  caption: string,
  columns: Array<[key: string, header: string, kind: ColumnKind, width: number]>,
  rows: PlanCell[][],
  rowKinds?: Array<ColumnKind | null>
): TablePlan => ({
  id,
  startRow: 0,
  startColumn: 0,
  caption,
  columns: columns.map(([key, header, kind, width]) => ({ key, header, kind, width })),
  rows,
  ...(rowKinds ? { rowKinds } : {}),
  conditionalFormats: [],
  validations: [],
});

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function followupDetailTables(report: ScoreReport, lang: Lang): TablePlan[] {
  const d = report.followups?.detail;
  if (!d) return [];
  const w = strings(lang).followupDetail;
  const na = strings(lang).summary.notAvailable;
  const late = d.findings.filter((f) => f.kind !== "postponed_no_reason").length;
  const figures: Array<[string, number | null]> = [
    [w.postponed, d.postponed],
    [w.postponedWithReason, d.postponedWithReason],
    [w.objections, d.objections],
    [w.handedOver, d.handedOver],
    [w.leadsChecked, d.leadsChecked],
    [w.lateFirstResponse, d.leadsChecked === null ? null : late],
  ];
  const h = w.stageHeaders;
  const findings = d.findings.slice(0, MAX_DETAIL_FINDINGS).map((f): PlanCell[] => {
    const customer = report.customers[f.customer]?.customer;
    const name = customer?.fields.name;
    return [
      w.kinds[f.kind],
      customer?.id ?? null,
      isBlank(name) ? null : cellText(name).trim(),
      f.address,
      f.daysLate,
    ];
  });
  if (d.findings.length > MAX_DETAIL_FINDINGS)
    findings.push([
      strings(lang).summary.more({ count: d.findings.length - MAX_DETAIL_FINDINGS }),
      null,
      null,
      null,
      null,
    ]);
  if (findings.length === 0) findings.push([w.noFindings, null, null, null, null]);
  const f = w.findingHeaders;
  return [
    plan(
      "followupDetail",
      w.figuresCaption,
      [
        ["figure", w.figure, "text", 22],
        ["value", w.value, "general", 16],
      ],
      figures.map(([label, value]) => [label, value ?? na]),
      figures.map(([, value]) => (value === null ? "text" : "integer"))
    ),
    plan(
      "stageEffort",
      w.stagesCaption,
      [
        ["stage", h.stage, "text", 22],
        ["customers", h.customers, "integer", 16],
        ["followups", h.followups, "integer", 12],
        ["avgFollowups", h.avgFollowups, "decimal", 16],
        ["movedOn", h.movedOn, "integer", 14],
        ["avgDays", h.avgDays, "decimal", 14],
      ],
      d.stages.map((s) => [
        w.stages[s.stage],
        s.customers,
        s.followups,
        round1(s.avgFollowups),
        s.movedOn,
        round1(s.avgDays),
      ])
    ),
    plan(
      "followupFindings",
      w.findingsCaption,
      [
        ["kind", f.kind, "text", 22],
        ["id", f.id, "text", 16],
        ["name", f.name, "text", 12],
        ["address", f.address, "text", 16],
        ["daysLate", f.daysLate, "integer", 14],
      ],
      findings
    ),
  ];
}
