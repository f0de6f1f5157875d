import { cellText } from "./parse";
import type { Cell } from "./types";

/**
 * Masks the middle of phone numbers (personal-information law): 13812345678 -> 138****5678.
 * Works on every run of 7+ digits in the text, so "0571-88886666" and "+86 138 1234 5678" are masked too.
 */
export function maskPhone(cell: Cell): string {
  const text = cellText(cell);
  // Most phone cells are one number of bare digits: masked without the regular expressions.
  if (text.length >= 7 && isDigits(text)) return maskDigits(text);
  return text.replace(/\d[\d\s-]{5,}\d/g, (run) => {
    const digits = run.replace(/\D/g, "");
    return digits.length < 7 ? run : maskDigits(digits);
  });
}

function maskDigits(digits: string): string {
  const keepHead = digits.length >= 11 ? 3 : 2;
  return digits.slice(0, keepHead) + "*".repeat(digits.length - keepHead - 4) + digits.slice(-4);
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
