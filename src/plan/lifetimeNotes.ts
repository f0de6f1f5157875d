import type { BgNbdParams, FitResult, GammaGammaParams } from "../core/clv";
import type { LifetimeFacts, LifetimeReport } from "../core/lifetime";
import type { Lang } from "../i18n/lang";
import { lifetimeWord } from "../i18n/lifetime";
import { message } from "../i18n/messages";

/**
 * The lifetime stage in words for the summary sheet and the command line: what each model found
 * (or why it could not be fitted), and, when the predicted CLV fell back to the simple CLV, that.
 */

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

type Failure = Extract<FitResult<unknown>, { ok: false }>;

/** Why a model was not fitted, in the user's words. */
export function fitFailureText(
  model: "BG/NBD" | "Gamma-Gamma",
  fit: Failure,
  repeat: number,
  lang: Lang
): string {
  const { reason, parameter, toward } = fit;
  switch (reason) {
    case "fixed_prices":
      return lifetimeWord(lang, "fixed_prices", { model });
    case "flat_likelihood":
      return lifetimeWord(lang, "flat_likelihood", { model });
    case "ridge": {
      if (model === "BG/NBD") {
        if (
          (parameter === "b" && toward === "infinity") ||
          (parameter === "a" && toward === "zero")
        )
          return lifetimeWord(lang, "ridge_no_dropout", { model });
        if ((parameter === "r" || parameter === "alpha") && toward === "infinity")
          return lifetimeWord(lang, "ridge_same_rate", { model });
      } else {
        if ((parameter === "q" || parameter === "gamma") && toward === "infinity")
          return lifetimeWord(lang, "ridge_spend_alike", { model });
        if (parameter === "p" && toward === "infinity")
          return lifetimeWord(lang, "ridge_spend_fixed", { model });
        if (parameter === "q" && toward === "zero")
          return lifetimeWord(lang, "ridge_heavy_tail", { model });
      }
      return lifetimeWord(lang, "ridge_other", {
        model,
        parameter: parameter ?? "?",
        toward: lifetimeWord(lang, toward === "zero" ? "toward_zero" : "toward_infinity"),
      });
    }
    default:
      return message(lang, `model_${reason}`, { model, repeat });
  }
}

export function lifetimeNotes(facts: LifetimeFacts, lang: Lang): string[] {
  const model = facts.model;
  if (!model) return [message(lang, "model_needs_orders")];
  const bgnbd: FitResult<BgNbdParams> = model.bgnbd;
  const gammagamma: FitResult<GammaGammaParams> = model.gammagamma;
  const notes = [
    bgnbd.ok
      ? message(lang, "bgnbd_fitted", {
          r: round(bgnbd.params.r, 3),
          alpha: round(bgnbd.params.alpha, 3),
          a: round(bgnbd.params.a, 3),
          b: round(bgnbd.params.b, 3),
        })
      : fitFailureText("BG/NBD", bgnbd, model.repeatBuyers, lang),
    gammagamma.ok
      ? message(lang, "gammagamma_fitted", {
          p: round(gammagamma.params.p, 3),
          q: round(gammagamma.params.q, 3),
          gamma: round(gammagamma.params.gamma, 3),
        })
      : fitFailureText("Gamma-Gamma", gammagamma, model.repeatBuyers, lang),
  ];
  if (facts.predictedClvSource === "simple_clv") {
    notes.push(
      lifetimeWord(lang, "fallback_simple_clv", {
        missing: lifetimeWord(
          lang,
          bgnbd.ok ? "fallback_missing_spend" : "fallback_missing_purchase"
        ),
      })
    );
  }
  return notes;
}

/** The facts with their notes, as the summary sheet and the command line take them. */
export function withLifetimeNotes(facts: LifetimeFacts, lang: Lang): LifetimeReport {
  return { ...facts, notes: lifetimeNotes(facts, lang) };
}
