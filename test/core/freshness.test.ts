import { daysStale, UPDATE_CYCLE_DAYS, updateCycle } from "../../src/core/freshness";
import { serialFromYmd } from "../../src/core/parse";
import { scoreSheets } from "../../src/core/pipeline";
import { defaultSettings } from "../../src/core/settings";
import type { SheetGrid } from "../../src/core/types";

const AS_OF = serialFromYmd(2024, 12, 31);

describe("update cycles (seed 004: monthly, class A fortnightly, won customers quarterly)", () => {
  it("picks the cycle: won beats class A", () => {
    expect(UPDATE_CYCLE_DAYS).toEqual({ won: 90, class_a: 14, regular: 30 });
    expect(updateCycle(true, true)).toBe("won");
    expect(updateCycle(false, true)).toBe("class_a");
    expect(updateCycle(false, false)).toBe("regular");
  });

  it("is stale only past the cycle, never for undated or future dates", () => {
    expect(daysStale(AS_OF - 30, "regular", AS_OF)).toBeNull();
    expect(daysStale(AS_OF - 31, "regular", AS_OF)).toBe(1);
    expect(daysStale(AS_OF - 20, "class_a", AS_OF)).toBe(6);
    expect(daysStale(AS_OF - 89, "won", AS_OF)).toBeNull();
    expect(daysStale(null, "regular", AS_OF)).toBeNull();
    expect(daysStale(AS_OF + 3, "regular", AS_OF)).toBeNull();
  });
});

describe("stale records in the data quality list", () => {
  const archive: SheetGrid = {
    name: "客户档案",
    values: [
      ["客户ID", "客户名称", "最后更新时间"],
      ["C1", "已成交", AS_OF - 60], // won (has an order): quarterly, fresh
      ["C2", "A类意向", AS_OF - 20], // class A prospect: fortnightly, stale
      ["C3", "普通", AS_OF - 40], // monthly, stale
      ["C4", "普通", "2024-12-20"], // fresh
      ["C5", "普通", "上个月"], // unreadable
      ["C6", "普通", ""], // no date: not judged
    ],
  };
  const orders: SheetGrid = {
    name: "销售订单",
    values: [
      ["订单号", "客户ID", "交易日期", "金额"],
      ["S1", "C1", AS_OF - 100, 5000],
    ],
  };
  const followups: SheetGrid = {
    name: "跟进记录",
    values: [
      ["客户ID", "跟进时间", "意向等级", "成交阶段"],
      ["C2", AS_OF - 3, "A", "意向"],
    ],
  };

  it("lists each stale record at its last-updated cell, by its own cycle", () => {
    const report = scoreSheets([archive, orders, followups], {
      settings: { ...defaultSettings(), asOf: AS_OF },
      today: AS_OF,
    });
    const stale = report.quality.filter((q) => q.kind === "stale_record");
    expect(stale.map((q) => [q.address, q.value, q.excluded])).toEqual([
      ["客户档案!C3", "2024-12-11", false],
      ["客户档案!C4", "2024-11-21", false],
    ]);
    expect(report.quality.filter((q) => q.kind === "bad_date").map((q) => q.address)).toEqual([
      "客户档案!C6",
    ]);
  });

  it("checks nothing when the archive has no last-updated column", () => {
    const plain: SheetGrid = { ...archive, values: archive.values.map((r) => r.slice(0, 2)) };
    const report = scoreSheets([plain, orders], {
      settings: { ...defaultSettings(), asOf: AS_OF },
      today: AS_OF,
    });
    expect(report.quality.some((q) => q.kind === "stale_record")).toBe(false);
  });
});
