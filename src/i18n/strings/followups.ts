import type { WatchKind } from "../../core/cadence";
import type { DuplicateReason } from "../../core/hygiene";
import type { SegmentField } from "../../core/distribution";
import type { Stage } from "../../core/followups";

/**
 * Words of the follow-up, funnel and data-hygiene parts: stage names, watchlist reasons, archive
 * field names, duplicate reasons.
 */
export interface FollowupStrings {
  stages: Record<Stage | "unstaged", string>;
  watchKinds: Record<WatchKind, string>;
  fields: Record<SegmentField | "name" | "contactName" | "phone", string>;
  duplicateReasons: Record<DuplicateReason, string>;
}
