/** Words for the contact cadence of scored customers (core/cadence.ts contactWatch). */
export interface ContactStrings {
  rule: (p: {
    develop: string | number;
    keep: string | number;
    maintain: string | number;
    win_back: string | number;
  }) => string;
  count: string;
}
