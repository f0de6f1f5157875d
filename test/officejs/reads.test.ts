/**
 * Reads that fit Excel on the web, on the fake Excel with its 5 MB request and response caps: only
 * the columns a run needs travel, a refused response is split and retried, Cancel stops a run, and
 * Excel's errors reach the user in words.
 */
import type { SheetGrid } from "../../src/core/types";
import { strings } from "../../src/i18n";
import { createExcelHost, hostErrorOf } from "../../src/officejs/host";
import { readAllSheets } from "../../src/officejs/read";
import { writeSheetPlans } from "../../src/officejs/writePlan";
import { planWorkbook } from "../../src/plan/workbook";
import { errorText, HostError, type Progress } from "../../src/app/host";
import {
  DEFAULT_RESPONSE_LIMIT,
  DEFAULT_REQUEST_LIMIT,
  fakeFromGrids,
  FakeOfficeError,
  type FakeExcel,
  type FakeLimits,
} from "../fake/fakeExcel";
import { makeWideWorkbook, WIDE_AS_OF, WIDE_FULL } from "../fake/wideWorkbook";
import { sampleGrids } from "./sampleOnFake";

const TODAY = WIDE_AS_OF;
const SMALL = { customers: 600, orderLines: 5000, followups: 900 };
const TINY = { customers: 150, orderLines: 1200, followups: 200 };

const hostOn = (fake: FakeExcel, lang: "zh-CN" | "en-US" = "zh-CN", writeBytesPerSync?: number) =>
  createExcelHost({ lang, today: () => TODAY, run: (batch) => fake.run(batch), writeBytesPerSync });

/** The run as it was before column-wise reads: every cell of every sheet, then the same plans. */
async function everyColumnRun(fake: FakeExcel): Promise<void> {
  await fake.run(async (context) => {
    const grids = await readAllSheets(context, new Set());
    const run = planWorkbook(grids, { lang: "zh-CN", today: TODAY });
    await writeSheetPlans(context, run.plans);
  });
}

/** A manager's edits in our sheets: an owner on the first tracking line, a tag on the first tier line. */
function managerEdits(fake: FakeExcel): void {
  const edit = (sheetName: string, headers: Record<string, string>, key: string, text: string) => {
    const sheet = fake.workbook.sheet(sheetName)!;
    for (let r = 0; r < 10; r++) {
      const row = Array.from({ length: 40 }, (_, c) => sheet.cell(r, c)?.value);
      const c = row.indexOf(headers[key]);
      if (c >= 0) {
        sheet.touch(r + 1, c).value = text;
        return;
      }
    }
    throw new Error(`no ${key} column in ${sheetName}`);
  };
  edit(
    strings("zh-CN").sheets.names.tracking,
    strings("zh-CN").sheets.trackingHeaders,
    "owner",
    "王经理"
  );
  edit(
    strings("zh-CN").sheets.names.tiers,
    strings("zh-CN").sheets.tierHeaders,
    "tags",
    "年底重点"
  );
}

const snapshot = (fake: FakeExcel) => JSON.stringify(fake.workbook.snapshot());
const total = (list: number[]) => list.reduce((a, b) => a + b, 0);

