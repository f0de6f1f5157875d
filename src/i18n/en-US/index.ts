import type { Strings } from "../strings";
import { schemes } from "./schemes";
import { pane } from "./pane";
import { templates } from "./templates";

/** Every user-facing text in US English. */
export const enUS: Strings = {
  schemes,
  pane,
  templates,
};
