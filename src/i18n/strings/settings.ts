import type { AbcCombine, AbcCriterion } from "../../core/settings";
import type { SettingGroup, SettingRule } from "../../core/settingsSchema";

/** The input tables a mapping line names. */
export type InputKind = "customers" | "orders" | "followups";

/** Parameters of each group's label and description, already in words. */
export interface SettingLineParams {
  scheme: { choices: string };
  asOf: object;
  windowDays: object;
  weights: { metric: string };
  "fixed5.recencyMaxDays": { score: number };
  "fixed5.frequencyMin": { score: number };
  "fixed5.monetaryMin": { score: number };
  "fixed5.tierMinTotal.high_value": object;
  "fixed5.tierMinTotal.potential": object;
  "fixed5.tierMinTotal.general": object;
  "pct100.high": object;
  "pct100.potentialR": object;
  "pct100.potentialF": object;
  "pct100.potentialM": object;
  "pct100.general": object;
  "abc.A": { criterion: string };
  "abc.B": { criterion: string };
  "abc.combine": { choices: string };
  "clv.margin": object;
  "clv.retentionYears": object;
  "clv.discountRate": object;
  "clv.horizonDays": object;
  maskPhones: object;
  "followup.cadenceDays": { grade: string };
  marketingSpend: object;
  "review.controlShare": object;
  "review.holdoutWeeks": object;
  "contact.days": { family: string; tiers: string };
  mapping: { kind: string; field: string };
  playbook: { family: string };
}

/** A line's label, and its description ending with the default value. */
export interface SettingLineTexts<P> {
  label: (p: P) => string;
  description: (p: P & { default: string }) => string;
}

type RuleOf<R extends SettingRule["rule"]> = Omit<Extract<SettingRule, { rule: R }>, "rule">;

/**
 * The settings sheet (设置 / Settings): column headers, the label and description of every line
 * (keyed by the schema's groups, `src/core/settingsSchema.ts`), and the messages about values that
 * cannot be used. Each message names the cell first and, for a bad value, says what was expected,
 * what was found and which default is used instead.
 */
export interface SettingsStrings {
  headers: { key: string; item: string; value: string; description: string };
  title: string;
  intro: string;
  yes: string;
  no: string;
  today: string;
  notSet: string;
  /** Separates the choices of a list in a description. */
  choiceSeparator: string;
  /** Separates the tiers that feed one playbook. */
  tierSeparator: string;
  inputKind: Record<InputKind, string>;
  /** Criteria of ABC grading, as they appear in labels. */
  abcCriterion: Record<AbcCriterion, string>;
  abcCombine: Record<AbcCombine, string>;
  lines: { [G in SettingGroup]: SettingLineTexts<SettingLineParams[G]> };
  /** What a value must be ("must be a whole number from 3 to 15"). */
  rules: { [R in SettingRule["rule"]]: (p: RuleOf<R>) => string };
  problems: {
    badValue: (p: {
      address: string;
      label: string;
      rule: string;
      got: string;
      default: string;
    }) => string;
    got: (p: { value: string }) => string;
    gotBlank: string;
    orderUp: (p: OrderParams) => string;
    orderDown: (p: OrderParams) => string;
    orderBetween: (p: {
      address: string;
      label: string;
      value: number;
      low: string;
      lowValue: number;
      high: string;
      highValue: number;
      defaults: string;
    }) => string;
    unknownKey: (p: { address: string; key: string }) => string;
    duplicateKey: (p: { address: string; key: string; first: string }) => string;
    noHeader: (p: { address: string }) => string;
    unreadable: (p: { address: string }) => string;
  };
}

export interface OrderParams {
  address: string;
  label: string;
  value: number;
  other: string;
  otherValue: number;
  defaults: string;
}