describe("reads that fit Excel on the web", () => {
  test.each([
    ["the sample workbook", () => sampleGrids()],
    ["a wide Chinese workbook", async () => makeWideWorkbook(SMALL)],
  ])(
    "%s: reading only the needed columns scores, re-scores and keeps edits exactly like reading every cell",
    async (_name, make: () => Promise<SheetGrid[]>) => {
      const grids = await make();
      const columnWise = fakeFromGrids(grids);
      const everyCell = fakeFromGrids(grids);
      await hostOn(columnWise).score({}, () => undefined);
      await everyColumnRun(everyCell);
      expect(snapshot(columnWise)).toBe(snapshot(everyCell));

      managerEdits(columnWise);
      managerEdits(everyCell);
      await hostOn(columnWise).score({}, () => undefined);
      await everyColumnRun(everyCell);
      expect(snapshot(columnWise)).toBe(snapshot(everyCell));
    }
  );

  test("notes and call histories never travel: a score reads far fewer bytes than the sheets hold", async () => {
    const fake = fakeFromGrids(makeWideWorkbook(SMALL));
    let readBytes = 0;
    await hostOn(fake).score({}, (p) => {
      if (p.stage !== "reading" && readBytes === 0) readBytes = total(fake.stats.responses);
    });
    const start = fake.stats.responses.length;
    await fake.run((context) => readAllSheets(context, new Set(["客户分层"])));
    const everything = total(fake.stats.responses.slice(start));
    // The long texts are most of the workbook's bytes.
    expect(readBytes).toBeLessThan(everything * 0.4);
  });

  test("a refused response is split and retried: same result, every delivered response under the cap", async () => {
    const grids = makeWideWorkbook(SMALL);
    const limit = 150 * 1024;
    const tight = fakeFromGrids(grids, { responseLimitBytes: limit });
    const roomy = fakeFromGrids(grids);
    const summary = await hostOn(tight).score({}, () => undefined);
    await hostOn(roomy).score({}, () => undefined);
    expect(tight.stats.responses.filter((bytes) => bytes > limit).length).toBeGreaterThan(0);
    expect(snapshot(tight)).toBe(snapshot(roomy));
    expect(summary.customers).toBe(SMALL.customers);
  });

  test("a response that cannot be split is worded for the user, with what to do", async () => {
    const fake = fakeFromGrids(makeWideWorkbook({ ...SMALL, customers: 50 }), {
      responseLimitBytes: 200,
    });
    const failure = await hostOn(fake)
      .score({}, () => undefined)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).key).toBe("response_too_large");
    expect(errorText("zh-CN", failure)).toMatch(/5 MB.*重试/);
    expect(errorText("en-US", failure)).toMatch(/5 MB.*Try again/);
  });

  test("a large team's workbook (20,000 customers × 24, 200,000 order lines × 14, 30,000 follow-ups) scores within both caps", async () => {
    const grids = makeWideWorkbook(WIDE_FULL);
    const expected = planWorkbook(grids, { lang: "zh-CN", today: TODAY, preview: true });
    const limits: FakeLimits = {
      requestLimitBytes: DEFAULT_REQUEST_LIMIT,
      responseLimitBytes: DEFAULT_RESPONSE_LIMIT,
    };
    const fake = fakeFromGrids(grids, limits);
    const stages = new Set<Progress["stage"]>();
    const summary = await hostOn(fake).score({}, (p) => stages.add(p.stage));
    expect(summary.customers).toBe(WIDE_FULL.customers);
    expect(summary.tierCounts).toEqual(expected.report.tierCounts);
    expect(summary.quality).toEqual(expected.report.quality);
    expect(Math.max(...fake.stats.requests)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.stats.largestResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect([...stages]).toEqual(["reading", "scoring", "planning", "writing"]);
    // Syncs grow with the bytes needed, not with rows: well under one per 10,000 rows.
    expect(fake.stats.syncs).toBeLessThan(60);
    // About 40 s of CPU (much of it the fake Excel holding 3.6M cells); longer on a shared machine.
  }, 300_000);
});

describe("Cancel", () => {
  const stopAt = (stage: Progress["stage"], when: (p: Progress) => boolean = () => true) => {
    const controller = new AbortController();
    const onProgress = (p: Progress) => {
      if (p.stage === stage && when(p)) controller.abort();
    };
    return { signal: controller.signal, onProgress };
  };

  test.each([
    ["reading", (p: Progress) => p.total > 0],
    ["scoring", () => true],
    ["planning", (p: Progress) => p.done > 2],
  ] as const)("during %s: the run stops before anything is written", async (stage, when) => {
    const fake = fakeFromGrids(makeWideWorkbook(TINY));
    const before = snapshot(fake);
    const { signal, onProgress } = stopAt(stage, when);
    await expect(hostOn(fake).score({}, onProgress, signal)).rejects.toMatchObject({
      key: "cancelled",
    });
    expect(snapshot(fake)).toBe(before);
    // The host is free again and the next run completes.
    await expect(hostOn(fake).score({}, () => undefined)).resolves.toBeTruthy();
  });

  test("during writing: the current batch ends, inputs stay, and the next run repairs everything", async () => {
    const grids = makeWideWorkbook(TINY);
    const reference = fakeFromGrids(grids);
    await hostOn(reference).score({}, () => undefined);

    const fake = fakeFromGrids(grids);
    const inputs = (f: FakeExcel) =>
      JSON.stringify(
        (f.workbook.snapshot() as Array<{ name: string }>).filter((s) =>
          grids.some((g) => g.name === s.name)
        )
      );
    const before = inputs(fake);
    const { signal, onProgress } = stopAt("writing", (p) => p.done > 0);
    // Small write batches, so that there is a batch after the first.
    await expect(hostOn(fake, "zh-CN", 20000).score({}, onProgress, signal)).rejects.toMatchObject({
      key: "cancelled_writing",
    });
    expect(inputs(fake)).toBe(before);
    await hostOn(fake).score({}, () => undefined);
    expect(snapshot(fake)).toBe(snapshot(reference));
  });

  test("an inspection can be cancelled too", async () => {
    const fake = fakeFromGrids(makeWideWorkbook(TINY));
    const { signal, onProgress } = stopAt("reading");
    await expect(hostOn(fake).inspect({}, onProgress, signal)).rejects.toMatchObject({
      key: "cancelled",
    });
  });
});

