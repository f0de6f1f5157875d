import type { ScoreReport } from "../core/pipeline";
import type { Settings } from "../core/settings";
import { inEveryLang, strings } from "../i18n";
import type { SheetStrings } from "../i18n/strings/sheets";
import { OWN_HEADERS } from "../i18n/ownSheets";
import { playbookText, strategyTypeOf } from "./playbooks";
import { familyOf } from "../core/tiers";
import type { Cell, SheetGrid, StrategyFamily } from "../core/types";
import type { Lang } from "../i18n/lang";
import { tierLabel, tierOfLabel } from "../i18n/tiers";
import { CONTROL_FILL, OVERDUE, REVIEW_DUE } from "./formats";
import { CHURN_REASONS, type ChurnReason, type WinBackLine } from "../core/winBack";
import { reviewDue } from "../core/review/loop";
import { cellText } from "../core/parse";
import { byKeyInEveryLang } from "../i18n";
import { customerKeyOf, findTable, linesOf } from "./previous";
import {
  singleTableSheet,
  type ColumnKind,
  type PlanCell,
  type SheetPlan,
  columnPlans,
} from "./types";
import { columnLetter } from "../core/address";
import { parseDate } from "../core/parse";
import { isControlDraw } from "../core/review/draw";

/**
 * The strategy-tracking sheet (销售策略跟踪): one line per tiered customer and playbook.
 * Everything a manager typed is kept, matched by customer and strategy type, never by position;
 * a customer who changes tier keeps the old line (marked) and gets a new one.
 */

/** Control marks a manager may type, in either language, besides the catalogue's yes and no. */
const CONTROL_YES = new Set([
  ...Object.values(inEveryLang((s) => s.review.controlMark.yes)).map((t) => t.toLowerCase()),
  "y",
  "true",
  "对照",
  "对照组",
]);
const CONTROL_NO = new Set([
  ...Object.values(inEveryLang((s) => s.review.controlMark.no)).map((t) => t.toLowerCase()),
  "n",
  "false",
]);

/**
 * Reads a control mark typed in either language (是/否, Yes/No, Y/N, TRUE/FALSE); null when blank or
 * unclear.
 */
export function controlMarkOf(cell: unknown): boolean | null {
  if (typeof cell === "boolean") return cell;
  if (typeof cell !== "string") return null;
  const t = cell.normalize("NFKC").trim().toLowerCase();
  if (CONTROL_YES.has(t)) return true;
  if (CONTROL_NO.has(t)) return false;
  return null;
}

const COLUMNS: Array<
  [
    key: keyof SheetStrings["trackingHeaders"] | keyof TrackingExtraHeaders,
    kind: ColumnKind,
    width: number,
    manager: boolean,
  ]
> = [
  ["id", "text", 12, false],
  ["name", "text", 22, false],
  ["tier", "text", 14, false],
  ["plannedTier", "text", 14, false],
  ["type", "text", 10, false],
  ["control", "text", 10, true],
  ["content", "text", 48, true],
  ["coreGoal", "text", 24, true],
  ["owner", "text", 10, true],
  ["start", "date", 12, true],
  ["end", "date", 12, true],
  ["reviewDue", "date", 12, false],
  ["target", "text", 28, true],
  ["actual", "text", 36, true],
  ["status", "text", 10, true],
  ["churnReason", "text", 14, true],
  ["note", "text", 28, true],
  ["opened", "date", 12, false],
  ["line", "text", 20, false],
];

/** Headers of every column in both languages (the older columns' words, then the new sections'). */
type TrackingExtraHeaders = {
  coreGoal: string;
  reviewDue: string;
  churnReason: string;
  opened: string;
};
const HEADERS: Record<string, Record<Lang, string>> = {
  ...OWN_HEADERS.tracking,
  ...byKeyInEveryLang((s) => s.winBack.headers),
  coreGoal: inEveryLang((s) => s.reviewLoop.headers.coreGoal),
  reviewDue: inEveryLang((s) => s.reviewLoop.headers.reviewDue),
};

/** Churn reasons by their words in either language (the first reason listed wins), built once. */
const CHURN_REASON_BY_TEXT = new Map<string, ChurnReason>();
for (const reason of CHURN_REASONS)
  for (const text of Object.values(inEveryLang((s) => s.winBack.reasons[reason])))
    if (!CHURN_REASON_BY_TEXT.has(text)) CHURN_REASON_BY_TEXT.set(text, reason);

