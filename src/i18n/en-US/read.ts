import type { ReadStrings } from "../strings/read";

export const read: ReadStrings = {
  empty_file: (p) =>
    `The file "${p.file}" is empty (0 bytes): there is no workbook in it. Check that it is the right file, or save or download it again.`,
  not_found: (p) => `The file "${p.file}" was not found. Check the path and the file name.`,
  not_spreadsheet: (p) =>
    `"${p.file}" is not an Excel workbook. Open it in Excel (or the program that made it), save it as "Excel Workbook (*.xlsx)", and run again.`,
  damaged: (p) =>
    `"${p.file}" is damaged and cannot be read. Open it in Excel, which offers to repair it, save it as a new .xlsx, and run again; or take it again from where it came from (mail attachment, download).`,
  damaged_part: (p) =>
    `"${p.file}" is damaged and cannot be read (damaged part: ${p.part}). Open it in Excel, which offers to repair it, save it as a new .xlsx, and run again; or take it again from where it came from (mail attachment, download).`,
  encrypted: (p) =>
    `"${p.file}" is protected by a password to open, so it cannot be read. Open it in Excel, choose File → Info → Protect Workbook → Encrypt with Password, clear the password, save, and run again.`,
  strict: (p) =>
    `"${p.file}" is saved as "Strict Open XML Spreadsheet", which this tool does not read. In Excel choose File → Save As → "Excel Workbook (*.xlsx)", and run again.`,
  xls: (p) =>
    `"${p.file}" is in the old Excel 97-2003 format (.xls); this tool reads .xlsx. In Excel choose File → Save As → "Excel Workbook (*.xlsx)", and run again.`,
  xlsb: (p) =>
    `"${p.file}" is an Excel Binary Workbook (.xlsb); this tool reads .xlsx. In Excel choose File → Save As → "Excel Workbook (*.xlsx)", and run again.`,
  ods: (p) =>
    `"${p.file}" is an OpenDocument spreadsheet (.ods); this tool reads .xlsx. In LibreOffice or Excel save it as "Excel Workbook (*.xlsx)", and run again.`,
  unpacks_too_large: (p) =>
    `"${p.file}" unpacks to far more than a real workbook does (over 2 GB, or far more than its own size), so reading stopped to stay safe. The file may be damaged or crafted. Check where it came from; if it is yours, open it in Excel, save it as a new .xlsx, and run again.`,
  too_many_cells: (p) =>
    `"${p.file}" holds more cells than this tool reads at once (40 million). Copy the customer archive and the orders sheet into a new workbook, keeping only the columns needed, and run on that file.`,
  writeFailure: (p) =>
    `"${p.file}" was read and scored, but the scored workbook could not be written (${p.detail}). No file was written and the input is unchanged. If the workbook has a chart sheet named like one of the add-in's sheets, rename it and run again.`,
};
