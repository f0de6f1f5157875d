import fc from "fast-check";
import { hashId, KeyTable, TextIds } from "../../src/core/keyTable";
import { normalizeId } from "../../src/core/parse";
import type { Cell } from "../../src/core/types";

describe("KeyTable", () => {
  it("finds IDs that normalise alike and tells others apart", () => {
    const added: Cell[] = [];
    const table = new KeyTable(10, (i) => added[i]);
    const getOrAdd = (cell: Cell, i: number) => {
      added[i] = cell;
      return table.getOrAdd(cell, i);
    };
    expect(getOrAdd("SO-001", 0)).toBe(-1);
    expect(getOrAdd(" so-001 ", 1)).toBe(0);
    expect(getOrAdd("ＳＯ－００１", 2)).toBe(0);
    expect(getOrAdd("SO-002", 3)).toBe(-1);
    expect(getOrAdd(1001, 4)).toBe(-1);
    expect(getOrAdd("1001", 5)).toBe(4);
    expect(getOrAdd("订单001", 6)).toBe(-1);
    expect(getOrAdd("　订单001 ", 7)).toBe(6);
  });

  it("hashes equal normalised IDs equally", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("", " ", "　", "  "), (text, pad) => {
        fc.pre(normalizeId(text) !== null);
        expect(hashId(pad + text + pad)).toBe(hashId(normalizeId(text)));
      })
    );
  });

  it("agrees with a Map over normalised IDs", () => {
    const id = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom("A1", "a1", " A1", "Ａ１", "b", "B "),
      fc.integer({ min: 0, max: 5 })
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        const cells = ids.filter((c) => normalizeId(c) !== null);
        const table = new KeyTable(cells.length, (i) => cells[i]);
        const reference = new Map<string, number>();
        cells.forEach((cell, i) => {
          const key = normalizeId(cell) as string;
          const expected = reference.get(key) ?? -1;
          if (expected === -1) reference.set(key, i);
          expect(table.getOrAdd(cell, i)).toBe(expected);
          expect(table.get(cell)).toBe(expected === -1 ? i : expected);
        });
      })
    );
  });
});

describe("KeyTable growth", () => {
  it("keeps every key when more are added than its capacity", () => {
    const cells = Array.from({ length: 500 }, (_, i) => `C${i}`);
    const table = new KeyTable(2, (i) => cells[i]);
    cells.forEach((cell, i) => expect(table.getOrAdd(cell, i)).toBe(-1));
    cells.forEach((cell, i) => expect(table.get(cell.toLowerCase())).toBe(i));
    expect(table.count).toBe(500);
  });
});

describe("TextIds", () => {
  it("numbers distinct strings in order of first sight, as a Map would", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (texts) => {
        const ids = new TextIds();
        const reference = new Map<string, number>();
        for (const text of texts) {
          if (!reference.has(text)) reference.set(text, reference.size);
          expect(ids.idOf(text)).toBe(reference.get(text));
        }
        expect(ids.count).toBe(reference.size);
      })
    );
  });
});
