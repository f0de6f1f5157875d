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
  score: { "zh-CN": "客户评分", "en-US": "Score customers" },
  reading: { "zh-CN": "正在读取 {done}/{total} 行…", "en-US": "Reading {done}/{total} rows…" },
  scoring: { "zh-CN": "正在评分…", "en-US": "Scoring…" },
  writing: { "zh-CN": "正在写入 {done}/{total} 行…", "en-US": "Writing {done}/{total} rows…" },
  written: { "zh-CN": "已写入：{sheets}", "en-US": "Written: {sheets}" },
  qualityHint: {
    "zh-CN": "点击条目可在工作簿中选中该单元格。",
    "en-US": "Click an entry to select its cell in the workbook.",
  },
  cell_edit_mode: {
    "zh-CN": "Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。",
    "en-US": "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  request_too_large: {
    "zh-CN": "数据量超出 Excel 单次请求的上限，请重试；若仍失败，请删除不需要的列后再试。",
    "en-US":
      "The data exceeded Excel's request limit. Try again; if it still fails, remove unneeded columns.",
  },
  busy: {
    "zh-CN": "上一次评分尚未完成，请稍候。",
    "en-US": "The previous run is still going; please wait.",
  },
  not_supported: {
    "zh-CN": "此版本的 Excel 不支持本加载项（需要 ExcelApi 1.9）。",
    "en-US": "This version of Excel does not support the add-in (ExcelApi 1.9 is needed).",
  },
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
