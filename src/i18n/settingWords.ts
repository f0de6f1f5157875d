/**
 * The settings schema (`src/core/settingsSchema.ts`) in words: labels and descriptions of its lines,
 * values as the settings sheet and the pane show them, and the wording of its rules. Texts come from
 * the catalogue's `settings` section.
 */
import { formatSerial, normalizeHeader } from "../core/parse";
import {
  settingSpec,
  settingValue,
  type SettingGroup,
  type SettingKey,
  type SettingParts,
  type SettingRule,
} from "../core/settingsSchema";
import { ABC_COMBINES, type Settings } from "../core/settings";
import { familyOf, TIER_ORDER } from "../core/tiers";
import { SCHEME_KEYS, type Cell, type StrategyFamily } from "../core/types";
import { inEveryLang, strings } from ".";
import type { Lang } from "./lang";
import type { InputKind, SettingLineParams } from "./strings/settings";
import { FIELD_LISTS, isAscii } from "../core/vocabulary/headers";
import { familyLabel, tierLabel } from "./tiers";

/** The parameters of a line, as codes; mapping lines also name their input table and field. */
export interface LineParts extends SettingParts {
  input?: InputKind;
  field?: string;
}

export interface LineWords {
  label: string;
  /** The description, ending with the default value as shown. */
  description: (defaultShown: string) => string;
}

/** The fields of each input table that a mapping line can name. */
export function inputFields(kind: InputKind): string[] {
  return Object.keys(FIELD_LISTS[kind]);
}

/** A field's name as people know it: its first Chinese or first English header synonym. */
export function fieldLabel(kind: InputKind, field: string, lang: Lang): string {
  const names = FIELD_LISTS[kind][field] ?? [];
  const name = names.find((n) => (lang === "en-US" ? isAscii(n) : !isAscii(n)));
  return name ?? field;
}

/** The tiers of every scheme that feed one playbook, as the contact lines name them. */
function tiersOfFamily(family: StrategyFamily, lang: Lang): string {
  return TIER_ORDER.filter((t) => familyOf(t) === family)
    .map((t) => tierLabel(t, lang))
    .join(strings(lang).settings.tierSeparator);
}

/** Label and description of a line of `group`. */
export function lineWords(group: SettingGroup, parts: LineParts, lang: Lang): LineWords {
  const s = strings(lang).settings;
  const words = <G extends SettingGroup>(g: G, p: SettingLineParams[G]): LineWords => ({
    label: s.lines[g].label(p),
    description: (d) => s.lines[g].description({ ...p, default: d }),
  });
  const choices = <K extends string>(list: readonly K[], name: (k: K) => string) =>
    list.map((k) => `${k} = ${name(k)}`).join(s.choiceSeparator);
  const family = parts.family ?? "maintain";
  switch (group) {
    case "scheme":
      return words(group, {
        choices: choices(SCHEME_KEYS, (k) => strings(lang).schemes.label[k]),
      });
    case "abc.combine":
      return words(group, { choices: choices(ABC_COMBINES, (k) => s.abcCombine[k]) });
    case "weights":
      return words(group, { metric: (parts.weight ?? "").toUpperCase() });
    case "fixed5.recencyMaxDays":
    case "fixed5.frequencyMin":
    case "fixed5.monetaryMin":
      return words(group, { score: parts.score ?? 0 });
    case "abc.A":
    case "abc.B":
      return words(group, { criterion: s.abcCriterion[parts.criterion ?? "annualAmount"] });
    case "followup.cadenceDays":
      return words(group, { grade: parts.intent ?? "" });
    case "contact.days":
      return words(group, {
        family: familyLabel(family, lang),
        tiers: tiersOfFamily(family, lang),
      });
    case "playbook":
      return words(group, { family: familyLabel(family, lang) });
    case "mapping": {
      const input = parts.input ?? "customers";
      return words(group, {
        kind: s.inputKind[input],
        field: fieldLabel(input, parts.field ?? "", lang),
      });
    }
    default:
      return words(group, {});
  }
}

/** The label of a setting, as its line in the settings sheet shows it. */
export function settingLabel(key: SettingKey, lang: Lang): string {
  const spec = settingSpec(key);
  return lineWords(spec.group, spec.parts, lang).label;
}

/** A setting's value as the settings sheet writes it in its Value cell (null for blank). */
export function settingCell(
  settings: Settings,
  key: SettingKey,
  lang: Lang
): string | number | null {
  const value = settingValue(settings, key);
  const s = strings(lang).settings;
  switch (settingSpec(key).kind.form) {
    case "date":
      return typeof value === "number" ? formatSerial(value) : null;
    case "bool":
      return value ? s.yes : s.no;
    default:
      return typeof value === "number" || typeof value === "string" ? value : null;
  }
}

/** A setting's value as messages and descriptions show it ("today" for a blank as-of date). */
export function settingShown(settings: Settings, key: SettingKey, lang: Lang): string {
  const value = settingValue(settings, key);
  const s = strings(lang).settings;
  switch (settingSpec(key).kind.form) {
    case "date":
      return typeof value === "number" ? formatSerial(value) : s.today;
    case "bool":
      return value ? s.yes : s.no;
    case "money":
      return value === null ? s.notSet : String(value);
    default:
      return String(value);
  }
}

/** What a value must be, worded: "must be a whole number from 3 to 15". */
export function ruleText(rule: SettingRule, lang: Lang): string {
  const rules = strings(lang).settings.rules;
  switch (rule.rule) {
    case "int_range":
    case "range":
      return rules[rule.rule](rule);
    case "above_max":
      return rules.above_max(rule);
    case "choice":
      return rules.choice(rule);
    default:
      return rules[rule.rule]({});
  }
}

/** Scheme names in every language, as people may type them instead of the key. */
const SCHEME_BY_NAME = new Map<string, string>(
  SCHEME_KEYS.flatMap((k) =>
    Object.values(inEveryLang((s) => s.schemes.label[k])).map((name) => [normalizeHeader(name), k])
  )
);

/** A typed cell with names in words turned into the key the schema knows ("ABC 分级" → "abc"). */
export function keyedCell(key: SettingKey, cell: Cell): Cell {
  if (key !== "scheme" || typeof cell !== "string") return cell;
  return SCHEME_BY_NAME.get(normalizeHeader(cell)) ?? cell;
}
