import type { ReadFailureCode } from "../core/readFailure";
import type { Lang } from "./lang";

/**
 * What the command line (and the workbench) says when a file cannot be read: what is wrong, then
 * what to do. Both languages side by side. Placeholders: {file} the file's name, {part} a part.
 */
const READ_MESSAGES: Record<
  ReadFailureCode | "damaged_part" | "not_found",
  Record<Lang, string>
> = {
  empty_file: {
    "zh-CN":
      "文件“{file}”是空的（0 字节），里面没有工作簿。请确认选对了文件，或从原处重新保存或下载一次。",
    "en-US":
      'The file "{file}" is empty (0 bytes): there is no workbook in it. Check that it is the right file, or save or download it again.',
  },
  not_found: {
    "zh-CN": "找不到文件“{file}”。请检查路径和文件名。",
    "en-US": 'The file "{file}" was not found. Check the path and the file name.',
  },
  not_spreadsheet: {
    "zh-CN":
      "文件“{file}”不是 Excel 工作簿。请用 Excel（或生成它的程序）打开，另存为“Excel 工作簿 (*.xlsx)”后再运行。",
    "en-US":
      '"{file}" is not an Excel workbook. Open it in Excel (or the program that made it), save it as "Excel Workbook (*.xlsx)", and run again.',
  },
  damaged: {
    "zh-CN":
      "文件“{file}”已损坏，无法读取。请用 Excel 打开（Excel 会提示修复），另存为新的 .xlsx 后再运行；或从原处（邮件附件、下载）重新获取该文件。",
    "en-US":
      '"{file}" is damaged and cannot be read. Open it in Excel, which offers to repair it, save it as a new .xlsx, and run again; or take it again from where it came from (mail attachment, download).',
  },
  damaged_part: {
    "zh-CN":
      "文件“{file}”已损坏，无法读取（损坏部分：{part}）。请用 Excel 打开（Excel 会提示修复），另存为新的 .xlsx 后再运行；或从原处（邮件附件、下载）重新获取该文件。",
    "en-US":
      '"{file}" is damaged and cannot be read (damaged part: {part}). Open it in Excel, which offers to repair it, save it as a new .xlsx, and run again; or take it again from where it came from (mail attachment, download).',
  },
  encrypted: {
    "zh-CN":
      "文件“{file}”设置了打开密码，无法读取。请在 Excel 中打开，依次选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存，然后再运行。",
    "en-US":
      '"{file}" is protected by a password to open, so it cannot be read. Open it in Excel, choose File → Info → Protect Workbook → Encrypt with Password, clear the password, save, and run again.',
  },
  strict: {
    "zh-CN":
      "文件“{file}”保存为“Strict Open XML 电子表格”格式，本工具不读取该格式。请在 Excel 中选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”，然后再运行。",
    "en-US":
      '"{file}" is saved as "Strict Open XML Spreadsheet", which this tool does not read. In Excel choose File → Save As → "Excel Workbook (*.xlsx)", and run again.',
  },
  xls: {
    "zh-CN":
      "文件“{file}”是旧版 Excel 97-2003 格式（.xls），本工具只读取 .xlsx。请在 Excel 中选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”，然后再运行。",
    "en-US":
      '"{file}" is in the old Excel 97-2003 format (.xls); this tool reads .xlsx. In Excel choose File → Save As → "Excel Workbook (*.xlsx)", and run again.',
  },
  xlsb: {
    "zh-CN":
      "文件“{file}”是 Excel 二进制工作簿（.xlsb），本工具只读取 .xlsx。请在 Excel 中选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”，然后再运行。",
    "en-US":
      '"{file}" is an Excel Binary Workbook (.xlsb); this tool reads .xlsx. In Excel choose File → Save As → "Excel Workbook (*.xlsx)", and run again.',
  },
  ods: {
    "zh-CN":
      "文件“{file}”是 OpenDocument 表格（.ods），本工具只读取 .xlsx。请在 LibreOffice 或 Excel 中另存为“Excel 工作簿 (*.xlsx)”，然后再运行。",
    "en-US":
      '"{file}" is an OpenDocument spreadsheet (.ods); this tool reads .xlsx. In LibreOffice or Excel save it as "Excel Workbook (*.xlsx)", and run again.',
  },
  unpacks_too_large: {
    "zh-CN":
      "文件“{file}”解压后的内容远大于正常工作簿（超过 2 GB，或远超文件本身的大小），为安全起见已停止读取。该文件可能已损坏或被人为构造。请确认文件来源；如果是您自己的文件，请在 Excel 中打开并另存为新的 .xlsx 后再运行。",
    "en-US":
      '"{file}" unpacks to far more than a real workbook does (over 2 GB, or far more than its own size), so reading stopped to stay safe. The file may be damaged or crafted. Check where it came from; if it is yours, open it in Excel, save it as a new .xlsx, and run again.',
  },
  too_many_cells: {
    "zh-CN":
      "文件“{file}”的单元格超过本工具一次可读取的上限（4000 万个单元格）。请将客户档案和订单表复制到一个新工作簿中，只保留需要的列，然后对新文件运行。",
    "en-US":
      '"{file}" holds more cells than this tool reads at once (40 million). Copy the customer archive and the orders sheet into a new workbook, keeping only the columns needed, and run on that file.',
  },
};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}

/** The sentence for a failed read, in the user's language. */
export function readFailureMessage(
  failure: { code: ReadFailureCode; part?: string },
  lang: Lang,
  file: string
): string {
  const key = failure.code === "damaged" && failure.part ? "damaged_part" : failure.code;
  return fill(READ_MESSAGES[key][lang], { file, part: failure.part ?? "" });
}

export function fileNotFoundMessage(lang: Lang, file: string): string {
  return fill(READ_MESSAGES.not_found[lang], { file });
}

/** Said when the workbook was read and scored but our sheets could not be put into the output file. */
export function writeFailureMessage(lang: Lang, file: string, detail: string): string {
  const template = {
    "zh-CN":
      "已读取并评分“{file}”，但无法写出结果工作簿（{detail}）。没有写出任何文件，原文件未被改动。如果原工作簿中有与本插件工作表同名的图表工作表，请先将其改名后再运行。",
    "en-US":
      '"{file}" was read and scored, but the scored workbook could not be written ({detail}). No file was written and the input is unchanged. If the workbook has a chart sheet named like one of the add-in\'s sheets, rename it and run again.',
  }[lang];
  return fill(template, { file, detail });
}
