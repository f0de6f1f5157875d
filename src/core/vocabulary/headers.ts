/**
 * Header synonyms: the one place that says which human spellings name which input field. This is
 * recognition data, not words for display: a header typed in either language is recognised
 * whatever language the user works in. Lists hold raw spellings; core/headers.ts compares them
 * after `normalizeHeader`, so case, width, spaces, "_-/:" and a trailing unit in brackets do not
 * need their own entries.
 */

/** The three input tables the add-in recognises. */
export type InputKind = "customers" | "orders" | "followups";

export type CustomerField =
  | "customerId"
  | "name"
  | "industry"
  | "size"
  | "region"
  | "foundedDate"
  | "contactName"
  | "contactTitle"
  | "phone"
  | "firstDealDate"
  | "lastPurchaseDate"
  | "totalAmount"
  | "purchaseCount"
  | "needs"
  | "history"
  | "notes"
  | "owner"
  | "tags"
  | "lastUpdated";

export type OrderField =
  "orderId" | "customerId" | "orderDate" | "amount" | "profit" | "product" | "status" | "quantity";

export type FollowupField =
  | "customerId"
  | "followDate"
  | "method"
  | "person"
  | "content"
  | "feedback"
  | "nextAction"
  | "nextDate"
  | "done"
  | "stage"
  | "intent";

/** Shared by all three inputs: the key that joins them. */
const CUSTOMER_ID: readonly string[] = [
  "客户ID",
  "客户编号",
  "客户编码",
  "客户代码",
  "客户号",
  "会员ID",
  "会员编号",
  "会员号",
  "Customer ID",
  "CustomerID",
  "Customer No",
  "Customer Number",
  "Customer Code",
  "Client ID",
  "Cust ID",
  "Member ID",
  "ID",
];

/** Field order matters: on equal evidence the earlier field wins a column. */
export const CUSTOMER_FIELDS: Readonly<Record<CustomerField, readonly string[]>> = {
  customerId: CUSTOMER_ID,
  name: [
    "客户名称",
    "客户名",
    "客户姓名",
    "公司名称",
    "企业名称",
    "单位名称",
    "Customer Name",
    "Client Name",
    "Company",
    "Company Name",
  ],
  industry: ["所属行业", "行业", "Industry"],
  size: ["企业规模", "规模", "员工人数", "Company Size", "Size", "Employees"],
  region: ["区域", "地区", "所在地区", "所在区域", "省份", "城市", "Region", "City", "Province"],
  foundedDate: ["成立时间", "成立日期", "Founded", "Founded Date"],
  contactName: ["对接人姓名", "对接人", "联系人", "联系人姓名", "Contact", "Contact Name"],
  contactTitle: ["对接人职位", "联系人职位", "职位", "Title", "Job Title"],
  phone: ["联系方式", "联系电话", "电话", "手机", "手机号", "手机号码", "Phone", "Mobile", "Tel"],
  firstDealDate: [
    "首次合作时间",
    "首次合作日期",
    "首次交易日期",
    "首次交易时间",
    "首次购买日期",
    "First purchase",
    "First purchase date",
  ],
  lastPurchaseDate: [
    "最近交易日期",
    "最近交易时间",
    "最近采购日期",
    "最后交易日期",
    "最近购买日期",
    "最后购买日期",
    "Last purchase",
    "Last purchase date",
    "Last order date",
  ],
  totalAmount: [
    "累计交易金额",
    "累计采购金额",
    "累计消费金额",
    "累计金额",
    "交易总额",
    "消费总额",
    "Total amount",
    "Total spent",
    "Lifetime value",
    "LTV",
  ],
  purchaseCount: [
    "交易次数",
    "购买次数",
    "采购次数",
    "累计交易次数",
    "消费次数",
    "Purchase count",
    "Orders",
    "Order count",
  ],
  needs: ["主要产品服务需求", "主要需求", "需求", "Needs"],
  history: ["历史沟通记录摘要", "历史沟通记录", "沟通记录", "Notes history", "History"],
  notes: ["备注", "Remarks", "Notes", "Note"],
  owner: ["销售负责人", "负责人", "客户经理", "业务员", "Owner", "Sales rep", "Account manager"],
  tags: ["自定义标签", "标签", "Tags", "Tag"],
  // Seed 004 第四步: records are updated monthly (A-class fortnightly, won customers quarterly).
  lastUpdated: [
    "最后更新时间",
    "最后更新日期",
    "信息更新时间",
    "更新时间",
    "更新日期",
    "Last updated",
    "Updated",
  ],
};

export const ORDER_FIELDS: Readonly<Record<OrderField, readonly string[]>> = {
  orderId: [
    "订单号",
    "订单编号",
    "单号",
    "订单ID",
    "订单号码",
    "Order ID",
    "Order No",
    "Order Number",
    "Invoice",
    "Invoice No",
    "InvoiceNo",
  ],
  customerId: CUSTOMER_ID,
  orderDate: [
    "交易日期",
    "下单日期",
    "订单日期",
    "日期",
    "销售日期",
    "成交日期",
    "交易时间",
    "下单时间",
    "Order date",
    "Date",
    "Transaction date",
    "Invoice date",
    "InvoiceDate",
  ],
  amount: [
    "金额",
    "订单金额",
    "交易金额",
    "销售金额",
    "实收金额",
    "成交金额",
    "销售额",
    "Amount",
    "Sales",
    "Revenue",
    "Total",
  ],
  profit: ["毛利", "利润", "毛利润", "毛利额", "Profit", "Margin", "Gross profit"],
  product: ["产品", "产品名称", "商品", "商品名称", "Product", "Item"],
  status: ["状态", "订单状态", "Status"],
  quantity: ["数量", "Qty", "Quantity"],
};

export const FOLLOWUP_FIELDS: Readonly<Record<FollowupField, readonly string[]>> = {
  customerId: CUSTOMER_ID,
  followDate: ["跟进时间", "跟进日期", "Follow-up date", "Follow up date"],
  method: ["跟进方式", "Method", "Channel"],
  person: ["跟进人", "Follow-up by"],
  content: ["跟进内容", "Content"],
  feedback: ["客户反馈", "Feedback"],
  nextAction: ["下一步行动", "下一步", "Next action", "Next step"],
  nextDate: ["下次跟进日期", "下次跟进时间", "Next follow-up date", "Next date"],
  done: ["完成状态", "是否完成", "Done", "Completed"],
  stage: ["成交阶段", "阶段", "销售阶段", "Stage"],
  intent: ["意向等级", "意向", "Intent", "Intent level"],
};

/** Every field's synonyms, by input kind. */
export const FIELD_LISTS: Readonly<Record<InputKind, Readonly<Record<string, readonly string[]>>>> =
  {
    customers: CUSTOMER_FIELDS,
    orders: ORDER_FIELDS,
    followups: FOLLOWUP_FIELDS,
  };

/** True when every character is ASCII: an English spelling (a Chinese one has other characters). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
