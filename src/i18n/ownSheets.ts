import type { SheetKey } from "../core/types";
import { byKeyInEveryLang, inEveryLang } from ".";

/**
 * Our sheets as a workbook may hold them: under either language's name (a sheet keeps the name it was
 * created with), with the headers of either language. The one place these are computed.
 */

/** Every name of each of our sheets. */
export const SHEET_NAMES_BY_KEY: Record<SheetKey, readonly string[]> = (() => {
  const byLang = inEveryLang((s) => s.sheets.names);
  const out = {} as Record<SheetKey, readonly string[]>;
  for (const key of Object.keys(byLang["zh-CN"]) as SheetKey[])
    out[key] = [...new Set(Object.values(byLang).map((names) => names[key]))];
  return out;
})();

/** Every localised name of our sheets: never read as inputs. */
export const OWN_SHEET_NAMES: ReadonlySet<string> = new Set(
  Object.values(SHEET_NAMES_BY_KEY).flat()
);

/** Headers of our sheets that an earlier run is read back from, in every language. */
export const OWN_HEADERS = {
  tiers: byKeyInEveryLang((s) => s.sheets.tierHeaders),
  tracking: byKeyInEveryLang((s) => s.sheets.trackingHeaders),
  review: byKeyInEveryLang((s) => s.sheets.reviewHeaders),
  watch: byKeyInEveryLang((s) => s.sheets.watchHeaders),
  history: byKeyInEveryLang((s) => s.history.headers),
  owners: byKeyInEveryLang((s) => s.owners.headers),
};
