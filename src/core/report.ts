import type { TierBalance } from "./balance";
import type { CadenceDays, ContactDays, WatchItem } from "./cadence";
import type { CustomerVoice } from "./feedback";
import type { Distribution } from "./distribution";
import type { IntentClass, Stage } from "./followups";
import type { FunnelReport } from "./funnel";
import type { DetectedTable, PartialTable } from "./headers";
import type { HygieneReport } from "./hygiene";
import type { CacResult, NpsResult } from "./metrics";
import type { OrderBook } from "./orders";
import type { CustomerResult, ScoreMode } from "./results";
import type { QualityIssue, SchemeKey, SchemeNote, Serial, TierKey } from "./types";

/**
 * What a scoring run reports (core/pipeline.ts fills it): plain data, read by plan/, the CLI and
 * --report-json. Kept apart from the pipeline so the parts it gathers (hygiene, metrics) do not
 * import the orchestrator that calls them.
 */

export type { CustomerResult, ScoreMode };

/** What the pipeline tells about where R, F and M came from, as a code (worded at the edge). */
export type PipelineNote = { key: "archive_mode" } | { key: "customers_from_orders" };

/** A note of the run: the pipeline's own, then the scheme's. */
export type ReportNote = PipelineNote | SchemeNote;

export type ProblemKey = "no_customer_data" | "no_id_column";

/** One line of the follow-up watchlist, with what a manager needs to act on it. */
export interface WatchEntry extends WatchItem {
  /** The customer's ID as written in the archive (or the orders). */
  id: string;
  name: string;
  /** Current intent class and stage (latest follow-up that states one). */
  intent: IntentClass | null;
  stage: Stage | null;
  /** 下一步行动 of the line the item is about. */
  nextAction: string;
  /**
   * The cell to look at: 下次跟进日期 (overdue) or 跟进时间 (cadence, contact) of that line; for a
   * contact item without follow-ups, the customer's ID cell in the archive ("" without an archive).
   */
  address: string;
  /** The customer's tier (contact items; null for prospects without purchases). */
  tier: TierKey | null;
}

/** What the follow-up records say (seed 004); absent when the workbook has no follow-up sheet. */
export interface FollowupReport {
  sheet: string;
  /** Follow-up lines kept (unusable lines are in `quality`). */
  lines: number;
  funnel: FunnelReport;
  /** Overdue next actions and broken cadences, worst first. */
  watch: WatchEntry[];
  /** The cadences the watch used (from settings). */
  cadenceDays: CadenceDays;
  /** The contact days per playbook the watch used (from settings). */
  contactDays?: ContactDays;
}

export interface NpsReport extends NpsResult {
  /** Sheet holding the recommendation-score column. */
  sheet: string;
}

export interface ScoreReport {
  mode: ScoreMode;
  problem: ProblemKey | null;
  scheme: SchemeKey;
  asOf: Serial;
  windowStart: Serial;
  inputs: {
    customers: DetectedTable | null;
    orders: DetectedTable | null;
    followups: DetectedTable | null;
    /** Sheets that look like an archive or orders but lack a required column (see detectInputs). */
    partial: PartialTable[];
  };
  customers: CustomerResult[];
  quality: QualityIssue[];
  notes: ReportNote[];
  /** Customers per tier key, plus `no_purchases`. */
  tierCounts: Record<string, number>;
  /** Order lines read from the orders sheet and lines that went into the figures. */
  orderLines: { read: number; used: number };
  /** The merged orders (orders mode only), for models and reviews that need single purchases. */
  book: OrderBook | null;
  /** Funnel and watchlist from the follow-up records; null without a follow-up sheet. */
  followups: FollowupReport | null;
  /** Customers, revenue and conversion by industry, region and size (fields the archive has). */
  distribution: Distribution;
  /** Likely duplicates, blank required cells, customers without orders: listed, never merged. */
  hygiene: HygieneReport;
  /** NPS from a 0–10 recommendation-score column; null when no sheet has one ("not available"). */
  nps: NpsReport | null;
  /** CAC from the marketing-spend setting; `cac` is null when it cannot be computed. */
  cac: CacResult;
  /** Whether the scheme separated the customers, and thresholds from this workbook when it did not. */
  balance: TierBalance;
  /** Each customer's latest recommendation score and feedback (index order of `customers`). */
  voices?: CustomerVoice[];
}
