import type { Strings } from "../strings";
import { schemes } from "./schemes";
import { pane } from "./pane";
import { templates } from "./templates";

/** Every user-facing text in Simplified Chinese. */
export const zhCN: Strings = {
  schemes,
  pane,
  templates,
};
