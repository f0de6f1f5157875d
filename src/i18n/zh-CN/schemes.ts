import type { SchemeStrings } from "../strings/schemes";

export const schemes: SchemeStrings = {
  label: {
    fixed5: "五分制固定区间",
    pct100: "百分制百分位",
    quintile11: "五等分 11 类客户",
    abc: "ABC 分级",
  },
};
