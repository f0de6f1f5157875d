/**
 * When the lifetime models cannot be fitted (fixed-price subscribers here), the predicted CLV is the
 * simple CLV, the summary says so in the user's language, and --model-json carries the reason code.
 */
import { serialFromYmd } from "../../src/core/parse";
import type { Cell, SheetGrid } from "../../src/core/types";
import { modelJson } from "../../src/cli/run";
import { planWorkbook } from "../../src/plan/workbook";
import { gridOf } from "../../src/plan/grid";

const AS_OF = serialFromYmd(2024, 12, 31);
const PRICES = [99, 199, 299];

/** 600 subscribers, each paying their plan's price at irregular intervals until they stop. */
function subscribers(): SheetGrid[] {
  const archive: Cell[][] = [["客户ID", "客户名称"]];
  const orders: Cell[][] = [["订单号", "客户ID", "交易日期", "金额"]];
  let state = 3;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state + 0.5) / 2147483648;
  };
  let order = 0;
  for (let c = 0; c < 600; c++) {
    archive.push([`C${c}`, `客户${c}`]);
    const gap = 5 + 80 * random();
    const stop = 0.05 + 0.5 * random();
    for (let day = AS_OF - 700 + Math.floor(300 * random()), k = 0; day <= AS_OF; k++) {
      orders.push([`SO${++order}`, `C${c}`, day, PRICES[c % 3]]);
      if (k > 0 && random() < stop) break;
      day += 1 + Math.floor(-Math.log(random()) * gap);
    }
  }
  return [
    { name: "客户档案", values: archive },
    { name: "销售订单", values: orders },
  ];
}

describe("lifetime models that cannot be fitted fall back to the simple CLV", () => {
  for (const lang of ["zh-CN", "en-US"] as const) {
    it(`says so on the summary sheet (${lang})`, () => {
      const run = planWorkbook(subscribers(), { lang, today: AS_OF, overrides: { asOf: AS_OF } });
      const lifetime = run.lifetime!;
      expect(lifetime.model?.bgnbd.ok).toBe(true);
      expect(lifetime.model?.gammagamma).toMatchObject({ ok: false, reason: "fixed_prices" });
      expect(lifetime.predictedClvSource).toBe("simple_clv");
      let compared = 0;
      run.report.customers.forEach((c, k) => {
        const life = lifetime.perCustomer[k];
        if (c.clv !== null && life) {
          expect(life.predictedClv).toBe(c.clv);
          expect(life.expectedSpend).toBeNull();
          expect(life.pAlive).toBeGreaterThan(0);
          compared++;
        }
      });
      expect(compared).toBeGreaterThan(100);
      const summary = run.plans.find((p) => p.key === "summary")!;
      const text = gridOf(summary)
        .values.flat()
        .filter((v): v is string => typeof v === "string");
      const fixed = lang === "zh-CN" ? /每次付的金额都一样/ : /pays the same amount each time/;
      const fallback = lang === "zh-CN" ? /改用简易 CLV/ : /shows the simple CLV instead/;
      expect(text.some((t) => fixed.test(t))).toBe(true);
      expect(text.some((t) => fallback.test(t))).toBe(true);
      const json = modelJson(lifetime);
      expect(json).toMatchObject({
        predicted_clv: "simple_clv",
        fallback_reason: "fixed_prices",
        gammagamma: { reason: "fixed_prices", evaluations: 0 },
      });
    });
  }
});
