import type { SchemeKey } from "../../core/types";

/** Names of the scoring schemes, as menus, sheets and the terminal show them. */
export interface SchemeStrings {
  label: Record<SchemeKey, string>;
}
