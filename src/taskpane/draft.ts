import { cellText } from "../core/parse";
import type { Settings } from "../core/settings";
import { thresholdKeys, withSettingCell, type SettingKey } from "../core/settingsSchema";
import { SCHEME_KEYS, type SchemeKey } from "../core/types";
import type { Lang } from "../i18n/lang";
import { keyedCell, ruleText, settingCell } from "../i18n/settingWords";

/**
 * The pane's settings form, pure: what the user typed, what it means, and which choices go with the
 * next run. Only settings the user touched are sent (as whole groups, e.g. all of `fixed5`), so a
 * colleague's edit of the settings sheet made while the pane was open is not overwritten.
 */
export interface Draft {
  /** The settings the last run used (settings sheet, then earlier choices), with valid edits applied. */
  settings: Settings;
  /** Text as typed since the last run, per setting key (shown instead of the settings' own text). */
  texts: Record<string, string>;
  /** Why a typed text cannot be used, per setting key. */
  errors: Record<string, string>;
  touched: ReadonlySet<keyof Settings>;
}

export function draftOf(
  settings: Settings,
  touched: ReadonlySet<keyof Settings> = new Set()
): Draft {
  return { settings, texts: {}, errors: {}, touched };
}

/** A setting's value as the settings sheet would show it in its Value cell ("" for blank). */
export function settingText(settings: Settings, key: SettingKey, lang: Lang): string {
  return cellText(settingCell(settings, key, lang) ?? "");
}

/**
 * `settings` with one setting set from text typed in the pane, parsed by the same rule as the
 * settings sheet's cell; a refused value returns that rule's wording instead ("must be a whole
 * number from 3 to 15"). Order between settings is checked when the choices are applied (planWorkbook).
 */
export function withSettingText(
  settings: Settings,
  key: SettingKey,
  text: string,
  lang: Lang
): { ok: true; settings: Settings } | { ok: false; message: string } {
  const result = withSettingCell(settings, key, keyedCell(key, text));
  return result.ok ? result : { ok: false, message: ruleText(result.rule, lang) };
}

/** The group of Settings a setting key belongs to: `fixed5.tierMinTotal.potential` is in `fixed5`. */
function groupOf(key: string): keyof Settings {
  return key.split(".")[0] as keyof Settings;
}

/** The text a field shows: what was typed, else the setting's value as the settings sheet shows it. */
export function fieldText(draft: Draft, key: SettingKey, lang: Lang): string {
  return draft.texts[key] ?? settingText(draft.settings, key, lang);
}

/** One field typed into; a refused text stays on screen with the rule's wording. */
export function typeSetting(draft: Draft, key: SettingKey, text: string, lang: Lang): Draft {
  const texts = { ...draft.texts, [key]: text };
  const errors = { ...draft.errors };
  const result = withSettingText(draft.settings, key, text, lang);
  if (!result.ok) {
    errors[key] = result.message;
    return { ...draft, texts, errors };
  }
  delete errors[key];
  const touched = new Set(draft.touched).add(groupOf(key));
  if (key === "scheme") dropHiddenThresholds(texts, errors, result.settings.scheme);
  return { settings: result.settings, texts, errors, touched };
}

/** Another scheme's thresholds leave the form: text typed there must not keep Score blocked. */
function dropHiddenThresholds(
  texts: Record<string, string>,
  errors: Record<string, string>,
  scheme: SchemeKey
): void {
  const shown = new Set<string>(thresholdKeys(scheme));
  const isThreshold = (key: string) => SCHEME_KEYS.some((s) => key.startsWith(`${s}.`));
  for (const key of Object.keys(errors))
    if (isThreshold(key) && !shown.has(key)) {
      delete errors[key];
      delete texts[key];
    }
}

/** The column a field is read from: a header text, or "" for automatic recognition. */
export function mapColumn(draft: Draft, kind: string, field: string, header: string): Draft {
  const columnMapping = { ...draft.settings.columnMapping };
  if (header === "") delete columnMapping[`${kind}.${field}`];
  else columnMapping[`${kind}.${field}`] = header;
  const touched = new Set(draft.touched).add("columnMapping");
  return { ...draft, settings: { ...draft.settings, columnMapping }, touched };
}

/** The choices to send with the next run: every touched group, whole. */
export function overridesOf(draft: Draft): Partial<Settings> {
  const overrides: Record<string, unknown> = {};
  for (const key of draft.touched) overrides[key] = structuredClone(draft.settings[key]);
  return overrides as Partial<Settings>;
}

export function hasErrors(draft: Draft): boolean {
  return Object.keys(draft.errors).length > 0;
}

/**
 * After a run: the settings it used, keeping any text still waiting to be corrected. Once a score has
 * saved the choices in the settings sheet they are no longer the pane's to send: the sheet holds them.
 */
export function rebase(draft: Draft, settings: Settings, saved: boolean): Draft {
  const texts: Record<string, string> = {};
  for (const key of Object.keys(draft.errors)) texts[key] = draft.texts[key];
  return { settings, texts, errors: draft.errors, touched: saved ? new Set() : draft.touched };
}
