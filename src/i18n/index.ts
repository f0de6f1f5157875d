import type { Lang } from "./lang";
import type { Strings } from "./strings";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

export type { Lang } from "./lang";
export type { Strings } from "./strings";

const CATALOGUES: Record<Lang, Strings> = { "zh-CN": zhCN, "en-US": enUS };

/** The catalogue of one language: `strings(lang).schemes.label.abc`. */
export function strings(lang: Lang): Strings {
  return CATALOGUES[lang];
}

/** One text in every language, e.g. to recognise a value typed in either: `inEveryLang((s) => s.schemes.label.abc)`. */
export function inEveryLang<T>(pick: (s: Strings) => T): Record<Lang, T> {
  return { "zh-CN": pick(zhCN), "en-US": pick(enUS) };
}

/**
 * A table of texts by key in every language, e.g. headers to recognise: `byKeyInEveryLang((s) =>
 * s.sheets.tierHeaders)`.
 */
export function byKeyInEveryLang<K extends string>(
  pick: (s: Strings) => Record<K, string>
): Record<K, Record<Lang, string>> {
  const zh = pick(zhCN);
  const en = pick(enUS);
  const out = {} as Record<K, Record<Lang, string>>;
  for (const key of Object.keys(zh) as K[]) out[key] = { "zh-CN": zh[key], "en-US": en[key] };
  return out;
}
