import type {
  AbcCriterion,
  Metric,
  SchemeNote,
  StrategyFamily,
  TierKey,
  TierReason,
  TierResult,
} from "../core/types";
import type { Lang } from "./lang";
import type { ReasonStrings, TierStrings } from "./strings/tiers";
import { inEveryLang, strings } from ".";

/**
 * Words for the schemes' codes: tier and playbook names, the one-line reason of every customer and
 * the notes about a run. The texts are in the catalogue (`strings(lang).tiers`); this file puts
 * them together, fast enough for a reason per customer.
 */

type Labelled = TierKey | "no_purchases";

export function tierLabel(tier: Labelled, lang: Lang): string {
  return strings(lang).tiers.label[tier];
}

const LABELS = inEveryLang((s) => s.tiers.label);

/** The tier key of a label in either language (to read back an earlier run's sheet). */
export function tierOfLabel(label: string): Labelled | null {
  return labelled().get(label) ?? null;
}

/** Tier keys by label in either language (the first key in the catalogue wins), built once. */
let byLabel: Map<string, Labelled> | null = null;
function labelled(): Map<string, Labelled> {
  if (byLabel) return byLabel;
  byLabel = new Map();
  for (const key of Object.keys(LABELS["zh-CN"]) as Labelled[])
    for (const text of [LABELS["zh-CN"][key], LABELS["en-US"][key]])
      if (!byLabel.has(text)) byLabel.set(text, key);
  return byLabel;
}

export function familyLabel(family: StrategyFamily, lang: Lang): string {
  return strings(lang).tiers.family[family];
}

// ---------------------------------------------------------------------------------------------
// Figures

/** 0 -> "000", 7 -> "007", 42 -> "042", 512 -> "512" */
function threeDigits(group: number): string {
  return group < 10 ? "00" + group : group < 100 ? "0" + group : String(group);
}

/**
 * ¥4,200 or ¥4,200.50 or -¥300: money as a sales manager writes it. Hand-made because it runs once
 * or more per customer (toLocaleString is some 50× slower).
 */
export function formatMoney(amount: number): string {
  // Beyond 1e15 yuan cents are below a double's precision; such a figure is only ever a data error.
  if (!(Math.abs(amount) < 1e15)) return "¥" + String(amount);
  const cents = Math.round(Math.abs(amount) * 100);
  let whole = Math.floor(cents / 100);
  const fraction = cents - whole * 100;
  let text = "";
  while (whole >= 1000) {
    const rest = Math.floor(whole / 1000);
    text = "," + threeDigits(whole - rest * 1000) + text;
    whole = rest;
  }
  text = whole + text;
  if (fraction > 0) text += fraction < 10 ? ".0" + fraction : "." + fraction;
  return (amount < 0 && cents > 0 ? "-¥" : "¥") + text;
}

// ---------------------------------------------------------------------------------------------
// Reasons
//
// A run writes one reason per customer, up to a million of them. The builder below words the
// pieces that repeat (a score with its days, a score with its orders, the tail naming the tier)
// once per run and joins them per customer: 100k reasons take some 20–40 ms instead of 80–150.

/** The figures of one customer a reason shows (a customer's RFM result). */
export interface Figures {
  recencyDays: number | null;
  frequency: number;
  monetary: number;
  profit: number | null;
  clv: number | null;
}

/**
 * Makes V8 copy a string built by joining pieces into one block now, while the pieces are still
 * young: a reason then lives as one string instead of a tree of a dozen, which halves the garbage
 * collector's work on 100k reasons. (Reading a character is what triggers the copy.)
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** A small cache of texts keyed by a whole number (days, orders), checked against the score. */
class PieceCache {
  private readonly texts: string[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly make: (value: number, score: number) => string) {}
  get(value: number, score: number): string {
    if (value >= 0 && value < 65536 && (value | 0) === value) {
      if (this.scores[value] === score) return this.texts[value];
      const text = this.make(value, score);
      this.texts[value] = text;
      this.scores[value] = score;
      return text;
    }
    return this.make(value, score);
  }
}

