import type { ReadFailureCode } from "../core/readFailure";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";

/** The sentence for a failed read, in the user's language: what is wrong, then what to do. */
export function readFailureMessage(
  failure: { code: ReadFailureCode; part?: string },
  lang: Lang,
  file: string
): string {
  const words = strings(lang).read;
  if (failure.code === "damaged" && failure.part)
    return words.damaged_part({ file, part: failure.part });
  return words[failure.code]({ file });
}
