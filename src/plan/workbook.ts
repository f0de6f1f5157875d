import { computeLifetime } from "../core/lifetime";
import { OWN_SHEET_NAMES, SHEET_NAMES_BY_KEY } from "../i18n/ownSheets";
import { funnel } from "../core/funnel";
import { strings } from "../i18n";
import { scoreSheets, type FollowupReport, type ScoreReport } from "../core/pipeline";
import type { Settings } from "../core/settings";
import type { Serial, SheetGrid } from "../core/types";
import type { Lang } from "../i18n/lang";
import { checkModel, type ModelCheck, type Purchases } from "../core/review/modelCheck";
import { callList, planCallSheet, type CallListEntry } from "./calls";
import { withLifetimeNotes, type LifetimeReport } from "./lifetimeNotes";
import { planModelCheckSheet } from "./modelCheck";
import {
  customerOfLine,
  planReviewSheet,
  readReview,
  reviewGroups,
  type ReviewGroup,
} from "./review";
import { planSettingsSheet, readSettingsSheet, withChoices } from "./settings";
import { planSummarySheet } from "./summary";
import { planTierSheet, previousTiersOf, readTiers } from "./tiers";
import { planTracking, readTracking, winBackLineOf, type TrackingPlanLine } from "./tracking";
import { winBackTables, type WinBackFigures } from "./winBack";
import { followupDetailTables } from "./followupDetail";
import { hasChannels, planChannelsSheet, readChannelSpend } from "./channels";
import {
  countChurnReasons,
  winBackRateOf,
  type ChurnReason,
  type WinBackLine,
} from "../core/winBack";
import type { SheetKey, SheetPlan } from "./types";
import { planWatchSheet } from "./watchlist";
import { hasOwners, planOwnersSheet, readOwnerTargets } from "./owners";
import { planHistorySheet, readHistory } from "./history";
import { defaultSettings } from "../core/settings";
import { kpis } from "../core/kpis";
import { paneOverview, type PaneOverview } from "./overview";

/**
 * One run of the product on a workbook's grids, pure: read our own sheets (settings, earlier tiers,
 * what managers typed), score the input sheets, and plan all five output sheets. The ExcelJS and
 * Office.js adapters only read grids and write these plans.
 */

export interface RunOptions {
  lang: Lang;
  today: Serial;
  /**
   * Choices made for this run (command-line flags, task pane) over the settings sheet; they are saved
   * in it. Each given setting replaces the sheet's whole (a `fixed5` object replaces all its bins).
   */
  overrides?: Partial<Settings>;
  /**
   * Score only, for a look before writing (the task pane's check): no lifetime models and no sheet
   * plans, which cost far more than the scoring itself on a large workbook.
   */
  preview?: boolean;
  /** Called as the run moves on (the pane's progress): the scoring steps, then each sheet planned. */
  onStep?: (stage: "scoring" | "planning", done: number, total: number) => void;
}

export interface WorkbookRun {
  report: ScoreReport;
  lifetime: LifetimeReport | null;
  settings: Settings;
  /** Messages about bad settings values, each naming its cell. */
  settingsProblems: string[];
  /** Empty when there was nothing to score (see report.problem) or for a preview. */
  plans: SheetPlan[];
  /** Treated vs control per strategy, tier and period (empty for a preview). */
  review?: ReviewGroup[];
  /** The lifetime-value model checked on a holdout; null for a preview. */
  modelCheck?: ModelCheck | null;
  /**
   * Who to call, most value at risk first: the first CALLS_PER_OWNER of each owner, as the call sheet
   * lists them (empty for a preview).
   */
  calls?: CallListEntry[];
  /** The pane's overview of the run (absent for a preview). */
  overview?: PaneOverview;
  /** 挽回率 and the churn reasons typed on the tracking sheet (absent for a preview). */
  winBack?: WinBackFigures;
}

const KEYS: SheetKey[] = [
  "tiers",
  "tracking",
  "review",
  "summary",
  "watchlist",
  "settings",
  "calls",
  "modelcheck",
  "owners",
  "history",
  "channels",
];

