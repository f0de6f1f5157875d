import type { ReadStrings } from "../strings/read";

export const read: ReadStrings = {
  empty_file: (p) =>
    `文件“${p.file}”是空的（0 字节），里面没有工作簿。请确认选对了文件，或从原处重新保存或下载一次。`,
  not_found: (p) => `找不到文件“${p.file}”。请检查路径和文件名。`,
  not_spreadsheet: (p) =>
    `文件“${p.file}”不是 Excel 工作簿。请用 Excel（或生成它的程序）打开，另存为“Excel 工作簿 (*.xlsx)”后再运行。`,
  damaged: (p) =>
    `文件“${p.file}”已损坏，无法读取。请用 Excel 打开（Excel 会提示修复），另存为新的 .xlsx 后再运行；或从原处（邮件附件、下载）重新获取该文件。`,
  damaged_part: (p) =>
    `文件“${p.file}”已损坏，无法读取（损坏部分：${p.part}）。请用 Excel 打开（Excel 会提示修复），另存为新的 .xlsx 后再运行；或从原处（邮件附件、下载）重新获取该文件。`,
  encrypted: (p) =>
    `文件“${p.file}”设置了打开密码，无法读取。请在 Excel 中打开，依次选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存，然后再运行。`,
  strict: (p) =>
    `文件“${p.file}”保存为“Strict Open XML 电子表格”格式，本工具不读取该格式。请在 Excel 中选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”，然后再运行。`,
  xls: (p) =>
    `文件“${p.file}”是旧版 Excel 97-2003 格式（.xls），本工具只读取 .xlsx。请在 Excel 中选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”，然后再运行。`,
  xlsb: (p) =>
    `文件“${p.file}”是 Excel 二进制工作簿（.xlsb），本工具只读取 .xlsx。请在 Excel 中选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”，然后再运行。`,
  ods: (p) =>
    `文件“${p.file}”是 OpenDocument 表格（.ods），本工具只读取 .xlsx。请在 LibreOffice 或 Excel 中另存为“Excel 工作簿 (*.xlsx)”，然后再运行。`,
  unpacks_too_large: (p) =>
    `文件“${p.file}”解压后的内容远大于正常工作簿（超过 2 GB，或远超文件本身的大小），为安全起见已停止读取。该文件可能已损坏或被人为构造。请确认文件来源；如果是您自己的文件，请在 Excel 中打开并另存为新的 .xlsx 后再运行。`,
  too_many_cells: (p) =>
    `文件“${p.file}”的单元格超过本工具一次可读取的上限（4000 万个单元格）。请将客户档案和订单表复制到一个新工作簿中，只保留需要的列，然后对新文件运行。`,
  writeFailure: (p) =>
    `已读取并评分“${p.file}”，但无法写出结果工作簿（${p.detail}）。没有写出任何文件，原文件未被改动。如果原工作簿中有与本插件工作表同名的图表工作表，请先将其改名后再运行。`,
};
