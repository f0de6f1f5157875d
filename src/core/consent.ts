/**
 * Consent to contact (seed 004 第一步 联系人信息: "需确认是否允许沟通"). A customer whose archive says
 * no is never put on the call list; a blank cell is unknown (and listed as a blank required cell).
 */
import { foldWidth } from "./parse";
import type { Cell } from "./types";

const REFUSED: ReadonlySet<string> = new Set([
  "否",
  "不",
  "不允许",
  "不同意",
  "拒绝",
  "拒绝联系",
  "勿扰",
  "no",
  "n",
  "false",
  "refused",
  "optout",
  "opt-out",
  "opted out",
]);

/** True only when the cell clearly says the customer does not want to be contacted. */
export function refusesContact(cell: Cell): boolean {
  if (cell === false) return true;
  if (typeof cell !== "string") return false;
  return REFUSED.has(foldWidth(cell).trim().toLowerCase().replace(/\s+/g, " "));
}
