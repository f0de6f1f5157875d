/**
 * The follow-up watchlist sheet (跟进提醒 / Follow-up Watch): overdue next steps and broken cadences
 * from the follow-up records, worst first, each with the cell of the follow-up sheet to look at.
 * Computed only: rebuilt on every run (the user's follow-up sheet is never touched).
 */
import type { FollowupReport } from "../core/pipeline";
import { formatSerial } from "../core/parse";
import type { Serial } from "../core/types";
import type { Lang } from "../i18n/lang";
import { stageLabel, WATCH_KIND_LABELS } from "../i18n/followups";
import { SHEET_NAMES, WATCH_HEADERS, WATCH_TEXT } from "../i18n/sheets";
import { fillText } from "../i18n/settings";
import { DEFAULT_CONTACT_DAYS } from "../core/cadence";
import { STRATEGY_FAMILIES } from "../i18n/playbooks";
import { CONTACT_RULE } from "../i18n/contact";
import { tierLabel } from "../i18n/tiers";
import { DATA_BAR_COLOR, WATCH_COLORS } from "./formats";
import {
  singleTableSheet,
  type ColumnKind,
  type ConditionalFormatPlan,
  type PlanCell,
  type SheetPlan,
} from "./types";

const COLUMNS: ReadonlyArray<[key: string, kind: ColumnKind, width: number]> = [
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
    w.stage === null ? null : stageLabel(w.stage, lang),
    WATCH_KIND_LABELS[w.kind][lang],
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
        text: WATCH_KIND_LABELS[kind][lang],
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
    rows.push([WATCH_TEXT.none[lang], ...COLUMNS.slice(1).map(() => null)]);
  }
  const preamble: PlanCell[][] = [
    [
      fillText((followups.sheet === "" ? WATCH_TEXT.titleNoSheet : WATCH_TEXT.title)[lang], {
        asOf: formatSerial(asOf),
        sheet: followups.sheet,
      }),
    ],
    [fillText(WATCH_TEXT.rules[lang], { ...followups.cadenceDays })],
    [WATCH_TEXT.rebuilt[lang]],
    [
      fillText(CONTACT_RULE[lang], {
        ...Object.fromEntries(
          STRATEGY_FAMILIES.map((f) => [f, followups.contactDays?.[f] ?? DEFAULT_CONTACT_DAYS[f]])
        ),
      }),
    ],
  ];
  return singleTableSheet(
    "watchlist",
    name ?? SHEET_NAMES.watchlist[lang],
    preamble,
    {
      columns: COLUMNS.map(([key, kind, width]) => ({
        key,
        kind,
        width,
        header: WATCH_HEADERS[key][lang],
      })),
      rows,
      conditionalFormats,
      validations: [],
    },
    2
  );
}
