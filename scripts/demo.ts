/**
 * `npm run demo`: scores the bundled sample workbook and says where the result is. The terminal shows
 * the tiers, the sales funnel, the follow-up watchlist and likely duplicate customers.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseDate } from "../src/core/parse";
import { runScoreCommand } from "../src/cli/run";

async function main(): Promise<void> {
  const root = resolve(__dirname, "..");
  const outDir = join(root, "out");
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, "sample-scored.xlsx");
  const csv = join(outDir, "sample-scored.csv");
  const reportJson = join(outDir, "sample-report.json");
  const { lines, report } = await runScoreCommand({
    input: join(root, "assets", "sample-customers.xlsx"),
    out,
    csv,
    // The sample's orders end in December 2024: score them as of the year's end.
    asOf: parseDate("2024-12-31"),
    scheme: null,
    lang: (process.env.DEMO_LANG as "zh-CN" | "en-US") ?? "zh-CN",
    modelJson: null,
    reportJson,
  });
  for (const line of lines) console.log(line);
  if (report.problem) process.exitCode = 1;
  else console.log(`\nOpen ${out} in Excel or LibreOffice to see the tiers.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
