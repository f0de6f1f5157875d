import type { SchemeStrings } from "../strings/schemes";

export const schemes: SchemeStrings = {
  label: {
    fixed5: "Five-point fixed bins",
    pct100: "100-point percentiles",
    quintile11: "Quintiles, 11 segments",
    abc: "ABC grading",
  },
};
