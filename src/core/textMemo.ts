import type { Cell } from "./types";

/**
 * `find(cell)`, found once per distinct text: the cells of a segment, channel or owner column
 * repeat a few values word for word, and normalising each of a hundred thousand cells again costs
 * more than the rest of grouping them. Other cells (numbers, blanks) are passed through each time.
 */
export function memoByText<T>(find: (cell: Cell) => T): (cell: Cell) => T {
  const byText = new Map<string, T>();
  return (cell) => {
    if (typeof cell !== "string") return find(cell);
    let found = byText.get(cell);
    if (found === undefined) {
      found = find(cell);
      byText.set(cell, found);
    }
    return found;
  };
}
