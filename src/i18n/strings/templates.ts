import type { Stage } from "../../core/followups";
import type { CustomerField, FollowupField, OrderField } from "../../core/vocabulary/headers";

/**
 * The template sheets a team starts from: sheet names, the usual header of each field (the header
 * recognition must know every one; a test scores typed templates), drop-down values.
 */
export interface TemplateStrings {
  sheet: { customers: string; orders: string; followups: string };
  customers: Record<CustomerField, string>;
  orders: Record<OrderField, string>;
  followups: Record<FollowupField, string>;
  stage: Record<Stage, string>;
  intent: { A: string; B: string; C: string };
  done: { open: string; done: string; late: string };
  method: string[];
}
