/** A1-style addresses for reports: pure string work, no Office.js. */

const MAX_COLUMNS = 16384; // XFD

/** Letters of the columns asked for so far: an address per reported cell need not spell them again. */
const LETTERS: string[] = [];

/** 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD". */
export function columnLetter(col0: number): string {
  if (!Number.isInteger(col0) || col0 < 0 || col0 >= MAX_COLUMNS) {
    throw new RangeError(`column index out of range: ${col0}`);
  }
  const known = LETTERS[col0];
  if (known !== undefined) return known;
  let n = col0 + 1; // bijective base 26 has no zero digit
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = (n - 1 - rem) / 26;
  }
  LETTERS[col0] = out;
  return out;
}

// Letters (incl. CJK), digits, underscore, dot: Excel leaves such names unquoted.
const PLAIN_NAME = /^[\p{L}\p{N}_.]+$/u;
// Names Excel still quotes although every character is plain: a leading digit, or a name that reads
// as a cell reference (A1, XFD1048576) or an R1C1 reference (R, C, R1C1).
const LEADING_DIGIT = /^[0-9]/;
const A1_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^(?:[Rr][0-9]*)?(?:[Cc][0-9]*)?$/;

function needsQuotes(sheet: string): boolean {
  if (!PLAIN_NAME.test(sheet)) return true;
  return LEADING_DIGIT.test(sheet) || A1_LIKE.test(sheet) || R1C1_LIKE.test(sheet);
}

/** `销售订单!C57` for row0=56, col0=2; `'My Sheet'!A1` when Excel would quote the name. */
export function cellAddress(sheet: string, row0: number, col0: number): string {
  if (!Number.isInteger(row0) || row0 < 0) throw new RangeError(`row index out of range: ${row0}`);
  const ref = columnLetter(col0) + String(row0 + 1);
  return `${sheetPrefix(sheet)}!${ref}`;
}

/** The sheet's name as an address writes it; the last one is kept (addresses come sheet by sheet). */
let lastSheet: { sheet: string; name: string } | null = null;
function sheetPrefix(sheet: string): string {
  if (lastSheet?.sheet !== sheet)
    lastSheet = { sheet, name: needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet };
  return lastSheet.name;
}

/** `cellAddress(sheet, row0, col0)` for many rows of one column: quoting and letters worked out once. */
export function columnAddresses(sheet: string, col0: number): (row0: number) => string {
  const prefix = `${sheetPrefix(sheet)}!${columnLetter(col0)}`;
  return (row0) => {
    if (!Number.isInteger(row0) || row0 < 0)
      throw new RangeError(`row index out of range: ${row0}`);
    return prefix + String(row0 + 1);
  };
}
