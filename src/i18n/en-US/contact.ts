import type { ContactStrings } from "../strings/contact";

export const contact: ContactStrings = {
  rule: (p) =>
    `Contact overdue: a scored customer whose last contact (follow-up or purchase, whichever is later) is older than their tier allows: maintain ${p.maintain} days, develop ${p.develop} days, keep ${p.keep} days, win back ${p.win_back} days (change them in Settings).`,
  count: "Contacts overdue (by tier)",
};
