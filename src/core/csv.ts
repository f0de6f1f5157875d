import type { ScoreReport } from "./pipeline";
import { NO_PURCHASES } from "./types";

/** The command line's CSV contract: these columns, in this order. */
export const CSV_COLUMNS = [
  "customer_id",
  "recency_days",
  "frequency",
  "monetary",
  "r_score",
  "f_score",
  "m_score",
  "total_score",
  "tier_key",
] as const;

function field(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(Math.round(value * 100) / 100) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per customer of the archive (archive order); customers without purchases keep only ID and key. */
export function toCsv(report: ScoreReport): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const result of report.customers) {
    const tier = result.tier;
    const cells: Array<string | number | null> = tier
      ? [
          result.customer.id,
          result.recencyDays,
          result.frequency,
          result.monetary,
          tier.rScore,
          tier.fScore,
          tier.mScore,
          tier.total,
          tier.tier,
        ]
      : [result.customer.id, null, null, null, null, null, null, null, NO_PURCHASES];
    lines.push(cells.map(field).join(","));
  }
  return lines.join("\n") + "\n";
}
