import type { Lang, SchemeKey } from "../core/types";

export const SCHEME_LABELS: Record<SchemeKey, Record<Lang, string>> = {
  fixed5: { "zh-CN": "五分制固定区间", "en-US": "Five-point fixed bins" },
  pct100: { "zh-CN": "百分制百分位", "en-US": "100-point percentiles" },
  quintile11: { "zh-CN": "五等分 11 类客户", "en-US": "Quintiles, 11 segments" },
  abc: { "zh-CN": "ABC 分级", "en-US": "ABC grading" },
};

export function schemeLabel(scheme: SchemeKey, lang: Lang): string {
  return SCHEME_LABELS[scheme][lang];
}