type Grade = "A" | "B" | "C";

/**
 * The one-line reasons of one run in one language, from the schemes' codes:
 * - fixed5: "R 5 (12 days), F 4 (9 orders), M 3 (¥4,200) → total 12 → High value"
 * - pct100: "R 92 (3 days), F 85 (14 orders), M 81 (¥52,000) → R, F and M all ≥ 80 → High value"
 * - quintile11: "R 5 F 4 M 4 (code 544) → Champions"
 * - abc: "annual purchase A (¥600,000), orders per year C (2 orders) → majority → Grade C"
 * Make one per sheet and call `text` once per customer.
 */
export class TierReasons {
  private readonly words: TierStrings;
  private readonly reason: ReasonStrings;
  private readonly r: PieceCache;
  private readonly f: PieceCache;
  private readonly mHeads = new Map<number, string>();
  /** The end of the line after M's figure, by total (fixed5) or rule code (pct100), then tier. */
  private readonly tails = new Map<number | TierReason, Map<TierKey, string>>();
  /** Whole reasons that depend on the code alone (quintile11). */
  private readonly whole = new Map<TierReason, string>();
  /** "annual purchase A (" for every criterion and grade. */
  private readonly heads: Record<AbcCriterion, Record<Grade, string>>;
  private readonly orderParts: Record<Grade, PieceCache>;

  constructor(lang: Lang) {
    this.words = strings(lang).tiers;
    const reason = (this.reason = this.words.reason);
    const tail = reason.close + reason.sep;
    this.r = new PieceCache(
      (days, score) => reason.scoreHead({ name: "R", score }) + reason.days({ days }) + tail
    );
    this.f = new PieceCache(
      (orders, score) => reason.scoreHead({ name: "F", score }) + reason.orders({ orders }) + tail
    );
    const heads = (criterion: AbcCriterion): Record<Grade, string> => {
      const name = this.words.criterion[criterion];
      const head = (score: Grade) => reason.scoreHead({ name, score });
      return { A: head("A"), B: head("B"), C: head("C") };
    };
    this.heads = {
      amount: heads("amount"),
      orders: heads("orders"),
      profit: heads("profit"),
      clv: heads("clv"),
    };
    const orderPart = (g: Grade) =>
      new PieceCache((orders) => this.heads.orders[g] + reason.orders({ orders }) + reason.close);
    this.orderParts = { A: orderPart("A"), B: orderPart("B"), C: orderPart("C") };
  }

  /** The reason of one scored customer, from its result and its figures. */
  text(result: TierResult, x: Figures): string {
    const code = result.reason;
    switch (code.scheme) {
      case "fixed5":
        return this.rfmLine(result, x, result.total);
      case "pct100":
        return this.rfmLine(result, x, code);
      case "quintile11": {
        let text = this.whole.get(code);
        if (text === undefined) {
          const c = code.code;
          const tier = this.words.label[result.tier];
          text = this.reason.quintile({ r: c[0], f: c[1], m: c[2], code: c, tier });
          this.whole.set(code, text);
        }
        return text;
      }
      case "abc":
        return this.abcLine(result, code, x);
    }
  }

  private mHead(score: number): string {
    let head = this.mHeads.get(score);
    if (head === undefined) {
      head = this.reason.scoreHead({ name: "M", score });
      this.mHeads.set(score, head);
    }
    return head;
  }

  /** ") → total 12 → High value" or ") → <rule> → Potential". */
  private tail(what: number | TierReason, tier: TierKey): string {
    let byTier = this.tails.get(what);
    if (byTier === undefined) {
      byTier = new Map();
      this.tails.set(what, byTier);
    }
    let tail = byTier.get(tier);
    if (tail === undefined) {
      const reason = this.reason;
      const step =
        typeof what === "number"
          ? reason.total({ total: what })
          : what.scheme === "pct100"
            ? reason.pct100Rule(what.rule)
            : "";
      tail = reason.close + reason.verdict({ step, tier: this.words.label[tier] });
      byTier.set(tier, tail);
    }
    return tail;
  }

