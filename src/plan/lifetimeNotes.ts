import type { BgNbdParams, FitResult, GammaGammaParams } from "../core/clv";
import type { LifetimeFacts } from "../core/lifetime";
import { strings } from "../i18n";
import type { Lang } from "../i18n/lang";

/**
 * The lifetime stage in words for the summary sheet and the command line: what each model found
 * (or why it could not be fitted), and, when the predicted CLV fell back to the simple CLV, that.
 */

export interface LifetimeReport extends LifetimeFacts {
  /** Sentences for the summary: what was fitted, or why not, and the fallback. */
  notes: string[];
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

type Failure = Extract<FitResult<unknown>, { ok: false }>;

/** Why a model was not fitted, in the user's words. */
export function fitFailureText(
  model: "BG/NBD" | "Gamma-Gamma",
  fit: Failure,
  repeat: number,
  lang: Lang
): string {
  const words = strings(lang).lifetime.notFitted;
  const { reason, parameter, toward } = fit;
  switch (reason) {
    case "too_few_customers":
      return words.tooFewCustomers({ model });
    case "too_few_repeat_buyers":
      return words.tooFewRepeatBuyers({ model, repeat });
    case "single_day":
      return words.singleDay({ model });
    case "all_amounts_equal":
      return words.allAmountsEqual({ model });
    case "nonpositive_amounts":
      return words.nonpositiveAmounts({ model });
    case "no_convergence":
      return words.noConvergence({ model });
    case "fixed_prices":
      return words.fixedPrices({ model });
    case "flat_likelihood":
      return words.flatLikelihood({ model });
    case "ridge": {
      if (model === "BG/NBD") {
        if (
          (parameter === "b" && toward === "infinity") ||
          (parameter === "a" && toward === "zero")
        )
          return words.ridgeNoDropout({ model });
        if ((parameter === "r" || parameter === "alpha") && toward === "infinity")
          return words.ridgeSameRate({ model });
      } else {
        if ((parameter === "q" || parameter === "gamma") && toward === "infinity")
          return words.ridgeSpendAlike({ model });
        if (parameter === "p" && toward === "infinity") return words.ridgeSpendFixed({ model });
        if (parameter === "q" && toward === "zero") return words.ridgeHeavyTail({ model });
      }
      return words.ridgeOther({
        model,
        parameter: parameter ?? "?",
        toward: toward === "zero" ? "zero" : "infinity",
      });
    }
  }
}

export function lifetimeNotes(facts: LifetimeFacts, lang: Lang): string[] {
  const words = strings(lang).lifetime;
  const model = facts.model;
  if (!model) return [words.needsOrders];
  const bgnbd: FitResult<BgNbdParams> = model.bgnbd;
  const gammagamma: FitResult<GammaGammaParams> = model.gammagamma;
  const notes = [
    bgnbd.ok
      ? words.bgnbdFitted({
          r: round(bgnbd.params.r, 3),
          alpha: round(bgnbd.params.alpha, 3),
          a: round(bgnbd.params.a, 3),
          b: round(bgnbd.params.b, 3),
        })
      : fitFailureText("BG/NBD", bgnbd, model.repeatBuyers, lang),
    gammagamma.ok
      ? words.gammagammaFitted({
          p: round(gammagamma.params.p, 3),
          q: round(gammagamma.params.q, 3),
          gamma: round(gammagamma.params.gamma, 3),
        })
      : fitFailureText("Gamma-Gamma", gammagamma, model.repeatBuyers, lang),
  ];
  if (facts.predictedClvSource === "simple_clv")
    notes.push(words.fallbackSimpleClv({ purchaseModel: bgnbd.ok }));
  return notes;
}

/** The facts with their notes, as the summary sheet and the command line take them. */
export function withLifetimeNotes(facts: LifetimeFacts, lang: Lang): LifetimeReport {
  return { ...facts, notes: lifetimeNotes(facts, lang) };
}
