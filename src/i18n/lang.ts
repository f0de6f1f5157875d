/** The product's two languages. Words live under `src/i18n/`; the core never sees a language. */
export const LANGS = ["zh-CN", "en-US"] as const;
export type Lang = (typeof LANGS)[number];
