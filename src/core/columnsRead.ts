/**
 * Which columns of a recognised input table the run reads. The Office.js reader fetches only these
 * (Excel on the web caps a response at 5 MB, and a notes column can be most of a sheet's bytes).
 * A test scores full sheets and sheets cut to these columns and expects the same result.
 */
import type { DetectedTable, InputKind } from "./headers";
import { findNpsColumn } from "./metrics";

/**
 * Fields whose cells any figure or sheet uses, per kind. Not here: free text no figure uses (需求,
 * 历史沟通记录, 备注, 跟进内容), 成立时间, 对接人职位, and the orders' product and quantity. The follow-ups'
 * 客户反馈 is read: the tier sheet shows each customer's latest.
 */
export const FIELDS_READ: Readonly<Record<InputKind, readonly string[]>> = {
  customers: [
    "customerId",
    "name",
    "industry",
    "size",
    "region",
    "contactName",
    "phone",
    "firstDealDate",
    "lastPurchaseDate",
    "totalAmount",
    "purchaseCount",
    "owner",
    "tags",
    "lastUpdated",
    "created",
    "source",
    "urgency",
    "budget",
    "expectedStart",
    "competitor",
    "regAddress",
    "consent",
  ],
  orders: ["customerId", "orderDate", "amount", "orderId", "profit", "status"],
  followups: [
    "customerId",
    "followDate",
    "method",
    "person",
    "nextAction",
    "nextDate",
    "done",
    "stage",
    "intent",
    "feedback",
    "nextOwner",
    "objection",
    "postponeReason",
  ],
};

/** Column indexes (into the table's rows) the run reads, ascending: its fields and the NPS column. */
export function columnsRead(table: DetectedTable): number[] {
  const columns = new Set<number>();
  for (const field of FIELDS_READ[table.kind]) {
    const c = table.columns[field];
    if (c !== undefined) columns.add(c);
  }
  if (table.kind !== "orders") {
    const nps = findNpsColumn(table.headers);
    if (nps >= 0) columns.add(nps);
  }
  return [...columns].sort((a, b) => a - b);
}
