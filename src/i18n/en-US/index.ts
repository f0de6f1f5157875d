import type { Strings } from "../strings";
import { lifetime } from "./lifetime";
import { run } from "./run";
import { schemes } from "./schemes";
import { tiers } from "./tiers";

/** Every user-facing text in US English. */
export const enUS: Strings = {
  schemes,
  tiers,
  lifetime,
  run,
};
