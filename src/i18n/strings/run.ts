import type { PipelineNote, ProblemKey } from "../../core/pipeline";
import type { QualityKind } from "../../core/types";

/** The run's own sentences: the pipeline's notes and problems, skipped cells, and the command line's lines. */
export interface RunStrings {
  /** Where R, F and M came from. */
  note: Record<PipelineNote["key"], string>;
  /** What the run could not do, with what to do. */
  problem: Record<ProblemKey, string>;
  /** Why a cell was skipped or is doubtful. */
  quality: Record<QualityKind, string>;
  summaryTitle: string;
  summaryModeOrders: (p: { sheet: string | number }) => string;
  summaryModeArchive: (p: { sheet: string | number }) => string;
  summaryAsOf: (p: { asOf: string | number; start: string | number }) => string;
  summaryScheme: (p: { scheme: string | number }) => string;
  summaryCustomers: (p: { count: string | number }) => string;
  summaryLines: (p: { read: string | number; used: string | number }) => string;
  summarySkipped: string;
  summaryNoneSkipped: string;
  summaryMore: (p: { count: string | number }) => string;
  summaryOutput: (p: { path: string | number }) => string;
  summaryCsv: (p: { path: string | number }) => string;
  summaryModel: (p: { path: string | number }) => string;
  summaryReportJson: (p: { path: string | number }) => string;
  funnelTitle: (p: { sheet: string | number }) => string;
  funnelStage: (p: {
    customers: string | number;
    now: string | number;
    rate: string | number;
    stage: string | number;
  }) => string;
  funnelLast: (p: {
    customers: string | number;
    now: string | number;
    stage: string | number;
  }) => string;
  funnelDrop: (p: { from: string | number; rate: string | number; to: string | number }) => string;
  funnelEffort: (p: { avg: string | number; days: string | number }) => string;
  watchTitle: (p: {
    cadence: string | number;
    overdue: string | number;
    sheet: string | number;
  }) => string;
  watchLine: (p: {
    address: string | number;
    days: string | number;
    id: string | number;
    kind: string | number;
    name: string | number;
    person: string | number;
  }) => string;
  watchNone: string;
  listMore: (p: { count: string | number }) => string;
  duplicatesTitle: (p: { count: string | number }) => string;
  duplicateLine: (p: {
    a: string | number;
    b: string | number;
    cellA: string | number;
    cellB: string | number;
    reason: string | number;
  }) => string;
  duplicatesNone: string;
  hygieneCounts: (p: { missing: string | number; without: string | number }) => string;
  indicators: (p: {
    cac: string | number;
    newCustomers: string | number;
    nps: string | number;
  }) => string;
  notAvailable: string;
}
