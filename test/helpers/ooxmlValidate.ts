import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { packageProblems } from "./packageChecks";

/**
 * The ECMA-376 Transitional schema check every .xlsx we write must pass (Excel would otherwise offer
 * to repair it). The validator lives next to the repository (../shared/tools/ooxml-validate, as in
 * CI); it needs python3 and xmllint. A missing tool fails the test loudly instead of skipping it.
 */

const ROOT = resolve(__dirname, "../..");
export const VALIDATOR = resolve(ROOT, "../shared/tools/ooxml-validate/validate_xlsx.py");

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

function requireTools(): void {
  if (!existsSync(VALIDATOR))
    throw new Error(
      `The OOXML validator is missing: expected ${VALIDATOR} (../shared/ next to the repository).`
    );
  for (const [command, pkg] of [
    ["python3", "python3"],
    ["xmllint", "libxml2-utils"],
  ])
    if (!has(command))
      throw new Error(
        `${command} is needed to check written .xlsx files: bash scripts/ensure-system-deps.sh ${pkg}`
      );
}

export interface Validation {
  ok: boolean;
  /** The validator's report (the parts that failed, with the schema's words). */
  report: string;
}

/** Runs the validator on a file (or on bytes, written to a temporary file first). */
export function validateXlsx(file: string | Uint8Array, name = "written.xlsx"): Validation {
  requireTools();
  let path: string;
  if (typeof file === "string") path = file;
  else {
    path = join(mkdtempSync(join(tmpdir(), "rfm-validate-")), name);
    writeFileSync(path, file);
  }
  const run = spawnSync("python3", [VALIDATOR, path], { encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status === 2 || run.status === null)
    throw new Error(`validator could not run on ${path}:\n${run.stdout}${run.stderr}`);
  return { ok: run.status === 0, report: `${run.stdout}${run.stderr}` };
}

/** Jest-friendly: fails with the validator's report when the file would need repair. */
export function expectValidXlsx(file: string | Uint8Array, name?: string): void {
  const { ok, report } = validateXlsx(file, name);
  if (!ok) throw new Error(`not a valid .xlsx (Excel would repair it):\n${report}`);
}

/**
 * Everything we check that Excel would otherwise repair: the schema check and what a schema cannot
 * catch (indexes in range, unique names, consistent relationships and content types).
 */
export async function expectExcelOpens(file: string | Uint8Array, name?: string): Promise<void> {
  expectValidXlsx(file, name);
  const data = typeof file === "string" ? readFileSync(file) : file;
  const problems = await packageProblems(data);
  if (problems.length > 0)
    throw new Error(`Excel would repair this package:\n  ${problems.join("\n  ")}`);
}
