/** The product's two languages. Words live under `src/i18n/`; the core never sees a language. */
export const LANGS = ["zh-CN", "en-US"] as const;
export type Lang = (typeof LANGS)[number];

/** Office's display language ("zh-CN", "zh-TW", "en-GB", ...) to one of ours. */
export function langOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
