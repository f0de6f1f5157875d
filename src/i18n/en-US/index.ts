import type { Strings } from "../strings";
import { schemes } from "./schemes";
import { settings } from "./settings";

/** Every user-facing text in US English. */
export const enUS: Strings = {
  schemes,
  settings,
};
