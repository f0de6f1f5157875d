/**
 * Each customer's own voice (seed 003 §6.1 NPS, seed 004 客户反馈): the latest 0–10 recommendation
 * score and the latest feedback text, so the tier sheet shows who would recommend you, not only the
 * overall NPS. Codes and values only.
 */
import type { CustomerTimeline, Followup } from "./followups";
import { parseNpsScore } from "./metrics";
import { cellText, isBlank } from "./parse";
import type { Cell, Serial } from "./types";

export interface CustomerVoice {
  /** Latest readable 0–10 answer; null when none. */
  score: number | null;
  /** Day of that answer (its follow-up's date); null for the archive's undated cell. */
  scoreDay: Serial | null;
  /** Latest non-blank 客户反馈; "" when none. */
  feedback: string;
}

const SILENT: CustomerVoice = Object.freeze({ score: null, scoreDay: null, feedback: "" });

/**
 * Per customer (index order): a dated answer in the follow-up records beats the archive's undated
 * cell, and among follow-ups the latest (time order of the timeline) wins; feedback likewise comes
 * from the latest follow-up that has some. An unreadable score is skipped here (the NPS check lists
 * it as doubtful).
 */
export function customerVoices(
  n: number,
  archiveScore: (customer: number) => Cell,
  timelines: readonly CustomerTimeline[],
  followupScore: ((line: Followup) => Cell) | null
): CustomerVoice[] {
  // Most customers have said nothing: they share one frozen voice, copied when a line speaks.
  const voices: CustomerVoice[] = new Array<CustomerVoice>(n);
  for (let c = 0; c < n; c++) {
    const cell = archiveScore(c);
    const score = isBlank(cell) ? null : parseNpsScore(cell);
    voices[c] = score === null ? SILENT : { score, scoreDay: null, feedback: "" };
  }
  for (const t of timelines) {
    let voice = voices[t.customer];
    if (!voice) continue;
    for (const line of t.lines) {
      if (followupScore) {
        const cell = followupScore(line);
        const score = isBlank(cell) ? null : parseNpsScore(cell);
        if (score !== null) {
          if (voice === SILENT) voice = voices[t.customer] = { ...SILENT };
          voice.score = score;
          voice.scoreDay = line.day;
        }
      }
      const text = line.feedback.trim();
      if (text !== "") {
        if (voice === SILENT) voice = voices[t.customer] = { ...SILENT };
        voice.feedback = cellText(text);
      }
    }
  }
  return voices;
}