/** Our sheets, by key, under whichever localised name they were created with. */
export function ownSheets(sheets: readonly SheetGrid[]): Map<SheetKey, SheetGrid> {
  const found = new Map<SheetKey, SheetGrid>();
  for (const key of KEYS) {
    const names = SHEET_NAMES_BY_KEY[key];
    const sheet = sheets.find((s) => names.includes(s.name));
    if (sheet) found.set(key, sheet);
  }
  return found;
}

export function planWorkbook(sheets: readonly SheetGrid[], options: RunOptions): WorkbookRun {
  const { lang } = options;
  const own = ownSheets(sheets);
  const read = own.has("settings")
    ? readSettingsSheet(own.get("settings") as SheetGrid, lang)
    : null;
  let settings: Settings = { ...(read ? read.settings : defaultSettings()) };
  const settingsProblems = (read?.problems ?? []).map((p) => p.message);
  const overrides = Object.entries(options.overrides ?? {}).filter(([, v]) => v !== undefined);
  if (overrides.length > 0) {
    // The choices are saved in the settings sheet, so they obey its rules (bins out of order fall
    // back to their defaults, with a message naming the cell their line will have).
    const chosen = withChoices(
      settings,
      Object.fromEntries(overrides),
      lang,
      nameOfSettings(own, lang)
    );
    settings = chosen.settings;
    settingsProblems.push(...chosen.problems.map((p) => p.message));
  }

  const step = options.onStep ?? (() => undefined);
  step("scoring", 0, 2);
  const inputs = sheets.filter((s) => !OWN_SHEET_NAMES.has(s.name));
  const report = scoreSheets(inputs, {
    settings,
    today: options.today,
    excludeSheets: OWN_SHEET_NAMES,
  });
  if (report.problem || options.preview)
    return { report, lifetime: null, settings, settingsProblems, plans: [] };

  step("scoring", 1, 2);
  const lifetime = withLifetimeNotes(computeLifetime(report, settings), lang);
  step("scoring", 2, 2);
  const planning = 8;
  step("planning", 0, planning);
  const nameOf = (key: SheetKey) => own.get(key)?.name ?? strings(lang).sheets.names[key];
  const previousTiers = readTiers(own.get("tiers"));
  // Each customer's tier on the earlier sheet: the tiers sheet, the summary's migration and the pane's overview.
  const earlierTiers = previousTiersOf(report, previousTiers);
  const tiers = planTierSheet(
    report,
    settings,
    lang,
    lifetime,
    previousTiers,
    nameOf("tiers"),
    earlierTiers
  );
  step("planning", 1, planning);
  const { sheet: tracking, lines: trackingLines } = planTracking(
    report,
    settings,
    lang,
    readTracking(own.get("tracking")),
    nameOf("tracking"),
    lifetime.churn.map((w) => w !== null)
  );
  const winBack = winBackFiguresOf(report, trackingLines);
  const groups = reviewGroups(report, trackingLines);
  step("planning", 2, planning);
  const review = planReviewSheet(
    report,
    lang,
    trackingLines,
    readReview(own.get("review")),
    nameOf("review"),
    groups,
    winBack
  );
  const modelCheck = checkModel(purchasesOf(report), report.asOf, settings.holdoutWeeks);
  step("planning", 3, planning);
  const calls = callList(report, lifetime, trackingLines, tiers, lang);
  // The key figures, counted once for the summary and the trends sheet.
  const figures = kpis(report);
  const summary = planSummarySheet(
    report,
    lang,
    lifetime,
    earlierTiers,
    settingsProblems,
    nameOf("summary"),
    nameOf("watchlist"),
    [...winBackTables(winBack, lang), ...followupDetailTables(report, lang)],
    figures
  );
  step("planning", 4, planning);
  // The watchlist exists once there are follow-up records; an earlier one stays current (emptied).
  const followups =
    report.followups ?? (own.has("watchlist") ? noFollowups(report, settings) : null);
  const watch = followups
    ? [planWatchSheet(followups, report.asOf, lang, nameOf("watchlist"))]
    : [];
  // Results per owner once the archive names owners; an existing sheet stays current (targets kept).
  const owners =
    hasOwners(report) || own.has("owners")
      ? [planOwnersSheet(report, lang, readOwnerTargets(own.get("owners")), nameOf("owners"))]
      : [];
  // Conversion and CAC per channel once the archive names channels; an existing sheet stays current.
  const channels =
    hasChannels(report) || own.has("channels")
      ? [planChannelsSheet(report, lang, readChannelSpend(own.get("channels")), nameOf("channels"))]
      : [];
  step("planning", 5, planning);
  const history = planHistorySheet(
    report,
    lang,
    readHistory(own.get("history")),
    nameOf("history"),
    figures
  );
  step("planning", 6, planning);
  const detectedColumns = [
    report.inputs.customers,
    report.inputs.orders,
    report.inputs.followups,
  ].flatMap((table) =>
    table
      ? Object.entries(table.columns).map(([field, c]) => ({
          kind: table.kind,
          field,
          header: table.headers[c],
        }))
      : []
  );
  step("planning", 7, planning);
  const settingsPlan = planSettingsSheet(
    settings,
    lang,
    { detectedColumns, suggestion: report.balance.suggestion },
    nameOf("settings")
  );
  step("planning", planning, planning);
  const plans = [
    tiers,
    tracking,
    review,
    summary,
    ...watch,
    planCallSheet(calls, report.asOf, lang, nameOf("calls")),
    planModelCheckSheet(modelCheck, report.asOf, lang, nameOf("modelcheck")),
    ...owners,
    ...channels,
    history,
    settingsPlan,
  ];
  const before = own.has("tiers") ? earlierTiers : null;
  const overview = paneOverview(
    report,
    before,
    Object.fromEntries(plans.map((p) => [p.key, p.name]))
  );
  return {
    report,
    lifetime,
    settings,
    settingsProblems,
    plans,
    overview,
    review: groups,
    modelCheck,
    calls,
    winBack,
  };
}

