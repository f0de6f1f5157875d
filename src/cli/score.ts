#!/usr/bin/env node
import { parseCliArgs, runScoreCommand, UsageError, USAGE } from "./run";

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  try {
    const { report, lines } = await runScoreCommand(options);
    const stream = report.problem ? console.error : console.log;
    for (const line of lines) stream(line);
    return report.problem ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      console.error(`File not found: ${(error as NodeJS.ErrnoException).path}`);
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
