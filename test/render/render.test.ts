import ExcelJS from "exceljs";
import type { PNG } from "pngjs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHART_COLORS } from "../../src/xlsx/charts";
import { injectChartsIntoFile } from "../../src/xlsx/chartsFile";
import { writePlan } from "../../src/xlsx/workbook";
import { DATA_BAR_COLOR, SCORE_SCALE, TIER_COLORS } from "../../src/plan/formats";
import type { ChartPlan, ConditionalFormatPlan, SheetPlan, TablePlan } from "../../src/plan/types";
import {
  CJK_FONT,
  boundsOfColor,
  countNonWhite,
  countPixelsNear,
  countPixelsOfHue,
  hueMatcher,
  parseHex,
  pdfFontNames,
  pdfPathFor,
  pixelAt,
  readPng,
  renderXlsxToPngs,
} from "./render";

/**
 * Renders real output workbooks with LibreOffice and checks by pixel that the conditional
 * formats and the injected chart show. PNGs stay in a temp folder (printed below) to look at.
 */

const DPI = 50;
/** The data bar's hue, saturated and light: leaves out the dark blue header fill of a similar hue and its antialiased edges. */
const BAR_HUE = { hueTolerance: 8, minSaturation: 0.3, minValue: 0.7 };

const TIERS: Array<{ label: string; palette: keyof typeof TIER_COLORS }> = [
  { label: "重要保持客户", palette: "maintain" },
  { label: "重要发展客户", palette: "develop" },
  { label: "一般保持客户", palette: "keep" },
  { label: "挽回客户", palette: "win_back" },
];

/** A tier-sheet-like table: customer, tier (text fills), spend (data bar), score (colour scale). */
function tiersTable(withFormats: boolean): TablePlan {
  const rows = [
    ["张伟", TIERS[0].label, 52000, 15],
    ["王芳", TIERS[0].label, 43000, 14],
    ["李娜", TIERS[1].label, 21000, 11],
    ["刘洋", TIERS[1].label, 18000, 10],
    ["陈静", TIERS[2].label, 9000, 8],
    ["杨磊", TIERS[2].label, 6000, 6],
    ["赵敏", TIERS[3].label, 2500, 4],
    ["黄强", TIERS[3].label, 800, 3],
  ];
  const all = { firstRow: 0, lastRow: rows.length - 1 };
  const formats: ConditionalFormatPlan[] = [
    ...TIERS.map(({ label, palette }) => ({
      type: "textEquals" as const,
      column: 1,
      rows: all,
      text: label,
      fill: TIER_COLORS[palette].fill,
      font: TIER_COLORS[palette].font,
    })),
    { type: "dataBar", column: 2, rows: all, color: DATA_BAR_COLOR },
    { type: "colorScale", column: 3, rows: all, colors: SCORE_SCALE },
  ];
  return {
    id: "tiers",
    startRow: 1,
    startColumn: 0,
    columns: [
      { key: "customer", header: "客户", kind: "text", width: 12 },
      { key: "tier", header: "客户分层", kind: "text", width: 18 },
      { key: "spend", header: "消费金额", kind: "money", width: 18 },
      { key: "score", header: "RFM 得分", kind: "integer", width: 12 },
    ],
    rows,
    conditionalFormats: withFormats ? formats : [],
    validations: [],
  };
}

function tiersPlan(withFormats: boolean): SheetPlan {
  return {
    key: "tiers",
    name: "客户分层",
    preamble: [["客户分层 截至 2024-06-30"]],
    tables: [tiersTable(withFormats)],
    charts: [],
    freezeRows: 2,
    freezeColumns: 1,
  };
}

const SUMMARY_TABLE: TablePlan = {
  id: "counts",
  startRow: 1,
  startColumn: 0,
  columns: [
    { key: "tier", header: "分层", kind: "text", width: 16 },
    { key: "count", header: "客户数", kind: "integer", width: 10 },
  ],
  rows: [
    ["重要保持", 120],
    ["重要发展", 80],
    ["一般保持", 45],
    ["挽回", 30],
  ],
  conditionalFormats: [],
  validations: [],
};

