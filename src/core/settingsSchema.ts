/**
 * Every setting a sales manager may change, as one typed schema: its key, the kind of value it holds
 * (with bounds or choices), where it sits in `Settings`, and the order rules between settings (bin
 * edges ascending, thresholds descending). `applySettings` is the one place these rules are applied,
 * for the settings sheet and for the task pane's choices alike. Problems come back as codes with
 * parameters; words are added at the edge (`src/i18n/settingWords.ts`).
 */
import { DEFAULT_CADENCE, DEFAULT_CONTACT_DAYS } from "./cadence";
import type { IntentClass } from "./followups";
import {
  foldWidth,
  isBlank,
  normalizeHeader,
  parseAmount,
  parseDate,
  serialFromYmd,
} from "./parse";
import {
  ABC_COMBINES,
  ABC_CRITERIA,
  defaultSettings,
  type AbcCriterion,
  type ClvSettings,
  type Pct100Settings,
  type Settings,
} from "./settings";
import { SCHEME_KEYS, type Cell, type SchemeKey, type StrategyFamily } from "./types";

// ---------------------------------------------------------------------------------------------
// Vocabulary of the keys

export const WEIGHT_KEYS = ["r", "f", "m"] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export const BIN_LISTS = ["recencyMaxDays", "frequencyMin", "monetaryMin"] as const;
export type BinList = (typeof BIN_LISTS)[number];
/** Position i (0..3) of a bin list is the limit of score 5 - i; keys name the score. */
export const BIN_SCORES = [5, 4, 3, 2] as const;
export type BinScore = (typeof BIN_SCORES)[number];
export const TIER_LINES = ["high_value", "potential", "general"] as const;
export type TierLine = (typeof TIER_LINES)[number];
export const PCT_LINES = ["high", "potentialR", "potentialF", "potentialM", "general"] as const;
export const ABC_GRADES = ["A", "B"] as const;
export type AbcGrade = (typeof ABC_GRADES)[number];
export const CLV_KEYS = ["margin", "retentionYears", "discountRate", "horizonDays"] as const;
export const INTENT_CLASSES = Object.keys(DEFAULT_CADENCE) as IntentClass[];
/** The playbook families, in the order sheets list them (maintain, develop, keep, win back). */
export const FAMILIES = Object.keys(DEFAULT_CONTACT_DAYS) as StrategyFamily[];

/** The key of every fixed line of the settings sheet: the same in every language. */
export type SettingKey =
  | "scheme"
  | "asOf"
  | "windowDays"
  | `weights.${WeightKey}`
  | `fixed5.${BinList}.${BinScore}`
  | `fixed5.tierMinTotal.${TierLine}`
  | `pct100.${keyof Pct100Settings}`
  | `abc.${AbcCriterion}.${AbcGrade}`
  | "abc.combine"
  | `clv.${keyof ClvSettings}`
  | "maskPhones"
  | `followup.cadenceDays.${IntentClass}`
  | "marketingSpend"
  | "review.controlShare"
  | "review.holdoutWeeks"
  | `contact.days.${StrategyFamily}`;

/**
 * The texts of a setting: settings of one group share a label and a description with parameters
 * (the score of a bin, the criterion of an ABC line). Mapping and playbook lines are the sheet's own.
 */
export type SettingGroup =
  | "scheme"
  | "asOf"
  | "windowDays"
  | "weights"
  | `fixed5.${BinList}`
  | `fixed5.tierMinTotal.${TierLine}`
  | `pct100.${keyof Pct100Settings}`
  | `abc.${AbcGrade}`
  | "abc.combine"
  | `clv.${keyof ClvSettings}`
  | "maskPhones"
  | "followup.cadenceDays"
  | "marketingSpend"
  | "review.controlShare"
  | "review.holdoutWeeks"
  | "contact.days"
  | "mapping"
  | "playbook";

/** The parameters of a group's texts, as codes (the edge words them). */
export interface SettingParts {
  score?: BinScore;
  weight?: WeightKey;
  criterion?: AbcCriterion;
  intent?: IntentClass;
  family?: StrategyFamily;
}

// ---------------------------------------------------------------------------------------------
// Value kinds

