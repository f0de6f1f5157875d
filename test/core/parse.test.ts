import fc from "fast-check";
import { cellAddress, columnLetter } from "../../src/core/address";
import {
  cellText,
  foldWidth,
  formatSerial,
  isBlank,
  normalizeHeader,
  normalizeId,
  parseAmount,
  parseCount,
  parseDate,
  serialFromYmd,
  todaySerial,
  ymdFromSerial,
} from "../../src/core/parse";
import type { Cell } from "../../src/core/types";

/** Any cell Office.js could hand us, plus the odd numbers it never should. */
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({
    unit: fc.constantFrom(..."0123456789０１２３４５６７８９,.，．-−()（）¥￥$元万亿年月日 /:"),
  }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 60, 2958465, 2958466, 20240305),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined)
);

describe("address", () => {
  it("turns column indices into letters", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(25)).toBe("Z");
    expect(columnLetter(26)).toBe("AA");
    expect(columnLetter(51)).toBe("AZ");
    expect(columnLetter(52)).toBe("BA");
    expect(columnLetter(701)).toBe("ZZ");
    expect(columnLetter(702)).toBe("AAA");
    expect(columnLetter(16383)).toBe("XFD");
  });

  it("rejects indices outside the sheet", () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(16384)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });

  it("writes plain names bare and quotes the rest Excel-style", () => {
    expect(cellAddress("销售订单", 56, 2)).toBe("销售订单!C57");
    expect(cellAddress("Sheet1", 0, 0)).toBe("Sheet1!A1");
    expect(cellAddress("orders_2024.v2", 9, 27)).toBe("orders_2024.v2!AB10");
    expect(cellAddress("My Sheet", 0, 0)).toBe("'My Sheet'!A1");
    expect(cellAddress("O'Brien's", 1, 1)).toBe("'O''Brien''s'!B2");
    expect(cellAddress("订单-2024", 0, 0)).toBe("'订单-2024'!A1");
    expect(cellAddress("2024", 0, 0)).toBe("'2024'!A1");
    expect(cellAddress("AB12", 0, 0)).toBe("'AB12'!A1");
  });
});

describe("isBlank / foldWidth / cellText", () => {
  it("treats null, undefined, empty and whitespace-only strings as blank", () => {
    for (const v of [null, undefined, "", "   ", "\t\n", "\u3000", " \u3000 "])
      expect(isBlank(v)).toBe(true);
    for (const v of [0, false, "a", " x ", "0"]) expect(isBlank(v)).toBe(false);
  });

  it("folds full-width ASCII and the ideographic space", () => {
    expect(foldWidth("ＡＢＣ１２３！～")).toBe("ABC123!~");
    expect(foldWidth("a\u3000b")).toBe("a b");
    expect(foldWidth("客户ＩＤ")).toBe("客户ID");
    const plain = "plain ascii 123";
    expect(foldWidth(plain)).toBe(plain);
  });

  it("shows raw cells as text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText("  ")).toBe("");
    expect(cellText(" abc ")).toBe(" abc ");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
  });
});

describe("serials", () => {
  it("today is the local calendar day, late evening included", () => {
    expect(todaySerial(new Date(2024, 5, 30, 23, 59))).toBe(serialFromYmd(2024, 6, 30));
    expect(todaySerial(new Date(2024, 0, 1, 0, 0))).toBe(45292);
  });
  it("follows Excel's 1900 system including the leap-year bug", () => {
    expect(serialFromYmd(1900, 1, 1)).toBe(1);
    expect(serialFromYmd(1900, 2, 28)).toBe(59);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromYmd(2000, 1, 1)).toBe(36526);
    expect(serialFromYmd(2024, 3, 5)).toBe(45356);
    expect(serialFromYmd(9999, 12, 31)).toBe(2958465);
  });

  it("maps serials back to dates, serial 60 being the fictitious 1900-02-29", () => {
    expect(ymdFromSerial(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(ymdFromSerial(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(ymdFromSerial(60)).toEqual({ y: 1900, m: 2, d: 29 });
    expect(ymdFromSerial(61)).toEqual({ y: 1900, m: 3, d: 1 });
    expect(ymdFromSerial(36526.75)).toEqual({ y: 2000, m: 1, d: 1 });
    expect(formatSerial(45356)).toBe("2024-03-05");
    expect(formatSerial(2958465)).toBe("9999-12-31");
  });

  it("round-trips every valid date", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(9999, 11, 31)),
          noInvalidDate: true,
        }),
        (date) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const serial = serialFromYmd(y, m, d);
          expect(ymdFromSerial(serial)).toEqual({ y, m, d });
        }
      )
    );
  });
});

