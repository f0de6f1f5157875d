import type { ColumnKind } from "./types";

/** Excel number formats per column kind: the one place that decides how figures look. */
export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: "@",
  general: "General",
  integer: "0",
  decimal: "0.00",
  money: "¥#,##0.00;[Red]-¥#,##0.00",
  date: "yyyy-mm-dd",
  percent: "0.0%",
};

/** Fill and font colours per tier (and segment family): the one place for the tier palette. */
export const TIER_COLORS: Record<string, { fill: string; font: string }> = {
  maintain: { fill: "#C6EFCE", font: "#006100" },
  develop: { fill: "#DDEBF7", font: "#1F4E78" },
  keep: { fill: "#FFEB9C", font: "#7F6000" },
  win_back: { fill: "#FFC7CE", font: "#9C0006" },
  no_purchases: { fill: "#EDEDED", font: "#595959" },
};

/** Red-yellow-green scale for scores (low is red). */
export const SCORE_SCALE: [string, string, string] = ["#F8696B", "#FFEB84", "#63BE7B"];

export const DATA_BAR_COLOR = "#5B9BD5";

export const HEADER_FILL = "#1F4E78";
export const HEADER_FONT = "#FFFFFF";
/** Headers of the columns a manager fills in stand apart, so nobody types into computed columns. */
export const MANAGER_HEADER_FILL = "#7F6000";

/** Highlight of overdue strategy lines. */
export const OVERDUE = { fill: "#FCE4D6", font: "#C00000" };

/** Follow-up watchlist: overdue next steps in red, broken cadences in amber, class A customers in pink. */
export const WATCH_COLORS = {
  overdue: OVERDUE,
  cadence: { fill: "#FFEB9C", font: "#7F6000" },
  contact: { fill: "#DDEBF7", font: "#1F4E78" },
  classA: { fill: "#FFC7CE", font: "#9C0006" },
};

/** The funnel step where conversion drops most. */
export const BIGGEST_DROP = { fill: "#FFC7CE", font: "#9C0006" };

/** Control-group lines of the tracking sheet: grey, nobody acts on them this period. */
export const CONTROL_FILL = { fill: "#EDEDED", font: "#595959" };
/** The summary's warning that a scheme does not separate the customers (amber, like a broken cadence). */
export const LOPSIDED = { fill: "#FFEB9C", font: "#7F6000" };
/** A strategy line whose review date has come (amber, like a broken cadence). */
export const REVIEW_DUE = { fill: "#FFEB9C", font: "#7F6000" };