  private rfmLine(result: TierResult, x: Figures, what: number | TierReason): string {
    const r = result.rScore ?? 0;
    const f = result.fScore ?? 0;
    const m = result.mScore ?? 0;
    return flat(
      this.r.get(x.recencyDays ?? 0, r) +
        this.f.get(x.frequency, f) +
        this.mHead(m) +
        formatMoney(x.monetary) +
        this.tail(what, result.tier)
    );
  }

  private abcPart(criterion: AbcCriterion, grade: Grade, x: Figures): string {
    if (criterion === "orders") return this.orderParts[grade].get(x.frequency, 0);
    const value = criterion === "amount" ? x.monetary : criterion === "profit" ? x.profit : x.clv;
    return this.heads[criterion][grade] + formatMoney(value ?? 0) + this.reason.close;
  }

  private abcLine(result: TierResult, code: TierReason & { scheme: "abc" }, x: Figures): string {
    const criteria = code.criteria;
    let text = this.abcPart(criteria[0].criterion, criteria[0].grade, x);
    for (let i = 1; i < criteria.length; i++)
      text += this.reason.sep + this.abcPart(criteria[i].criterion, criteria[i].grade, x);
    let tail = this.whole.get(code);
    if (tail === undefined) {
      tail = this.reason.verdict({
        step: this.words.combine[code.combine],
        tier: this.words.label[result.tier],
      });
      this.whole.set(code, tail);
    }
    return flat(text + tail);
  }
}

// ---------------------------------------------------------------------------------------------
// Notes

function rangeText(metric: Metric, lo: number, hi: number): string {
  if (metric === "M") return lo === hi ? formatMoney(lo) : `${formatMoney(lo)}–${formatMoney(hi)}`;
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** A value of one metric as the notes show it: "30 days", "1", "¥0". */
function metricValue(words: TierStrings, metric: Metric, value: number): string {
  return metric === "R"
    ? words.reason.days({ days: value })
    : metric === "M"
      ? formatMoney(value)
      : String(value);
}

const ABC_CRITERIA: readonly AbcCriterion[] = ["amount", "orders", "profit", "clv"];

/** The words of a scheme's note about the run. */
export function schemeNoteText(note: SchemeNote, lang: Lang): string {
  const words = strings(lang).tiers;
  const n = words.note;
  switch (note.key) {
    case "pct100_rule":
      return n.pct100Rule;
    case "quintile_tie_rule":
      return n.quintileRule;
    case "quintile_breakpoints_R":
    case "quintile_breakpoints_F":
    case "quintile_breakpoints_M": {
      const { metric, ranges, gaps, customers } = note;
      const parts: string[] = [];
      for (let q = 5; q >= 1; q--) {
        const range = ranges[q];
        const values = range ? rangeText(metric, range[0], range[1]) : n.emptyQuintile;
        parts.push(n.quintileRange({ quintile: q, values }));
      }
      let text = n.quintileRanges({ head: n.metricHead[metric], ranges: parts });
      for (const gap of gaps) {
        text += n.quintileGap({
          metric,
          empty: gap.empty,
          share: Math.round((100 * gap.count) / customers),
          count: gap.count,
          value: metricValue(words, metric, gap.value),
        });
      }
      return text;
    }
    case "abc_criteria": {
      const { usedBy, customers } = note;
      const used = ABC_CRITERIA.filter((c) => usedBy[c] > 0).map((c) =>
        usedBy[c] === customers
          ? words.criterion[c]
          : n.criterionForSome({ criterion: words.criterion[c], used: usedBy[c], customers })
      );
      const unused = ABC_CRITERIA.filter((c) => usedBy[c] === 0).map((c) => words.criterion[c]);
      return n.abcCriteria({ rule: words.combineRule[note.combine], used, unused });
    }
    case "abc_profit_skipped":
      return n.abcProfitSkipped({ skipped: note.skipped });
    case "abc_clv_skipped":
      return n.abcClvSkipped({ skipped: note.skipped });
  }
}