describe("parseDate", () => {
  const march5 = 45356;

  it.each([
    "2024-03-05",
    "2024/3/5",
    "2024.3.5",
    "2024-3-5",
    "2024-03-05 14:30",
    "2024-03-05 14:30:00",
    "2024-03-05T14:30:00",
    "2024/3/5 9:05",
    "2024年3月5日",
    "2024年03月05日",
    "2024年3月5日 14:30",
    "2024年3月5日14时30分",
    "20240305",
    "２０２４－０３－０５",
    "２０２４年３月５日",
    "  2024-03-05  ",
    "\u30002024/3/5\u3000",
  ])("reads %s", (text) => {
    expect(parseDate(text)).toBe(march5);
  });

  it("reads numbers as serials and drops the time of day", () => {
    expect(parseDate(45356)).toBe(march5);
    expect(parseDate(45356.99)).toBe(march5);
    expect(parseDate(1)).toBe(1);
    expect(parseDate(60)).toBe(60);
    expect(parseDate(2958465)).toBe(2958465);
  });

  it("reads an 8-digit integer that cannot be a serial as YYYYMMDD", () => {
    expect(parseDate(20240305)).toBe(march5);
    expect(parseDate(19970101)).toBe(serialFromYmd(1997, 1, 1));
    expect(parseDate(20240230)).toBeNull();
  });

  it.each([
    ["impossible day", "2024-02-30"],
    ["not a leap year", "2023-02-29"],
    ["month 13", "2024-13-01"],
    ["day 0", "2024-03-00"],
    ["partial CJK", "2023年10月"],
    ["partial ISO", "2023-10"],
    ["mixed separators", "2024-3/5"],
    ["bad hour", "2024-03-05 25:00"],
    ["bad minute", "2024-03-05 12:60"],
    ["two-digit year", "24-3-5"],
    ["day first", "05/03/2024"],
    ["7 digits", "2024035"],
    ["9 digits", "202403051"],
    ["compact impossible", "20241301"],
    ["text", "yesterday"],
    ["empty", ""],
    ["year before 1900", "1899-12-31"],
    ["trailing text", "2024-03-05 abc"],
  ])("rejects %s (%s)", (_label, text) => {
    expect(parseDate(text)).toBeNull();
  });

  it("rejects non-date values", () => {
    for (const v of [
      true,
      false,
      null,
      undefined,
      0,
      -1,
      0.5,
      2958466,
      NaN,
      Infinity,
      -Infinity,
      1e9,
    ]) {
      expect(parseDate(v)).toBeNull();
    }
  });

  it("never throws and returns an integer serial in range or null", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const r = parseDate(cell);
        if (r !== null) {
          expect(Number.isInteger(r)).toBe(true);
          expect(r).toBeGreaterThanOrEqual(1);
          expect(r).toBeLessThanOrEqual(2958465);
        }
      }),
      { numRuns: 2000 }
    );
  });

  it("formatSerial inverts parseDate for valid dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
          const serial = parseDate(text);
          if (d > lastDay) {
            expect(serial).toBeNull();
          } else {
            expect(serial).not.toBeNull();
            expect(formatSerial(serial as number)).toBe(text);
            expect(parseDate(`${y}年${m}月${d}日`)).toBe(serial);
            expect(parseDate(`${y}/${m}/${d}`)).toBe(serial);
          }
        }
      )
    );
  });
});

describe("parseAmount", () => {
  it.each<[string, number]>([
    ["¥1,200.50", 1200.5],
    ["￥1,200.50", 1200.5],
    ["1200元", 1200],
    ["1,200.50 元", 1200.5],
    ["1.2万", 12000],
    ["20万元", 200000],
    ["1.5亿", 150000000],
    ["0.07万", 700],
    ["3,450", 3450],
    ["1,234,567.89", 1234567.89],
    ["-500", -500],
    ["\u2212500", -500],
    ["+500", 500],
    ["(500)", -500],
    ["(¥1,200.00)", -1200],
    ["（５００）", -500],
    ["-¥500", -500],
    ["¥-500", -500],
    ["$35.17", 35.17],
    ["US$35.17", 35.17],
    ["RMB 100", 100],
    ["rmb100", 100],
    ["CNY 100", 100],
    ["35.17 USD", 35.17],
    ["１，２００．５０", 1200.5],
    ["￥１２００", 1200],
    ["  88  ", 88],
    ["\u300088\u3000", 88],
    ["0", 0],
    ["-0", 0],
    [".5", 0.5],
  ])("reads %s as %d", (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it("keeps finite numbers as they are", () => {
    expect(parseAmount(1200.5)).toBe(1200.5);
    expect(parseAmount(-3)).toBe(-3);
    expect(parseAmount(0)).toBe(0);
  });

  it.each([
    "1,2",
    "12,34",
    "1,2345",
    "1234,567",
    ",123",
    "abc",
    "12元5",
    "1.2.3",
    "",
    "   ",
    "5.",
    "--5",
    "-(500)",
    "(500",
    "$100元",
    "1.2千万",
    "1e5",
    "N/A",
    "-",
    "¥",
    "万",
    "100 200",
  ])("rejects %j", (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it("rejects non-amount values", () => {
    for (const v of [true, false, null, undefined, NaN, Infinity, -Infinity])
      expect(parseAmount(v)).toBeNull();
  });

  it("multiplies 万 and 亿 without binary noise", () => {
    expect(parseAmount("1.2万")).toBe(12000);
    expect(parseAmount("0.1万")).toBe(1000);
    expect(parseAmount("3.3万")).toBe(33000);
    expect(parseAmount("1.1亿")).toBe(110000000);
    expect(parseAmount("2.345678万")).toBe(23456.78);
  });

  it("reads String(n) back as n for safe integers", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseAmount(String(n))).toBe(n === 0 ? 0 : n);
      })
    );
  });

  it("reads grouped integers as their value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseAmount(n.toLocaleString("en-US"))).toBe(n);
      })
    );
  });

  it("never throws and returns a finite number or null", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const r = parseAmount(cell);
        if (r !== null) expect(Number.isFinite(r)).toBe(true);
      }),
      { numRuns: 2000 }
    );
  });
});

