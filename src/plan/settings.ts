/**
 * The settings sheet (设置 / Settings): every setting as a plain line a person can read and edit
 * (key, label, value, description). The add-in writes it and reads it back on the next run, so a
 * colleague who receives the workbook by email scores it the same way.
 *
 * Lines are found again by their key, never by position: lines may be reordered or deleted (a deleted
 * line brings the default back). Keys are the same in every language, so a sheet written in English
 * reads the same in a Chinese Excel. A value that cannot be used keeps the default and yields a message
 * naming its cell.
 */
import { cellAddress } from "../core/address";
import {
  cellText,
  foldWidth,
  formatSerial,
  isBlank,
  normalizeHeader,
  parseAmount,
  parseDate,
  serialFromYmd,
} from "../core/parse";
import type { BalanceSuggestion } from "../core/balance";
import { defaultSettings, type AbcCombine, type Settings } from "../core/settings";
import {
  SCHEME_KEYS,
  type Cell,
  type Lang,
  type SchemeKey,
  type SheetGrid,
  type StrategyFamily,
} from "../core/types";
import { isDefaultPlaybook, playbookText, STRATEGY_FAMILIES } from "../i18n/playbooks";
import { inEveryLang } from "../i18n";
import { schemeLabel } from "../i18n/schemes";
import {
  ABC_COMBINE_LABELS,
  ABC_CRITERION_LABELS,
  fillText,
  INPUT_KIND_LABELS,
  SETTING_TEXTS,
  SETTINGS_HEADERS,
  SETTINGS_TEXT,
  settingsMessage,
  type SettingsProblemKey,
} from "../i18n/settings";
import { SHEET_NAMES } from "../i18n/sheets";
import { SUGGESTED_HEADER } from "../i18n/balance";
import { CUSTOMER_FIELDS, FOLLOWUP_FIELDS, ORDER_FIELDS } from "../i18n/synonyms";
import { familyLabel, tierLabel } from "../i18n/tiers";
import { familyOf, TIER_ORDER } from "../core/tiers";
import { singleTableSheet, type ListValidationPlan, type PlanCell, type SheetPlan } from "./types";

export interface SettingsInfo {
  /** Columns recognised in the inputs ("orders", "amount", "金额(元)"): written as mapping lines. */
  detectedColumns: Array<{ kind: string; field: string; header: string }>;
  /** Thresholds derived from this workbook when the scheme did not separate its customers. */
  suggestion?: BalanceSuggestion | null;
}

export interface SettingsProblem {
  /** The cell to look at, e.g. `设置!C7`. */
  address: string;
  /** The setting's key ("" when the problem concerns the whole sheet). */
  key: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Value kinds: how one kind of value is parsed, written and shown in messages

type Rule =
  | "positive_int"
  | "int_range"
  | "non_negative"
  | "positive"
  | "range"
  | "above_max"
  | "fraction"
  | "date"
  | "choice"
  | "bool"
  | "money_or_blank";

type Parsed<T> = { ok: true; value: T } | { ok: false; rule: Rule };

interface ValueKind<T> {
  parse(cell: Cell): Parsed<T>;
  write(value: T, lang: Lang): PlanCell;
  show(value: T, lang: Lang): string;
  /** Parameters of the rule's message ({min}, {max}, {choices}). */
  ruleParams?: Record<string, string | number>;
}

const COMBINES: readonly AbcCombine[] = ["majority", "all", "any", "amount_only"];
const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

/** Units people type after a number ("30天", "12 orders"), per kind of number; 元 and ¥ are parseAmount's. */
const DAY_UNIT = /\s*(?:天|日|days?)$/i;
const ORDER_UNIT = /\s*(?:单|笔|次|orders?)$/i;
const POINT_UNIT = /\s*(?:分|points?)$/i;
const YEAR_UNIT = /\s*(?:年|years?)$/i;

/** A number typed as a number or as text ("30", "30天", "1.2万", "¥10,000"); null when unclear. */
function parseNumber(cell: Cell, unit?: RegExp): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell + 0 : null;
  if (typeof cell !== "string") return null;
  let s = foldWidth(cell).trim();
  if (unit) s = s.replace(unit, "");
  return parseAmount(s);
}

function fail<T>(rule: Rule): Parsed<T> {
  return { ok: false, rule };
}

function numberText(n: number): string {
  return String(n);
}

function integerKind(min: number, max: number, unit?: RegExp): ValueKind<number> {
  const rule: Rule = max === Number.MAX_SAFE_INTEGER && min === 1 ? "positive_int" : "int_range";
  return {
    parse(cell) {
      const n = parseNumber(cell, unit);
      if (n === null || !Number.isSafeInteger(n) || n < min || n > max) return fail(rule);
      return { ok: true, value: n };
    },
    write: (v) => v,
    show: numberText,
    ruleParams: { min, max },
  };
}

