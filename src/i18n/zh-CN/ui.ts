import type { UiStrings } from "../strings/ui";

export const ui: UiStrings = {
  title: "客户价值分层",
  intro:
    "读取本工作簿的客户档案和订单表，按 RFM 为客户评分分层。数据只在本机计算，不会发送到任何地方。",
  score: "客户评分",
  reading: (p) => `正在读取 ${p.done}/${p.total} 行…`,
  scoring: "正在评分…",
  readingStage: "正在读取工作表…",
  writingStage: "正在写入结果…",
  writing: (p) => `正在写入 ${p.done}/${p.total} 行…`,
  written: (p) => `已写入：${p.sheets}`,
  qualityHint: "点击条目可在工作簿中选中该单元格。",
  customers: (p) => `客户 ${p.count} 个`,
  quality: "跳过或存疑的单元格",
  noIssues: "没有跳过任何行。",
  failed: (p) => `出错了：${p.message}`,
  preview: "预览：尚未写入工作簿，点击“客户评分”写入。",
  finished: "评分完成。",
  checking: "正在检查工作簿…",
  checkAgain: "重新检查工作簿",
  settingsTitle: "评分设置",
  settingsHint: "评分时，这里的修改会保存到“设置”表，下次（包括功能区按钮）照此评分。",
  asOfHint: "留空表示今天。",
  weightsTitle: "加权得分的权重",
  thresholdsTitle: "本方案的阈值",
  noThresholds: "此方案按五等分自动划分，没有需要设置的阈值。",
  fixErrors: "请先更正标红的设置，再评分。",
  columnsTitle: "识别到的表和列",
  columnsHint: "识别有误时，从下拉列表选择正确的列；评分时保存到“设置”表。",
  tableOf: (p) => `${p.kind}：工作表“${p.sheet}”，表头在第 ${p.row} 行`,
  missingColumns: (p) => `未使用：缺少必需的列“${p.fields}”。请在下面为它选择对应的列。`,
  automatic: "（未找到 / 自动识别）",
  settingsProblems: "以下设置无法使用，已改用默认值：",
  planning: (p) => `正在生成结果表 ${p.done}/${p.total}…`,
  planningStage: "正在生成结果表…",
  cancel: "取消",
  cancelling: "正在取消…",
  errors: {
    cell_edit_mode: "Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。",
    request_too_large:
      "数据量超出 Excel 单次请求的上限，请重试；若仍失败，请删除不需要的列后再试。",
    busy: "上一次评分尚未完成，请稍候。",
    response_too_large:
      "Excel 一次交给加载项的数据超出上限（网页版 Excel 每次 5 MB），分小块重试后仍然失败。请重试；若仍失败，请把很长的文字（如备注、沟通记录）移到单独的工作表，或改用 Windows/Mac 版 Excel。",
    access_denied:
      "Excel 拒绝修改工作表：结果表（如“客户分层”“设置”）或整个工作簿受保护。请在“审阅”选项卡中撤消工作表保护或工作簿保护，然后再次评分。",
    item_not_found:
      "找不到工作表或单元格：它可能在检查之后被重命名或删除。请点击“重新检查工作簿”刷新列表，然后重试。",
    excel_failed: (p) =>
      `Excel 暂时无法完成操作（${p.detail}）。请稍等片刻再试；若反复出现，请保存并重新打开工作簿。`,
    cancelled: "已取消，工作簿没有任何改动。",
    cancelled_writing:
      "已在写入途中停止：部分结果表可能只更新了一半，您的输入表没有改动。再次点击“客户评分”即可补全。",
    run_in_pane: (p) =>
      `这个工作簿有 ${p.detail} 行数据，用功能区按钮评分可能超出 Office 给按钮命令的时间。请在“开始”选项卡点击“打开面板”，在面板中评分：可以看到进度，也可以随时取消。工作簿没有任何改动。`,
  },
};
