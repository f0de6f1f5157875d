/**
 * The command line's `--report-json` contract: funnel, overdue follow-ups, likely duplicates and tier
 * counts under exactly these keys, plus further figures under keys of their own. Pure.
 */
import { formatSerial } from "./parse";
import { FUNNEL_STAGES } from "./followups";
import { kpis } from "./kpis";
import type { ScoreReport } from "./report";
import type { ModelCheck } from "./review/modelCheck";
import type { Uplift } from "./review/uplift";

export interface FunnelStageJson {
  /** potential | intent | negotiation | won | lost */
  stage: string;
  /**
   * Forward stages: customers who reached the stage or went beyond it (so each step's conversion is
   * the next line's customers ÷ this line's); lost: customers whose current stage is 流失.
   */
  customers: number;
  /** Share of this stage's customers who reached the next stage; null for won and lost. */
  conversion_to_next: number | null;
  /** Customers whose current stage is this one. */
  current: number;
}

export interface ReportJson {
  funnel: FunnelStageJson[];
  /** Customers with an overdue next step (下次跟进日期 passed, not done), worst first. */
  overdue_followups: string[];
  /** [ID, ID, "phone" | "name"], archive order; never merged. */
  duplicates: Array<[string, string, string]>;
  tiers: Record<string, number>;
  [extra: string]: unknown;
}

const round4 = (v: number) => Math.round(v * 10000) / 10000;
const round2 = (v: number) => Math.round(v * 100) / 100;
const rateJson = (rate: number | null) => (rate === null ? null : round4(rate));

/** Unique values in first-seen order. */
function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** One strategy, tier and period of the review, as `--report-json` writes it (keys, not words). */
export interface ReviewJson {
  strategy: string;
  tier: string;
  period: [string, string];
  treated: number;
  control: number;
  uplift_orders_per_customer: number | null;
  uplift_amount_per_customer: number | null;
  ci90_orders: [number, number] | null;
  ci90_amount: [number, number] | null;
  verdict: Uplift["verdict"];
}

export type ModelCheckJson =
  | {
      holdout_weeks: number;
      customers: number;
      predicted_total: number;
      actual_total: number;
      mae: number;
      by_repeat: Array<{
        repeat: number;
        customers: number;
        predicted: number;
        actual: number;
        or_more: boolean;
      }>;
      verdict: string;
      calibration_end: string;
    }
  | { holdout_weeks: number; reason: string };

/** What a run adds beyond the score report: the strategy review and the model check. */
export interface ReviewFigures {
  review?: Array<{ strategy: string; tier: string; from: number; to: number; uplift: Uplift }>;
  modelCheck?: ModelCheck | null;
}

function reviewJson(groups: NonNullable<ReviewFigures["review"]>): ReviewJson[] {
  const pair = (p: [number, number] | null): [number, number] | null =>
    p === null ? null : [round4(p[0]), round4(p[1])];
  return groups.map((g) => ({
    strategy: g.strategy,
    tier: g.tier,
    period: [formatSerial(g.from), formatSerial(g.to)],
    treated: g.uplift.treated,
    control: g.uplift.control,
    uplift_orders_per_customer:
      g.uplift.upliftOrders === null ? null : round4(g.uplift.upliftOrders),
    uplift_amount_per_customer:
      g.uplift.upliftAmount === null ? null : round2(g.uplift.upliftAmount),
    ci90_orders: pair(g.uplift.ci90Orders),
    ci90_amount: pair(g.uplift.ci90Amount),
    verdict: g.uplift.verdict,
  }));
}

function modelCheckJson(check: ModelCheck): ModelCheckJson {
  if (!check.ok) return { holdout_weeks: check.holdoutWeeks, reason: check.reason };
  return {
    holdout_weeks: check.holdoutWeeks,
    customers: check.customers,
    predicted_total: round2(check.predictedTotal),
    actual_total: check.actualTotal,
    mae: round4(check.mae),
    by_repeat: check.byRepeat.map((g) => ({
      repeat: g.repeat,
      customers: g.customers,
      predicted: round4(g.predicted),
      actual: round4(g.actual),
      or_more: g.orMore,
    })),
    verdict: check.verdict,
    calibration_end: formatSerial(check.calibrationEnd),
  };
}

export function reportJson(report: ScoreReport, figures: ReviewFigures = {}): ReportJson {
  const f = report.followups;
  const funnel: FunnelStageJson[] = [];
  if (f) {
    FUNNEL_STAGES.forEach((stage, k) => {
      const rate = f.funnel.conversions[k]?.rate ?? null;
      funnel.push({
        stage,
        customers: f.funnel.reached[stage],
        conversion_to_next: rate === null ? null : round4(rate),
        current: f.funnel.byStage[stage],
      });
    });
    funnel.push({
      stage: "lost",
      customers: f.funnel.byStage.lost,
      conversion_to_next: null,
      current: f.funnel.byStage.lost,
    });
  }
  const watch = f?.watch ?? [];
  const h = report.hygiene;
  const figuresOf = kpis(report);
  return {
    funnel,
    overdue_followups: unique(watch.filter((w) => w.kind === "overdue").map((w) => w.id)),
    duplicates: h.duplicates.map((d): [string, string, string] => [
      d.first.id,
      d.second.id,
      d.reason,
    ]),
    tiers: { ...report.tierCounts },
    // Further figures; null means "not available" (no such data), never 0.
    as_of: formatSerial(report.asOf),
    followup_sheet: f?.sheet ?? null,
    cadence_broken: unique(watch.filter((w) => w.kind === "cadence").map((w) => w.id)),
    watchlist: watch.map((w) => ({
      customer_id: w.id,
      kind: w.kind,
      days_late: w.daysLate,
      due: formatSerial(w.due),
      person: w.person,
      cell: w.address,
    })),
    biggest_drop: f?.funnel.biggestDrop
      ? { from: f.funnel.biggestDrop.from, to: f.funnel.biggestDrop.to }
      : null,
    avg_followups: f?.funnel.avgFollowups == null ? null : round2(f.funnel.avgFollowups),
    avg_days_to_win: f?.funnel.avgDaysToWin == null ? null : round2(f.funnel.avgDaysToWin),
    duplicate_cells: h.duplicates.map((d) => [d.first.address, d.second.address]),
    missing_fields: h.missing
      ? h.missing.rows.map((m) => ({
          customer_id: m.id,
          fields: m.missing.map((x) => x.field),
          cells: m.missing.map((x) => x.address),
        }))
      : null,
    customers_without_orders: h.withoutOrders.map((c) => c.id),
    distribution: Object.fromEntries(
      report.distribution.tables.map((t) => [
        t.field,
        t.segments.map((s) => ({
          segment: s.value,
          customers: s.customers,
          revenue: s.revenue,
          converted: s.converted,
          conversion: round4(s.rate),
        })),
      ])
    ),
    best_segment: report.distribution.best
      ? { ...report.distribution.best, rate: round4(report.distribution.best.rate) }
      : null,
    nps: report.nps?.nps == null ? null : round2(report.nps.nps),
    nps_respondents: report.nps ? report.nps.respondents : null,
    cac: report.cac.cac === null ? null : round2(report.cac.cac),
    marketing_spend: report.cac.spend,
    new_customers: report.cac.newCustomers,
    repurchase_rate: rateJson(figuresOf.repurchaseRate),
    churn_rate: rateJson(figuresOf.churnRate),
    review: reviewJson(figures.review ?? []),
    model_check: figures.modelCheck
      ? modelCheckJson(figures.modelCheck)
      : { holdout_weeks: null, reason: "not_run" },
  };
}
