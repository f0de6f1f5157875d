import { memoByText } from "../../src/core/textMemo";
import type { Cell } from "../../src/core/types";

describe("memoByText", () => {
  it("finds each distinct text once and passes other cells through every time", () => {
    const asked: Cell[] = [];
    const find = memoByText((cell: Cell) => {
      asked.push(cell);
      return String(cell).trim().toLowerCase();
    });
    const cells: Cell[] = ["华东", " Huadong", "华东", 7, "华东", " Huadong", 7, null];
    expect(cells.map(find)).toEqual([
      "华东",
      "huadong",
      "华东",
      "7",
      "华东",
      "huadong",
      "7",
      "null",
    ]);
    expect(asked).toEqual(["华东", " Huadong", 7, 7, null]);
  });
});
