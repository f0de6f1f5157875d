import ExcelJS from "exceljs";
import JSZip from "jszip";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { injectCharts, type ChartToInject } from "../../src/xlsx/charts";
import { injectChartsIntoFile } from "../../src/xlsx/chartsFile";
import { loadWorkbook, writePlan } from "../../src/xlsx/workbook";
import { DATA_BAR_COLOR } from "../../src/plan/formats";
import type { ChartPlan, SheetPlan, TablePlan } from "../../src/plan/types";

const TIERS_SHEET = "客户分层";
const ODD_SHEET = "O'Brien & <汇总>";

const COUNTS: TablePlan = {
  id: "counts",
  startRow: 1, // header on sheet row 2, data on rows 3..6
  startColumn: 0,
  columns: [
    { key: "tier", header: "分层", kind: "text", width: 14 },
    { key: "count", header: "客户数", kind: "integer", width: 10 },
    { key: "spend", header: "消费 & <金额>", kind: "money", width: 14 },
  ],
  rows: [
    ["重要保持", 120, 52000.5],
    ["重要发展", 80, 21000],
    ["A&B <类>", 45, null],
    ["挽回", 30, 800],
  ],
  conditionalFormats: [
    { type: "dataBar", column: 2, rows: { firstRow: 0, lastRow: 3 }, color: DATA_BAR_COLOR },
  ],
  validations: [],
};

/** The same table further right and down: header at sheet cell C5, data on rows 6..9. */
const SHIFTED: TablePlan = {
  ...COUNTS,
  id: "shifted",
  startRow: 4,
  startColumn: 2,
  conditionalFormats: [],
};

function chart(
  type: ChartPlan["type"],
  title: string,
  table: TablePlan,
  valueColumns: number[]
): ChartPlan {
  return {
    type,
    title,
    table: table.id,
    categoryColumn: 0,
    valueColumns,
    anchor: { row: 1, column: 5, columns: 6, rows: 12 },
  };
}

function plan(name: string, table: TablePlan): SheetPlan {
  return {
    key: "summary",
    name,
    preamble: [["标题"]],
    tables: [table],
    charts: [],
    freezeRows: 0,
    freezeColumns: 0,
  };
}

async function baseWorkbook(extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  writePlan(wb, plan(TIERS_SHEET, COUNTS));
  writePlan(wb, plan(ODD_SHEET, SHIFTED));
  extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`missing part ${path}; parts: ${Object.keys(zip.files).join(", ")}`);
  return file.async("string");
}

