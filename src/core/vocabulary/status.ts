/**
 * Words the core recognises in cells (order status, 完成状态, 成交阶段, 意向等级), in every language
 * the add-in reads: recognition data, not words for display (those are in the string catalogue). Compared
 * after lower-casing; the follow-up words also after width folding and removing whitespace.
 */

import { cellText, foldWidth } from "../parse";
import type { Cell } from "../types";

/** 潜在 → 意向 → 谈判 → 成交, and 流失 (left the funnel). */
export type Stage = "potential" | "intent" | "negotiation" | "won" | "lost";

/** Seed 004 需求优先级: A 高意向, B 中意向, C 低意向. */
export type IntentClass = "A" | "B" | "C";

/** Words that mark a return line in the status column (compared after lower-casing). */
export const RETURN_STATUS_WORDS = ["退货", "退款", "退单", "return", "refund"];

/** 完成状态 values that mean done. */
export const DONE_WORDS: ReadonlySet<string> = new Set([
  "已完成",
  "完成",
  "已办",
  "已处理",
  "是",
  "done",
  "yes",
  "y",
  "true",
  "completed",
  "complete",
  "finished",
  "ok",
  "√",
  "✓",
  "✔",
  "1",
]);

/** 成交阶段 values, by stage. */
export const STAGE_WORDS: ReadonlyArray<[Stage, readonly string[]]> = [
  ["potential", ["潜在", "初步接洽", "线索", "potential", "prospect", "lead"]],
  ["intent", ["意向", "需求确认", "intent", "intention", "interested", "qualified"]],
  ["negotiation", ["谈判", "洽谈", "商务谈判", "negotiation", "negotiating", "negotiate"]],
  ["won", ["成交", "签单", "签约", "won", "closedwon", "closed-won", "deal", "signed"]],
  ["lost", ["流失", "丢单", "输单", "lost", "closedlost", "closed-lost", "churned"]],
];

/** 意向等级 values (after dropping 类/级/客户/意向 around them), by class. */
export const INTENT_WORDS: ReadonlyMap<string, IntentClass> = new Map([
  ["a", "A"],
  ["b", "B"],
  ["c", "C"],
  ["高", "A"],
  ["中", "B"],
  ["低", "C"],
  ["high", "A"],
  ["medium", "B"],
  ["mid", "B"],
  ["low", "C"],
]);

/** 已延期, 延期, 推迟, 改期, postponed, delayed, deferred, rescheduled — a reason may follow. */
const POSTPONED = /^(?:已)?(?:延期|推迟|顺延|改期)|^(?:postponed|delayed|deferred|rescheduled)/i;

/** A status cell that says postponed, e.g. "已延期（客户出差）" or "Postponed: budget review". */
export function isPostponed(cell: Cell): boolean {
  return typeof cell === "string" && POSTPONED.test(foldWidth(cell).trim());
}

/** The reason written in the status cell after the postponed word ("" when none). */
export function postponeReasonIn(cell: Cell): string {
  if (!isPostponed(cell)) return "";
  return foldWidth(cellText(cell))
    .trim()
    .replace(POSTPONED, "")
    .replace(/^[\s(（[【:：,，、\-—]+|[\s)）\]】。.]+$/g, "")
    .trim();
}
