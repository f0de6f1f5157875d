/**
 * `npm run bench:cli [-- sample 400k 1m]`: the command line end to end (read .xlsx, score, plan, write
 * our sheets into the input package) side by side with the same job scripted in pandas + openpyxl
 * (bench/rfm_openpyxl.py: read all sheets, RFM, write the sheets plus a tier sheet), measured in the
 * same run, each in its own process: time and peak memory (max RSS). Sizes: the sample workbook,
 * 100k customers / 400k order lines, and 1,048,575 order lines (a full orders sheet).
 * The write half is also measured alone (sheets generated in memory instead of read), so the
 * reader and the writer can be judged separately. Run the big sizes under `flock /tmp/heavy.lock`.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { BENCH_AS_OF, makeBenchWorkbook } from "./data";

const root = resolve(__dirname, "..");
const workDir = join(root, ".bench");
const PYTHON = "/usr/bin/python3";

interface Size {
  label: string;
  file: string;
  lines: number;
  customers: number;
}

const SIZES: Record<string, Size> = {
  sample: {
    label: "sample workbook",
    file: join(root, "assets", "sample-customers.xlsx"),
    lines: 0,
    customers: 0,
  },
  "400k": {
    label: "100k customers / 400k order lines",
    file: join(workDir, "customers-100k-orders-400k.xlsx"),
    lines: 400_000,
    customers: 100_000,
  },
  "1m": {
    label: "1,048,575 order lines",
    file: join(workDir, "orders-1048575.xlsx"),
    lines: 1_048_575,
    customers: Math.round(1_048_575 / 10.5),
  },
};

async function writeBig(size: Size): Promise<void> {
  const book = makeBenchWorkbook(size.lines, 42, size.customers);
  // Streaming writer: the generated file is too big to build in memory cell by cell.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: size.file,
    useSharedStrings: false,
  });
  for (const sheet of [book.archive, book.orders]) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row as ExcelJS.CellValue[]).commit();
    ws.commit();
  }
  await wb.commit();
}

type Measure = Record<string, number>;

function child(command: string, args: string[]): Measure | string {
  const run = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !last.startsWith("{"))
    return `failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" | ")}`;
  return JSON.parse(last) as Measure;
}

const node = (args: string[]) =>
  child(process.execPath, ["--max-old-space-size=12000", "--import", "tsx", ...args]);

function pythonReady(): string | null {
  const ensure = spawnSync(
    "bash",
    [join(root, "scripts", "ensure-system-deps.sh"), "python3-pandas", "python3-openpyxl"],
    { encoding: "utf8" }
  );
  if (ensure.status !== 0) return ensure.stderr.trim();
  const check = spawnSync(PYTHON, ["-c", "import pandas, openpyxl"], { encoding: "utf8" });
  return check.status === 0 ? null : check.stderr.trim();
}

const s = (v: number) => `${v.toFixed(1)} s`;
const mb = (v: number) => `${Math.round(v)} MB`;

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(SIZES);
  const pythonProblem = pythonReady();
  if (pythonProblem) console.log(`pandas + openpyxl column skipped: ${pythonProblem}`);
  console.log(
    `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`
  );
  for (const key of wanted) {
    const size = SIZES[key];
    if (!size) throw new Error(`unknown size ${key}: one of ${Object.keys(SIZES).join(", ")}`);
    if (!existsSync(size.file)) await writeBig(size);
    console.log(`\n${size.label} (${size.file.replace(root + "/", "")})`);
    const cli = node(["bench/cli-once.ts", "cli", size.file, join(workDir, `scored-${key}.xlsx`)]);
    if (typeof cli === "string") console.log(`  command line: ${cli}`);
    else
      console.log(
        `  command line:       ${s(cli.total_s)}, peak ${mb(cli.peak_mb)} (${cli.customers} customers, ${cli.order_lines} order lines)`
      );
    if (size.lines > 0) {
      const write = node([
        "bench/cli-once.ts",
        "write",
        size.file,
        join(workDir, `written-${key}.xlsx`),
        String(size.lines),
        String(size.customers),
      ]);
      if (typeof write === "string") console.log(`  write half: ${write}`);
      else
        console.log(
          `  write half alone:   plan ${s(write.plan_s)}, write ${s(write.write_s)}; peak ${mb(write.peak_mb)} ` +
            `(${mb(write.peak_mb_before_plan)} with the sheets in memory, ${mb(write.peak_mb_after_plan)} after planning)`
        );
    }
    // The sample's archive sits under a title row: the script is written for the generated books.
    if (pythonProblem || size.lines === 0) continue;
    const py = child(PYTHON, [
      "bench/rfm_openpyxl.py",
      size.file,
      join(workDir, `pandas-${key}.xlsx`),
      String(BENCH_AS_OF),
    ]);
    if (typeof py === "string") console.log(`  pandas + openpyxl: ${py}`);
    else {
      console.log(
        `  pandas + openpyxl:  ${s(py.total_s)} (read ${s(py.read_s)}, RFM ${s(py.score_s)}, write ${s(py.write_s)}), peak ${mb(py.peak_mb)}`
      );
      if (typeof cli !== "string")
        console.log(
          `  command line / pandas + openpyxl: time ${(cli.total_s / py.total_s).toFixed(2)}x, memory ${(cli.peak_mb / py.peak_mb).toFixed(2)}x`
        );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