/** Numbers from `min` (inclusive unless `minExclusive`) up to `max` (inclusive). */
function numberKind(
  min: number,
  max: number,
  minExclusive: boolean,
  rule: Rule,
  unit?: RegExp
): ValueKind<number> {
  return {
    parse(cell) {
      const n = parseNumber(cell, unit);
      if (n === null || n > max || n < min || (minExclusive && n === min)) return fail(rule);
      return { ok: true, value: n };
    },
    write: (v) => v,
    show: numberText,
    ruleParams: { min, max },
  };
}

/** 0..1, typed as a fraction (0.3) or a percentage ("30%"). */
const fractionKind: ValueKind<number> = {
  parse(cell) {
    let n: number | null;
    if (typeof cell === "string" && /%\s*$/.test(foldWidth(cell))) {
      n = parseAmount(foldWidth(cell).trim().replace(/\s*%$/, ""));
      if (n !== null) n = n / 100;
    } else n = parseNumber(cell);
    if (n === null || n < 0 || n > 1) return fail("fraction");
    return { ok: true, value: n + 0 };
  },
  write: (v) => v,
  show: numberText,
};

/** Earliest accepted as-of date: a smaller number is far more likely a typing slip than a date. */
const MIN_AS_OF = serialFromYmd(1970, 1, 1);

/** A date typed in any supported form, written as "YYYY-MM-DD" text; blank means today. */
const dateKind: ValueKind<number | null> = {
  parse(cell) {
    if (isBlank(cell)) return { ok: true, value: null };
    if (typeof cell === "boolean") return fail("date");
    const serial = parseDate(cell);
    if (serial === null || serial < MIN_AS_OF) return fail("date");
    return { ok: true, value: serial };
  },
  write: (v) => (v === null ? null : formatSerial(v)),
  show: (v, lang) => (v === null ? SETTINGS_TEXT.today[lang] : formatSerial(v)),
};

function choiceKind<T extends string>(
  values: readonly T[],
  aliases: Record<string, Record<Lang, string>> = {}
): ValueKind<T> {
  const byText = new Map<string, T>();
  for (const v of values) {
    byText.set(normalizeHeader(v), v);
    const names = aliases[v];
    if (names) for (const lang of LANGS) byText.set(normalizeHeader(names[lang]), v);
  }
  return {
    parse(cell) {
      if (typeof cell !== "string") return fail("choice");
      const v = byText.get(normalizeHeader(cell));
      return v === undefined ? fail("choice") : { ok: true, value: v };
    },
    write: (v) => v,
    show: (v) => v,
    ruleParams: { choices: values.join(", ") },
  };
}

const YES = new Set(["是", "yes", "y", "true", "1", "on", "对", "开"]);
const NO = new Set(["否", "no", "n", "false", "0", "off", "不", "关"]);

/** Written as 是/否 (yes/no in English); also reads TRUE/FALSE cells, 1/0 and y/n. */
const boolKind: ValueKind<boolean> = {
  parse(cell) {
    if (typeof cell === "boolean") return { ok: true, value: cell };
    if (cell === 1 || cell === 0) return { ok: true, value: cell === 1 };
    if (typeof cell !== "string") return fail("bool");
    const t = foldWidth(cell).trim().toLowerCase();
    if (YES.has(t)) return { ok: true, value: true };
    if (NO.has(t)) return { ok: true, value: false };
    return fail("bool");
  },
  write: (v, lang) => (v ? SETTINGS_TEXT.yes[lang] : SETTINGS_TEXT.no[lang]),
  show: (v, lang) => (v ? SETTINGS_TEXT.yes[lang] : SETTINGS_TEXT.no[lang]),
};

/** An amount of money, 0 or more ("5万", "¥80,000"); blank is null: not entered, so "not available". */
const optionalMoneyKind: ValueKind<number | null> = {
  parse(cell) {
    if (isBlank(cell)) return { ok: true, value: null };
    const n = parseNumber(cell);
    if (n === null || n < 0) return fail("money_or_blank");
    return { ok: true, value: n };
  },
  write: (v) => v,
  show: (v, lang) => (v === null ? SETTINGS_TEXT.notSet[lang] : numberText(v)),
};

/** Free text; blank is null (the setting's automatic behaviour). Never fails. */
const textKind: ValueKind<string | null> = {
  parse(cell) {
    const t = cellText(cell).trim();
    return { ok: true, value: isBlank(t) ? null : t };
  },
  write: (v) => v,
  show: (v) => v ?? "",
};

