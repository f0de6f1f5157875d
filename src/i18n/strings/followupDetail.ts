import type { Stage } from "../../core/followups";
import type { DetailFindingKind } from "../../core/followupDetail";

/** Follow-up detail on the summary: postponed steps, objections, next-step owners, 24-hour rule, stages. */
export interface FollowupDetailStrings {
  figuresCaption: string;
  figure: string;
  value: string;
  postponed: string;
  postponedWithReason: string;
  objections: string;
  handedOver: string;
  leadsChecked: string;
  lateFirstResponse: string;
  stagesCaption: string;
  stageHeaders: {
    stage: string;
    customers: string;
    followups: string;
    avgFollowups: string;
    movedOn: string;
    avgDays: string;
  };
  stages: Record<Stage, string>;
  findingsCaption: string;
  findingHeaders: {
    kind: string;
    id: string;
    name: string;
    address: string;
    daysLate: string;
  };
  kinds: Record<DetailFindingKind, string>;
  noFindings: string;
}
