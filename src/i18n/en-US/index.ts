import type { Strings } from "../strings";
import { schemes } from "./schemes";

/** Every user-facing text in US English. */
export const enUS: Strings = {
  schemes,
};
