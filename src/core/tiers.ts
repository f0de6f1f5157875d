import { NO_PURCHASES } from "./types";
import type { AbcKey, FourTierKey, SegmentKey, StrategyFamily, TierKey } from "./types";

export const FOUR_TIER_KEYS: readonly FourTierKey[] = [
  "high_value",
  "potential",
  "general",
  "churn_risk",
];

export const SEGMENT_KEYS: readonly SegmentKey[] = [
  "champions",
  "loyal_customers",
  "potential_loyalist",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose_them",
  "hibernating",
  "lost",
];

export const ABC_KEYS: readonly AbcKey[] = ["A", "B", "C"];

/**
 * R-F-M quintile codes of each named segment, copied from the PRODUCT.md appendix (each of the 125
 * codes once; the tests check that).
 */
export const SEGMENT_CODES: Readonly<Record<SegmentKey, string>> = {
  champions: "555 554 544 545 454 455 445",
  loyal_customers: "543 444 435 355 354 345 344 335",
  potential_loyalist:
    "553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323",
  new_customers: "512 511 422 421 412 411 311",
  promising: "525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313",
  need_attention: "535 534 443 434 343 334 325 324",
  about_to_sleep: "331 321 312 221 213 231 241 251",
  at_risk:
    "255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124",
  cant_lose_them: "155 154 144 214 215 115 114 113",
  hibernating: "332 322 233 232 223 222 132 123 122 212 211",
  lost: "111 112 121 131 141 151",
};

/** "544" -> "champions": the segment of every R-F-M quintile code. */
export const SEGMENT_BY_CODE: ReadonlyMap<string, SegmentKey> = new Map(
  SEGMENT_KEYS.flatMap((segment) =>
    SEGMENT_CODES[segment].split(" ").map((code) => [code, segment] as const)
  )
);

const FAMILY: Record<TierKey, StrategyFamily> = {
  high_value: "maintain",
  potential: "develop",
  general: "keep",
  churn_risk: "win_back",
  champions: "maintain",
  loyal_customers: "maintain",
  potential_loyalist: "develop",
  new_customers: "develop",
  promising: "develop",
  need_attention: "keep",
  about_to_sleep: "keep",
  at_risk: "win_back",
  cant_lose_them: "win_back",
  hibernating: "win_back",
  lost: "win_back",
  A: "maintain",
  B: "develop",
  C: "keep",
};

/** Every tier feeds one of four playbooks, so any scheme fills the strategy sheet. */
export function familyOf(tier: TierKey): StrategyFamily {
  return FAMILY[tier];
}

/**
 * Display order: the four tiers, then the 11 segments, then the grades, each best first (segments in
 * the order of the PRODUCT.md appendix). Other modules compare positions within one scheme's block.
 */
export const TIER_ORDER: readonly TierKey[] = [...FOUR_TIER_KEYS, ...SEGMENT_KEYS, ...ABC_KEYS];

const ORDER_INDEX: ReadonlyMap<string, number> = new Map(
  [...TIER_ORDER, NO_PURCHASES].map((tier, i) => [tier, i] as const)
);

/** Sort key for display: best tier first, "no purchases" after every tier. */
export function tierOrder(tier: TierKey | typeof NO_PURCHASES): number {
  return ORDER_INDEX.get(tier) ?? ORDER_INDEX.size;
}

export function isTierKey(key: string): key is TierKey {
  return key in FAMILY;
}
