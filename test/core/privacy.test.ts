import fc from "fast-check";
import { maskPhone } from "../../src/core/privacy";

/** The rule as written: every run of 7+ digits (spaces and dashes inside) keeps its head and last four. */
function maskedByRule(text: string): string {
  return text.replace(/\d[\d\s-]{5,}\d/g, (run) => {
    const digits = run.replace(/\D/g, "");
    if (digits.length < 7) return run;
    const head = digits.length >= 11 ? 3 : 2;
    return digits.slice(0, head) + "*".repeat(digits.length - head - 4) + digits.slice(-4);
  });
}

describe("masked phones", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["0571-88886666", "057*****6666"],
    ["+86 138 1234 5678", "+861******5678"],
    ["123456", "123456"],
    ["1234567", "12*4567"],
    ["电话 13812345678 / 021-62345678", "电话 138****5678 / 021****5678"],
  ])("%p → %p", (text, masked) => {
    expect(maskPhone(text)).toBe(masked);
    expect(maskPhone(text)).toBe(maskedByRule(text));
  });

  it("mask bare digits and number cells as the rule does", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,16}$/), (digits) => {
        expect(maskPhone(digits)).toBe(maskedByRule(digits));
        if (digits !== "")
          expect(maskPhone(Number(digits))).toBe(maskedByRule(String(Number(digits))));
      })
    );
  });
});
