import { columnLetter } from "../core/address";
import { spanRef } from "../plan/grid";
import {
  BIGGEST_DROP,
  HEADER_FILL,
  HEADER_FONT,
  MANAGER_HEADER_FILL,
  NUMBER_FORMATS,
  OVERDUE,
  TIER_COLORS,
  WATCH_COLORS,
} from "../plan/formats";
import { lineCount, linesBetween } from "../plan/types";
import type { ConditionalFormatPlan, PlanCell, SheetPlan, TablePlan } from "../plan/types";
import { escapeXml, NS, XML_DECLARATION } from "./charts";
import type { StyleMerger } from "./styles";

/**
 * One of our sheets as a SpreadsheetML worksheet part, written directly from its SheetPlan:
 * text as inline strings (the workbook's shared-string table is left alone), styles taken from the
 * merged styles part, conditional formats, list validations, frozen panes, widths, landscape
 * fit-to-width printing, and the drawing that holds the charts. Written in chunks, so a sheet of
 * a hundred thousand customers never becomes one giant string.
 */

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32767;
const CHUNK = 1 << 20;
/** Lines of a table made and held at a time while its XML is written. */
const LINES_PER_BLOCK = 5000;

class Chunks {
  private readonly parts: Buffer[] = [];
  private text = "";

  push(s: string): void {
    this.text += s;
    if (this.text.length >= CHUNK) this.flush();
  }

  private flush(): void {
    this.parts.push(Buffer.from(this.text, "utf8"));
    this.text = "";
  }

  buffer(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }
}

// Most text needs no escaping: test once instead of five replacements per cell.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const EDGE_SPACE = /^\s|\s$/;