/** 挽回率 over the plan's win-back lines, and the churn reasons typed on any line. */
function winBackFiguresOf(report: ScoreReport, lines: TrackingPlanLine[]): WinBackFigures {
  const customers = report.customers;
  // One pass over the lines: the win-back lines, in plan order, each with the customer it was
  // planned under (found by key for a line that does not match its customer; -1 when not scored);
  // the churn reasons typed (only lines with one count; most have none).
  const winBack: WinBackLine[] = [];
  const customerOf: number[] = [];
  const typed: ChurnReason[] = [];
  for (const line of lines) {
    if (line.churnReason !== null) typed.push(line.churnReason);
    if (line.strategy !== "win_back") continue;
    winBack.push(winBackLineOf(line));
    customerOf.push(customerOfLine(report, line) ?? -1);
  }
  return {
    rate: winBackRateOf(
      winBack,
      customers.length,
      (_line, i) => customerOf[i],
      (k) => customers[k].lastPurchase
    ),
    reasons: countChurnReasons(typed),
  };
}

/** The orders' purchases (returns are not purchases), for the model check; null without orders. */
function purchasesOf(report: ScoreReport): Purchases | null {
  const book = report.book;
  if (!book) return null;
  let count = 0;
  for (let i = 0; i < book.count; i++) if (book.isReturn[i] === 0) count++;
  // Without returns the book's own columns are the purchases (the model check only reads them).
  if (count === book.count)
    return { customers: report.customers.length, count, customer: book.customer, day: book.day };
  // Whole days, as in the book (the same array type as the lifetime stage reads).
  const customer = new Int32Array(count);
  const day = new Int32Array(count);
  for (let i = 0, k = 0; i < book.count; i++) {
    if (book.isReturn[i] !== 0) continue;
    customer[k] = book.customer[i];
    day[k++] = book.day[i];
  }
  return { customers: report.customers.length, count, customer, day };
}

function nameOfSettings(own: Map<SheetKey, SheetGrid>, lang: Lang): string {
  return own.get("settings")?.name ?? strings(lang).sheets.names.settings;
}

/** The follow-up sheet is gone: an existing watchlist is rebuilt empty rather than left stale. */
function noFollowups(report: ScoreReport, settings: Settings): FollowupReport {
  return {
    sheet: "",
    lines: 0,
    funnel: funnel([], 0, report.asOf),
    watch: [],
    cadenceDays: { ...settings.cadenceDays },
  };
}
