import type { Strings } from "../strings";
import { schemes } from "./schemes";
import { settings } from "./settings";

/** Every user-facing text in Simplified Chinese. */
export const zhCN: Strings = {
  schemes,
  settings,
};