/** What a value must be; the edge words it ("must be a whole number from 3 to 15"). */
export type SettingRule =
  | { rule: "positive_int" }
  | { rule: "int_range"; min: number; max: number }
  | { rule: "non_negative" }
  | { rule: "positive" }
  | { rule: "range"; min: number; max: number }
  | { rule: "above_max"; max: number }
  | { rule: "fraction" }
  | { rule: "date" }
  | { rule: "choice"; choices: readonly string[] }
  | { rule: "bool" }
  | { rule: "money_or_blank" };

/** How a value is written and shown: the edge puts words on dates, yes/no and blanks. */
export type SettingForm = "number" | "date" | "bool" | "choice" | "money";

type Parsed = { ok: true; value: unknown } | { ok: false };

export interface SettingKind {
  form: SettingForm;
  rule: SettingRule;
  /** A cell as typed (number, text with a unit, "30%", TRUE) or a value already typed; never throws. */
  parse(cell: Cell): Parsed;
}

const FAIL: Parsed = { ok: false };

/** Units people type after a number ("30天", "12 orders"), per kind of number; 元 and ¥ are parseAmount's. */
const DAY_UNIT = /\s*(?:天|日|days?)$/i;
const ORDER_UNIT = /\s*(?:单|笔|次|orders?)$/i;
const POINT_UNIT = /\s*(?:分|points?)$/i;
const YEAR_UNIT = /\s*(?:年|years?)$/i;
const WEEK_UNIT = /\s*(?:周|weeks?)$/i;

/** A number typed as a number or as text ("30", "30天", "1.2万", "¥10,000"); null when unclear. */
function parseNumber(cell: Cell, unit?: RegExp): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell + 0 : null;
  if (typeof cell !== "string") return null;
  let s = foldWidth(cell).trim();
  if (unit) s = s.replace(unit, "");
  return parseAmount(s);
}

function integerKind(min: number, max: number, unit?: RegExp): SettingKind {
  const rule: SettingRule =
    max === Number.MAX_SAFE_INTEGER && min === 1
      ? { rule: "positive_int" }
      : { rule: "int_range", min, max };
  return {
    form: "number",
    rule,
    parse(cell) {
      const n = parseNumber(cell, unit);
      if (n === null || !Number.isSafeInteger(n) || n < min || n > max) return FAIL;
      return { ok: true, value: n };
    },
  };
}

/** Numbers from `min` (inclusive unless `minExclusive`) up to `max` (inclusive). */
function numberKind(
  min: number,
  max: number,
  minExclusive: boolean,
  rule: SettingRule,
  unit?: RegExp
): SettingKind {
  return {
    form: "number",
    rule,
    parse(cell) {
      const n = parseNumber(cell, unit);
      if (n === null || n > max || n < min || (minExclusive && n === min)) return FAIL;
      return { ok: true, value: n };
    },
  };
}

/** 0..1, typed as a fraction (0.3) or a percentage ("30%"). */
const FRACTION: SettingKind = {
  form: "number",
  rule: { rule: "fraction" },
  parse(cell) {
    let n: number | null;
    if (typeof cell === "string" && /%\s*$/.test(foldWidth(cell))) {
      n = parseAmount(foldWidth(cell).trim().replace(/\s*%$/, ""));
      if (n !== null) n = n / 100;
    } else n = parseNumber(cell);
    if (n === null || n < 0 || n > 1) return FAIL;
    return { ok: true, value: n + 0 };
  },
};

/** Earliest accepted as-of date: a smaller number is far more likely a typing slip than a date. */
const MIN_AS_OF = serialFromYmd(1970, 1, 1);

/** A date typed in any supported form; blank means today (null). */
const DATE: SettingKind = {
  form: "date",
  rule: { rule: "date" },
  parse(cell) {
    if (isBlank(cell)) return { ok: true, value: null };
    if (typeof cell !== "string" && typeof cell !== "number") return FAIL;
    const serial = parseDate(cell);
    if (serial === null || serial < MIN_AS_OF) return FAIL;
    return { ok: true, value: serial };
  },
};

/** One of `values`, as its key; names in words are turned into keys at the edge before this. */
function choiceKind(values: readonly string[]): SettingKind {
  const byText = new Map(values.map((v) => [normalizeHeader(v), v]));
  return {
    form: "choice",
    rule: { rule: "choice", choices: values },
    parse(cell) {
      if (typeof cell !== "string") return FAIL;
      const v = byText.get(normalizeHeader(cell));
      return v === undefined ? FAIL : { ok: true, value: v };
    },
  };
}