// ---------------------------------------------------------------------------------------------
// Every setting

interface Spec {
  key: string;
  /** Entry of SETTING_TEXTS with the label and description. */
  text: string;
  textParams(lang: Lang): Record<string, string | number>;
  parse(cell: Cell): Parsed<unknown>;
  write(s: Settings, lang: Lang): PlanCell;
  /** The value as messages show it. */
  show(s: Settings, lang: Lang): string;
  /** Numeric value, for the order checks. */
  number(s: Settings): number;
  set(s: Settings, value: unknown): void;
  /** Copies this setting's value from `from` into `to`. */
  copy(from: Settings, to: Settings): void;
  ruleParams: Record<string, string | number>;
}

function spec<T>(
  key: string,
  text: string,
  textParams: (lang: Lang) => Record<string, string | number>,
  kind: ValueKind<T>,
  get: (s: Settings) => T,
  set: (s: Settings, value: T) => void,
  write?: (s: Settings, lang: Lang) => PlanCell
): Spec {
  return {
    key,
    text,
    textParams,
    parse: (cell) => kind.parse(cell),
    write: write ?? ((s, lang) => kind.write(get(s), lang)),
    show: (s, lang) => kind.show(get(s), lang),
    number: (s) => {
      const v = get(s);
      return typeof v === "number" ? v : NaN;
    },
    set: (s, value) => set(s, value as T),
    copy: (from, to) => set(to, get(from)),
    ruleParams: kind.ruleParams ?? {},
  };
}

const none = () => ({});
const BIN_DAYS = integerKind(1, Number.MAX_SAFE_INTEGER, DAY_UNIT);
const BIN_ORDERS = integerKind(1, Number.MAX_SAFE_INTEGER, ORDER_UNIT);
const DAYS = integerKind(1, 3660, DAY_UNIT);
const TOTAL = integerKind(3, 15, POINT_UNIT);
const NON_NEGATIVE = numberKind(0, Number.MAX_VALUE, false, "non_negative");
const POSITIVE = numberKind(0, Number.MAX_VALUE, true, "positive");
const PERCENTILE = numberKind(0, 100, false, "range", POINT_UNIT);
const RETENTION = numberKind(0, 100, true, "above_max", YEAR_UNIT);
/** Longest allowed gap between follow-ups: a day to a year. */
const CADENCE = integerKind(1, 366, DAY_UNIT);
const INTENT_CLASSES = ["A", "B", "C"] as const;
/** Weeks held out to check the lifetime-value model: a week to ten years. */
const HOLDOUT_WEEKS = integerKind(1, 520, /\s*(?:周|weeks?)$/i);

/** Position i (0..3) of a bin list is the limit of score 5 - i; keys count positions from 1. */
const BIN_POSITIONS = [0, 1, 2, 3] as const;
const TIER_KEYS = ["high_value", "potential", "general"] as const;
const PCT_KEYS = ["high", "potentialR", "potentialF", "potentialM", "general"] as const;
const ABC_CRITERIA = ["annualAmount", "ordersPerYear", "profit", "clv"] as const;
const ABC_GRADES = ["A", "B"] as const;
const WEIGHTS = ["r", "f", "m"] as const;

type InputKindName = keyof typeof INPUT_KIND_LABELS;
const INPUT_KINDS: readonly InputKindName[] = ["customers", "orders", "followups"];
const FIELD_LISTS: Record<InputKindName, Readonly<Record<string, readonly string[]>>> = {
  customers: CUSTOMER_FIELDS,
  orders: ORDER_FIELDS,
  followups: FOLLOWUP_FIELDS,
};

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A field's name as people know it: its first Chinese or first English header synonym. */
export function fieldLabel(kind: InputKindName, field: string, lang: Lang): string {
  const names = FIELD_LISTS[kind][field] ?? [];
  const name = names.find((n) => (lang === "en-US" ? isAscii(n) : !isAscii(n)));
  return name ?? field;
}

/** The tiers of every scheme that feed one playbook, as the contact lines name them. */
function tiersOfFamily(family: StrategyFamily, lang: Lang): string {
  return TIER_ORDER.filter((t) => familyOf(t) === family)
    .map((t) => tierLabel(t, lang))
    .join(lang === "zh-CN" ? "、" : ", ");
}

type BinList = "recencyMaxDays" | "frequencyMin" | "monetaryMin";

/** `fixed5.recencyMaxDays.5` is the limit of score 5, `.2` the limit of score 2: keys read like their labels. */
function binKey(list: BinList, i: number): string {
  return `fixed5.${list}.${5 - i}`;
}