/** The churn reason typed on a line, in either language; any other text counts as other. */
export function churnReasonOf(cell: Cell): ChurnReason | null {
  const text = cellText(cell).trim();
  if (text === "") return null;
  return CHURN_REASON_BY_TEXT.get(text) ?? "other";
}

export const TRACKING_MANAGER_COLUMNS = COLUMNS.filter((c) => c[3]).map((c) => c[0]);
/** Column positions by key. */
const POSITIONS = new Map<string, number>();
COLUMNS.forEach(([key], i) => {
  if (!POSITIONS.has(key)) POSITIONS.set(key, i);
});
const col = (key: string) => POSITIONS.get(key) ?? -1;
// Positions of the columns every line writes, looked up once rather than per cell.
const ID = col("id");
const NAME = col("name");
const TIER = col("tier");
const PLANNED_TIER = col("plannedTier");
const TYPE = col("type");
const CONTROL = col("control");
const CONTENT = col("content");
const CORE_GOAL = col("coreGoal");
const OWNER = col("owner");
const START = col("start");
const END = col("end");
const REVIEW_DUE_AT = col("reviewDue");
const TARGET = col("target");
const CHURN_REASON = col("churnReason");
const OPENED = col("opened");
const LINE = col("line");
const MANAGER_POSITIONS = TRACKING_MANAGER_COLUMNS.map(col);

/** A line found in the existing sheet: its key and the manager's cells. */
export interface TrackingLine {
  customerKey: string;
  id: Cell;
  name: Cell;
  family: StrategyFamily | null;
  typeText: Cell;
  manager: Map<string, Cell>;
  /** The tier when the line was created (blank on sheets written before the column existed). */
  plannedTier: Cell;
  /** The as-of date of the run that opened the line (blank on sheets written before the column). */
  opened: Cell;
  /** The planned tier's key, read once from its words in either language (else the text typed). */
  plannedTierKey: string;
}

/** A key read from a manager's words in either language, or the trimmed text when it is not one. */
function keyOrText(cell: Cell, keyOf: (text: string) => string | null): string {
  const text = cellText(cell).trim();
  return keyOf(text) ?? text;
}

export function readTracking(grid: SheetGrid | undefined): TrackingLine[] {
  if (!grid) return [];
  const table = findTable(grid.values, HEADERS);
  if (!table || !table.columns.has("id")) return [];
  const lines: TrackingLine[] = [];
  for (const { cells } of linesOf(grid.values, table)) {
    const key = customerKeyOf(cells.get("id"));
    if (key === null) continue;
    const manager = new Map<string, Cell>();
    for (const k of TRACKING_MANAGER_COLUMNS) manager.set(k, cells.get(k) ?? "");
    const typeText = cells.get("type") ?? "";
    lines.push({
      customerKey: key,
      id: cells.get("id") ?? "",
      name: cells.get("name") ?? "",
      family: strategyTypeOf(String(typeText)),
      typeText,
      manager,
      plannedTier: cells.get("plannedTier") ?? "",
      opened: cells.get("opened") ?? "",
      plannedTierKey: keyOrText(cells.get("plannedTier"), tierOfLabel),
    });
  }
  return lines;
}

/** The planned period of a kept line, as text for the control draw's seed ("" until typed). */
function periodOf(manager: Map<string, Cell> | null): string {
  if (!manager) return "";
  const from = parseDate(manager.get("start") ?? "");
  const to = parseDate(manager.get("end") ?? "");
  return from === null || to === null ? "" : `${from}-${to}`;
}

const blankToNull = (v: Cell): PlanCell => (v === undefined || v === "" ? null : (v as PlanCell));

/** Each planned line's strategy and tier as keys (or the text a manager typed), in row order. */
export interface TrackingLineKeys {
  strategy: string;
  tier: string;
}

/** The strategy of an earlier line: its playbook, else the type text typed (draws and matching). */
const strategyOfKept = (line: TrackingLine): string => line.family ?? String(line.typeText);

/** A kept line's keys: its playbook, and the tier it was planned for (else the tier it is written under). */
const keysOf = (line: TrackingLine, tierKey: string): TrackingLineKeys => ({
  strategy: line.family ?? cellText(line.typeText).trim(),
  tier: blankToNull(line.plannedTier) === null ? tierKey : line.plannedTierKey,
});

