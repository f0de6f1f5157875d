/**
 * What the command line (and the workbench) says when a file cannot be read or written: what is
 * wrong, then what to do.
 */
export interface ReadStrings {
  empty_file: (p: { file: string | number }) => string;
  not_found: (p: { file: string | number }) => string;
  not_spreadsheet: (p: { file: string | number }) => string;
  damaged: (p: { file: string | number }) => string;
  damaged_part: (p: { file: string | number; part: string | number }) => string;
  encrypted: (p: { file: string | number }) => string;
  strict: (p: { file: string | number }) => string;
  xls: (p: { file: string | number }) => string;
  xlsb: (p: { file: string | number }) => string;
  ods: (p: { file: string | number }) => string;
  unpacks_too_large: (p: { file: string | number }) => string;
  too_many_cells: (p: { file: string | number }) => string;
  writeFailure: (p: { detail: string | number; file: string | number }) => string;
}