function binSpecs(list: BinList, kind: ValueKind<number>): Spec[] {
  return BIN_POSITIONS.map((i) =>
    spec(
      binKey(list, i),
      `fixed5.${list}`,
      () => ({ score: 5 - i }),
      kind,
      (s) => s.fixed5[list][i],
      (s, v) => {
        s.fixed5[list][i] = v;
      }
    )
  );
}

const STATIC_SPECS: Spec[] = [
  spec(
    "scheme",
    "scheme",
    (lang) => ({
      choices: SCHEME_KEYS.map((k) => `${k} = ${schemeLabel(k, lang)}`).join(
        lang === "zh-CN" ? "；" : "; "
      ),
    }),
    choiceKind(
      SCHEME_KEYS,
      Object.fromEntries(SCHEME_KEYS.map((k) => [k, inEveryLang((s) => s.schemes.label[k])]))
    ),
    (s) => s.scheme,
    (s, v) => {
      s.scheme = v;
    }
  ),
  spec(
    "asOf",
    "asOf",
    none,
    dateKind,
    (s) => s.asOf,
    (s, v) => {
      s.asOf = v;
    }
  ),
  spec(
    "windowDays",
    "windowDays",
    none,
    DAYS,
    (s) => s.windowDays,
    (s, v) => {
      s.windowDays = v;
    }
  ),
  ...WEIGHTS.map((w) =>
    spec(
      `weights.${w}`,
      "weights",
      () => ({ metric: w.toUpperCase() }),
      NON_NEGATIVE,
      (s) => s.weights[w],
      (s, v) => {
        s.weights[w] = v;
      }
    )
  ),
  ...binSpecs("recencyMaxDays", BIN_DAYS),
  ...binSpecs("frequencyMin", BIN_ORDERS),
  ...binSpecs("monetaryMin", POSITIVE),
  ...TIER_KEYS.map((t) =>
    spec(
      `fixed5.tierMinTotal.${t}`,
      `fixed5.tierMinTotal.${t}`,
      none,
      TOTAL,
      (s) => s.fixed5.tierMinTotal[t],
      (s, v) => {
        s.fixed5.tierMinTotal[t] = v;
      }
    )
  ),
  ...PCT_KEYS.map((p) =>
    spec(
      `pct100.${p}`,
      `pct100.${p}`,
      none,
      PERCENTILE,
      (s) => s.pct100[p],
      (s, v) => {
        s.pct100[p] = v;
      }
    )
  ),
  ...ABC_CRITERIA.flatMap((c) =>
    ABC_GRADES.map((g, i) =>
      spec(
        `abc.${c}.${g}`,
        `abc.${g}`,
        (lang) => ({ criterion: ABC_CRITERION_LABELS[c][lang] }),
        NON_NEGATIVE,
        (s) => s.abc[c][i],
        (s, v) => {
          s.abc[c][i] = v;
        }
      )
    )
  ),
  spec(
    "abc.combine",
    "abc.combine",
    (lang) => ({
      choices: COMBINES.map((k) => `${k} = ${ABC_COMBINE_LABELS[k][lang]}`).join(
        lang === "zh-CN" ? "；" : "; "
      ),
    }),
    choiceKind(COMBINES),
    (s) => s.abc.combine,
    (s, v) => {
      s.abc.combine = v;
    }
  ),
  spec(
    "clv.margin",
    "clv.margin",
    none,
    fractionKind,
    (s) => s.clv.margin,
    (s, v) => {
      s.clv.margin = v;
    }
  ),
  spec(
    "clv.retentionYears",
    "clv.retentionYears",
    none,
    RETENTION,
    (s) => s.clv.retentionYears,
    (s, v) => {
      s.clv.retentionYears = v;
    }
  ),
  spec(
    "clv.discountRate",
    "clv.discountRate",
    none,
    fractionKind,
    (s) => s.clv.discountRate,
    (s, v) => {
      s.clv.discountRate = v;
    }
  ),
  spec(
    "clv.horizonDays",
    "clv.horizonDays",
    none,
    DAYS,
    (s) => s.clv.horizonDays,
    (s, v) => {
      s.clv.horizonDays = v;
    }
  ),
  spec(
    "maskPhones",
    "maskPhones",
    none,
    boolKind,
    (s) => s.maskPhones,
    (s, v) => {
      s.maskPhones = v;
    }
  ),
  ...INTENT_CLASSES.map((c) =>
    spec(
      `followup.cadenceDays.${c}`,
      "followup.cadenceDays",
      () => ({ grade: c }),
      CADENCE,
      (s) => s.cadenceDays[c],
      (s, v) => {
        s.cadenceDays[c] = v;
      }
    )
  ),
  spec(
    "marketingSpend",
    "marketingSpend",
    none,
    optionalMoneyKind,
    (s) => s.marketingSpend,
    (s, v) => {
      s.marketingSpend = v;
    }
  ),
  spec(
    "review.controlShare",
    "review.controlShare",
    none,
    fractionKind,
    (s) => s.controlShare,
    (s, v) => {
      s.controlShare = v;
    }
  ),
  spec(
    "review.holdoutWeeks",
    "review.holdoutWeeks",
    none,
    HOLDOUT_WEEKS,
    (s) => s.holdoutWeeks,
    (s, v) => {
      s.holdoutWeeks = v;
    }
  ),
  spec(
    "review.cycleDays",
    "review.cycleDays",
    none,
    DAYS,
    (s) => s.reviewCycleDays,
    (s, v) => {
      s.reviewCycleDays = v;
    }
  ),
  ...STRATEGY_FAMILIES.map((family) =>
    spec(
      `contact.days.${family}`,
      "contact.days",
      (lang) => ({ family: familyLabel(family, lang), tiers: tiersOfFamily(family, lang) }),
      CADENCE,
      (s) => s.contactDays[family],
      (s, v) => {
        s.contactDays[family] = v;
      }
    )
  ),
];

