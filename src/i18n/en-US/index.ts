import type { Strings } from "../strings";
import { schemes } from "./schemes";
import { tiers } from "./tiers";

/** Every user-facing text in US English. */
export const enUS: Strings = {
  schemes,
  tiers,
};
