import { serialFromYmd } from "../../src/core/parse";
import type { SheetGrid } from "../../src/core/types";
import { strings } from "../../src/i18n";
import { gridOf } from "../../src/plan/grid";
import { planWorkbook, type RunOptions } from "../../src/plan/workbook";

const AS_OF = serialFromYmd(2024, 12, 31);
const OPTIONS: RunOptions = { lang: "zh-CN", today: AS_OF, overrides: { asOf: AS_OF } };
const zh = strings("zh-CN").leads;
const CHANNELS = strings("zh-CN").sheets.names.channels;

/** Four customers from two channels; three first bought in the window, C004 never bought. */
const inputs: SheetGrid[] = [
  {
    name: "客户档案",
    values: [
      ["客户ID", "客户名称", "客户来源"],
      ["C001", "甲", "展会"],
      ["C002", "乙", "展会"],
      ["C003", "丙", "官网"],
      ["C004", "丁", "官网"],
    ],
  },
  {
    name: "销售订单",
    values: [
      ["订单号", "客户ID", "交易日期", "金额(元)"],
      ["SO1", "C001", AS_OF - 10, 1000],
      ["SO2", "C002", AS_OF - 20, 2000],
      ["SO3", "C003", AS_OF - 30, 3000],
    ],
  },
];

function rescore(sheets: SheetGrid[]) {
  const run = planWorkbook(sheets, OPTIONS);
  const ours = new Map(run.plans.map((p) => [p.name, gridOf(p)]));
  return { run, sheets: [...sheets.filter((s) => !ours.has(s.name)), ...ours.values()] };
}

describe("the channels sheet", () => {
  it("shows conversion per channel, keeps the spend a manager typed and gives each channel's CAC", () => {
    const first = rescore(inputs);
    const grid = first.sheets.find((s) => s.name === CHANNELS)!;
    const head = grid.values.findIndex((r) => r[0] === zh.headers.channel);
    const col = (text: string) => grid.values[head].indexOf(text);
    const spend = col(zh.headers.spend);
    const values = grid.values.map((r) => [...r]);
    const fair = values.findIndex((r) => r[0] === "展会");
    const web = values.findIndex((r) => r[0] === "官网");
    expect(values[fair][col(zh.headers.conversion)]).toBe(1);
    expect(values[web][col(zh.headers.conversion)]).toBe(0.5);
    values[fair][spend] = "1万元";
    values[web][spend] = 600;
    const second = rescore(first.sheets.map((s) => (s.name === CHANNELS ? { ...s, values } : s)));
    const after = second.sheets.find((s) => s.name === CHANNELS)!;
    const line = (name: string) => after.values.find((r) => r[0] === name)!;
    expect(line("展会")[spend]).toBe(10000);
    expect(line("展会")[col(zh.headers.cac)]).toBe(5000);
    expect(line("官网")[col(zh.headers.cac)]).toBe(600);
  });

  it("is not written for an archive without a channel column", () => {
    const plain = inputs.map((s) =>
      s.name === "客户档案" ? { ...s, values: s.values.map((r) => r.slice(0, 2)) } : s
    );
    expect(planWorkbook(plain, OPTIONS).plans.some((p) => p.key === "channels")).toBe(false);
  });
});