/** One line per field of each input kind: value is the header text; blank means automatic. */
const MAPPING_SPECS: Spec[] = INPUT_KINDS.flatMap((kind) =>
  Object.keys(FIELD_LISTS[kind]).map((field) => {
    const id = `${kind}.${field}`;
    return spec(
      `mapping.${id}`,
      "mapping",
      (lang) => ({ kind: INPUT_KIND_LABELS[kind][lang], field: fieldLabel(kind, field, lang) }),
      textKind,
      (s) => s.columnMapping[id] ?? null,
      (s, v) => {
        if (v === null) delete s.columnMapping[id];
        else s.columnMapping[id] = v;
      }
    );
  })
);

/** The effective playbook text is written; reading back a default text (either language) is no override. */
const PLAYBOOK_SPECS: Spec[] = STRATEGY_FAMILIES.map((family: StrategyFamily) =>
  spec(
    `playbook.${family}`,
    "playbook",
    (lang) => ({ family: familyLabel(family, lang) }),
    textKind,
    (s) => s.playbooks[family] ?? null,
    (s, v) => {
      if (v === null || isDefaultPlaybook(family, v)) delete s.playbooks[family];
      else s.playbooks[family] = v;
    },
    (s, lang) => playbookText(s, family, lang)
  )
);

const ALL_SPECS: Spec[] = [...STATIC_SPECS, ...MAPPING_SPECS, ...PLAYBOOK_SPECS];
const SPEC_BY_KEY = new Map(ALL_SPECS.map((s) => [s.key, s]));

/** Keys as people may retype them: width folded, spaces dropped, case ignored. */
function keyLookup(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").toLowerCase();
}
const SPEC_BY_LOOKUP = new Map(ALL_SPECS.map((s) => [keyLookup(s.key), s]));

function label(entry: Spec, lang: Lang): string {
  return fillText(SETTING_TEXTS[entry.text].label[lang], entry.textParams(lang));
}

function description(entry: Spec, lang: Lang, defaults: Settings): string {
  return fillText(SETTING_TEXTS[entry.text].description[lang], {
    ...entry.textParams(lang),
    default: entry.show(defaults, lang),
  });
}

/** The machine keys of every fixed setting, in sheet order (mapping and playbook lines follow them). */
export const SETTING_KEYS: readonly string[] = STATIC_SPECS.map((s) => s.key);

// ---------------------------------------------------------------------------------------------
// One setting at a time, for the task pane: the sheet's own labels and rules

function specOf(key: string): Spec {
  const entry = SPEC_BY_KEY.get(key);
  if (entry === undefined) throw new RangeError(`Unknown setting key: ${key}`);
  return entry;
}

/** The label of a setting as its line in the settings sheet shows it. */
export function settingLabel(key: string, lang: Lang): string {
  return label(specOf(key), lang);
}

/** A setting's value as the settings sheet would show it in its Value cell ("" for blank). */
export function settingText(settings: Settings, key: string, lang: Lang): string {
  return cellText(specOf(key).write(settings, lang) ?? "");
}

/**
 * `settings` with one setting set from text typed in the pane, parsed by the same rule as the
 * settings sheet's cell; a refused value returns that rule's wording instead ("must be a whole
 * number from 3 to 15"). Order between settings is checked when the choices are saved (planWorkbook).
 */
