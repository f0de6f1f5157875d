import type { Strings } from "../strings";
import { schemes } from "./schemes";
import { winBack } from "./winBack";
import { reviewLoop } from "./reviewLoop";
import { followupDetail } from "./followupDetail";
import { leads } from "./leads";

/** Every user-facing text in Simplified Chinese. */
export const zhCN: Strings = {
  schemes,
  winBack,
  reviewLoop,
  followupDetail,
  leads,
};
