import { channelResults } from "../../src/core/channels";
import { refusesContact } from "../../src/core/consent";
import { planWorkbook } from "../../src/plan/workbook";
import { detectInputs, detectTable } from "../../src/core/headers";
import { serialFromYmd } from "../../src/core/parse";
import { scoreSheets } from "../../src/core/pipeline";
import { defaultSettings } from "../../src/core/settings";
import type { SheetGrid } from "../../src/core/types";

const AS_OF = serialFromYmd(2024, 12, 31);

describe("seed 004's lead-intake columns", () => {
  it("are recognised in the archive, in Chinese and in English", () => {
    const zh: SheetGrid = {
      name: "客户档案",
      values: [
        [
          "客户ID",
          "客户名称",
          "客户来源",
          "需求紧急程度",
          "预算范围",
          "预计合作时间",
          "当前合作供应商",
          "注册地址",
          "是否允许沟通",
          "创建时间",
        ],
      ],
    };
    const en: SheetGrid = {
      name: "Customers",
      values: [
        [
          "Customer ID",
          "Customer Name",
          "Lead source",
          "Urgency",
          "Budget",
          "Expected start",
          "Competitor",
          "Registered address",
          "Consent to contact",
          "Created",
        ],
      ],
    };
    for (const sheet of [zh, en]) {
      const t = detectTable(sheet, "customers")!;
      expect(t.columns).toMatchObject({
        source: 2,
        urgency: 3,
        budget: 4,
        expectedStart: 5,
        competitor: 6,
        regAddress: 7,
        consent: 8,
        created: 9,
      });
    }
  });

  it("are recognised in the follow-up sheet: next-step owner, objection, postpone reason", () => {
    const sheet: SheetGrid = {
      name: "跟进记录",
      values: [
        ["客户ID", "跟进时间", "下一步行动", "下一步负责人", "客户异议", "延期原因", "完成状态"],
      ],
    };
    const t = detectInputs([sheet]).followups!;
    expect(t.columns).toMatchObject({
      nextAction: 2,
      nextOwner: 3,
      objection: 4,
      postponeReason: 5,
    });
  });
});

describe("the blank-field check covers the lead fields when the archive has them", () => {
  const report = scoreSheets(
    [
      {
        name: "客户档案",
        values: [
          ["客户ID", "客户名称", "客户来源", "紧急程度", "竞争对手"],
          ["C001", "甲", "展会", "", ""],
          ["C002", "乙", "", "高", ""],
        ],
      },
    ],
    { settings: { ...defaultSettings(), asOf: AS_OF }, today: AS_OF }
  );

  it("lists blank required lead cells with their addresses, but not the optional competitor", () => {
    const rows = report.hygiene.missing!.rows;
    const byId = new Map(rows.map((r) => [r.id, r.missing]));
    expect(byId.get("C001")).toContainEqual({ field: "urgency", address: "客户档案!D2" });
    expect(byId.get("C002")).toContainEqual({ field: "source", address: "客户档案!C3" });
    expect(rows.flatMap((r) => r.missing.map((m) => m.field))).not.toContain("competitor");
  });

  it("never lists a lead column the archive does not have as absent", () => {
    expect(report.hygiene.missing!.absentColumns).not.toContain("budget");
    expect(report.hygiene.missing!.absentColumns).not.toContain("consent");
  });
});

describe("conversion per channel", () => {
  it("groups customers by channel as written (spaces and width ignored), blank last", () => {
    const results = channelResults(
      [
        { source: "展会", converted: true, firstPurchase: 100, revenue: 500 },
        { source: " 展会", converted: false, firstPurchase: null, revenue: 0 },
        { source: "", converted: true, firstPurchase: 50, revenue: 100 },
        { source: "官网", converted: true, firstPurchase: 10, revenue: 300 },
        { source: "展会 ", converted: true, firstPurchase: 150, revenue: 200 },
      ],
      60,
      200
    );
    expect(results).toEqual([
      {
        key: "展会",
        channel: "展会",
        customers: 3,
        converted: 2,
        conversion: 2 / 3,
        newCustomers: 2,
        revenue: 700,
      },
      {
        key: "官网",
        channel: "官网",
        customers: 1,
        converted: 1,
        conversion: 1,
        newCustomers: 0,
        revenue: 300,
      },
      {
        key: "",
        channel: "",
        customers: 1,
        converted: 1,
        conversion: 1,
        newCustomers: 0,
        revenue: 100,
      },
    ]);
  });
});

describe("consent to contact", () => {
  it("is refused only when the cell clearly says so", () => {
    for (const no of ["否", "不允许", "No", " opt-out ", false])
      expect(refusesContact(no)).toBe(true);
    for (const other of ["是", "", null, "待确认", 0, "Yes"])
      expect(refusesContact(other)).toBe(false);
  });

  it("keeps a customer who refused contact off the call list", () => {
    const sheets = [
      {
        name: "客户档案",
        values: [
          ["客户ID", "客户名称", "是否允许沟通"],
          ["C001", "甲", "否"],
          ["C002", "乙", "是"],
        ],
      },
      {
        name: "销售订单",
        values: [
          ["订单号", "客户ID", "交易日期", "金额(元)"],
          // Both bought monthly for a year, then fell silent for 200 days: both are worth a call.
          ...["C001", "C002"].flatMap((id) =>
            Array.from({ length: 12 }, (_, k) => [`${id}-${k}`, id, AS_OF - 200 - 30 * k, 5000])
          ),
        ],
      },
    ];
    const run = planWorkbook(sheets, {
      lang: "zh-CN",
      today: AS_OF,
      overrides: { asOf: AS_OF, controlShare: 0 },
    });
    const called = (run.calls ?? []).map((c) => c.id);
    expect(called).toContain("C002");
    expect(called).not.toContain("C001");
  });
});