function cellXml(ref: string, value: PlanCell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number")
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const clipped = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  const text = NEEDS_ESCAPE.test(clipped) ? escapeXml(clipped) : clipped;
  const space = EDGE_SPACE.test(clipped) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

function cfXml(
  table: TablePlan,
  rule: ConditionalFormatPlan,
  priority: number,
  styles: StyleMerger
): string {
  const firstDataRow = table.startRow + 2 + rule.rows.firstRow;
  const wrap = (ref: string, body: string) =>
    `<conditionalFormatting sqref="${ref}">${body}</conditionalFormatting>`;
  const expression = (ref: string, formula: string, fill: string, font: string) =>
    wrap(
      ref,
      `<cfRule type="expression" dxfId="${styles.dxf({ fill, font })}" priority="${priority}">` +
        `<formula>${escapeXml(formula)}</formula></cfRule>`
    );
  const color = (hex: string) => `<color rgb="FF${hex.replace("#", "").toUpperCase()}"/>`;
  switch (rule.type) {
    case "textEquals": {
      const letter = columnLetter(table.startColumn + rule.column);
      const text = rule.text.replace(/"/g, '""');
      return expression(
        spanRef(table, rule.column, rule.column, rule.rows),
        `$${letter}${firstDataRow}="${text}"`,
        rule.fill,
        rule.font
      );
    }
    case "formula":
      return expression(
        spanRef(table, rule.firstColumn, rule.lastColumn, rule.rows),
        rule.formula.replace(/\{row\}/g, String(firstDataRow)),
        rule.fill,
        rule.font
      );
    case "colorScale":
      return wrap(
        spanRef(table, rule.column, rule.column, rule.rows),
        `<cfRule type="colorScale" priority="${priority}"><colorScale>` +
          `<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>` +
          rule.colors.map(color).join("") +
          `</colorScale></cfRule>`
      );
    case "dataBar":
      return wrap(
        spanRef(table, rule.column, rule.column, rule.rows),
        `<cfRule type="dataBar" priority="${priority}"><dataBar minLength="0" maxLength="100">` +
          `<cfvo type="min"/><cfvo type="max"/>${color(rule.color)}</dataBar></cfRule>`
      );
  }
}

/** Where a table's cells sit in one sheet row: a run of cells from `column` on. */
interface Segment {
  column: number;
  cells: string;
}

interface TableWriter {
  firstRow: number;
  lastRow: number;
  segment(row: number): Segment | null;
}

function tableWriter(table: TablePlan, styles: StyleMerger): TableWriter {
  const letters = table.columns.map((_c, i) => columnLetter(table.startColumn + i));
  const headerRow = table.startRow; // 0-based
  const captionRow = table.caption === undefined ? headerRow : headerRow - 1;
  const caption = styles.cellStyle({ bold: true });
  const headers = table.columns.map((column) =>
    styles.cellStyle({
      bold: true,
      color: HEADER_FONT,
      fill: column.manager ? MANAGER_HEADER_FILL : HEADER_FILL,
    })
  );
  const formats = table.columns.map((column) =>
    styles.cellStyle({ numFmt: NUMBER_FORMATS[column.kind] })
  );
  const kindStyle = new Map<string, number>();
  const rowKindStyle = (kind: keyof typeof NUMBER_FORMATS) => {
    let s = kindStyle.get(kind);
    if (s === undefined)
      kindStyle.set(kind, (s = styles.cellStyle({ numFmt: NUMBER_FORMATS[kind] })));
    return s;
  };
  // Lines are read a block at a time (the tier sheet makes its lines on demand).
  const count = lineCount(table);
  let block: PlanCell[][] = [];
  let blockStart = 0;
  const lineAt = (r: number): PlanCell[] | undefined => {
    if (r < 0 || r >= count) return undefined;
    if (r < blockStart || r >= blockStart + block.length) {
      blockStart = r;
      block = linesBetween(table, r, r + LINES_PER_BLOCK);
    }
    return block[r - blockStart];
  };
  return {
    firstRow: table.caption === undefined ? headerRow : captionRow,
    lastRow: headerRow + count,
    segment(row) {
      const n = String(row + 1);
      if (table.caption !== undefined && row === captionRow)
        return {
          column: table.startColumn,
          cells: cellXml(letters[0] + n, table.caption, caption),
        };
      if (row === headerRow)
        return {
          column: table.startColumn,
          cells: table.columns
            .map((column, c) => cellXml(letters[c] + n, column.header, headers[c]))
            .join(""),
        };
      const r = row - headerRow - 1;
      const values = lineAt(r);
      if (values === undefined) return null;
      const rowKind = table.rowKinds?.[r];
      let cells = "";
      for (let c = 0; c < values.length && c < letters.length; c++) {
        const value = values[c];
        if (value === null || value === undefined) continue;
        const style = rowKind && typeof value === "number" ? rowKindStyle(rowKind) : formats[c];
        cells += cellXml(letters[c] + n, value, style);
      }
      return { column: table.startColumn, cells };
    },
  };
}

/**
 * Registers every look our sheets can have (cell formats and conditional-format colours from
 * plan/formats.ts), in a fixed order, whatever this run's data needs: the styles part then changes
 * on the first run only, and re-scoring leaves it byte for byte as it was.
 */
export function registerOurStyles(styles: StyleMerger): void {
  styles.cellStyle({ bold: true, size: 13 });
  styles.cellStyle({ bold: true });
  for (const fill of [HEADER_FILL, MANAGER_HEADER_FILL])
    styles.cellStyle({ bold: true, color: HEADER_FONT, fill });
  for (const numFmt of Object.values(NUMBER_FORMATS)) styles.cellStyle({ numFmt });
  const looks = [
    ...Object.values(TIER_COLORS),
    OVERDUE,
    ...Object.values(WATCH_COLORS),
    BIGGEST_DROP,
  ];
  for (const look of looks) styles.dxf(look);
}

/** The worksheet part of one plan; `drawingRelId` links the drawing holding its charts. */
export function worksheetXml(
  plan: SheetPlan,
  styles: StyleMerger,
  drawingRelId: string | null
): Buffer {
  const out = new Chunks();
  const title = plan.preamble.length > 0 ? styles.cellStyle({ bold: true, size: 13 }) : 0;
  const tables = plan.tables.map((t) => tableWriter(t, styles));
  let lastRow = plan.preamble.length - 1;
  let lastColumn = 0;
  plan.preamble.forEach((line) => (lastColumn = Math.max(lastColumn, line.length - 1)));
  for (const [i, t] of plan.tables.entries()) {
    lastRow = Math.max(lastRow, tables[i].lastRow);
    lastColumn = Math.max(lastColumn, t.startColumn + t.columns.length - 1);
  }
  lastRow = Math.max(lastRow, 0);

  out.push(
    `${XML_DECLARATION}<worksheet xmlns="${SML}" xmlns:r="${NS.rel}">` +
      `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
      `<dimension ref="A1:${columnLetter(lastColumn)}${lastRow + 1}"/>`
  );
  const { freezeRows: ySplit, freezeColumns: xSplit } = plan;
  if (xSplit > 0 || ySplit > 0) {
    const pane = xSplit > 0 && ySplit > 0 ? "bottomRight" : ySplit > 0 ? "bottomLeft" : "topRight";
    const topLeft = `${columnLetter(xSplit)}${ySplit + 1}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane` +
        (xSplit > 0 ? ` xSplit="${xSplit}"` : "") +
        (ySplit > 0 ? ` ySplit="${ySplit}"` : "") +
        ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
    );
  } else out.push(`<sheetViews><sheetView workbookViewId="0"/></sheetViews>`);
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);

  const widths: number[] = [];
  for (const table of plan.tables)
    table.columns.forEach((column, c) => {
      const at = table.startColumn + c;
      widths[at] = Math.max(widths[at] ?? 0, column.width);
    });
  const cols = widths
    .map((w, c) => (w ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  if (cols) out.push(`<cols>${cols}</cols>`);

  out.push("<sheetData>");
  for (let row = 0; row <= lastRow; row++) {
    const segments: Segment[] = [];
    const line = plan.preamble[row];
    if (line) {
      let cells = "";
      line.forEach((value, c) => {
        const style = row === 0 && c === 0 ? title : 0;
        cells += cellXml(`${columnLetter(c)}${row + 1}`, value, style);
      });
      if (row === 0 && line.length === 0 && title) cells = cellXml("A1", null, title);
      segments.push({ column: 0, cells });
    }
    for (const t of tables) {
      if (row < t.firstRow || row > t.lastRow) continue;
      const segment = t.segment(row);
      if (segment) segments.push(segment);
    }
    const cells =
      segments.length === 1
        ? segments[0].cells
        : segments
            .sort((a, b) => a.column - b.column)
            .map((s) => s.cells)
            .join("");
    if (cells) out.push(`<row r="${row + 1}">${cells}</row>`);
  }
  out.push("</sheetData>");

  let priority = 0;
  let validations = "";
  let validationCount = 0;
  for (const table of plan.tables) {
    if (lineCount(table) === 0) continue;
    for (const rule of table.conditionalFormats) out.push(cfXml(table, rule, ++priority, styles));
    for (const v of table.validations) {
      validationCount++;
      validations +=
        `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
        `sqref="${spanRef(table, v.column, v.column, v.rows)}">` +
        `<formula1>${escapeXml(`"${v.values.join(",")}"`)}</formula1></dataValidation>`;
    }
  }
  if (validationCount > 0)
    out.push(`<dataValidations count="${validationCount}">${validations}</dataValidations>`);
  // Printed (or turned into PDF), a sheet is as wide as one landscape page.
  out.push(
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`
  );
  if (drawingRelId) out.push(`<drawing r:id="${drawingRelId}"/>`);
  out.push("</worksheet>");
  return out.buffer();
}
