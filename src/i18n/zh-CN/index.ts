import type { Strings } from "../strings";
import { schemes } from "./schemes";

/** Every user-facing text in Simplified Chinese. */
export const zhCN: Strings = {
  schemes,
};
