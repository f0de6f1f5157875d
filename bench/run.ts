/**
 * `npm run bench`: engine time and peak memory at 10k, 100k and 1,048,575 order rows, the same
 * computation in pandas for a ratio, and the lifetime-value fit on 100k customers.
 * Each size runs in its own process so its peak memory is its own.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { BENCH_AS_OF } from "./data";

const root = resolve(__dirname, "..");
const workDir = join(root, ".bench");
mkdirSync(workDir, { recursive: true });
const SIZES = [10_000, 100_000, 1_048_575];
const PYTHON = "/usr/bin/python3";

interface EngineResult {
  rows: number;
  customers: number;
  ms: number;
  peakMb: number;
  engineMb: number;
}

function engine(rows: number, csv: string): EngineResult {
  const out = execFileSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=8192",
      "--import",
      "tsx",
      join(__dirname, "engine-once.ts"),
      String(rows),
      csv,
    ],
    { cwd: root, encoding: "utf8" }
  );
  return JSON.parse(out.trim().split("\n").pop() as string) as EngineResult;
}

function pandasAvailable(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import pandas"]).status === 0;
}

function pandas(csv: string): { ms: number } | null {
  const run = spawnSync(PYTHON, [join(__dirname, "rfm_pandas.py"), csv, String(BENCH_AS_OF)], {
    encoding: "utf8",
  });
  if (run.status !== 0) {
    console.log(`  pandas failed: ${run.stderr.trim().split("\n").pop()}`);
    return null;
  }
  return JSON.parse(run.stdout.trim()) as { ms: number };
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  );
  const withPandas = pandasAvailable();
  if (!withPandas) {
    console.log(
      "pandas comparison skipped: Debian's python3-pandas is not installed (apt-get install python3-pandas)."
    );
  }
  console.log("\nRFM engine (read grids → parse → merge orders → R/F/M → fixed5 tiers)");
  console.log("rows\tcustomers\tengine ms\tpeak RSS MB\tengine MB\tpandas ms\tpandas/engine");
  for (const rows of SIZES) {
    const csv = join(workDir, `orders-${rows}.csv`);
    const e = engine(rows, csv);
    const p = withPandas ? pandas(csv) : null;
    const ratio = p ? (p.ms / e.ms).toFixed(2) + "×" : "–";
    console.log(
      `${rows}\t${e.customers}\t${e.ms.toFixed(0)}\t${e.peakMb}\t${e.engineMb}\t${p ? p.ms.toFixed(0) : "–"}\t${ratio}`
    );
  }
  const clvBench = join(__dirname, "clv.ts");
  if (existsSync(clvBench)) {
    const { benchClvFit } = (await import(clvBench)) as {
      benchClvFit: (n: number) => Record<string, unknown>;
    };
    console.log("\nLifetime-value fit (BG/NBD + Gamma-Gamma) on 100k generated customers");
    console.log(JSON.stringify(benchClvFit(100_000)));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
