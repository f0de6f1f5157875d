import { scoreScheme as scoreSchemeCodes } from "../../src/core/schemes";
import type { Settings } from "../../src/core/settings";
import type { RfmInput, SchemeKey, SchemeOutput, TierResult } from "../../src/core/types";
import type { Lang } from "../../src/i18n/lang";
import { schemeNoteText, TierReasons } from "../../src/i18n/tiers";

/** A scheme's output with its codes worded, as the sheets show them. */
export interface WordedOutput {
  results: Array<Omit<TierResult, "reason"> & { reason: string }>;
  notes: Array<{ key: string; text: string }>;
}

/** Words a scheme's codes in one language, the way the tier sheet and the summary do. */
export function worded(
  output: SchemeOutput,
  inputs: readonly RfmInput[],
  lang: Lang
): WordedOutput {
  const reasons = new TierReasons(lang);
  return {
    results: output.results.map((r, i) => ({ ...r, reason: reasons.text(r, inputs[i]) })),
    notes: output.notes.map((n) => ({ key: n.key, text: schemeNoteText(n, lang) })),
  };
}

/** A scheme that returns codes, made to return words in a chosen language. */
export function wordedScheme(
  scheme: (inputs: readonly RfmInput[], settings: Settings) => SchemeOutput
): (inputs: readonly RfmInput[], settings: Settings, lang: Lang) => WordedOutput {
  return (inputs, settings, lang) => worded(scheme(inputs, settings), inputs, lang);
}

/** `scoreScheme` with its codes worded. */
export function scoreScheme(
  key: SchemeKey,
  inputs: readonly RfmInput[],
  settings: Settings,
  lang: Lang
): WordedOutput {
  return worded(scoreSchemeCodes(key, inputs, settings), inputs, lang);
}
