/**
 * `npm run bench:read`: reading a workbook's values, by reader, each in a fresh process so peak
 * memory is its own. Readers: this project's (src/xlsx/values.ts), ExcelJS (the command line's old
 * path: load + readGrids), SheetJS when installed (`npm install --no-save @e965/xlsx@0.20.3`,
 * or READ_BENCH_SHEETJS=<its folder>), and openpyxl's read-only mode (what pandas reads .xlsx
 * with) when Debian's python3-openpyxl is there. The anchor is inflating the same parts without parsing
 * them, measured in the same run. Then the hostile files of test/xlsx/hostile.ts, by reader.
 *
 *   npm run bench:read                 # 100k customers / 400k order lines, and 1,048,575 lines
 *   npm run bench:read -- --small      # 400k only
 *   npm run bench:read -- --hostile    # which hostile files each reader reads
 *   npm run bench:read -- --readers=inflate,values   # only these readers
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { inflateEntry, listEntries } from "../src/xlsx/zip";
import { readWorkbookValues } from "../src/xlsx/values";
import { loadWorkbook, readGrids } from "../src/xlsx/workbook";
import { makeBenchWorkbook } from "./data";
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
} from "../test/xlsx/hostile";

const root = resolve(__dirname, "..");
const workDir = join(root, ".bench");
const READERS = ["inflate", "values", "sheetjs", "exceljs", "openpyxl"] as const;
type Reader = (typeof READERS)[number];

interface SheetJs {
  read(
    data: Uint8Array,
    options: Record<string, unknown>
  ): { SheetNames: string[]; Sheets: Record<string, unknown> };
  utils: { sheet_to_json(sheet: unknown, options: Record<string, unknown>): unknown[][] };
}

function sheetJs(): SheetJs | null {
  const require = createRequire(__filename);
  for (const id of [process.env.READ_BENCH_SHEETJS, "@e965/xlsx"]) {
    if (!id) continue;
    try {
      return require(id) as SheetJs;
    } catch {
      // not installed: that column is skipped
    }
  }
  return null;
}

/** Reads the file with one reader; returns cells delivered (or throws the reader's own error). */
async function readWith(reader: Reader, bytes: Buffer): Promise<number> {
  const count = (grids: ReadonlyArray<{ values: ReadonlyArray<readonly unknown[]> }>) =>
    grids.reduce((sum, g) => sum + g.values.reduce((n, row) => n + row.length, 0), 0);
  switch (reader) {
    case "inflate": {
      let total = 0;
      for (const entry of listEntries(bytes, 100_000))
        inflateEntry(bytes, entry, (chunk) => (total += chunk.length));
      return total;
    }
    case "values": {
      const read = readWorkbookValues(bytes);
      if (!read.ok) throw new Error(`${read.code} (${read.reason})`);
      return count(read.sheets);
    }
    case "exceljs": {
      const { workbook } = await loadWorkbook(bytes);
      return count(readGrids(workbook));
    }
    case "openpyxl":
      throw new Error("runs in Python");
    case "sheetjs": {
      const xlsx = sheetJs();
      if (!xlsx) throw new Error("not installed");
      const wb = xlsx.read(bytes, {
        type: "buffer",
        dense: true,
        cellText: false,
        cellHTML: false,
      });
      return count(
        wb.SheetNames.map((name) => ({
          values: xlsx.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true, defval: "" }),
        }))
      );
    }
  }
}

/** Child process: one reader on one file, prints a JSON line. */
async function one(reader: Reader, file: string): Promise<void> {
  const bytes = readFileSync(file);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let result: Record<string, unknown>;
  try {
    const cells = await readWith(reader, bytes);
    result = { ok: true, cells };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    result = { ok: false, error: text.split("\n")[0].slice(0, 90) };
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ ...result, seconds, cpuSeconds, peakMb }));
}

/** openpyxl in read-only mode, the reader pandas uses for .xlsx, measured by Python itself. */
const OPENPYXL = `
import sys, time, resource
import openpyxl
start = time.time(); cpu = time.process_time()
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
print('{"ok": true, "cells": %d, "seconds": %f, "cpuSeconds": %f, "peakMb": %d}' % (cells, time.time() - start, time.process_time() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
`;
const PYTHON = "/usr/bin/python3";

function runChild(reader: Reader, file: string, timeoutSeconds: number): Record<string, unknown> {
  const command =
    reader === "openpyxl"
      ? [PYTHON, ["-c", OPENPYXL, file]]
      : [
          process.execPath,
          ["--max-old-space-size=16000", "--import", "tsx", __filename, "--one", reader, file],
        ];
  const child = spawnSync(command[0] as string, command[1] as string[], {
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
    cwd: root,
  });
  if (child.error || child.status !== 0) {
    const timedOut = child.signal === "SIGTERM";
    return {
      ok: false,
      error: timedOut
        ? `no result after ${timeoutSeconds} s`
        : `exit ${child.status}: ${child.stderr.split("\n").find((l) => l.trim()) ?? ""}`.slice(
            0,
            90
          ),
    };
  }
  const line = child.stdout.trim().split("\n").pop() ?? "{}";
  return JSON.parse(line) as Record<string, unknown>;
}

async function writeOrders(path: string, orderRows: number, customers?: number): Promise<void> {
  const data = makeBenchWorkbook(orderRows, 42, customers);
  // Shared strings, as Excel saves: the reader must resolve every text cell through the table.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  for (const sheet of [data.archive, data.orders]) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row as ExcelJS.CellValue[]).commit();
    ws.commit();
  }
  await wb.commit();
}

