import { inEveryLang, type Strings } from "../i18n";
import type { Lang } from "../i18n/lang";

/**
 * A catalogue group of texts by key, in both languages: what `findTable` needs to find our own
 * columns again whichever language wrote them.
 */
export function bothLangs<K extends string>(
  pick: (s: Strings) => Record<K, string>
): Record<K, Record<Lang, string>> {
  const byLang = inEveryLang(pick);
  const out = {} as Record<K, Record<Lang, string>>;
  for (const key of Object.keys(byLang["zh-CN"]) as K[])
    out[key] = { "zh-CN": byLang["zh-CN"][key], "en-US": byLang["en-US"][key] };
  return out;
}
