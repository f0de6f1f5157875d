import type { LifetimeStrings } from "./lifetime";
import type { RunStrings } from "./run";
import type { SchemeStrings } from "./schemes";
import type { SettingsStrings } from "./settings";
import type { UiStrings } from "./ui";
import type { SheetStrings } from "./sheets";
import type { SummaryStrings } from "./summary";
import type { ReviewStrings } from "./review";
import type { HistoryStrings } from "./history";
import type { OwnerStrings } from "./owners";
import type { ContactStrings } from "./contact";
import type { FollowupStrings } from "./followups";
import type { BalanceStrings } from "./balance";
import type { ReadStrings } from "./read";
import type { PlaybookStrings } from "./playbooks";
import type { TierStrings } from "./tiers";

/**
 * The shape of the string catalogue: every user-facing text, one section per subject. Each language
 * (`src/i18n/zh-CN/`, `src/i18n/en-US/`) provides one object of this type, so a missing text fails to
 * compile. A text with placeholders is a function of a typed parameter object — the one way to fill a
 * template: `s.review.verdict({ rate: "12%" })`; a wrong or missing placeholder fails to compile too.
 */
export interface Strings {
  schemes: SchemeStrings;
  settings: SettingsStrings;
  ui: UiStrings;
  sheets: SheetStrings;
  summary: SummaryStrings;
  review: ReviewStrings;
  history: HistoryStrings;
  owners: OwnerStrings;
  contact: ContactStrings;
  followups: FollowupStrings;
  balance: BalanceStrings;
  read: ReadStrings;
  playbooks: PlaybookStrings;
  tiers: TierStrings;
  lifetime: LifetimeStrings;
  run: RunStrings;
}
