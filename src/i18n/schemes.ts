import type { SchemeKey } from "../core/types";
import { strings, type Lang } from ".";

export function schemeLabel(scheme: SchemeKey, lang: Lang): string {
  return strings(lang).schemes.label[scheme];
}
