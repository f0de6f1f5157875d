import type { SchemeKey, StrategyFamily } from "../../core/types";

/** Default playbook texts and strategy type names (PRODUCT.md "Playbooks"). */
export interface PlaybookStrings {
  defaults: Record<StrategyFamily, string>;
  schemes: Partial<Record<SchemeKey, Partial<Record<StrategyFamily, string>>>>;
  strategyTypes: Record<StrategyFamily, string>;
}