/** The worksheet part of a sheet, through the workbook and its relationships. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await text(zip, "xl/workbook.xml");
  const escaped = name
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "(?:'|&apos;)");
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return `xl/${target}`;
}

function xmllintAvailable(): boolean {
  return spawnSync("sh", ["-c", "command -v xmllint"]).status === 0;
}

/** Fails with xmllint's message when a part is not well-formed XML. */
function expectWellFormed(path: string, xml: string): void {
  const result = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path} is not well-formed XML:\n${result.stderr}`);
}

/** Children of the worksheet root, by local name, in document order. */
function rootChildren(sheetXml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const m of sheetXml.matchAll(
    /<(\/?)([\w:.-]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g
  )) {
    const [, closing, name, selfClosing] = m;
    if (closing) depth--;
    else {
      if (depth === 1) names.push(name.replace(/^.*:/, ""));
      if (!selfClosing) depth++;
    }
  }
  return names;
}

describe("injectCharts", () => {
  const items: ChartToInject[] = [
    {
      sheetName: TIERS_SHEET,
      chart: chart("column", "各分层客户数 <&> \"引号\" 'x'", COUNTS, [1, 2]),
      table: COUNTS,
    },
    { sheetName: ODD_SHEET, chart: chart("bar", "横向", SHIFTED, [1]), table: SHIFTED },
    {
      sheetName: ODD_SHEET,
      chart: {
        ...chart("pie", "占比", SHIFTED, [1]),
        anchor: { row: 14, column: 5, columns: 6, rows: 12 },
      },
      table: SHIFTED,
    },
  ];
  let zip: JSZip;
  let output: Buffer;

  beforeAll(async () => {
    output = await injectCharts(await baseWorkbook(), items);
    zip = await JSZip.loadAsync(output);
  });

  it("writes well-formed XML in every part", async () => {
    if (!xmllintAvailable()) {
      throw new Error(
        "xmllint not found: install the Debian package libxml2-utils (bash scripts/ensure-system-deps.sh libxml2-utils)"
      );
    }
    const parts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    expect(parts).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/charts/chart3.xml",
      ])
    );
    for (const path of parts) expectWellFormed(path, await text(zip, path));
  });

  it("declares the chart and drawing parts in [Content_Types].xml", async () => {
    const types = await text(zip, "[Content_Types].xml");
    for (const n of [1, 2, 3]) {
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
    }
    for (const n of [1, 2]) {
      expect(types).toContain(
        `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`
      );
    }
    expect(zip.file("xl/drawings/drawing3.xml")).toBeNull(); // two charts on one sheet share its drawing
  });

  it("links each sheet to one drawing, placed where the schema wants it", async () => {
    for (const name of [TIERS_SHEET, ODD_SHEET]) {
      const part = await sheetPart(zip, name);
      const xml = await text(zip, part);
      const children = rootChildren(xml);
      expect(children.filter((c) => c === "drawing")).toHaveLength(1);
      const at = children.indexOf("drawing");
      // After the page setup, before the sheet's own extLst (the data bar's x14 extension).
      expect(children.slice(0, at)).toEqual(expect.arrayContaining(["sheetData", "pageMargins"]));
      for (const later of ["legacyDrawing", "tableParts", "extLst"]) {
        if (children.includes(later)) expect(children.indexOf(later)).toBeGreaterThan(at);
      }
      const relId = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
      const rels = await text(zip, part.replace("worksheets/", "worksheets/_rels/") + ".rels");
      expect(rels).toMatch(
        new RegExp(
          `Id="${relId}" Type="[^"]*/relationships/drawing" Target="../drawings/drawing\\d\\.xml"`
        )
      );
    }
    const tiers = await text(zip, await sheetPart(zip, TIERS_SHEET));
    expect(rootChildren(tiers).slice(-2)).toEqual(["drawing", "extLst"]);
  });

  it("anchors each chart at its plan's cells", async () => {
    const drawing = await text(zip, "xl/drawings/drawing2.xml");
    expect(drawing.match(/<xdr:twoCellAnchor /g)).toHaveLength(2);
    expect(drawing).toContain(
      "<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>"
    );
    expect(drawing).toContain(
      "<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>13</xdr:row>"
    );
    expect(drawing).toContain(
      "<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>14</xdr:row>"
    );
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
    const rels = await text(zip, "xl/drawings/_rels/drawing2.xml.rels");
    for (const relId of [...drawing.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1])) {
      expect(rels).toMatch(
        new RegExp(
          `Id="${relId}" Type="[^"]*/relationships/chart" Target="../charts/chart[23]\\.xml"`
        )
      );
    }
  });

  it("points the series at the table's ranges, with cached values", async () => {
    const column = await text(zip, "xl/charts/chart1.xml");
    expect(column).toContain('<c:barDir val="col"/>');
    expect(column.match(/<c:ser>/g)).toHaveLength(2);
    expect(column).toContain("<c:f>'客户分层'!$B$2</c:f>"); // series name: the header cell
    expect(column).toContain("<c:f>'客户分层'!$A$3:$A$6</c:f>");
    expect(column).toContain("<c:f>'客户分层'!$B$3:$B$6</c:f>");
    expect(column).toContain("<c:f>'客户分层'!$C$3:$C$6</c:f>");
    expect(column).toContain('<c:pt idx="0"><c:v>客户数</c:v></c:pt>');
    expect(column).toContain('<c:pt idx="2"><c:v>A&amp;B &lt;类&gt;</c:v></c:pt>');
    expect(column).toContain(
      '<c:ptCount val="4"/><c:pt idx="0"><c:v>120</c:v></c:pt><c:pt idx="1"><c:v>80</c:v></c:pt>'
    );
    // A blank cell has no cached point.
    expect(column).toContain(
      '<c:pt idx="1"><c:v>21000</c:v></c:pt><c:pt idx="3"><c:v>800</c:v></c:pt>'
    );
    expect(column).toContain("<c:v>消费 &amp; &lt;金额&gt;</c:v>");
    expect(column).toContain("<a:t>各分层客户数 &lt;&amp;&gt; &quot;引号&quot; 'x'</a:t>");
    expect(column).toMatch(
      /<c:catAx>.*<c:axPos val="b"\/>.*<\/c:catAx><c:valAx>.*<c:axPos val="l"\/>/
    );

    const bar = await text(zip, "xl/charts/chart2.xml");
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toContain("<c:f>'O''Brien &amp; &lt;汇总&gt;'!$C$6:$C$9</c:f>");
    expect(bar).toContain("<c:f>'O''Brien &amp; &lt;汇总&gt;'!$D$6:$D$9</c:f>");
    expect(bar).toContain("<c:f>'O''Brien &amp; &lt;汇总&gt;'!$D$5</c:f>");

    const pie = await text(zip, "xl/charts/chart3.xml");
    expect(pie).toContain("<c:pieChart>");
    expect(pie).not.toContain("<c:catAx>");
    expect(pie.match(/<c:dPt>/g)).toHaveLength(4);
  });

  it("reloads in ExcelJS with the sheets' data intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([TIERS_SHEET, ODD_SHEET]);
    expect(wb.getWorksheet(TIERS_SHEET)!.getCell("B3").value).toBe(120);
    expect(wb.getWorksheet(ODD_SHEET)!.getCell("C6").value).toBe("重要保持");
    const loaded = await loadWorkbook(output);
    expect(loaded.lost).toContain("charts");
  });

  it("adds the chart to a sheet's existing drawing (an image) instead of a second one", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64"
    );
    const input = await baseWorkbook((wb) => {
      const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
      wb.getWorksheet(TIERS_SHEET)!.addImage(image, "H2:I4");
    });
    const out = await JSZip.loadAsync(await injectCharts(input, [items[0]]));
    const part = await sheetPart(out, TIERS_SHEET);
    const sheet = await text(out, part);
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    const drawings = Object.keys(out.files).filter((p) =>
      /^xl\/drawings\/drawing\d+\.xml$/.test(p)
    );
    expect(drawings).toEqual(["xl/drawings/drawing1.xml"]);
    const drawing = await text(out, drawings[0]);
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toContain("<c:chart ");
    const rels = await text(out, "xl/drawings/_rels/drawing1.xml.rels");
    expect(rels).toContain("/relationships/image");
    expect(rels).toContain('Target="../charts/chart1.xml"');
    if (xmllintAvailable()) {
      for (const path of [drawings[0], "xl/drawings/_rels/drawing1.xml.rels", part])
        expectWellFormed(path, await text(out, path));
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await out.generateAsync({ type: "nodebuffer" })) as unknown as ExcelJS.Buffer
    );
    expect(wb.getWorksheet(TIERS_SHEET)!.getImages()).toHaveLength(1);
  });

  it("puts the drawing before tableParts", async () => {
    const input = await baseWorkbook((wb) => {
      wb.getWorksheet(TIERS_SHEET)!.addTable({
        name: "Extra",
        ref: "J2",
        columns: [{ name: "a" }, { name: "b" }],
        rows: [[1, 2]],
      });
    });
    const out = await JSZip.loadAsync(await injectCharts(input, [items[0]]));
    const children = rootChildren(await text(out, await sheetPart(out, TIERS_SHEET)));
    expect(children).toContain("tableParts");
    expect(children.indexOf("drawing")).toBeLessThan(children.indexOf("tableParts"));
  });

  it("names the sheet when it does not exist", async () => {
    await expect(
      injectCharts(await baseWorkbook(), [{ ...items[0], sheetName: "没有" }])
    ).rejects.toThrow(/没有/);
  });

  it("injects into a file in place", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "charts-test-")), "book.xlsx");
    writeFileSync(path, await baseWorkbook());
    await injectChartsIntoFile(path, [items[0]]);
    const out = await JSZip.loadAsync(readFileSync(path));
    expect(out.file("xl/charts/chart1.xml")).not.toBeNull();
  });
});