export function planTrackingSheet(
  report: ScoreReport,
  settings: Settings,
  lang: Lang,
  previous: TrackingLine[],
  name?: string,
  /** Same order as report.customers: true where a churn warning is raised (opens a win-back line). */
  warned: ReadonlyArray<boolean> = []
): SheetPlan {
  return planTracking(report, settings, lang, previous, name, warned).sheet;
}

/** The tracking sheet's plan, and its lines as the review, the win-back rate and the call list read them. */
export function planTracking(
  report: ScoreReport,
  settings: Settings,
  lang: Lang,
  previous: TrackingLine[],
  name?: string,
  /** Same order as report.customers: true where a churn warning is raised (opens a win-back line). */
  warned: ReadonlyArray<boolean> = []
): { sheet: SheetPlan; lines: TrackingPlanLine[] } {
  const text = strings(lang);
  const controlWords = text.review.controlMark;
  const controlContent = text.review.trackingControl.content;
  const typeNames = text.playbooks.strategyTypes;
  const coreGoals = text.reviewLoop.coreGoals;
  // The playbook text of each family, worded once rather than per line.
  const playbooks = new Map<StrategyFamily, string>();
  const playbookOf = (family: StrategyFamily) => {
    let words = playbooks.get(family);
    if (words === undefined) {
      words = playbookText(settings, family, lang);
      playbooks.set(family, words);
    }
    return words;
  };
  const lines: TrackingPlanLine[] = [];
  const byCustomer = new Map<string, TrackingLine[]>();
  for (const line of previous) {
    const list = byCustomer.get(line.customerKey);
    if (list) list.push(line);
    else byCustomer.set(line.customerKey, [line]);
  }
  const used = new Set<TrackingLine>();
  const rows: PlanCell[][] = [];
  /** A planned line: its cells on the sheet, and the same line as the other sheets read it. */
  const emit = (
    id: Cell,
    customerName: Cell,
    tier: string | null,
    type: Cell,
    manager: Map<string, Cell> | null,
    content: string,
    line: string | null,
    plannedTier: Cell,
    customerKey: string,
    strategy: string,
    opened: Cell,
    /** The line's strategy and tier as keys (or the text a manager typed), for the review. */
    keyStrategy: string,
    keyTier: string,
    /** The playbook of a new line (known); null for a kept line, whose type text is read. */
    family: StrategyFamily | null,
    customer: number
  ) => {
    const cells = new Array<PlanCell>(COLUMNS.length).fill(null);
    cells[ID] = blankToNull(id);
    cells[NAME] = blankToNull(customerName);
    cells[TIER] = tier;
    cells[PLANNED_TIER] = blankToNull(plannedTier) ?? tier;
    cells[TYPE] = blankToNull(type);
    if (manager)
      for (let m = 0; m < MANAGER_POSITIONS.length; m++)
        cells[MANAGER_POSITIONS[m]] = blankToNull(manager.get(TRACKING_MANAGER_COLUMNS[m]));
    // The control mark is drawn once, then it is the manager's (a blank or unclear mark is drawn again).
    const typed = manager ? controlMarkOf(manager.get("control")) : null;
    const control =
      typed ?? isControlDraw(customerKey, strategy, periodOf(manager), settings.controlShare);
    if (typed === null) cells[CONTROL] = control ? controlWords.yes : controlWords.no;
    // A new line starts from the playbook (control lines: none); after that the text is the manager's.
    if (!manager) cells[CONTENT] = control ? controlContent : content;
    cells[LINE] = line;
    cells[OPENED] = blankToNull(opened) ?? report.asOf;
    // The core goal starts from the playbook's (seed 000 第三步); after that it is the manager's.
    const typeFamily = family ?? strategyTypeOf(cellText(type));
    if (cells[CORE_GOAL] === null && typeFamily !== null) cells[CORE_GOAL] = coreGoals[typeFamily];
    const start = manager ? parseDate(manager.get("start") ?? "") : null;
    const end = manager ? parseDate(manager.get("end") ?? "") : null;
    cells[REVIEW_DUE_AT] = reviewDue(start, end, settings.reviewCycleDays);
    rows.push(cells);
    // The same line for the other sheets, from the cells just written. Its ID cell is the
    // customer's ID text or the ID read from the earlier line, so its key is customerKey (never
    // folded again per line).
    lines.push(
      new PlannedLine(
        cells,
        customerKey,
        customer,
        // The mark on the line: the manager's when readable, else the one drawn (and written) above.
        control,
        (line ?? "") === "",
        manager ? churnReasonOf(cells[CHURN_REASON] ?? "") : null,
        keyStrategy,
        keyTier
      )
    );
  };

  const customers = report.customers;
  /** An earlier line of customer k, kept under their current tier (status: why it is not current). */
  const keep = (
    k: number,
    tier: string,
    tierKey: string,
    line: TrackingLine,
    status: string | null
  ) => {
    used.add(line);
    const lineKeys = keysOf(line, tierKey);
    emit(
      customers[k].customer.id,
      customers[k].customer.fields.name ?? "",
      tier,
      line.typeText,
      line.manager,
      "",
      status,
      line.plannedTier,
      line.customerKey,
      strategyOfKept(line),
      line.opened,
      lineKeys.strategy,
      lineKeys.tier,
      null,
      k
    );
  };
  for (let k = 0; k < customers.length; k++) {
    const result = customers[k];
    if (!result.tier) continue;
    const tierKey = result.tier.tier;
    const tierFamily = familyOf(tierKey);
    const tier = tierLabel(tierKey, lang);
    const name = result.customer.fields.name ?? "";
    const customerKey = result.customer.key;
    const theirs = byCustomer.get(customerKey);
    // A churn warning opens a win-back line beside the tier's own (seed 001 十, seed 003 5.5).
    const second = warned[k] === true && tierFamily !== "win_back";
    for (let f = 0; f < (second ? 2 : 1); f++) {
      const family: StrategyFamily = f === 0 ? tierFamily : "win_back";
      // The customer's earlier lines of this playbook (matched by family, else the type text).
      let earlier = false;
      if (theirs) for (const line of theirs) earlier ||= strategyOfKept(line) === family;
      if (!earlier) {
        emit(
          result.customer.id,
          name,
          tier,
          typeNames[family],
          null,
          f === 1 ? text.winBack.warningContent : playbookOf(family),
          null,
          "",
          customerKey,
          family,
          "",
          family,
          tierKey,
          family,
          k
        );
      }
      if (theirs)
        for (const line of theirs)
          if (strategyOfKept(line) === family) keep(k, tier, tierKey, line, null);
    }
    // Lines of the same customer under another playbook: kept, marked.
    if (theirs)
      for (const line of theirs) {
        if (used.has(line)) continue;
        keep(
          k,
          tier,
          tierKey,
          line,
          line.family === "win_back"
            ? text.winBack.warningCleared
            : text.sheets.lineStatus.left_tier
        );
      }
  }
  for (const line of previous) {
    if (used.has(line)) continue;
    const lineKeys = keysOf(line, "");
    emit(
      line.id,
      line.name,
      null,
      line.typeText,
      line.manager,
      "",
      text.sheets.lineStatus.gone,
      line.plannedTier,
      line.customerKey,
      strategyOfKept(line),
      line.opened,
      lineKeys.strategy,
      lineKeys.tier,
      null,
      -1
    );
  }

  const span = { firstRow: 0, lastRow: Math.max(0, rows.length - 1) };
  const statusLetter = columnLetter(col("status"));
  const endLetter = columnLetter(col("end"));
  const done = Object.values(inEveryLang((s) => s.sheets.statusValues[2]));
  const controlLetter = columnLetter(col("control"));
  const dueLetter = columnLetter(col("reviewDue"));
  const controlYes = Object.values(inEveryLang((s) => s.review.controlMark.yes));
  const sheet = singleTableSheet(
    "tracking",
    name ?? strings(lang).sheets.names.tracking,
    [],
    {
      columns: columnPlans(COLUMNS, (key) => HEADERS[key][lang]),
      rows,
      conditionalFormats:
        rows.length === 0
          ? []
          : [
              {
                // Overdue: the planned end has passed and the line is not done (live in Excel: TODAY()).
                type: "formula",
                firstColumn: 0,
                lastColumn: COLUMNS.length - 1,
                rows: span,
                formula: `AND($${endLetter}{row}<>"",$${endLetter}{row}<TODAY(),${done.map((d) => `$${statusLetter}{row}<>"${d}"`).join(",")})`,
                fill: OVERDUE.fill,
                font: OVERDUE.font,
              },
              {
                // Control lines in grey: nobody acts on them this period.
                type: "formula",
                firstColumn: 0,
                lastColumn: COLUMNS.length - 1,
                rows: span,
                formula: `OR(${controlYes.map((y) => `$${controlLetter}{row}="${y}"`).join(",")})`,
                fill: CONTROL_FILL.fill,
                font: CONTROL_FILL.font,
              },
              {
                // The review date has come (live in Excel: TODAY()).
                type: "formula",
                firstColumn: col("reviewDue"),
                lastColumn: col("reviewDue"),
                rows: span,
                formula: `AND($${dueLetter}{row}<>"",$${dueLetter}{row}<=TODAY())`,
                fill: REVIEW_DUE.fill,
                font: REVIEW_DUE.font,
              },
            ],
      validations:
        rows.length === 0
          ? []
          : [
              { column: col("status"), rows: span, values: [...strings(lang).sheets.statusValues] },
              {
                column: col("control"),
                rows: span,
                values: [strings(lang).review.controlMark.yes, strings(lang).review.controlMark.no],
              },
              {
                column: col("churnReason"),
                rows: span,
                values: CHURN_REASONS.map((r) => text.winBack.reasons[r]),
              },
            ],
    },
    2
  );
  // Why some lines are grey, beside the table (the header stays on the first line, where people
  // and filters expect it).
  sheet.tables.push({
    id: "controlNote",
    startRow: 0,
    startColumn: COLUMNS.length + 1,
    columns: [
      {
        key: "note",
        header: strings(lang).review.trackingControl.noteHeader,
        kind: "text",
        width: 60,
      },
    ],
    rows: [
      [
        strings(lang).review.trackingControl.note({
          share: `${Math.round(settings.controlShare * 1000) / 10}%`,
        }),
      ],
    ],
    conditionalFormats: [],
    validations: [],
  });
  return { sheet, lines };
}

