import { CustomerIndex, QualityLog } from "../../src/core/customers";
import { readFollowups, type Followup } from "../../src/core/followups";
import { detectTable } from "../../src/core/headers";
import { serialFromYmd } from "../../src/core/parse";
import type { Cell, QualityIssue, SheetGrid } from "../../src/core/types";

export const AS_OF = serialFromYmd(2024, 6, 30);

export const HEADER: Cell[] = [
  "客户ID",
  "跟进时间",
  "跟进方式",
  "跟进人",
  "跟进内容",
  "客户反馈",
  "下一步行动",
  "下次跟进日期",
  "完成状态",
  "成交阶段",
  "意向等级",
];

export interface LineSpec {
  day: Cell;
  stage?: Cell;
  intent?: Cell;
  person?: Cell;
  next?: Cell;
  done?: Cell;
}

/** One follow-up row in HEADER's column order. */
export function line(id: Cell, spec: LineSpec): Cell[] {
  return [
    id,
    spec.day,
    "电话",
    spec.person ?? "王五",
    "沟通方案",
    "",
    "",
    spec.next ?? "",
    spec.done ?? "",
    spec.stage ?? "",
    spec.intent ?? "",
  ];
}

export function index(ids: string[]): CustomerIndex {
  const customers = new CustomerIndex();
  ids.forEach((id, i) => customers.addNew({ key: id.toLowerCase(), id, row: i + 1, fields: {} }));
  return customers;
}

export function sheetOf(rows: Cell[][], name = "跟进记录"): SheetGrid {
  return { name, values: [HEADER, ...rows] };
}

/** Reads a follow-up sheet the way the pipeline would: header detection, then the reader. */
export function read(
  sheet: SheetGrid,
  customers: CustomerIndex
): { followups: Followup[]; issues: QualityIssue[] } {
  const table = detectTable(sheet, "followups");
  if (!table) throw new Error("follow-up header not detected");
  const log = new QualityLog(sheet);
  const followups = readFollowups(sheet, table, customers, log);
  return { followups, issues: log.issues };
}

/** Reads rows for customers C1..Cn (n = `count`). */
export function readRows(rows: Cell[][], count = 5): Followup[] {
  const ids = Array.from({ length: count }, (_, i) => `C${i + 1}`);
  return read(sheetOf(rows), index(ids)).followups;
}
