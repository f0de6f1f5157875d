import {
  isPostponed,
  lateFirstResponses,
  postponeReasonIn,
  stageEffort,
} from "../../src/core/followupDetail";
import { customerTimelines, type Followup } from "../../src/core/followups";
import { serialFromYmd } from "../../src/core/parse";
import { scoreSheets } from "../../src/core/pipeline";
import { reportJson } from "../../src/core/reportJson";
import { defaultSettings } from "../../src/core/settings";
import type { SheetGrid } from "../../src/core/types";

const AS_OF = serialFromYmd(2024, 12, 31);

function line(customer: number, day: number, patch: Partial<Followup> = {}): Followup {
  return {
    customer,
    day,
    method: "",
    person: "",
    content: "",
    feedback: "",
    nextAction: "",
    nextDay: null,
    done: false,
    stage: null,
    intent: null,
    row: day,
    postponed: false,
    postponeReason: "",
    nextOwner: "",
    objection: "",
    ...patch,
  };
}

describe("已延期 (postponed) and its reason", () => {
  it("recognises the status in either language, with or without a reason", () => {
    expect(isPostponed("已延期")).toBe(true);
    expect(isPostponed("延期（客户出差）")).toBe(true);
    expect(isPostponed("Postponed: budget review")).toBe(true);
    expect(isPostponed("已完成")).toBe(false);
    expect(isPostponed("进行中")).toBe(false);
    expect(postponeReasonIn("已延期（客户出差）")).toBe("客户出差");
    expect(postponeReasonIn("Postponed: budget review")).toBe("budget review");
    expect(postponeReasonIn("已延期")).toBe("");
  });
});

describe("follow-ups and days per stage", () => {
  it("counts lines at the stage stated or carried forward, and days until the next stage", () => {
    const timelines = customerTimelines(
      [
        line(0, 100, { stage: "potential" }),
        line(0, 103),
        line(0, 110, { stage: "intent" }),
        line(0, 130, { stage: "won" }),
        line(1, 100, { stage: "potential" }),
        line(1, 120, { stage: "intent" }),
      ],
      2,
      AS_OF
    );
    const byStage = new Map(stageEffort(timelines).map((s) => [s.stage, s]));
    expect(byStage.get("potential")).toEqual({
      stage: "potential",
      customers: 2,
      followups: 3,
      avgFollowups: 1.5,
      movedOn: 2,
      avgDays: (10 + 20) / 2,
    });
    // Customer 1 is still at 意向: only customer 0's stay (110 → 130) counts for the days.
    expect(byStage.get("intent")).toMatchObject({
      customers: 2,
      followups: 2,
      movedOn: 1,
      avgDays: 20,
    });
    expect(byStage.get("negotiation")).toMatchObject({
      customers: 0,
      avgFollowups: null,
      avgDays: null,
    });
  });
});

describe("the 24-hour first response to a new lead", () => {
  const timelines = customerTimelines(
    [line(0, 101), line(1, 105), line(2, 50), line(3, 300)],
    5,
    AS_OF
  );

  it("lists leads followed up later than the next day, or not at all, worst first", () => {
    const late = lateFirstResponses([100, 100, 100, 90, null], timelines, 80, 200);
    // Customer 3's only follow-up comes after the as-of date: not yet answered then.
    expect(late).toEqual([
      { customer: 3, created: 90, firstDay: null, daysLate: 109 },
      { customer: 2, created: 100, firstDay: null, daysLate: 99 },
      { customer: 1, created: 100, firstDay: 105, daysLate: 4 },
    ]);
  });

  it("leaves out leads created before the window", () => {
    expect(lateFirstResponses([10, null, null, null, null], timelines, 80, 200)).toEqual([]);
  });
});

describe("the follow-up sheet's detail columns, through a whole scoring run", () => {
  const sheets: SheetGrid[] = [
    {
      name: "客户档案",
      values: [
        ["客户ID", "客户名称", "创建时间"],
        ["C001", "甲", AS_OF - 30],
        ["C002", "乙", AS_OF - 20],
        ["C003", "丙", AS_OF - 10],
      ],
    },
    {
      name: "跟进记录",
      values: [
        [
          "客户ID",
          "跟进时间",
          "跟进人",
          "成交阶段",
          "完成状态",
          "延期原因",
          "下一步负责人",
          "客户异议",
        ],
        ["C001", AS_OF - 30, "张三", "潜在", "已完成", "", "张三", ""],
        ["C001", AS_OF - 25, "张三", "意向", "已延期", "", "李四", "价格偏高"],
        ["C002", AS_OF - 15, "王五", "潜在", "已延期", "客户出差", "", ""],
        ["C002", AS_OF - 10, "王五", "", "已延期（等预算）", "", "", ""],
      ],
    },
  ];
  const report = scoreSheets(sheets, {
    settings: { ...defaultSettings(), asOf: AS_OF },
    today: AS_OF,
  });
  const detail = report.followups!.detail!;

  it("counts postponed steps, their reasons, objections and steps handed over", () => {
    expect(detail.postponed).toBe(3);
    expect(detail.postponedWithReason).toBe(2);
    expect(detail.objections).toBe(1);
    expect(detail.handedOver).toBe(1);
  });

  it("lists the postponed step without a reason and the late first responses at their cells", () => {
    expect(detail.findings).toEqual(
      expect.arrayContaining([
        { kind: "postponed_no_reason", customer: 0, address: "跟进记录!E3", daysLate: null },
        { kind: "first_response_late", customer: 1, address: "客户档案!C3", daysLate: 4 },
        { kind: "no_first_response", customer: 2, address: "客户档案!C4", daysLate: 9 },
      ])
    );
    expect(detail.findings).toHaveLength(3);
    expect(detail.leadsChecked).toBe(3);
    const json = reportJson(report).followup_detail as { findings: Array<{ customer_id: string }> };
    expect(json.findings.map((f) => f.customer_id).sort()).toEqual(["C001", "C002", "C003"]);
  });
});