const CHART: ChartPlan = {
  type: "column",
  title: "各分层客户数",
  table: "counts",
  categoryColumn: 0,
  valueColumns: [1],
  anchor: { row: 1, column: 3, columns: 4, rows: 14 },
};

function summaryPlan(): SheetPlan {
  return {
    key: "summary",
    name: "汇总 & 图表",
    preamble: [["汇总"]],
    tables: [SUMMARY_TABLE],
    charts: [CHART],
    freezeRows: 0,
    freezeColumns: 0,
  };
}

async function buildWorkbook(
  path: string,
  withFormats: boolean,
  withChart: boolean
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  writePlan(wb, tiersPlan(withFormats));
  const summary = summaryPlan();
  writePlan(wb, summary);
  await wb.xlsx.writeFile(path);
  if (withChart)
    await injectChartsIntoFile(path, [
      { sheetName: summary.name, chart: CHART, table: SUMMARY_TABLE },
    ]);
}

/** Area of one filled cell in pixels at DPI (a 15 pt row; width in characters of ~7 px at 96 dpi). */
function cellArea(widthChars: number): number {
  const height = (15 / 72) * DPI;
  const width = ((widthChars * 7 + 5) / 96) * DPI;
  return height * width;
}

/**
 * Right ends of the bars of `hex`'s hue, top to bottom. Bars of adjacent rows touch, so each line
 * of pixels is measured and consecutive lines ending at the same x make one bar. (The right end,
 * not the width: text of a similar hue further left does not move it.)
 */
function barRightEnds(page: PNG, hex: string): number[] {
  const matches = hueMatcher(hex, BAR_HUE);
  const ends: number[] = [];
  let previous = -1;
  for (let y = 0; y < page.height; y++) {
    let end = -1;
    for (let x = page.width - 1; x >= 0 && end < 0; x--) if (matches(pixelAt(page, x, y))) end = x;
    if (end >= 0 && Math.abs(end - previous) > 1) ends.push(end);
    previous = end;
  }
  return ends;
}

/**
 * Heights of the columns of a column chart drawn in `hex`, left to right: the longest vertical run
 * of the colour per pixel column, grouped into columns. Runs shorter than `minHeight` (the legend's
 * key) do not count.
 */
function columnHeights(page: PNG, hex: string, minHeight = 6): number[] {
  const target = parseHex(hex);
  const near = (x: number, y: number): boolean => {
    const c = pixelAt(page, x, y);
    return (
      Math.abs(c.r - target.r) <= 10 &&
      Math.abs(c.g - target.g) <= 10 &&
      Math.abs(c.b - target.b) <= 10
    );
  };
  const heights: number[] = [];
  let current = 0;
  for (let x = 0; x <= page.width; x++) {
    let longest = 0;
    for (let y = 0, run = 0; x < page.width && y < page.height; y++) {
      run = near(x, y) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= minHeight) current = Math.max(current, longest);
    else if (current > 0) {
      heights.push(current);
      current = 0;
    }
  }
  return heights;
}