/** Yes and no as people type them in either language; also 1/0 and TRUE/FALSE cells. */
const YES = new Set(["是", "yes", "y", "true", "1", "on", "对", "开"]);
const NO = new Set(["否", "no", "n", "false", "0", "off", "不", "关"]);

const BOOL: SettingKind = {
  form: "bool",
  rule: { rule: "bool" },
  parse(cell) {
    if (typeof cell === "boolean") return { ok: true, value: cell };
    if (cell === 1 || cell === 0) return { ok: true, value: cell === 1 };
    if (typeof cell !== "string") return FAIL;
    const t = foldWidth(cell).trim().toLowerCase();
    if (YES.has(t)) return { ok: true, value: true };
    if (NO.has(t)) return { ok: true, value: false };
    return FAIL;
  },
};

/** An amount of money, 0 or more ("5万", "¥80,000"); blank is null: not entered, so "not available". */
const OPTIONAL_MONEY: SettingKind = {
  form: "money",
  rule: { rule: "money_or_blank" },
  parse(cell) {
    if (isBlank(cell)) return { ok: true, value: null };
    const n = parseNumber(cell);
    if (n === null || n < 0) return FAIL;
    return { ok: true, value: n };
  },
};

const BIN_DAYS = integerKind(1, Number.MAX_SAFE_INTEGER, DAY_UNIT);
const BIN_ORDERS = integerKind(1, Number.MAX_SAFE_INTEGER, ORDER_UNIT);
const DAYS = integerKind(1, 3660, DAY_UNIT);
const TOTAL = integerKind(3, 15, POINT_UNIT);
const NON_NEGATIVE = numberKind(0, Number.MAX_VALUE, false, { rule: "non_negative" });
const POSITIVE = numberKind(0, Number.MAX_VALUE, true, { rule: "positive" });
const PERCENTILE = numberKind(0, 100, false, { rule: "range", min: 0, max: 100 }, POINT_UNIT);
const RETENTION = numberKind(0, 100, true, { rule: "above_max", max: 100 }, YEAR_UNIT);
/** Longest allowed gap between follow-ups: a day to a year. */
const CADENCE = integerKind(1, 366, DAY_UNIT);
/** Weeks held out to check the lifetime-value model: a week to ten years. */
const HOLDOUT_WEEKS = integerKind(1, 520, WEEK_UNIT);

const CLV_KINDS: Record<keyof ClvSettings, SettingKind> = {
  margin: FRACTION,
  retentionYears: RETENTION,
  discountRate: FRACTION,
  horizonDays: DAYS,
};
const BIN_KINDS: Record<BinList, SettingKind> = {
  recencyMaxDays: BIN_DAYS,
  frequencyMin: BIN_ORDERS,
  monetaryMin: POSITIVE,
};

// ---------------------------------------------------------------------------------------------
// The schema

export interface SettingSpec {
  key: SettingKey;
  group: SettingGroup;
  parts: SettingParts;
  kind: SettingKind;
  /** Where the value sits in `Settings`. */
  path: readonly (string | number)[];
}

function spec(
  key: SettingKey,
  group: SettingGroup,
  kind: SettingKind,
  path: readonly (string | number)[],
  parts: SettingParts = {}
): SettingSpec {
  return { key, group, parts, kind, path };
}

