/**
 * The settings sheet (设置 / Settings): every setting as a plain line a person can read and edit
 * (key, label, value, description). The add-in writes it and reads it back on the next run, so a
 * colleague who receives the workbook by email scores it the same way.
 *
 * Lines are found again by their key, never by position: lines may be reordered or deleted (a deleted
 * line brings the default back). Keys are the same in every language, so a sheet written in English
 * reads the same in a Chinese Excel. A value that cannot be used keeps the default and yields a message
 * naming its cell. The settings, their kinds and their order rules are the schema's
 * (`src/core/settingsSchema.ts`); this module only lays them out as lines and finds them again.
 */
import { cellAddress } from "../core/address";
import { cellText, foldWidth, isBlank, normalizeHeader } from "../core/parse";
import type { BalanceSuggestion } from "../core/balance";
import { ABC_COMBINES, defaultSettings, type Settings } from "../core/settings";
import {
  applySettings,
  FAMILIES,
  SETTING_SPECS,
  settingSpec,
  settingValue,
  type SettingGroup,
  type SettingKey,
  type SettingProblem,
} from "../core/settingsSchema";
import { SCHEME_KEYS, type Cell, type SheetGrid, type StrategyFamily } from "../core/types";
import { isDefaultPlaybook, playbookText } from "./playbooks";
import { strings } from "../i18n";
import { LANGS, type Lang } from "../i18n/lang";
import {
  inputFields,
  keyedCell,
  lineWords,
  ruleText,
  settingCell,
  settingShown,
  type LineParts,
} from "../i18n/settingWords";
import type { InputKind } from "../i18n/strings/settings";
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
// The lines of the sheet

interface Line {
  key: string;
  group: SettingGroup;
  parts: LineParts;
  /** The schema's setting; mapping and playbook lines are free text this sheet keeps itself. */
  setting?: SettingKey;
  write(s: Settings, lang: Lang): PlanCell;
  /** The value as a description's default shows it. */
  show(s: Settings, lang: Lang): string;
  /** Free-text lines: the text read from the line's cell, set in `s` (never refused). */
  read?(s: Settings, cell: Cell): void;
}

const SCHEMA_LINES: Line[] = SETTING_SPECS.map((spec) => ({
  key: spec.key,
  group: spec.group,
  parts: spec.parts,
  setting: spec.key,
  write: (s, lang) => settingCell(s, spec.key, lang),
  show: (s, lang) => settingShown(s, spec.key, lang),
}));

/** Free text; blank is null (the setting's automatic behaviour). */
function textOf(cell: Cell): string | null {
  const t = cellText(cell).trim();
  return isBlank(t) ? null : t;
}

const INPUT_KINDS: readonly InputKind[] = ["customers", "orders", "followups"];

/** One line per field of each input kind: value is the header text; blank means automatic. */
const MAPPING_LINES: Line[] = INPUT_KINDS.flatMap((input) =>
  inputFields(input).map((field): Line => {
    const id = `${input}.${field}`;
    return {
      key: `mapping.${id}`,
      group: "mapping",
      parts: { input, field },
      write: (s) => s.columnMapping[id] ?? null,
      show: (s) => s.columnMapping[id] ?? "",
      read(s, cell) {
        const v = textOf(cell);
        if (v === null) delete s.columnMapping[id];
        else s.columnMapping[id] = v;
      },
    };
  })
);

/** The effective playbook text is written; reading back a default text (either language) is no override. */
const PLAYBOOK_LINES: Line[] = FAMILIES.map((family: StrategyFamily): Line => ({
  key: `playbook.${family}`,
  group: "playbook",
  parts: { family },
  write: (s, lang) => playbookText(s, family, lang),
  show: (s) => s.playbooks[family] ?? "",
  read(s, cell) {
    const v = textOf(cell);
    if (v === null || isDefaultPlaybook(family, v)) delete s.playbooks[family];
    else s.playbooks[family] = v;
  },
}));

const FREE_LINES: Line[] = [...MAPPING_LINES, ...PLAYBOOK_LINES];
const ALL_LINES: Line[] = [...SCHEMA_LINES, ...FREE_LINES];

/** Keys as people may retype them: width folded, spaces dropped, case ignored. */
function keyLookup(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").toLowerCase();
}
const LINE_BY_LOOKUP = new Map(ALL_LINES.map((l) => [keyLookup(l.key), l]));