describe("parseCount", () => {
  it("reads non-negative integer counts", () => {
    expect(parseCount(12)).toBe(12);
    expect(parseCount(0)).toBe(0);
    expect(parseCount("12")).toBe(12);
    expect(parseCount("12次")).toBe(12);
    expect(parseCount("１２")).toBe(12);
    expect(parseCount(" 3 次 ")).toBe(3);
    expect(parseCount("1,200")).toBe(1200);
  });

  it("rejects everything else", () => {
    for (const v of [
      -1,
      1.5,
      NaN,
      Infinity,
      "-1",
      "1.5",
      "abc",
      "",
      "12元",
      "1,2",
      true,
      null,
      undefined,
    ]) {
      expect(parseCount(v)).toBeNull();
    }
  });
});

describe("normalizeId", () => {
  it("folds width, trims and lower-cases strings", () => {
    expect(normalizeId("ｃ００１ ")).toBe(normalizeId("C001"));
    expect(normalizeId("C001")).toBe("c001");
    expect(normalizeId("  C001\u3000")).toBe("c001");
    expect(normalizeId("c001")).toBe("c001");
    expect(normalizeId("客户-A01")).toBe("客户-a01");
  });

  it("does not collapse anything else", () => {
    expect(normalizeId("C-001")).not.toBe(normalizeId("C001"));
    expect(normalizeId("C 001")).toBe("c 001");
    expect(normalizeId("1001.0")).not.toBe(normalizeId(1001));
  });

  it("writes numbers as their shortest text", () => {
    expect(normalizeId(1001)).toBe("1001");
    expect(normalizeId(1001)).toBe(normalizeId("1001"));
    expect(normalizeId(12.5)).toBe("12.5");
    expect(normalizeId(-0)).toBe("0");
  });

  it("gives null for blanks, booleans and non-finite numbers", () => {
    for (const v of [null, undefined, "", "  ", "\u3000", true, false, NaN, Infinity])
      expect(normalizeId(v)).toBeNull();
  });

  it("never throws, and its result is a fixed point", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const id = normalizeId(cell);
        if (id !== null) {
          expect(id.length).toBeGreaterThan(0);
          expect(normalizeId(id)).toBe(id);
        }
      }),
      { numRuns: 2000 }
    );
  });
});

describe("normalizeHeader", () => {
  it.each([
    ["金额（元）", "金额"],
    ["金额(元)", "金额"],
    ["金额[元]", "金额"],
    ["金额 (¥)", "金额"],
    ["金额(RMB)", "金额"],
    ["Amount (yuan)", "amount"],
    ["销售额（万元）", "销售额"],
    ["Order Date", "orderdate"],
    ["order_date", "orderdate"],
    ["Order-Date", "orderdate"],
    ["累计交易金额(元)", "累计交易金额"],
    ["主要产品/服务需求", "主要产品服务需求"],
    ["对接人姓名*", "对接人姓名"],
    ["*客户ID", "客户id"],
    ["客户ＩＤ", "客户id"],
    ["日期：", "日期"],
    ["  Customer\u3000ID ", "customerid"],
    ["客户ID(必填)", "客户id(必填)"],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });

  it("handles non-string cells", () => {
    expect(normalizeHeader(null)).toBe("");
    expect(normalizeHeader(undefined)).toBe("");
    expect(normalizeHeader(true)).toBe("");
    expect(normalizeHeader(2024)).toBe("2024");
  });
});
