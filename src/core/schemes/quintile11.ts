import { formatMoney, REASON, tierLabel } from "../../i18n/tiers";
import type { Settings } from "../settings";
import { familyOf, SEGMENT_BY_CODE } from "../tiers";
import type { Lang, RfmInput, SchemeNote, SchemeOutput, TierResult } from "../types";
import { countStrictlyWorse, rfmColumns, weightedScore } from "./common";

/**
 * Tie rule: quintile = 1 + floor(5 × customers strictly worse / customers). Equal values always
 * share a quintile, so a large tie can leave a quintile empty; the notes then say so.
 */
function quintiles(values: Float64Array, higherIsBetter: boolean): Int32Array {
  const n = values.length;
  const worse = countStrictlyWorse(values, higherIsBetter);
  const q = new Int32Array(n);
  for (let i = 0; i < n; i++) q[i] = 1 + Math.floor((5 * worse[i]) / n);
  return q;
}

const METRIC_NAMES: Record<string, Record<Lang, string>> = {
  R: { "zh-CN": "R（天）", "en-US": "R (days)" },
  F: { "zh-CN": "F（单）", "en-US": "F (orders)" },
  M: { "zh-CN": "M（元）", "en-US": "M (yuan)" },
};

function describeBreakpoints(
  metric: string,
  values: Float64Array,
  q: Int32Array,
  format: (v: number) => string,
  lang: Lang
): SchemeNote {
  const lo = new Array<number>(6).fill(Infinity);
  const hi = new Array<number>(6).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    lo[q[i]] = Math.min(lo[q[i]], values[i]);
    hi[q[i]] = Math.max(hi[q[i]], values[i]);
  }
  const empty: number[] = [];
  const parts: string[] = [];
  for (let k = 5; k >= 1; k--) {
    if (lo[k] === Infinity) {
      empty.push(k);
      parts.push(`${k}: ${lang === "zh-CN" ? "空" : "empty"}`);
    } else parts.push(`${k}: ${format(lo[k])}${hi[k] !== lo[k] ? "–" + format(hi[k]) : ""}`);
  }
  let text = `${METRIC_NAMES[metric][lang]} ${parts.join("; ")}`;
  if (empty.length > 0 && values.length > 0) {
    // The largest group of equal values is what swallowed the empty quintiles.
    const counts = new Map<number, number>();
    let top = values[0];
    for (const v of values) {
      const c = (counts.get(v) ?? 0) + 1;
      counts.set(v, c);
      if (c > (counts.get(top) ?? 0)) top = v;
    }
    const share = Math.round((100 * (counts.get(top) ?? 0)) / values.length);
    const list = empty.sort().join(lang === "zh-CN" ? "、" : " and ");
    text +=
      lang === "zh-CN"
        ? `。第 ${list} 档为空：${share}% 的客户 ${metric} 同为 ${format(top)}（并列不拆分）。`
        : `. Quintile ${list} ${empty.length > 1 ? "are" : "is"} empty because ${share}% of customers share ${metric} = ${format(top)} (ties are never split).`;
  }
  return { key: `quintile_breakpoints_${metric}`, text };
}

/** Quintiles with the 11 named segments (RFM codes per PRODUCT.md appendix). */
export function scoreQuintile11(
  inputs: readonly RfmInput[],
  settings: Settings,
  lang: Lang
): SchemeOutput {
  const { recency, frequency, monetary } = rfmColumns(inputs);
  const rq = quintiles(recency, false);
  const fq = quintiles(frequency, true);
  const mq = quintiles(monetary, true);
  const results: TierResult[] = inputs.map((_, i) => {
    const code = `${rq[i]}${fq[i]}${mq[i]}`;
    const tier = SEGMENT_BY_CODE.get(code) ?? "lost";
    return {
      rScore: rq[i],
      fScore: fq[i],
      mScore: mq[i],
      total: rq[i] + fq[i] + mq[i],
      weighted: weightedScore(settings, rq[i], fq[i], mq[i]),
      tier,
      family: familyOf(tier),
      reason: `R ${rq[i]} F ${fq[i]} M ${mq[i]}${REASON.open[lang]}${REASON.code[lang]} ${code}${REASON.close[lang]} → ${tierLabel(tier, lang)}`,
    };
  });
  const notes = [
    {
      key: "quintile_tie_rule",
      text:
        lang === "zh-CN"
          ? "五等分规则：档位 = 1 + ⌊5 × 比该客户差的客户数 ÷ 客户总数⌋；数值相同的客户总在同一档。各档取值范围："
          : "Quintile rule: quintile = 1 + ⌊5 × customers strictly worse ÷ customers⌋; equal values always share a quintile. Ranges used:",
    },
    describeBreakpoints("R", recency, rq, String, lang),
    describeBreakpoints("F", frequency, fq, String, lang),
    describeBreakpoints("M", monetary, mq, formatMoney, lang),
  ];
  return { results, notes: inputs.length > 0 ? notes : [] };
}