async function speed(files: Array<[string, string]>, only: string[] | null): Promise<void> {
  const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
  const available = READERS.filter(
    (r) =>
      (r !== "sheetjs" || sheetJs() !== null) &&
      (r !== "openpyxl" || hasOpenpyxl) &&
      (only === null || only.includes(r))
  );
  if (!available.includes("sheetjs")) console.log("(SheetJS not installed: its line is skipped)");
  if (!hasOpenpyxl) console.log("(no openpyxl under /usr/bin/python3: its line is skipped)");
  for (const [label, file] of files) {
    console.log(`\n${label} (${(readFileSync(file).length / 2 ** 20).toFixed(1)} MB file)`);
    let anchor = 0;
    for (const reader of available) {
      const r = runChild(reader, file, 900);
      const seconds = r.seconds as number | undefined;
      const cpu = r.cpuSeconds as number | undefined;
      if (reader === "inflate" && cpu) anchor = cpu;
      const ratio = cpu && anchor ? ` = ${(cpu / anchor).toFixed(1)}× inflate` : "";
      console.log(
        r.ok
          ? `  ${reader.padEnd(8)} ${seconds!.toFixed(2)} s wall, ${cpu!.toFixed(2)} s CPU${ratio}, peak RSS ${r.peakMb} MB, ${r.cells} ${reader === "inflate" ? "bytes" : "cells"}`
          : `  ${reader.padEnd(8)} failed: ${r.error}`
      );
    }
  }
}

/** The hostile files of the tests, by name. */
function hostileFiles(): Array<[string, Uint8Array]> {
  const parts = () =>
    bookParts({ sheets: [{ name: "S", rows: ORDERS_ROWS }], sharedStrings: ORDERS_STRINGS });
  const good = zip(parts());
  const merges = Array.from(
    { length: 50_000 },
    (_, r) => `<mergeCell ref="A${r + 10}:B${r + 10}"/>`
  ).join("");
  const laughs =
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`
    ).join("") +
    `]><worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
  const row = `<row>${`<c><v>1</v></c>`.repeat(1000)}</row>`;
  const prefixed = parts();
  prefixed["xl/worksheets/sheet1.xml"] =
    `<x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  prefixed["xl/_rels/workbook.xml.rels"] =
    `<p:Relationships xmlns:p="${NS_PKG_REL}"><p:Relationship Id="rIdS1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/><p:Relationship Id="rIdSST" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></p:Relationships>`;
  const strict = parts();
  strict["xl/workbook.xml"] = String(strict["xl/workbook.xml"]).replace(
    NS_MAIN,
    "http://purl.oclc.org/ooxml/spreadsheetml/main"
  );
  return [
    ["plain", good],
    [
      "inline strings",
      book({ sheets: [{ name: "S", rows: `<row r="1">${cell.inline("A1", "客户ID")}</row>` }] }),
    ],
    [
      "sheet part xl/ws/data.xml",
      book({
        sheets: [{ name: "S", rows: ORDERS_ROWS, path: "xl/ws/data.xml" }],
        sharedStrings: ORDERS_STRINGS,
      }),
    ],
    [
      "rows without r",
      book({
        sheets: [{ name: "S", rows: `<row><c t="s"><v>0</v></c></row><row><c><v>1</v></c></row>` }],
        sharedStrings: ORDERS_STRINGS,
      }),
    ],
    ["prefixed parts", zip(prefixed)],
    [
      "50,000 merged cells",
      book({
        sheets: [{ name: "S", xml: worksheet(ORDERS_ROWS, `<mergeCells>${merges}</mergeCells>`) }],
        sharedStrings: ORDERS_STRINGS,
      }),
    ],
    ["billion laughs", book({ sheets: [{ name: "S", xml: laughs }] })],
    [
      "zip bomb 24 MB→60 KB",
      zip(
        bookParts({
          sheets: [{ name: "S", rows: row.repeat(Math.ceil((24 * 2 ** 20) / row.length)) }],
        }),
        9
      ),
    ],
    ["truncated zip", good.subarray(0, Math.floor(good.length / 2))],
    ["strict", zip(strict)],
    ["password (CFB)", compoundFile(["EncryptionInfo", "EncryptedPackage"])],
    [".xls (CFB)", compoundFile(["Workbook"])],
    ["empty file", new Uint8Array(0)],
  ];
}

async function hostile(): Promise<void> {
  mkdirSync(join(workDir, "hostile"), { recursive: true });
  const readers = (["values", "sheetjs", "exceljs"] as const).filter(
    (r) => r !== "sheetjs" || sheetJs() !== null
  );
  for (const [name, bytes] of hostileFiles()) {
    const file = join(workDir, "hostile", name.replace(/[^a-z0-9]+/gi, "-") + ".xlsx");
    writeFileSync(file, bytes);
    const cells = readers.map((reader) => {
      const r = runChild(reader, file, 60);
      return `${reader}: ${r.ok ? `read ${r.cells} cells, ${(r.seconds as number).toFixed(2)} s, ${r.peakMb} MB` : r.error}`;
    });
    console.log(`${name}\n    ${cells.join("\n    ")}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--one") return one(args[1] as Reader, args[2]);
  mkdirSync(workDir, { recursive: true });
  if (args.includes("--hostile")) return hostile();
  const files: Array<[string, string]> = [];
  const mid = join(workDir, "read-customers-100k-orders-400k.xlsx");
  if (!existsSync(mid)) await writeOrders(mid, 400_000, 100_000);
  files.push(["100k customers / 400k order lines", mid]);
  if (!args.includes("--small")) {
    const big = join(workDir, "read-orders-1048575.xlsx");
    if (!existsSync(big)) await writeOrders(big, 1_048_575);
    files.push(["1,048,575 order lines", big]);
  }
  const only = args.find((a) => a.startsWith("--readers="));
  await speed(files, only ? only.slice("--readers=".length).split(",") : null);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
