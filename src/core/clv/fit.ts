/** Why a model could not be fitted; the run goes on without its figures and says why. */
export type DegenerateReason =
  | "too_few_customers"
  | "too_few_repeat_buyers"
  | "single_day"
  | "all_amounts_equal"
  | "nonpositive_amounts"
  | "no_convergence";

export type FitResult<P> =
  | { ok: true; params: P; loglik: number; evaluations: number }
  | { ok: false; reason: DegenerateReason };

/** Fewer repeat buyers than this and the repeat-purchase and spend models say nothing reliable. */
export const MIN_REPEAT_BUYERS = 10;
