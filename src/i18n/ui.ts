import type { Lang } from "./lang";

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
  readingStage: { "zh-CN": "正在读取工作表…", "en-US": "Reading the sheets…" },
  writingStage: { "zh-CN": "正在写入结果…", "en-US": "Writing the results…" },
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
  customers: { "zh-CN": "客户 {count} 个", "en-US": "{count} customers" },
  quality: { "zh-CN": "跳过或存疑的单元格", "en-US": "Skipped or doubtful cells" },
  noIssues: { "zh-CN": "没有跳过任何行。", "en-US": "No rows skipped." },
  failed: { "zh-CN": "出错了：{message}", "en-US": "Something went wrong: {message}" },
  preview: {
    "zh-CN": "预览：尚未写入工作簿，点击“客户评分”写入。",
    "en-US": "Preview: nothing written yet; Score customers writes the sheets.",
  },
  finished: { "zh-CN": "评分完成。", "en-US": "Scoring finished." },
  checking: { "zh-CN": "正在检查工作簿…", "en-US": "Checking the workbook…" },
  checkAgain: { "zh-CN": "重新检查工作簿", "en-US": "Check the workbook again" },
  settingsTitle: { "zh-CN": "评分设置", "en-US": "Scoring settings" },
  settingsHint: {
    "zh-CN": "评分时，这里的修改会保存到“设置”表，下次（包括功能区按钮）照此评分。",
    "en-US":
      "When you score, changes made here are saved in the Settings sheet and used by later runs, the ribbon button included.",
  },
  asOfHint: { "zh-CN": "留空表示今天。", "en-US": "Blank means today." },
  weightsTitle: { "zh-CN": "加权得分的权重", "en-US": "Weights of the weighted score" },
  thresholdsTitle: { "zh-CN": "本方案的阈值", "en-US": "Thresholds of this scheme" },
  noThresholds: {
    "zh-CN": "此方案按五等分自动划分，没有需要设置的阈值。",
    "en-US": "This scheme splits customers into fifths by itself; it has no thresholds to set.",
  },
  fixErrors: {
    "zh-CN": "请先更正标红的设置，再评分。",
    "en-US": "Correct the settings marked in red before scoring.",
  },
  columnsTitle: { "zh-CN": "识别到的表和列", "en-US": "Recognised sheets and columns" },
  columnsHint: {
    "zh-CN": "识别有误时，从下拉列表选择正确的列；评分时保存到“设置”表。",
    "en-US":
      "If a column was recognised wrongly, pick the right one; it is saved in the Settings sheet when you score.",
  },
  tableOf: {
    "zh-CN": "{kind}：工作表“{sheet}”，表头在第 {row} 行",
    "en-US": "{kind}: sheet “{sheet}”, headers on row {row}",
  },
  missingColumns: {
    "zh-CN": "未使用：缺少必需的列“{fields}”。请在下面为它选择对应的列。",
    "en-US": "Not used: the required column {fields} was not found. Pick it below.",
  },
  automatic: { "zh-CN": "（未找到 / 自动识别）", "en-US": "(not found / automatic)" },
  settingsProblems: {
    "zh-CN": "以下设置无法使用，已改用默认值：",
    "en-US": "These settings could not be used; their defaults were used instead:",
  },
  planning: {
    "zh-CN": "正在生成结果表 {done}/{total}…",
    "en-US": "Preparing the result sheets {done}/{total}…",
  },
  planningStage: { "zh-CN": "正在生成结果表…", "en-US": "Preparing the result sheets…" },
  cancel: { "zh-CN": "取消", "en-US": "Cancel" },
  cancelling: { "zh-CN": "正在取消…", "en-US": "Cancelling…" },
  cancelled: {
    "zh-CN": "已取消，工作簿没有任何改动。",
    "en-US": "Cancelled. Nothing in the workbook was changed.",
  },
  cancelled_writing: {
    "zh-CN":
      "已在写入途中停止：部分结果表可能只更新了一半，您的输入表没有改动。再次点击“客户评分”即可补全。",
    "en-US":
      "Stopped while writing: some result sheets may be half updated; your own sheets are unchanged. Click Score customers again to complete them.",
  },
  response_too_large: {
    "zh-CN":
      "Excel 一次交给加载项的数据超出上限（网页版 Excel 每次 5 MB），分小块重试后仍然失败。请重试；若仍失败，请把很长的文字（如备注、沟通记录）移到单独的工作表，或改用 Windows/Mac 版 Excel。",
    "en-US":
      "Excel could not hand over a part of the workbook within its limit (5 MB at a time in Excel on the web), even in smaller pieces. Try again; if it still fails, move very long texts (notes, call histories) to a separate sheet, or use Excel on Windows or Mac.",
  },
  access_denied: {
    "zh-CN":
      "Excel 拒绝修改工作表：结果表（如“客户分层”“设置”）或整个工作簿受保护。请在“审阅”选项卡中撤消工作表保护或工作簿保护，然后再次评分。",
    "en-US":
      "Excel refused to change a sheet: one of the result sheets (such as Customer Tiers or Settings) or the workbook is protected. Unprotect it on the Review tab (Unprotect Sheet / Protect Workbook), then score again.",
  },
  item_not_found: {
    "zh-CN":
      "找不到工作表或单元格：它可能在检查之后被重命名或删除。请点击“重新检查工作簿”刷新列表，然后重试。",
    "en-US":
      "A sheet or cell was not found: it may have been renamed or deleted since the check. Click Check the workbook again to refresh the list, then try again.",
  },
  excel_failed: {
    "zh-CN":
      "Excel 暂时无法完成操作（{detail}）。请稍等片刻再试；若反复出现，请保存并重新打开工作簿。",
    "en-US":
      "Excel could not complete the operation ({detail}). Wait a moment and try again; if it keeps happening, save and reopen the workbook.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof UI;

export function ui(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return UI[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** Office's display language ("zh-CN", "zh-TW", "en-GB", ...) to one of ours. */
export function langOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