export function withSettingText(
  settings: Settings,
  key: string,
  text: string,
  lang: Lang
): { ok: true; settings: Settings } | { ok: false; message: string } {
  const entry = specOf(key);
  const parsed = entry.parse(text);
  if (!parsed.ok)
    return {
      ok: false,
      message: settingsMessage(lang, `rule_${parsed.rule}` as SettingsProblemKey, entry.ruleParams),
    };
  const next = structuredClone(settings);
  entry.set(next, parsed.value);
  return { ok: true, settings: next };
}

/** The numeric thresholds of a scheme, in sheet order (the pane shows those of the chosen scheme). */
export function thresholdKeys(scheme: SchemeKey): string[] {
  return STATIC_SPECS.filter(
    (s) => s.key.startsWith(`${scheme}.`) && !Number.isNaN(s.number(defaultSettings()))
  ).map((s) => s.key);
}

// ---------------------------------------------------------------------------------------------
// Writing

const COLUMN_KEYS = ["key", "item", "value", "description", "suggested"] as const;
const VALUE_COLUMN = 2;

/**
 * The settings sheet for `settings`. Mapping lines cover every field of each input kind that was
 * recognised or mapped (blank where nothing was found, so a person can name the column).
 * `name` keeps an existing sheet's name (sheets are found by key, names are stable once created).
 */
export function planSettingsSheet(
  settings: Settings,
  lang: Lang,
  info: SettingsInfo,
  name?: string
): SheetPlan {
  const defaults = defaultSettings();
  const suggested = withSuggestion(settings, info.suggestion ?? null);
  const line = (entry: Spec, value: PlanCell): PlanCell[] => [
    entry.key,
    label(entry, lang),
    value,
    description(entry, lang, defaults),
    suggested !== null && suggestedKey(entry.key, info.suggestion ?? null)
      ? entry.write(suggested, lang)
      : null,
  ];
  const rows: PlanCell[][] = STATIC_SPECS.map((entry) => line(entry, entry.write(settings, lang)));

  const headers = new Map<string, string>();
  for (const c of info.detectedColumns) {
    if (typeof c.header === "string" && !isBlank(c.header))
      headers.set(`${c.kind}.${c.field}`, c.header.trim());
  }
  for (const [id, header] of Object.entries(settings.columnMapping)) {
    if (typeof header === "string" && !isBlank(header)) headers.set(id, header.trim());
  }
  const activeKinds = new Set<string>();
  for (const id of headers.keys()) activeKinds.add(id.slice(0, id.indexOf(".")));
  for (const entry of MAPPING_SPECS) {
    const id = entry.key.slice("mapping.".length);
    if (activeKinds.has(id.slice(0, id.indexOf("."))))
      rows.push(line(entry, headers.get(id) ?? null));
  }

  for (const entry of PLAYBOOK_SPECS) rows.push(line(entry, entry.write(settings, lang)));

  const list = (key: string, values: string[]): ListValidationPlan => {
    const row = rows.findIndex((r) => r[0] === key);
    return { column: VALUE_COLUMN, rows: { firstRow: row, lastRow: row }, values };
  };
  return singleTableSheet(
    "settings",
    name ?? SHEET_NAMES.settings[lang],
    [[SETTINGS_TEXT.title[lang]], [SETTINGS_TEXT.intro[lang]]],
    {
      columns: [
        { key: COLUMN_KEYS[0], header: SETTINGS_HEADERS.key[lang], kind: "text", width: 30 },
        { key: COLUMN_KEYS[1], header: SETTINGS_HEADERS.item[lang], kind: "text", width: 28 },
        {
          key: COLUMN_KEYS[2],
          header: SETTINGS_HEADERS.value[lang],
          kind: "general",
          width: 48,
          manager: true,
        },
        {
          key: COLUMN_KEYS[3],
          header: SETTINGS_HEADERS.description[lang],
          kind: "text",
          width: 90,
        },
        // Computed each run: blank unless the scheme left most customers in one tier.
        { key: COLUMN_KEYS[4], header: SUGGESTED_HEADER[lang], kind: "general", width: 20 },
      ],
      rows,
      conditionalFormats: [],
      validations: [
        list("scheme", [...SCHEME_KEYS]),
        list("abc.combine", [...COMBINES]),
        list("maskPhones", [SETTINGS_TEXT.yes[lang], SETTINGS_TEXT.no[lang]]),
      ],
    },
    0
  );
}

/** `settings` with the suggested thresholds in place; null without a suggestion. */
function withSuggestion(settings: Settings, suggestion: BalanceSuggestion | null): Settings | null {
  if (!suggestion) return null;
  const next = structuredClone(settings);
  if (suggestion.fixed5) next.fixed5 = structuredClone(suggestion.fixed5);
  if (suggestion.abc) Object.assign(next.abc, structuredClone(suggestion.abc));
  return next;
}