/** A strategy line of the plan, as the review sheet needs it. */
export interface TrackingPlanLine {
  readonly customerKey: string;
  /** Index in report.customers of the customer the line is planned under; -1 for a gone line. */
  readonly customer: number;
  readonly id: Cell;
  readonly name: Cell;
  readonly type: Cell;
  readonly start: Cell;
  readonly end: Cell;
  readonly target: Cell;
  /** Held back as the control group (the mark on the line, drawn or typed). */
  readonly control: boolean;
  readonly plannedTier: Cell;
  readonly owner: Cell;
  /** The line belongs to the customer's current strategy (not left behind, not gone). */
  readonly current: boolean;
  readonly coreGoal: Cell;
  readonly reviewDue: Cell;
  readonly opened: Cell;
  readonly churnReason: ChurnReason | null;
  /** Strategy family key (maintain, …), or the type text a manager typed. */
  readonly strategy: string;
  /** Planned tier key (churn_risk, …), or the text on the line. */
  readonly tier: string;
}

/**
 * A line of the plan as the other sheets read it: its cells are those written to the sheet (one copy
 * of each, read when asked); what is not a cell is kept beside them.
 */
class PlannedLine implements TrackingPlanLine {
  constructor(
    private readonly cells: readonly PlanCell[],
    readonly customerKey: string,
    readonly customer: number,
    readonly control: boolean,
    readonly current: boolean,
    readonly churnReason: ChurnReason | null,
    readonly strategy: string,
    readonly tier: string
  ) {}
  get id(): Cell {
    return this.cells[ID] ?? "";
  }
  get name(): Cell {
    return this.cells[NAME] ?? "";
  }
  get type(): Cell {
    return this.cells[TYPE] ?? "";
  }
  get start(): Cell {
    return this.cells[START] ?? "";
  }
  get end(): Cell {
    return this.cells[END] ?? "";
  }
  get target(): Cell {
    return this.cells[TARGET] ?? "";
  }
  get plannedTier(): Cell {
    return this.cells[PLANNED_TIER] ?? "";
  }
  get owner(): Cell {
    return this.cells[OWNER] ?? "";
  }
  get coreGoal(): Cell {
    return this.cells[CORE_GOAL] ?? "";
  }
  get reviewDue(): Cell {
    return this.cells[REVIEW_DUE_AT] ?? "";
  }
  get opened(): Cell {
    return this.cells[OPENED] ?? "";
  }
}

/** A win-back line of the plan (playbook 流失挽回), as the win-back rate needs it. */
export function winBackLineOf(line: TrackingPlanLine): WinBackLine {
  return {
    customerKey: line.customerKey,
    since: parseDate(line.start) ?? parseDate(line.opened),
    control: line.control,
  };
}
