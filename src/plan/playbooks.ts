import type { Settings } from "../core/settings";
import type { SchemeKey, StrategyFamily } from "../core/types";
import type { Lang } from "../i18n/lang";
import { inEveryLang, strings } from "../i18n";

/** The four playbook families in the order sheets list them. */
export const STRATEGY_FAMILIES: readonly StrategyFamily[] = [
  "maintain",
  "develop",
  "keep",
  "win_back",
];

/**
 * The default text of a family: the scheme's own document's wording where it has one (the five-point
 * bins and the ABC grades word their tiers' playbooks), else the general default.
 */
export function defaultPlaybook(family: StrategyFamily, lang: Lang, scheme?: SchemeKey): string {
  const words = strings(lang).playbooks;
  const own = scheme ? words.schemes[scheme]?.[family] : undefined;
  return own ?? words.defaults[family];
}

/**
 * The strategy text in use: the settings' text when it is not blank, else the default of the
 * language for the settings' scheme.
 */
export function playbookText(
  settings: Pick<Settings, "playbooks"> & Partial<Pick<Settings, "scheme">>,
  family: StrategyFamily,
  lang: Lang
): string {
  const own = settings.playbooks[family];
  return typeof own === "string" && own.trim().length > 0
    ? own
    : defaultPlaybook(family, lang, settings.scheme);
}

/** Every default text of each family, in every language and for every scheme. */
const DEFAULT_TEXTS: Record<StrategyFamily, ReadonlySet<string>> = (() => {
  const byLang = Object.values(inEveryLang((s) => s.playbooks));
  const texts = (family: StrategyFamily) =>
    byLang.flatMap((p) => [
      p.defaults[family],
      ...Object.values(p.schemes).map((own) => own?.[family]),
    ]);
  const set = (family: StrategyFamily) =>
    new Set(texts(family).filter((t): t is string => t !== undefined));
  return {
    maintain: set("maintain"),
    develop: set("develop"),
    keep: set("keep"),
    win_back: set("win_back"),
  };
})();

/**
 * True when a text is a default of its family in any language and for any scheme. The settings sheet
 * shows the default texts; reading them back must not turn them into overrides (a sheet written in
 * English would otherwise pin English texts for a Chinese run, and a change of scheme would keep the
 * old scheme's texts).
 */
export function isDefaultPlaybook(family: StrategyFamily, text: string): boolean {
  return DEFAULT_TEXTS[family].has(text.trim());
}

export function strategyTypeName(family: StrategyFamily, lang: Lang): string {
  return strings(lang).playbooks.strategyTypes[family];
}

const STRATEGY_TYPE_NAMES = inEveryLang((s) => s.playbooks.strategyTypes);

/**
 * The family of a strategy type name in either language (to read back an earlier tracking sheet).
 */
export function strategyTypeOf(name: string): StrategyFamily | null {
  const t = name.trim();
  for (const family of STRATEGY_FAMILIES) {
    if (Object.values(STRATEGY_TYPE_NAMES).some((names) => names[family] === t)) return family;
  }
  return null;
}
