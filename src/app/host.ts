import type { InputKind } from "../core/headers";
import type { TierBalance } from "../core/balance";
import type { ProblemKey, ScoreMode } from "../core/pipeline";
import type { Settings } from "../core/settings";
import type { CallListEntry } from "../plan/calls";
import type { PaneOverview } from "../plan/overview";
import type { SheetPlan } from "../plan/types";
import type { StaleOrders } from "../core/staleOrders";
import type { QualityIssue, SchemeKey, Serial } from "../core/types";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";

/**
 * What the task pane and the ribbon command may ask of the workbook. The pane only sees this
 * interface; `src/officejs/` implements it with Office.js (in Excel, and on the fake host of the
 * workbench and the tests). Nothing here imports Office.js.
 */

export type Stage = "reading" | "scoring" | "writing" | "planning";

/** Progress of a long job: rows read of all rows, steps scored or sheets planned, rows written. */
export interface Progress {
  stage: Stage;
  done: number;
  total: number;
}

/** One recognised input table, for the mapping editor. */
export interface InputTable {
  kind: InputKind;
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Header texts of that row, "" for blank cells (the drop-down choices). */
  headers: string[];
  /** Every field of this kind, in display order; a field absent from `columns` was not found. */
  fields: string[];
  /** field -> header text it was read from. */
  columns: Record<string, string>;
  /** Required fields not recognised: the table is not used until the user names their columns. */
  missing: string[];
}

/** What one run found and did; the pane shows it, the ribbon command reports its headline. */
export interface RunSummary {
  lang: Lang;
  scheme: SchemeKey;
  asOf: Serial;
  mode: ScoreMode;
  /** Set when nothing could be scored (no customer data, no ID column). */
  problem: ProblemKey | null;
  customers: number;
  /** Customers per tier key, plus `no_purchases`. */
  tierCounts: Record<string, number>;
  quality: QualityIssue[];
  /** Messages about bad settings values, each naming its cell. */
  settingsProblems: string[];
  inputs: InputTable[];
  /** The settings the run used (settings sheet, then the pane's choices): the pane's form starts here. */
  settings: Settings;
  /** Names of the sheets written; empty for an inspection. */
  sheetsWritten: string[];
  /** Who to call first (most value at risk first, at most CALLS_IN_PANE); absent for an inspection. */
  calls?: CallListEntry[];
  /** Whether the scheme separated the customers (lopsided tiers are shown with the fix). */
  balance?: TierBalance;
  /** The newest purchase is older than the window: everyone would be churn risk (first look). */
  stale?: StaleOrders | null;
  /** Tiers, movement, funnel, follow-ups and hygiene for the pane; absent for an inspection. */
  overview?: PaneOverview;
  /** The run stamp this run left in the workbook (a score); see WorkbookHost.runStamp. */
  runStamp?: string;
}

/** Customers the pane lists after a run; the call-list sheet has them all. */
export const CALLS_IN_PANE = 10;

export interface WorkbookHost {
  /**
   * Reads and scores without writing anything: the pane's first look and its mapping preview.
   * An aborted `signal` ends the job with HostError("cancelled").
   */
  inspect(
    overrides: Partial<Settings>,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal
  ): Promise<RunSummary>;
  /**
   * The whole job: read, score, write our five sheets; the overrides are saved in the settings sheet.
   * Aborted before writing: nothing is written (HostError "cancelled"); while writing: the current
   * batch finishes and the job ends (HostError "cancelled_writing"), and the next run repairs all.
   */
  score(
    overrides: Partial<Settings>,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal
  ): Promise<RunSummary>;
  /** Selects a cell such as `销售订单!C57` and brings its sheet to the front. */
  select(address: string): Promise<void>;
  /**
   * Adds sheets (templates, sample data): `make` gets the names already in the workbook and plans
   * sheets under other names; nothing existing is touched. Resolves with the names added.
   */
  addSheets(
    make: (taken: readonly string[]) => ReadonlyArray<SheetPlan<string>>
  ): Promise<string[]>;
  /**
   * The stamp the last scoring run (pane or ribbon) left in the workbook, null before any: one small
   * read, so the pane can ask whenever it comes back into view.
   */
  runStamp(): Promise<string | null>;
  /** The summary the last scoring run saved with its stamp (quality list cut short); null if none. */
  lastRun(): Promise<RunSummary | null>;
}

/** A failure the pane can word in the user's language (anything else shows its message). */
export type HostErrorKey =
  | "cell_edit_mode"
  | "request_too_large"
  | "busy"
  | "response_too_large"
  | "access_denied"
  | "item_not_found"
  | "excel_failed"
  | "cancelled"
  | "cancelled_writing"
  | "run_in_pane";

export class HostError extends Error {
  constructor(
    readonly key: HostErrorKey,
    detail?: string
  ) {
    super(detail ?? key);
  }
}

/** A failure as the user reads it: a HostError in their words, anything else with its message. */
export function errorText(lang: Lang, error: unknown): string {
  const words = strings(lang).ui;
  if (error instanceof HostError) {
    const text = words.errors[error.key];
    return typeof text === "string" ? text : text({ detail: error.message });
  }
  return words.failed({ message: error instanceof Error ? error.message : String(error) });
}
