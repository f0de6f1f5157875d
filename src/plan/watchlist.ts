/**
 * The follow-up watchlist sheet (跟进提醒 / Follow-up Watch): overdue next steps and broken cadences
 * from the follow-up records, worst first, each with the cell of the follow-up sheet to look at.
 * Computed only: rebuilt on every run (the user's follow-up sheet is never touched).
 */
import type { StrategyFamily } from "../core/types";
import type { SheetStrings } from "../i18n/strings/sheets";
import type { FollowupReport } from "../core/pipeline";
import { strings } from "../i18n";
import { formatSerial } from "../core/parse";
import type { Serial } from "../core/types";
import type { Lang } from "../i18n/lang";
import { DEFAULT_CONTACT_DAYS } from "../core/cadence";
import { tierLabel } from "../i18n/tiers";
import { DATA_BAR_COLOR, WATCH_COLORS } from "./formats";
import {
  singleTableSheet,
  type ColumnKind,
  type ConditionalFormatPlan,
  type PlanCell,
  type SheetPlan,
} from "./types";

const COLUMNS: ReadonlyArray<
  [key: keyof SheetStrings["watchHeaders"], kind: ColumnKind, width: number]
> = [
  ["id", "text", 12],
  ["name", "text", 26],
  ["intent", "text", 10],
  ["stage", "text", 10],
  ["kind", "text", 14],
  ["due", "date", 12],
  ["daysLate", "integer", 10],
  ["person", "text", 10],
  ["nextAction", "text", 24],
  ["address", "text", 20],
  ["tier", "text", 14],
];

const col = (key: string) => COLUMNS.findIndex(([k]) => k === key);

export function planWatchSheet(
  followups: FollowupReport,
  asOf: Serial,
  lang: Lang,
  name?: string
): SheetPlan {
  const rows: PlanCell[][] = followups.watch.map((w) => [
    w.id,
    w.name === "" ? null : w.name,
    w.intent,
    w.stage === null ? null : strings(lang).followups.stages[w.stage],
    strings(lang).followups.watchKinds[w.kind],
    w.due,
    w.daysLate,
    w.person === "" ? null : w.person,
    w.nextAction === "" ? null : w.nextAction,
    w.address === "" ? null : w.address,
    w.tier === null ? null : tierLabel(w.tier, lang),
  ]);
  const conditionalFormats: ConditionalFormatPlan[] = [];
  if (rows.length > 0) {
    const span = { firstRow: 0, lastRow: rows.length - 1 };
    for (const kind of ["overdue", "cadence", "contact"] as const) {
      conditionalFormats.push({
        type: "textEquals",
        column: col("kind"),
        rows: span,
        text: strings(lang).followups.watchKinds[kind],
        ...WATCH_COLORS[kind],
      });
    }
    // Class A customers are the ones seed 004 says must never wait.
    conditionalFormats.push({
      type: "textEquals",
      column: col("intent"),
      rows: span,
      text: "A",
      ...WATCH_COLORS.classA,
    });
    conditionalFormats.push({
      type: "dataBar",
      column: col("daysLate"),
      rows: span,
      color: DATA_BAR_COLOR,
    });
  } else {
    rows.push([strings(lang).sheets.watch.none, ...COLUMNS.slice(1).map(() => null)]);
  }
  const contactDays = (f: StrategyFamily) => followups.contactDays?.[f] ?? DEFAULT_CONTACT_DAYS[f];
  const preamble: PlanCell[][] = [
    [
      (followups.sheet === ""
        ? strings(lang).sheets.watch.titleNoSheet
        : strings(lang).sheets.watch.title)({
        asOf: formatSerial(asOf),
        sheet: followups.sheet,
      }),
    ],
    [strings(lang).sheets.watch.rules({ ...followups.cadenceDays })],
    [strings(lang).sheets.watch.rebuilt],
    [
      strings(lang).contact.rule({
        maintain: contactDays("maintain"),
        develop: contactDays("develop"),
        keep: contactDays("keep"),
        win_back: contactDays("win_back"),
      }),
    ],
  ];
  return singleTableSheet(
    "watchlist",
    name ?? strings(lang).sheets.names.watchlist,
    preamble,
    {
      columns: COLUMNS.map(([key, kind, width]) => ({
        key,
        kind,
        width,
        header: strings(lang).sheets.watchHeaders[key],
      })),
      rows,
      conditionalFormats,
      validations: [],
    },
    2
  );
}