function labelOf(line: Line, lang: Lang): string {
  return lineWords(line.group, line.parts, lang).label;
}

function descriptionOf(line: Line, lang: Lang, defaults: Settings): string {
  return lineWords(line.group, line.parts, lang).description(line.show(defaults, lang));
}

// ---------------------------------------------------------------------------------------------
// Writing

const COLUMN_KEYS = ["key", "item", "value", "description", "suggested"] as const;
const VALUE_COLUMN = 2;
/** The title and intro lines above the table (planSettingsSheet's preamble). */
const PREAMBLE_LINES = 2;

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
  const words = strings(lang).settings;
  const defaults = defaultSettings();
  const suggested = withSuggestion(settings, info.suggestion ?? null);
  const line = (entry: Line, value: PlanCell): PlanCell[] => [
    entry.key,
    labelOf(entry, lang),
    value,
    descriptionOf(entry, lang, defaults),
    suggested !== null && suggestedKey(entry.key, info.suggestion ?? null)
      ? entry.write(suggested, lang)
      : null,
  ];
  const rows: PlanCell[][] = SCHEMA_LINES.map((entry) => line(entry, entry.write(settings, lang)));

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
  for (const entry of MAPPING_LINES) {
    const id = entry.key.slice("mapping.".length);
    if (activeKinds.has(id.slice(0, id.indexOf("."))))
      rows.push(line(entry, headers.get(id) ?? null));
  }

  for (const entry of PLAYBOOK_LINES) rows.push(line(entry, entry.write(settings, lang)));

  const list = (key: string, values: string[]): ListValidationPlan => {
    const row = rows.findIndex((r) => r[0] === key);
    return { column: VALUE_COLUMN, rows: { firstRow: row, lastRow: row }, values };
  };
  return singleTableSheet(
    "settings",
    name ?? strings(lang).sheets.names.settings,
    [[words.title], [words.intro]],
    {
      columns: [
        { key: COLUMN_KEYS[0], header: words.headers.key, kind: "text", width: 30 },
        { key: COLUMN_KEYS[1], header: words.headers.item, kind: "text", width: 28 },
        {
          key: COLUMN_KEYS[2],
          header: words.headers.value,
          kind: "general",
          width: 48,
          manager: true,
        },
        {
          key: COLUMN_KEYS[3],
          header: words.headers.description,
          kind: "text",
          width: 90,
        },
        // Computed each run: blank unless the scheme left most customers in one tier.
        {
          key: COLUMN_KEYS[4],
          header: strings(lang).balance.suggestedHeader,
          kind: "general",
          width: 20,
        },
      ],
      rows,
      conditionalFormats: [],
      validations: [
        list("scheme", [...SCHEME_KEYS]),
        list("abc.combine", [...ABC_COMBINES]),
        list("maskPhones", [words.yes, words.no]),
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
// Problems in words

const MAX_SHOWN = 60;

function shown(cell: Cell): string {
  const t = cellText(cell);
  return t.length > MAX_SHOWN ? t.slice(0, MAX_SHOWN) + "…" : t;
}

/**
 * The schema's problems worded, each naming its cell: `addressOf` gives the cell of a setting's
 * value (undefined when the sheet has no line for it; the sheet's own address is used then).
 */
function worded(
  problems: readonly SettingProblem[],
  addressOf: (key: SettingKey) => string | undefined,
  sheetAddress: string,
  lang: Lang
): SettingsProblem[] {
  const words = strings(lang).settings.problems;
  const defaults = defaultSettings();
  const label = (key: SettingKey) =>
    lineWords(settingSpec(key).group, settingSpec(key).parts, lang).label;
  const where = (keys: readonly SettingKey[]) => {
    for (const k of keys) {
      const a = addressOf(k);
      if (a !== undefined) return a;
    }
    return sheetAddress;
  };
  const defaultsText = (keys: readonly SettingKey[]) =>
    keys.map((k) => settingShown(defaults, k, lang)).join(" / ");
  return problems.map((p): SettingsProblem => {
    switch (p.code) {
      case "bad_value": {
        const address = where([p.key]);
        return {
          address,
          key: p.key,
          message: words.badValue({
            address,
            label: label(p.key),
            rule: ruleText(p.rule, lang),
            got: isBlank(p.value) ? words.gotBlank : words.got({ value: shown(p.value) }),
            default: settingShown(defaults, p.key, lang),
          }),
        };
      }
      case "order_up":
      case "order_down": {
        const address = where(p.at);
        const params = {
          address,
          label: label(p.key),
          value: p.value,
          other: label(p.other),
          otherValue: p.otherValue,
          defaults: defaultsText(p.group),
        };
        return {
          address,
          key: p.key,
          message: p.code === "order_up" ? words.orderUp(params) : words.orderDown(params),
        };
      }
      case "order_between": {
        const address = where(p.at);
        return {
          address,
          key: p.key,
          message: words.orderBetween({
            address,
            label: label(p.key),
            value: p.value,
            low: label(p.low),
            lowValue: p.lowValue,
            high: label(p.high),
            highValue: p.highValue,
            defaults: defaultsText(p.group),
          }),
        };
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Choices made for a run (task pane, command line)

/**
 * `settings` with the choices of a run over it, by the same rules as the settings sheet's lines (they
 * are saved there): a group out of order falls back to its defaults, with a message naming the cell
 * its line will have in the sheet called `sheetName`. Each given choice replaces the whole of its
 * group (a `fixed5` object replaces all its bins).
 */
export function withChoices(
  settings: Settings,
  choices: Partial<Settings>,
  lang: Lang,
  sheetName: string
): { settings: Settings; problems: SettingsProblem[] } {
  const merged: Settings = { ...settings };
  for (const [key, value] of Object.entries(choices))
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  const values = new Map<SettingKey, Cell>(
    SETTING_SPECS.map((spec) => [spec.key, settingValue(merged, spec.key) as Cell])
  );
  const applied = applySettings(values);
  // Free text is kept as a line of the sheet keeps it: trimmed, blank and default texts dropped.
  for (const line of FREE_LINES) line.read?.(applied.settings, line.write(merged, lang));
  const row = new Map(SETTING_SPECS.map((spec, i) => [spec.key, PREAMBLE_LINES + 1 + i]));
  const addressOf = (key: SettingKey) => {
    const r = row.get(key);
    return r === undefined ? undefined : cellAddress(sheetName, r, VALUE_COLUMN);
  };
  return {
    settings: applied.settings,
    problems: worded(applied.problems, addressOf, cellAddress(sheetName, 0, 0), lang),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

const HEADER_SCAN_ROWS = 50;

function headerSet(
  pick: (h: ReturnType<typeof strings>["settings"]["headers"]) => string
): Set<string> {
  return new Set(LANGS.map((l) => normalizeHeader(pick(strings(l).settings.headers))));
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
        {
          address: name,
          key: "",
          message: strings(lang).settings.problems.unreadable({ address: name }),
        },
      ],
    };
  }
}

function readSettings(
  grid: SheetGrid,
  name: string,
  lang: Lang
): { settings: Settings; problems: SettingsProblem[] } {
  const words = strings(lang).settings.problems;
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
  const keyHeaders = headerSet((h) => h.key);
  const valueHeaders = headerSet((h) => h.value);
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
    problems.push({ address: where, key: "", message: words.noHeader({ address: where }) });
    return { settings: defaultSettings(), problems };
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
    const entry = LINE_BY_LOOKUP.get(keyLookup(keyText));
    if (entry === undefined) {
      const where = address(r, keyCol);
      problems.push({
        address: where,
        key: keyText,
        message: words.unknownKey({ address: where, key: shown(keyCell) }),
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
        message: words.duplicateKey({ address: keyWhere, key: entry.key, first: first.address }),
      });
      continue;
    }
    found.set(entry.key, { cell: row[valueCol], address: where });
  }

  const given = new Map<SettingKey, Cell>();
  for (const spec of SETTING_SPECS) {
    const line = found.get(spec.key);
    if (line !== undefined) given.set(spec.key, keyedCell(spec.key, line.cell));
  }
  const applied = applySettings(given);
  // A refused value is reported as the person typed it, not as its key.
  const typed = applied.problems.map((p) =>
    p.code === "bad_value" ? { ...p, value: found.get(p.key)?.cell ?? p.value } : p
  );
  problems.push(...worded(typed, (key) => found.get(key)?.address, address(0, 0), lang));
  for (const line of FREE_LINES) {
    const at = found.get(line.key);
    if (at !== undefined) line.read?.(applied.settings, at.cell);
  }
  return { settings: applied.settings, problems };
}
