import fc from "fast-check";
import { cellBytes, valuesBytes } from "../../src/officejs/read";

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

describe("response bytes as the reader counts them", () => {
  test("a cell counts as its JSON text in UTF-8: escapes, Chinese, emoji, numbers", () => {
    for (const value of [
      "",
      "跟进内容：客户反馈良好",
      'a"b\\c',
      "line\nnext\ttab",
      "\u0001",
      "😀",
      0,
      -1.5,
      1e21,
      true,
      false,
      null,
    ])
      expect({ value, bytes: cellBytes(value) }).toEqual({ value, bytes: jsonBytes(value) });
  });

  test("any grid of strings and numbers counts exactly as its JSON", () => {
    const cell = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean()
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (values) => {
        expect(valuesBytes(values)).toBe(jsonBytes(values));
      })
    );
  });
});
