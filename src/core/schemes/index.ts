import type { Settings } from "../settings";
import type { RfmInput, SchemeKey, SchemeOutput } from "../types";
import { scoreAbc } from "./abc";
import { scoreFixed5 } from "./fixed5";
import { scorePct100 } from "./pct100";
import { scoreQuintile11 } from "./quintile11";

const SCHEMES: Record<
  SchemeKey,
  (inputs: readonly RfmInput[], settings: Settings) => SchemeOutput
> = {
  fixed5: scoreFixed5,
  pct100: scorePct100,
  quintile11: scoreQuintile11,
  abc: scoreAbc,
};

/** Scores the customers who purchased with the chosen scheme; results in input order. */
export function scoreScheme(
  key: SchemeKey,
  inputs: readonly RfmInput[],
  settings: Settings
): SchemeOutput {
  return SCHEMES[key](inputs, settings);
}
