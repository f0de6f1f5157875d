import { cellText } from "./parse";
import type { Cell } from "./types";

/**
 * Masks the middle of phone numbers (personal-information law): 13812345678 -> 138****5678.
 * Works on every run of 7+ digits in the text, so "0571-88886666" and "+86 138 1234 5678" are masked too.
 */
export function maskPhone(cell: Cell): string {
  const text = cellText(cell);
  return text.replace(/\d[\d\s-]{5,}\d/g, (run) => {
    const digits = run.replace(/\D/g, "");
    if (digits.length < 7) return run;
    const keepHead = digits.length >= 11 ? 3 : 2;
    return digits.slice(0, keepHead) + "*".repeat(digits.length - keepHead - 4) + digits.slice(-4);
  });
}