describe("A run too long for the ribbon's command", () => {
  const lines = TINY.customers + TINY.orderLines + TINY.followups;
  const limited = (fake: FakeExcel, maxLines: number, lang: "zh-CN" | "en-US" = "zh-CN") =>
    createExcelHost({ lang, today: () => TODAY, run: (batch) => fake.run(batch), maxLines });

  test.each(["zh-CN", "en-US"] as const)(
    "over the limit, %s: nothing is read or written, and the words name the lines and the pane",
    async (lang) => {
      const fake = fakeFromGrids(makeWideWorkbook(TINY));
      const before = snapshot(fake);
      const error = await limited(fake, 1000, lang)
        .score({}, () => undefined)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ key: "run_in_pane" });
      expect(snapshot(fake)).toBe(before);
      // Only the sheet list and the used ranges' sizes travelled (two syncs of a few hundred bytes).
      expect(fake.stats.syncs).toBe(2);
      expect(Math.max(...fake.stats.responses)).toBeLessThan(2000);
      // Each sheet's header line counts too: the count is at least the data lines.
      const said = errorText(lang, error);
      const count = Number(said.match(/[\d,]+/)?.[0].replace(/,/g, ""));
      expect(count).toBeGreaterThanOrEqual(lines);
      expect(said).toContain(strings(lang).ui.errors.run_in_pane({ detail: "" }).slice(-20));
    }
  );

  test("within the limit the run completes", async () => {
    const fake = fakeFromGrids(makeWideWorkbook(TINY));
    const summary = await limited(fake, lines + 10).score({}, () => undefined);
    expect(summary.sheetsWritten.length).toBeGreaterThan(0);
  });
});

describe("Excel's errors in the user's words", () => {
  test.each([
    ["RequestPayloadSizeLimitExceeded", "request_too_large"],
    ["ResponsePayloadSizeLimitExceeded", "response_too_large"],
    ["AccessDenied", "access_denied"],
    ["ItemNotFound", "item_not_found"],
    ["GeneralException", "excel_failed"],
    ["InvalidOperationInCellEditMode", "cell_edit_mode"],
  ])("%s is worded as %s in both languages", (code, key) => {
    const error = hostErrorOf(new FakeOfficeError(code));
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).key).toBe(key);
    for (const lang of ["zh-CN", "en-US"] as const) {
      const text = errorText(lang, error);
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toMatch(/^(出错了|Something went wrong)/);
    }
  });

  test("an error that is not Excel's keeps its own message", () => {
    const bug = new TypeError("x is undefined");
    expect(hostErrorOf(bug)).toBe(bug);
    expect(errorText("en-US", bug)).toContain("x is undefined");
  });

  test("a protected result sheet: the score fails with what to do", async () => {
    const fake = fakeFromGrids(await sampleGrids());
    const host = hostOn(fake, "en-US");
    await host.score({}, () => undefined);
    const before = snapshot(fake);
    // Excel refuses the first write of the next run, as it does on a protected sheet.
    const failure = await host
      .score({}, (p) => {
        if (p.stage === "planning" && p.done === p.total) fake.failSync(1, "AccessDenied");
      })
      .catch((e: unknown) => e);
    expect((failure as HostError).key).toBe("access_denied");
    expect(errorText("en-US", failure)).toMatch(/protected.*Unprotect/);
    expect(errorText("zh-CN", failure)).toMatch(/保护/);
    expect(snapshot(fake)).toBe(before);
  });

  test("selecting a cell on a sheet renamed since the check is worded as not found", async () => {
    const fake = fakeFromGrids(await sampleGrids());
    const failure = await hostOn(fake)
      .select("已改名的表!C5")
      .catch((e: unknown) => e);
    expect((failure as HostError).key).toBe("item_not_found");
    expect(errorText("zh-CN", failure)).toMatch(/重新检查工作簿/);
    expect(errorText("en-US", failure)).toMatch(/Check the workbook again/);
  });
});
