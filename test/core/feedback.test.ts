import { scoreSheets } from "../../src/core/pipeline";
import { serialFromYmd } from "../../src/core/parse";
import { strings } from "../../src/i18n";
import { defaultSettings } from "../../src/core/settings";
import type { SheetGrid } from "../../src/core/types";
import { planWorkbook } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);

const archive: SheetGrid = {
  name: "客户档案",
  values: [
    ["客户ID", "客户名称", "推荐意愿(0-10)"],
    ["C1", "甲", 6],
    ["C2", "乙", 9],
    ["C3", "丙", "很满意"],
    ["C4", "丁", ""],
  ],
};
const orders: SheetGrid = {
  name: "销售订单",
  values: [
    ["订单号", "客户ID", "交易日期", "金额"],
    ["S1", "C1", AS_OF - 5, 1000],
    ["S2", "C2", AS_OF - 50, 1000],
    ["S3", "C3", AS_OF - 90, 1000],
    ["S4", "C4", AS_OF - 9, 1000],
  ],
};
const followups: SheetGrid = {
  name: "跟进记录",
  values: [
    ["客户ID", "跟进时间", "跟进人", "客户反馈", "推荐评分"],
    ["C1", AS_OF - 30, "张伟", "希望缩短补货时间", 8],
    ["C1", AS_OF - 3, "张伟", "", 10],
    ["C1", AS_OF - 60, "张伟", "价格偏高", 3],
    ["C3", AS_OF - 10, "李娜", "包装易破损", ""],
    ["C4", AS_OF + 10, "李娜", "以后再说", 2],
  ],
};

describe("each customer's latest recommendation score and feedback", () => {
  const settings = { ...defaultSettings(), asOf: AS_OF };
  const report = scoreSheets([archive, orders, followups], {
    settings,
    today: AS_OF,
  });

  it("takes the latest dated answer of the follow-ups over the archive's cell, and the latest feedback", () => {
    expect(report.voices?.[0]).toEqual({
      score: 10,
      scoreDay: AS_OF - 3,
      feedback: "希望缩短补货时间",
    });
  });

  it("falls back to the archive's answer, skips unreadable answers and lines after the as-of date", () => {
    expect(report.voices?.[1]).toEqual({ score: 9, scoreDay: null, feedback: "" });
    expect(report.voices?.[2]).toEqual({ score: null, scoreDay: null, feedback: "包装易破损" });
    expect(report.voices?.[3]).toEqual({ score: null, scoreDay: null, feedback: "" });
  });

  it("shows both on the tier sheet", () => {
    const run = planWorkbook([archive, orders, followups], {
      lang: "zh-CN",
      today: AS_OF,
      overrides: { asOf: AS_OF },
    });
    const tiers = run.plans.find((p) => p.key === "tiers")!.tables[0];
    const nps = tiers.columns.findIndex(
      (c) => c.header === strings("zh-CN").sheets.tierHeaders.nps
    );
    const feedback = tiers.columns.findIndex(
      (c) => c.header === strings("zh-CN").sheets.tierHeaders.feedback
    );
    expect(tiers.rows.map((r) => [r[0], r[nps], r[feedback]])).toEqual([
      ["C1", 10, "希望缩短补货时间"],
      ["C2", 9, null],
      ["C3", null, "包装易破损"],
      ["C4", null, null],
    ]);
  });
});
