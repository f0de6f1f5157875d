import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter } from "../../src/core/address";
import { formatSerial } from "../../src/core/parse";
import type { FakeCell, FakeSheetState } from "../fake/fakeExcel";

/** Rows and columns drawn; a big sheet shows its top-left corner and says so. */
const MAX_ROWS = 300;
const MAX_COLUMNS = 30;

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    padding: "0 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "right",
    padding: "0 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: "1px 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    maxWidth: "24ch",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

function shown(cell: FakeCell | undefined): string {
  if (!cell || cell.value === "") return "";
  const { value, numberFormat } = cell;
  if (typeof value === "number" && numberFormat && /y{2}/i.test(numberFormat) && value >= 1)
    return formatSerial(Math.floor(value));
  if (typeof value === "number" && !Number.isInteger(value))
    return String(Math.round(value * 100) / 100);
  return String(value);
}

/** The top-left part of one fake sheet, as values with their fills; the selected cell outlined. */
export function SheetView({
  sheet,
  selected,
}: {
  sheet: FakeSheetState;
  selected: string | null;
}): React.JSX.Element {
  const styles = useStyles();
  const used = sheet.usedRect(false);
  const height = used ? used.row + used.rows : 0;
  // The rows drawn: from the top, or around the selected cell when it lies further down.
  const selectedRow = selected ? Number(/\d+$/.exec(selected)?.[0] ?? 1) - 1 : 0;
  const top = selectedRow >= MAX_ROWS ? Math.max(0, selectedRow - MAX_ROWS / 2) : 0;
  const bottom = Math.min(height, top + MAX_ROWS);
  const columns = Math.min(used ? used.column + used.columns : 0, MAX_COLUMNS);
  const selectedCell = React.useRef<HTMLTableCellElement>(null);
  React.useEffect(() => {
    // Braces matter: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
    selectedCell.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [selected]);
  const extras = [
    sheet.conditionalFormats.length && `${sheet.conditionalFormats.length} conditional formats`,
    sheet.validations.length && `${sheet.validations.length} drop-down lists`,
    sheet.charts.length &&
      `${sheet.charts.length} charts (${sheet.charts.map((c) => c.title).join(", ")})`,
  ].filter(Boolean);
  return (
    <>
      <Caption1 data-testid="sheet-facts">
        {used ? `${used.row + used.rows} rows × ${used.column + used.columns} columns` : "empty"}
        {height > bottom - top ? `, rows ${top + 1}–${bottom} shown` : ""}
        {extras.length ? ` · ${extras.join(" · ")}` : ""}
      </Caption1>
      <div className={styles.scroller}>
        <table className={styles.table} data-testid="sheet-grid">
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: bottom - top }, (_, i) => top + i).map((r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: columns }, (_, c) => {
                  const cell = sheet.cell(r, c);
                  const address = `${columnLetter(c)}${r + 1}`;
                  const isSelected = selected === address;
                  return (
                    <td
                      key={c}
                      className={`${styles.cell} ${isSelected ? styles.selected : ""}`}
                      style={{
                        backgroundColor: cell?.fill ? `#${cell.fill.replace(/^#/, "")}` : undefined,
                        color: cell?.fontColor ? `#${cell.fontColor.replace(/^#/, "")}` : undefined,
                        fontWeight: cell?.bold ? 600 : undefined,
                      }}
                      ref={isSelected ? selectedCell : undefined}
                      data-address={address}
                      data-testid={isSelected ? "selected-cell" : undefined}
                    >
                      {shown(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
