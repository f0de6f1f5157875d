import type { Lang } from "../core/types";

/** Task pane wording, both languages. */
const UI = {
  title: { "zh-CN": "客户价值分层", "en-US": "Customer tiers" },
  intro: {
    "zh-CN":
      "读取本工作簿的客户档案和订单表，按 RFM 为客户评分分层。数据只在本机计算，不会发送到任何地方。",
    "en-US":
      "Reads this workbook's customer archive and orders, and scores and tiers every customer by RFM. Everything is computed here; no data leaves the workbook.",
  },
  preview: { "zh-CN": "预览分层", "en-US": "Preview tiers" },
  reading: { "zh-CN": "正在读取 {read}/{total} 行…", "en-US": "Reading {read}/{total} rows…" },
  scoring: { "zh-CN": "正在评分…", "en-US": "Scoring…" },
  customers: { "zh-CN": "客户 {count} 个", "en-US": "{count} customers" },
  quality: { "zh-CN": "跳过或存疑的单元格", "en-US": "Skipped or doubtful cells" },
  noIssues: { "zh-CN": "没有跳过任何行。", "en-US": "No rows skipped." },
  failed: { "zh-CN": "出错了：{message}", "en-US": "Something went wrong: {message}" },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof UI;

export function ui(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return UI[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** Office's display language ("zh-CN", "zh-TW", "en-GB", ...) to one of ours. */
export function langOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