/** Every fixed setting, in sheet order. */
export const SETTING_SPECS: readonly SettingSpec[] = [
  spec("scheme", "scheme", choiceKind(SCHEME_KEYS), ["scheme"]),
  spec("asOf", "asOf", DATE, ["asOf"]),
  spec("windowDays", "windowDays", DAYS, ["windowDays"]),
  ...WEIGHT_KEYS.map((w) =>
    spec(`weights.${w}`, "weights", NON_NEGATIVE, ["weights", w], { weight: w })
  ),
  ...BIN_LISTS.flatMap((list) =>
    BIN_SCORES.map((score, i) =>
      spec(`fixed5.${list}.${score}`, `fixed5.${list}`, BIN_KINDS[list], ["fixed5", list, i], {
        score,
      })
    )
  ),
  ...TIER_LINES.map((t) =>
    spec(`fixed5.tierMinTotal.${t}`, `fixed5.tierMinTotal.${t}`, TOTAL, [
      "fixed5",
      "tierMinTotal",
      t,
    ])
  ),
  ...PCT_LINES.map((p) => spec(`pct100.${p}`, `pct100.${p}`, PERCENTILE, ["pct100", p])),
  ...ABC_CRITERIA.flatMap((c) =>
    ABC_GRADES.map((g, i) =>
      spec(`abc.${c}.${g}`, `abc.${g}`, NON_NEGATIVE, ["abc", c, i], { criterion: c })
    )
  ),
  spec("abc.combine", "abc.combine", choiceKind(ABC_COMBINES), ["abc", "combine"]),
  ...CLV_KEYS.map((k) => spec(`clv.${k}`, `clv.${k}`, CLV_KINDS[k], ["clv", k])),
  spec("maskPhones", "maskPhones", BOOL, ["maskPhones"]),
  ...INTENT_CLASSES.map((c) =>
    spec(`followup.cadenceDays.${c}`, "followup.cadenceDays", CADENCE, ["cadenceDays", c], {
      intent: c,
    })
  ),
  spec("marketingSpend", "marketingSpend", OPTIONAL_MONEY, ["marketingSpend"]),
  spec("review.controlShare", "review.controlShare", FRACTION, ["controlShare"]),
  spec("review.holdoutWeeks", "review.holdoutWeeks", HOLDOUT_WEEKS, ["holdoutWeeks"]),
  ...FAMILIES.map((family) =>
    spec(`contact.days.${family}`, "contact.days", CADENCE, ["contactDays", family], { family })
  ),
];

/** The keys of every fixed setting, in sheet order. */
export const SETTING_KEYS: readonly SettingKey[] = SETTING_SPECS.map((s) => s.key);

const SPEC_BY_KEY = new Map(SETTING_SPECS.map((s) => [s.key as string, s]));

/** The spec of a key; throws RangeError for a key that is not a setting. */
export function settingSpec(key: SettingKey): SettingSpec {
  const found = SPEC_BY_KEY.get(key);
  if (found === undefined) throw new RangeError(`Unknown setting key: ${key}`);
  return found;
}

/** The key of a text, when it is one (exactly, as the schema spells it). */
export function asSettingKey(text: string): SettingKey | null {
  return SPEC_BY_KEY.has(text) ? (text as SettingKey) : null;
}

type Node = Record<string | number, unknown>;

/** The value of a setting in `settings`. */
export function settingValue(settings: Settings, key: SettingKey): unknown {
  let node: unknown = settings;
  for (const p of settingSpec(key).path) node = (node as Node)[p];
  return node;
}

function setValue(settings: Settings, spec: SettingSpec, value: unknown): void {
  let node = settings as unknown as Node;
  const path = spec.path;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]] as Node;
  node[path[path.length - 1]] = value;
}

/** The numeric thresholds of a scheme, in sheet order (the pane shows those of the chosen scheme). */
export function thresholdKeys(scheme: SchemeKey): SettingKey[] {
  const defaults = defaultSettings();
  return SETTING_SPECS.filter(
    (s) => s.key.startsWith(`${scheme}.`) && typeof settingValue(defaults, s.key) === "number"
  ).map((s) => s.key);
}

/**
 * `settings` with one setting set from a typed cell (the pane's field), by that setting's rule;
 * a refused value returns the rule. Order between settings is checked when the choices are applied.
 */
export function withSettingCell(
  settings: Settings,
  key: SettingKey,
  cell: Cell
): { ok: true; settings: Settings } | { ok: false; rule: SettingRule } {
  const entry = settingSpec(key);
  const parsed = entry.kind.parse(cell);
  if (!parsed.ok) return { ok: false, rule: entry.kind.rule };
  // Settings are plain JSON data; the pure core has no structuredClone (it is a DOM/Node global).
  const next = JSON.parse(JSON.stringify(settings)) as Settings;
  setValue(next, entry, parsed.value);
  return { ok: true, settings: next };
}

// ---------------------------------------------------------------------------------------------
// The rules