/** The lines a suggestion fills: the bins and tier totals of fixed5, the bounds of abc. */
function suggestedKey(key: string, suggestion: BalanceSuggestion | null): boolean {
  if (!suggestion) return false;
  if (suggestion.fixed5 && key.startsWith("fixed5.")) return true;
  return suggestion.abc !== undefined && key.startsWith("abc.") && key !== "abc.combine";
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Groups whose values must keep their order for the rules to make sense. */
const ORDERED: Array<{ keys: string[]; direction: "up" | "down" }> = [
  { keys: BIN_POSITIONS.map((i) => binKey("recencyMaxDays", i)), direction: "up" },
  { keys: BIN_POSITIONS.map((i) => binKey("frequencyMin", i)), direction: "down" },
  { keys: BIN_POSITIONS.map((i) => binKey("monetaryMin", i)), direction: "down" },
  { keys: TIER_KEYS.map((t) => `fixed5.tierMinTotal.${t}`), direction: "down" },
  ...ABC_CRITERIA.map((c) => ({
    keys: ABC_GRADES.map((g) => `abc.${c}.${g}`),
    direction: "down" as const,
  })),
];

const HEADER_SCAN_ROWS = 50;
const MAX_SHOWN = 60;

function shown(cell: Cell): string {
  const t = cellText(cell);
  return t.length > MAX_SHOWN ? t.slice(0, MAX_SHOWN) + "…" : t;
}

function headerSet(texts: Record<Lang, string>): Set<string> {
  return new Set(LANGS.map((l) => normalizeHeader(texts[l])));
}

function originOf(grid: SheetGrid): { row: number; col: number } {
  const o = grid.origin;
  const ok = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  return { row: o && ok(o.row) ? o.row : 0, col: o && ok(o.col) ? o.col : 0 };
}

interface Found {
  cell: Cell;
  address: string;
}

/**
 * Reads a settings sheet written by any earlier run, in either language, after whatever a person did
 * to it. Missing lines keep the defaults; a bad value keeps the default for its setting and yields a
 * message naming its cell; a group of bins out of order falls back to its defaults as a whole.
 * Never throws.
 */
export function readSettingsSheet(
  grid: SheetGrid,
  lang: Lang
): { settings: Settings; problems: SettingsProblem[] } {
  const name = typeof grid?.name === "string" ? grid.name : "";
  try {
    return readSettings(grid, name, lang);
  } catch {
    // Defensive only: the reader is written not to throw; the defaults are always usable.
    return {
      settings: defaultSettings(),
      problems: [
        { address: name, key: "", message: settingsMessage(lang, "unreadable", { address: name }) },
      ],
    };
  }
}

function readSettings(
  grid: SheetGrid,
  name: string,
  lang: Lang
): { settings: Settings; problems: SettingsProblem[] } {
  const settings = defaultSettings();
  const defaults = defaultSettings();
  const problems: SettingsProblem[] = [];
  const values = Array.isArray(grid.values) ? grid.values : [];
  const origin = originOf(grid);
  const address = (row: number, col: number): string => {
    try {
      return cellAddress(name, origin.row + row, origin.col + col);
    } catch {
      return `${name}!R${origin.row + row + 1}C${origin.col + col + 1}`;
    }
  };

  // The header line: the first line with a key header (either language) among the first lines.
  const keyHeaders = headerSet(SETTINGS_HEADERS.key);
  const valueHeaders = headerSet(SETTINGS_HEADERS.value);
  let headerRow = -1;
  let keyCol = -1;
  let valueCol = -1;
  for (let r = 0; r < Math.min(values.length, HEADER_SCAN_ROWS) && headerRow < 0; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const h = normalizeHeader(row[c]);
      if (keyCol < 0 && keyHeaders.has(h)) keyCol = c;
      else if (valueCol < 0 && valueHeaders.has(h)) valueCol = c;
    }
    if (keyCol >= 0) headerRow = r;
    else valueCol = -1;
  }
  if (headerRow < 0) {
    const where = address(0, 0);
    problems.push({
      address: where,
      key: "",
      message: settingsMessage(lang, "no_header", { address: where }),
    });
    return { settings, problems };
  }
  // A value header that was renamed or removed: the value sits where the add-in writes it.
  if (valueCol < 0) valueCol = keyCol + VALUE_COLUMN;

  // Lines by key, never by position.
  const found = new Map<string, Found>();
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const keyCell = row[keyCol];
    if (isBlank(keyCell)) continue;
    const keyText = cellText(keyCell);
    const entry = SPEC_BY_LOOKUP.get(keyLookup(keyText));
    if (entry === undefined) {
      const where = address(r, keyCol);
      problems.push({
        address: where,
        key: keyText,
        message: settingsMessage(lang, "unknown_key", { address: where, key: shown(keyCell) }),
      });
      continue;
    }
    const where = address(r, valueCol);
    const first = found.get(entry.key);
    if (first !== undefined) {
      const keyWhere = address(r, keyCol);
      problems.push({
        address: keyWhere,
        key: entry.key,
        message: settingsMessage(lang, "duplicate_key", {
          address: keyWhere,
          key: entry.key,
          first: first.address,
        }),
      });
      continue;
    }
    found.set(entry.key, { cell: row[valueCol], address: where });
  }

  for (const entry of ALL_SPECS) {
    const line = found.get(entry.key);
    if (line === undefined) continue;
    const parsed = entry.parse(line.cell);
    if (parsed.ok) {
      entry.set(settings, parsed.value);
      continue;
    }
    const got = isBlank(line.cell)
      ? settingsMessage(lang, "got_blank")
      : settingsMessage(lang, "got", { value: shown(line.cell) });
    problems.push({
      address: line.address,
      key: entry.key,
      message: settingsMessage(lang, "bad_value", {
        address: line.address,
        label: label(entry, lang),
        rule: settingsMessage(lang, `rule_${parsed.rule}` as SettingsProblemKey, entry.ruleParams),
        got,
        default: entry.show(defaults, lang),
      }),
    });
  }

  checkOrder(settings, defaults, found, lang, problems, address(0, 0));
  return { settings, problems };
}

