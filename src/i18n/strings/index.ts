import type { SchemeStrings } from "./schemes";
import type { WinBackStrings } from "./winBack";
import type { ReviewLoopStrings } from "./reviewLoop";
import type { FollowupDetailStrings } from "./followupDetail";
import type { LeadsStrings } from "./leads";

/**
 * The shape of the string catalogue: every user-facing text, one section per subject. Each language
 * (`src/i18n/zh-CN/`, `src/i18n/en-US/`) provides one object of this type, so a missing text fails to
 * compile. A text with placeholders is a function of a typed parameter object — the one way to fill a
 * template: `s.review.verdict({ rate: "12%" })`; a wrong or missing placeholder fails to compile too.
 */
export interface Strings {
  schemes: SchemeStrings;
  winBack: WinBackStrings;
  reviewLoop: ReviewLoopStrings;
  followupDetail: FollowupDetailStrings;
  leads: LeadsStrings;
}
