import type { Strings } from "../strings";
import { lifetime } from "./lifetime";
import { run } from "./run";
import { schemes } from "./schemes";
import { settings } from "./settings";
import { ui } from "./ui";
import { sheets } from "./sheets";
import { summary } from "./summary";
import { review } from "./review";
import { history } from "./history";
import { owners } from "./owners";
import { contact } from "./contact";
import { followups } from "./followups";
import { balance } from "./balance";
import { read } from "./read";
import { playbooks } from "./playbooks";
import { tiers } from "./tiers";

/** Every user-facing text in US English. */
export const enUS: Strings = {
  schemes,
  settings,
  ui,
  sheets,
  summary,
  review,
  history,
  owners,
  contact,
  followups,
  balance,
  read,
  playbooks,
  tiers,
  lifetime,
  run,
};
