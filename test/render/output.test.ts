import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { strings } from "../../src/i18n";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { runScoreCommand } from "../../src/cli/run";
import { parseDate } from "../../src/core/parse";
import { TIER_COLORS, WATCH_COLORS } from "../../src/plan/formats";
import { countPixelsNear, readPng, renderXlsxToPngs } from "./render";

const dir = mkdtempSync(join(tmpdir(), "render-output-"));
const scored = join(dir, "scored.xlsx");
let demo: ReturnType<typeof runScoreCommand> | null = null;

/** The sample scored as `npm run demo` does it, once for every sheet rendered here. */
function scoreDemo(): ReturnType<typeof runScoreCommand> {
  const asOf = parseDate("2024-12-31") as number;
  demo ??= runScoreCommand(
    {
      input: resolve(__dirname, "../../assets/sample-customers.xlsx"),
      out: scored,
      csv: null,
      asOf,
      scheme: null,
      lang: "zh-CN",
      modelJson: null,
    },
    asOf
  );
  return demo;
}

/** One sheet of the scored demo on its own, rendered: so the pages are that sheet's pages. */
async function renderSheetAlone(sheet: string, name: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(scored) as unknown as ExcelJS.Buffer);
  for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
  const only = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(only);
  return renderXlsxToPngs(only, join(dir, name), 50);
}

/** The real output of `npm run demo`, its tier sheet alone, rendered by LibreOffice. */
describe("the demo's tier sheet as LibreOffice renders it", () => {
  let pages: string[] = [];
  let tiersInSheet: string[] = [];

  beforeAll(async () => {
    const { report } = await scoreDemo();
    tiersInSheet = [
      ...new Set(report.customers.map((c) => (c.tier ? c.tier.family : "no_purchases"))),
    ];
    pages = await renderSheetAlone(strings("zh-CN").sheets.names.tiers, "tiers");
  }, 300_000);

  it("fits the sheet to the page width and colours every tier that occurs", () => {
    expect(pages.length).toBeGreaterThan(0);
    const first = readPng(pages[0]);
    for (const family of tiersInSheet) {
      expect(countPixelsNear(first, TIER_COLORS[family].fill, 6)).toBeGreaterThan(50);
    }
  });
});

/** The demo's follow-up watchlist alone: the reasons' colours are really drawn, not only stored. */
describe("the demo's follow-up watchlist as LibreOffice renders it", () => {
  let pages: string[] = [];
  let kinds = new Set<string>();

  beforeAll(async () => {
    const { report } = await scoreDemo();
    kinds = new Set(report.followups?.watch.map((w) => w.kind));
    pages = await renderSheetAlone(strings("zh-CN").sheets.names.watchlist, "watch");
  }, 300_000);

  it("fills overdue next steps red, broken cadences amber and overdue contacts blue", () => {
    expect([...kinds].sort()).toEqual(["cadence", "contact", "overdue"]);
    expect(pages.length).toBeGreaterThan(0);
    // Lines of every kind sort together by days late: count the colours over all pages.
    const near = (color: string) =>
      pages.reduce((sum, page) => sum + countPixelsNear(readPng(page), color, 6), 0);
    expect(near(WATCH_COLORS.overdue.fill)).toBeGreaterThan(50);
    expect(near(WATCH_COLORS.cadence.fill)).toBeGreaterThan(50);
    expect(near(WATCH_COLORS.contact.fill)).toBeGreaterThan(50);
    expect(near(WATCH_COLORS.classA.fill)).toBeGreaterThan(50);
  });
});
