import type { CustomerField, FollowupField, OrderField } from "../core/vocabulary/headers";

/**
 * The columns of the template sheets, in order, by input field: the paper templates this product
 * grew from (customer information archive, sales orders, follow-up records), each column a field the
 * header recognition knows. Number formats and drop-downs are chosen per field in plan/templates.ts.
 */
export const TEMPLATE_FIELDS = {
  customers: [
    "customerId",
    "name",
    "industry",
    "size",
    "region",
    "foundedDate",
    "contactName",
    "contactTitle",
    "phone",
    "firstDealDate",
    "source",
    "created",
    "urgency",
    "budget",
    "expectedStart",
    "competitor",
    "regAddress",
    "consent",
    "owner",
    "tags",
    "needs",
    "history",
    "notes",
  ],
  orders: [
    "orderId",
    "customerId",
    "orderDate",
    "product",
    "quantity",
    "amount",
    "profit",
    "status",
  ],
  followups: [
    "customerId",
    "followDate",
    "method",
    "person",
    "content",
    "feedback",
    "nextAction",
    "nextDate",
    "nextOwner",
    "done",
    "stage",
    "intent",
    "objection",
    "postponeReason",
  ],
} as const satisfies {
  customers: readonly CustomerField[];
  orders: readonly OrderField[];
  followups: readonly FollowupField[];
};

export type TemplateKind = keyof typeof TEMPLATE_FIELDS;
export type TemplateField<K extends TemplateKind> = (typeof TEMPLATE_FIELDS)[K][number];
