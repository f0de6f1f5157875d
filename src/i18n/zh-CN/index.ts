import type { Strings } from "../strings";
import { lifetime } from "./lifetime";
import { run } from "./run";
import { schemes } from "./schemes";
import { tiers } from "./tiers";

/** Every user-facing text in Simplified Chinese. */
export const zhCN: Strings = {
  schemes,
  tiers,
  lifetime,
  run,
};
