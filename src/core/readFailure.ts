/**
 * Why a workbook file could not be read, as a code (src/xlsx/values.ts decides it; the words for
 * each are in the string catalogue).
 */
export type ReadFailureCode =
  /** Zero bytes. */
  | "empty_file"
  /** Neither a ZIP package nor an Office file (text, an image, a Word document...). */
  | "not_spreadsheet"
  /** A broken archive, a missing part, or XML that does not parse. */
  | "damaged"
  /** An Office file protected by a password to open (EncryptedPackage in an OLE container). */
  | "encrypted"
  /** Strict Open XML, which Excel writes only when asked to. */
  | "strict"
  /** Excel 97-2003 (.xls, BIFF in an OLE container) or the XML Spreadsheet 2003 format. */
  | "xls"
  /** Excel binary workbook (.xlsb). */
  | "xlsb"
  /** OpenDocument spreadsheet (.ods). */
  | "ods"
  /** Parts unpack to more bytes than the budget, or far more than their packed size (a zip bomb). */
  | "unpacks_too_large"
  /** More cells (or shared strings, or parts) than one read holds. */
  | "too_many_cells";