/** Groups whose values must keep their order for the rules to make sense. */
const ORDERED: ReadonlyArray<{ keys: SettingKey[]; direction: "up" | "down" }> = [
  { keys: BIN_SCORES.map((s) => `fixed5.recencyMaxDays.${s}` as const), direction: "up" },
  { keys: BIN_SCORES.map((s) => `fixed5.frequencyMin.${s}` as const), direction: "down" },
  { keys: BIN_SCORES.map((s) => `fixed5.monetaryMin.${s}` as const), direction: "down" },
  { keys: TIER_LINES.map((t) => `fixed5.tierMinTotal.${t}` as const), direction: "down" },
  ...ABC_CRITERIA.map((c) => ({
    keys: ABC_GRADES.map((g) => `abc.${c}.${g}` as const),
    direction: "down" as const,
  })),
];
const PCT_KEYS = PCT_LINES.map((p) => `pct100.${p}` as const);

/**
 * Why a value was not used. `at` lists the settings whose cells the problem concerns, most relevant
 * first; `group` the settings reset to their defaults together.
 */
export type SettingProblem =
  | { code: "bad_value"; key: SettingKey; rule: SettingRule; value: Cell }
  | {
      code: "order_up" | "order_down";
      key: SettingKey;
      value: number;
      other: SettingKey;
      otherValue: number;
      group: readonly SettingKey[];
      at: readonly SettingKey[];
    }
  | {
      code: "order_between";
      key: SettingKey;
      value: number;
      low: SettingKey;
      lowValue: number;
      high: SettingKey;
      highValue: number;
      group: readonly SettingKey[];
      at: readonly SettingKey[];
    };

/**
 * The settings made of `values` (typed cells or typed values, per key) over the defaults: a value that
 * breaks its kind's rule keeps the default; a group out of order falls back to its defaults as a
 * whole, checked against the defaults of settings not given. Problems come in schema order, then the
 * order breaks. Settings outside the schema (mapping, playbooks) are left as in the defaults.
 */
export function applySettings(values: ReadonlyMap<SettingKey, Cell>): {
  settings: Settings;
  problems: SettingProblem[];
} {
  const settings = defaultSettings();
  const problems: SettingProblem[] = [];
  for (const entry of SETTING_SPECS) {
    if (!values.has(entry.key)) continue;
    const value = values.get(entry.key);
    const parsed = entry.kind.parse(value);
    if (parsed.ok) setValue(settings, entry, parsed.value);
    else problems.push({ code: "bad_value", key: entry.key, rule: entry.kind.rule, value });
  }
  problems.push(...checkOrder(settings));
  return { settings, problems };
}

/** Bins and thresholds out of order: the whole group falls back to its defaults, each break is named. */
function checkOrder(settings: Settings): SettingProblem[] {
  const defaults = defaultSettings();
  const problems: SettingProblem[] = [];
  const value = (key: SettingKey) => {
    const v = settingValue(settings, key);
    return typeof v === "number" ? v : NaN;
  };
  const reset = (keys: readonly SettingKey[]) => {
    for (const k of keys) setValue(settings, settingSpec(k), settingValue(defaults, k));
  };

  for (const { keys, direction } of ORDERED) {
    const v = keys.map(value);
    const breaks: SettingProblem[] = [];
    for (let i = 1; i < keys.length; i++) {
      const ok = direction === "up" ? v[i] > v[i - 1] : v[i] < v[i - 1];
      if (ok) continue;
      breaks.push({
        code: direction === "up" ? "order_up" : "order_down",
        key: keys[i],
        value: v[i],
        other: keys[i - 1],
        otherValue: v[i - 1],
        group: keys,
        at: [keys[i], keys[i - 1]],
      });
    }
    if (breaks.length > 0) {
      problems.push(...breaks);
      reset(keys);
    }
  }

  // 100-point lines: general < high, and each potential line between them.
  const [highKey, , , , generalKey] = PCT_KEYS;
  const breaks: SettingProblem[] = [];
  const high = value(highKey);
  const general = value(generalKey);
  if (!(general < high)) {
    breaks.push({
      code: "order_up",
      key: highKey,
      value: high,
      other: generalKey,
      otherValue: general,
      group: PCT_KEYS,
      at: [highKey, generalKey],
    });
  } else {
    for (const key of PCT_KEYS.slice(1, 4)) {
      const v = value(key);
      if (v >= general && v <= high) continue;
      breaks.push({
        code: "order_between",
        key,
        value: v,
        low: generalKey,
        lowValue: general,
        high: highKey,
        highValue: high,
        group: PCT_KEYS,
        at: [key],
      });
    }
  }
  if (breaks.length > 0) {
    problems.push(...breaks);
    reset(PCT_KEYS);
  }
  return problems;
}