/** Bins and thresholds out of order: the whole group falls back to its defaults, each break is named. */
function checkOrder(
  settings: Settings,
  defaults: Settings,
  found: Map<string, Found>,
  lang: Lang,
  problems: SettingsProblem[],
  sheetAddress: string
): void {
  const specOf = (key: string) => SPEC_BY_KEY.get(key) as Spec;
  const where = (...keys: string[]) => {
    for (const k of keys) {
      const f = found.get(k);
      if (f !== undefined) return f.address;
    }
    return sheetAddress;
  };
  const defaultsText = (keys: string[]) =>
    keys.map((k) => specOf(k).show(defaults, lang)).join(" / ");
  const reset = (keys: string[]) => {
    for (const k of keys) specOf(k).copy(defaults, settings);
  };

  for (const { keys, direction } of ORDERED) {
    const v = keys.map((k) => specOf(k).number(settings));
    const breaks: SettingsProblem[] = [];
    for (let i = 1; i < keys.length; i++) {
      const ok = direction === "up" ? v[i] > v[i - 1] : v[i] < v[i - 1];
      if (ok) continue;
      const at = where(keys[i], keys[i - 1]);
      breaks.push({
        address: at,
        key: keys[i],
        message: settingsMessage(lang, direction === "up" ? "order_up" : "order_down", {
          address: at,
          label: label(specOf(keys[i]), lang),
          value: v[i],
          other: label(specOf(keys[i - 1]), lang),
          otherValue: v[i - 1],
          defaults: defaultsText(keys),
        }),
      });
    }
    if (breaks.length > 0) {
      problems.push(...breaks);
      reset(keys);
    }
  }

  // 100-point lines: general < high, and each potential line between them.
  const pct = PCT_KEYS.map((p) => `pct100.${p}`);
  const value = (key: string) => specOf(key).number(settings);
  const [highKey, , , , generalKey] = pct;
  const breaks: SettingsProblem[] = [];
  const high = value(highKey);
  const general = value(generalKey);
  if (!(general < high)) {
    const at = where(highKey, generalKey);
    breaks.push({
      address: at,
      key: highKey,
      message: settingsMessage(lang, "order_up", {
        address: at,
        label: label(specOf(highKey), lang),
        value: high,
        other: label(specOf(generalKey), lang),
        otherValue: general,
        defaults: defaultsText(pct),
      }),
    });
  } else {
    for (const key of pct.slice(1, 4)) {
      const v = value(key);
      if (v >= general && v <= high) continue;
      const at = where(key);
      breaks.push({
        address: at,
        key,
        message: settingsMessage(lang, "order_between", {
          address: at,
          label: label(specOf(key), lang),
          value: v,
          low: label(specOf(generalKey), lang),
          lowValue: general,
          high: label(specOf(highKey), lang),
          highValue: high,
          defaults: defaultsText(pct),
        }),
      });
    }
  }
  if (breaks.length > 0) {
    problems.push(...breaks);
    reset(pct);
  }
}