describe("rendering output workbooks with LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "render-test-"));
  let formatted: string[] = [];
  let plain: string[] = [];

  beforeAll(async () => {
    const withFormats = join(dir, "formatted.xlsx");
    const without = join(dir, "plain.xlsx");
    await buildWorkbook(withFormats, true, true);
    await buildWorkbook(without, false, false);
    formatted = renderXlsxToPngs(withFormats, join(dir, "formatted"), DPI);
    plain = renderXlsxToPngs(without, join(dir, "plain"), DPI);
    console.log(`rendered pages in ${dir}:\n${[...formatted, ...plain].join("\n")}`);
  }, 300_000);

  it("prints one page per sheet", () => {
    expect(formatted).toHaveLength(2);
    expect(plain).toHaveLength(2);
  });

  it("draws Chinese text with a font that has Chinese glyphs (not empty boxes)", () => {
    const fonts = pdfFontNames(pdfPathFor(join(dir, "formatted.xlsx"), join(dir, "formatted")));
    const cjk = fonts.filter((name) => CJK_FONT.test(name));
    if (cjk.length === 0) {
      throw new Error(
        `no CJK font in the PDF (fonts: ${fonts.join(", ")}): Chinese would print as empty boxes; ` +
          "install one, e.g. `bash scripts/ensure-system-deps.sh fonts-droid-fallback`"
      );
    }
  });

  it("shows each tier's fill on the two cells of that tier", () => {
    const page = readPng(formatted[0]);
    const area = cellArea(18);
    for (const { palette } of TIERS) {
      const count = countPixelsNear(page, TIER_COLORS[palette].fill, 6);
      console.log(
        `${palette} ${TIER_COLORS[palette].fill}: ${count} px (2 cells ≈ ${Math.round(2 * area)} px)`
      );
      expect(count).toBeGreaterThan(area); // more than one cell's worth
      expect(count).toBeLessThan(4 * area); // and not a whole page
    }
  });

  it("draws the spend data bars in the data bar colour", () => {
    const page = readPng(formatted[0]);
    const exact = countPixelsNear(page, DATA_BAR_COLOR, 12);
    const hue = countPixelsOfHue(page, DATA_BAR_COLOR, BAR_HUE);
    console.log(`data bar ${DATA_BAR_COLOR}: ${exact} px near, ${hue} px of its hue`);
    expect(hue).toBeGreaterThan(cellArea(18));
    // One bar per spend row, longer for a larger spend (rows are sorted by spend, largest first).
    const ends = barRightEnds(page, DATA_BAR_COLOR);
    console.log(`data bar right ends by row: ${ends.join(", ")}`);
    expect(ends.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < ends.length; i++) expect(ends[i]).toBeLessThan(ends[i - 1]);
    expect(ends[0] - ends[ends.length - 1]).toBeGreaterThan(20);
  });

  it("colours the score column from red to green", () => {
    const page = readPng(formatted[0]);
    for (const color of [SCORE_SCALE[0], SCORE_SCALE[2]]) {
      const count = countPixelsNear(page, color, 10);
      console.log(`colour scale end ${color}: ${count} px`);
      expect(count).toBeGreaterThan(0.5 * cellArea(12));
    }
  });

  it("draws the injected column chart beside its table", () => {
    const page = readPng(formatted[1]);
    const series = CHART_COLORS[0];
    const bars = boundsOfColor(page, series, 10);
    const count = countPixelsNear(page, series, 10);
    console.log(
      `chart series ${series}: ${count} px in ${JSON.stringify(bars)}; page ${page.width}x${page.height}`
    );
    expect(bars).not.toBeNull();
    expect(count).toBeGreaterThan(200);
    // Anchored from column D: the bars sit right of the table's two columns (16 + 10 characters).
    const tableRight = 0.7 * DPI + ((26 * 7 + 10) / 96) * DPI;
    expect(bars!.left).toBeGreaterThan(tableRight);
    // The chart area (its frame and text) covers a good part of its anchor region.
    const region = { left: tableRight, top: 0, right: page.width, bottom: page.height / 2 };
    expect(countNonWhite(page, region)).toBeGreaterThan(count);
    // One column per tier, as tall as its count (drawn from the cached values: no recalculation).
    const heights = columnHeights(page, series);
    const counts = SUMMARY_TABLE.rows.map((row) => row[1] as number);
    console.log(`chart columns: ${heights.join(", ")} px for ${counts.join(", ")}`);
    expect(heights).toHaveLength(counts.length);
    heights.forEach((h, i) => expect(h / heights[0]).toBeCloseTo(counts[i] / counts[0], 1));
  });

  it("negative control: without the rules and the chart none of their colours appear", () => {
    const tiers = readPng(plain[0]);
    for (const { palette } of TIERS)
      expect(countPixelsNear(tiers, TIER_COLORS[palette].fill, 6)).toBeLessThan(cellArea(18) / 4);
    expect(countPixelsOfHue(tiers, DATA_BAR_COLOR, BAR_HUE)).toBeLessThan(cellArea(18) / 4);
    for (const color of [SCORE_SCALE[0], SCORE_SCALE[2]])
      expect(countPixelsNear(tiers, color, 10)).toBeLessThan(cellArea(12) / 4);
    const summary = readPng(plain[1]);
    expect(countPixelsNear(summary, CHART_COLORS[0], 10)).toBe(0);
  });
});
