/**
 * Fault injection on the Office.js path: for every sync k of a re-score, sync k fails; then sheets the
 * add-in did not create are untouched, the manager's typed cell survives, and the next run repairs all.
 */
import { serialFromYmd } from "../../src/core/parse";
import { strings } from "../../src/i18n";
import type { SheetGrid } from "../../src/core/types";
import { createExcelHost } from "../../src/officejs/host";
import { fakeFromGrids, type FakeExcel } from "../fake/fakeExcel";
import { sampleGrids } from "./sampleOnFake";

const TODAY = serialFromYmd(2025, 1, 15);
const OWNER = "王经理";

const score = (fake: FakeExcel) =>
  createExcelHost({ lang: "zh-CN", today: () => TODAY, run: (b) => fake.run(b) }).score(
    {},
    () => undefined
  );

/** Scores, then a manager types an owner into the first tracking line; returns that line's customer. */
async function scoredAndEdited(
  grids: readonly SheetGrid[]
): Promise<{ fake: FakeExcel; customer: string }> {
  const fake = fakeFromGrids(grids);
  await score(fake);
  const sheet = fake.workbook.sheet(strings("zh-CN").sheets.names.tracking)!;
  for (let r = 0; r < 20; r++) {
    const header = Array.from({ length: 20 }, (_, c) => sheet.cell(r, c)?.value);
    const owner = header.indexOf(strings("zh-CN").sheets.trackingHeaders.owner);
    const id = header.indexOf(strings("zh-CN").sheets.trackingHeaders.id);
    if (owner < 0 || id < 0) continue;
    sheet.touch(r + 1, owner).value = OWNER;
    return { fake, customer: String(sheet.cell(r + 1, id)?.value) };
  }
  throw new Error("no tracking header");
}

/** Customer IDs on tracking lines whose owner is the manager's text. */
function ownedLines(fake: FakeExcel): string[] {
  const sheet = fake.workbook.sheet(strings("zh-CN").sheets.names.tracking);
  if (!sheet) return [];
  const found: string[] = [];
  for (let r = 0; r < 2000; r++)
    for (let c = 0; c < 20; c++)
      if (sheet.cell(r, c)?.value === OWNER) found.push(String(sheet.cell(r, 0)?.value ?? ""));
  return found;
}

const inputsOf = (fake: FakeExcel, names: string[]) =>
  JSON.stringify(
    (fake.workbook.snapshot() as Array<{ name: string }>).filter((s) => names.includes(s.name))
  );

test("a failed sync at any point of a re-score loses nothing and the next run repairs everything", async () => {
  const grids = await sampleGrids();
  const inputNames = grids.map((g) => g.name);
  const reference = await scoredAndEdited(grids);
  const inputsBefore = inputsOf(reference.fake, inputNames);
  const syncsBefore = reference.fake.stats.syncs;
  await score(reference.fake);
  const syncsPerRun = reference.fake.stats.syncs - syncsBefore;
  const repaired = JSON.stringify(reference.fake.workbook.snapshot());
  expect(syncsPerRun).toBeGreaterThan(3);
  expect(ownedLines(reference.fake)).toHaveLength(1);

  for (let k = 1; k <= syncsPerRun; k++) {
    const { fake } = await scoredAndEdited(grids);
    fake.failSync(k);
    await expect(score(fake)).rejects.toBeTruthy();
    expect({ k, inputs: inputsOf(fake, inputNames) }).toEqual({ k, inputs: inputsBefore });
    await score(fake);
    expect({ k, owned: ownedLines(fake).length }).toEqual({ k, owned: 1 });
    expect({ k, same: JSON.stringify(fake.workbook.snapshot()) === repaired }).toEqual({
      k,
      same: true,
    });
  }
});
