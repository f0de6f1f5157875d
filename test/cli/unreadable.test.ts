import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { parseDate } from "../../src/core/parse";
import type { Lang } from "../../src/i18n/lang";
import { runScoreCommand, UnreadableWorkbook } from "../../src/cli/run";
import {
  book,
  bookParts,
  cell,
  compoundFile,
  NS_MAIN,
  NS_PKG_REL,
  NS_REL,
  ORDERS_ROWS,
  ORDERS_STRINGS,
  worksheet,
  zip,
} from "../xlsx/hostile";

const root = resolve(__dirname, "../..");
const AS_OF = parseDate("2024-12-31") as number;
const dir = mkdtempSync(join(tmpdir(), "rfm-unreadable-"));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function score(
  input: string,
  lang: Lang,
  out = join(dir, "out-" + Math.random().toString(36).slice(2) + ".xlsx")
) {
  return runScoreCommand(
    {
      input,
      out,
      asOf: AS_OF,
      scheme: null,
      csv: null,
      lang,
      modelJson: null,
    },
    AS_OF
  );
}

/** The sentence a run ends with, or a note that it did not fail. */
async function failure(input: string, lang: Lang): Promise<UnreadableWorkbook> {
  try {
    await score(input, lang);
  } catch (error) {
    if (error instanceof UnreadableWorkbook) return error;
    throw error;
  }
  throw new Error("the run did not fail");
}

const parts = () =>
  bookParts({ sheets: [{ name: "订单", rows: ORDERS_ROWS }], sharedStrings: ORDERS_STRINGS });
const good = zip(parts());
const strict = parts();
strict["xl/workbook.xml"] = String(strict["xl/workbook.xml"]).replace(
  NS_MAIN,
  "http://purl.oclc.org/ooxml/spreadsheetml/main"
);
const missingSheet = parts();
delete missingSheet["xl/worksheets/sheet1.xml"];

/** Each kind of unreadable file, and words each language's message must hold. */
const CASES: Array<[string, Uint8Array, Record<Lang, RegExp[]>]> = [
  [
    "empty.xlsx",
    new Uint8Array(0),
    { "zh-CN": [/空的/, /重新保存或下载/], "en-US": [/empty/, /again/] },
  ],
  [
    "notes.xlsx",
    strToU8("客户ID,金额\nC1,10\n"),
    { "zh-CN": [/不是 Excel 工作簿/, /另存为/], "en-US": [/not an Excel workbook/, /save it as/] },
  ],
  [
    "truncated.xlsx",
    good.subarray(0, Math.floor(good.length / 2)),
    { "zh-CN": [/已损坏/, /修复/], "en-US": [/damaged/, /repair/] },
  ],
  [
    "missing-sheet.xlsx",
    zip(missingSheet),
    {
      "zh-CN": [/已损坏/, /xl\/worksheets\/sheet1\.xml/],
      "en-US": [/damaged part: xl\/worksheets\/sheet1\.xml/],
    },
  ],
  [
    "locked.xlsx",
    compoundFile(["EncryptionInfo", "EncryptedPackage"]),
    { "zh-CN": [/打开密码/, /清空密码/], "en-US": [/password to open/, /clear the password/] },
  ],
  [
    "strict.xlsx",
    zip(strict),
    { "zh-CN": [/Strict Open XML/, /另存为/], "en-US": [/Strict Open XML/, /Save As/] },
  ],
  [
    "old.xls",
    compoundFile(["Workbook"]),
    { "zh-CN": [/97-2003/, /另存为/], "en-US": [/97-2003/, /Save As/] },
  ],
  [
    "binary.xlsb",
    zip({
      "_rels/.rels": `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="r" Type="${NS_REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      "xl/workbook.bin": new Uint8Array([0x83, 1, 0]),
    }),
    { "zh-CN": [/\.xlsb/, /另存为/], "en-US": [/\.xlsb/, /Save As/] },
  ],
];

describe("a file that cannot be read ends in one sentence in the user's language", () => {
  test.each(CASES)("%s", async (name, bytes, words) => {
    const path = file(name, bytes);
    for (const lang of ["zh-CN", "en-US"] as const) {
      const error = await failure(path, lang);
      expect(error.message).toContain(name);
      for (const word of words[lang]) expect(error.message).toMatch(word);
      // Never a library's text or a stack trace.
      expect(error.message).not.toMatch(/undefined|Error|TypeError|\n\s+at /);
    }
  });

  test("a missing file is named in the user's language", async () => {
    const missing = join(dir, "nowhere.xlsx");
    expect((await failure(missing, "zh-CN")).message).toMatch(/找不到文件.*nowhere\.xlsx/);
    expect((await failure(missing, "en-US")).message).toMatch(/nowhere\.xlsx" was not found/);
  });

  test("as a process: exit code 1, the sentence alone on stderr, nothing written", () => {
    const input = file("broken.xlsx", good.subarray(0, 200));
    const out = join(dir, "never.xlsx");
    for (const [lang, word] of [
      ["zh-CN", "已损坏"],
      ["en-US", "damaged"],
    ]) {
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", join(root, "src/cli/score.ts"), input, "--out", out, "--lang", lang],
        { cwd: root, encoding: "utf8" }
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(word);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe("files that real producers write are scored", () => {
  test("worksheet parts under other names, inline strings, rows without numbers", async () => {
    const rows =
      `<row>${cell.inline("A1", "客户ID")}${cell.inline("B1", "交易日期")}${cell.inline("C1", "金额")}</row>` +
      `<row><c t="inlineStr"><is><t>C001</t></is></c><c><v>45292</v></c><c><v>120.5</v></c></row>` +
      `<row><c t="inlineStr"><is><t>C002</t></is></c><c><v>45600</v></c><c><v>80</v></c></row>`;
    const input = file(
      "odd-parts.xlsx",
      book({ sheets: [{ name: "订单", xml: worksheet(rows), path: "xl/ws/data.xml" }] })
    );
    const out = join(dir, "odd-parts-scored.xlsx");
    const { report } = await score(input, "en-US", out);
    expect(report.problem).toBeFalsy();
    // The output keeps that sheet where its producer put it, byte for byte.
    const written = unzipSync(readFileSync(out));
    expect(strFromU8(written["xl/ws/data.xml"])).toBe(worksheet(rows));
    expect(report.mode).toBe("orders");
    expect(report.customers.map((c) => c.customer.id).sort()).toEqual(["C001", "C002"]);
  });
});
