import type { ChurnReason } from "../../core/winBack";

/**
 * Churn that acts: the win-back line a churn warning opens on the tracking sheet, the churn-reason
 * drop-down (流失原因), and the win-back rate (挽回率) on the summary and the review.
 */
export interface WinBackStrings {
  /** Tracking-sheet column headers. */
  headers: {
    churnReason: string;
    opened: string;
  };
  /** The drop-down's entries (seed 000: 价格、服务、竞品; seed 003: 物流慢; seed 004: 业务收缩). */
  reasons: Record<ChurnReason, string>;
  /** Default actions of a line opened by a churn warning (seed 003 5.5, seed 001 十). */
  warningContent: string;
  /** Line status of a win-back line whose customer is neither warned nor churn risk any more. */
  warningCleared: string;
  /** Summary and review. */
  caption: string;
  reasonsCaption: string;
  figure: string;
  value: string;
  rate: string;
  customers: string;
  wonBack: string;
  controlRate: string;
  reason: string;
  lines: string;
  /** How the rate is counted, under the table. */
  howCounted: string;
}
