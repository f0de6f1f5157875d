import type { ScoreReport } from "./report";

/**
 * The business figures of a run (the summary sheet's key figures, the history sheet and
 * --report-json): customers, buyers, revenue, repurchase and churn rates. Pure.
 */

export interface Kpis {
  customers: number;
  buyers: number;
  revenue: number;
  repurchaseRate: number | null;
  churnRate: number | null;
}

/** Repurchase: bought twice or more in the window, of those who bought. Churn: bought in the window before, not in this one. */
export function kpis(report: ScoreReport): Kpis {
  let buyers = 0;
  let repeat = 0;
  let revenue = 0;
  for (const c of report.customers) {
    revenue += c.monetary;
    if (c.frequency > 0) buyers++;
    if (c.frequency > 1) repeat++;
  }
  let churnRate: number | null = null;
  const book = report.book;
  if (book) {
    const windowDays = report.asOf - report.windowStart + 1;
    const earlier = new Uint8Array(report.customers.length);
    const now = new Uint8Array(report.customers.length);
    for (let i = 0; i < book.count; i++) {
      if (book.isReturn[i]) continue;
      const d = book.day[i];
      if (d >= report.windowStart) now[book.customer[i]] = 1;
      else if (d >= report.windowStart - windowDays) earlier[book.customer[i]] = 1;
    }
    let before = 0;
    let lost = 0;
    for (let c = 0; c < earlier.length; c++) {
      if (!earlier[c]) continue;
      before++;
      if (!now[c]) lost++;
    }
    churnRate = before > 0 ? lost / before : null;
  }
  return {
    customers: report.customers.length,
    buyers,
    revenue: Math.round(revenue * 100) / 100,
    repurchaseRate: buyers > 0 ? repeat / buyers : null,
    churnRate,
  };
}
