import { readFile, writeFile } from "node:fs/promises";
import { injectCharts, type ChartToInject } from "./charts";

/** Reads an .xlsx, adds the charts and writes it back in place. */
export async function injectChartsIntoFile(
  path: string,
  charts: ReadonlyArray<ChartToInject>
): Promise<void> {
  const data = await readFile(path);
  await writeFile(path, await injectCharts(data, charts));
}
