import type { ReportNote } from "../core/pipeline";
import type { Lang } from "./lang";
import { schemeNoteText } from "./tiers";
import { strings } from ".";

/** The words of a note about the run (the pipeline's and the scheme's), for the summary and the terminal. */
export function reportNoteText(note: ReportNote, lang: Lang): string {
  switch (note.key) {
    case "archive_mode":
    case "customers_from_orders":
      return strings(lang).run.note[note.key];
    default:
      return schemeNoteText(note, lang);
  }
}
