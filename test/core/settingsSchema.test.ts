import { serialFromYmd } from "../../src/core/parse";
import { defaultSettings } from "../../src/core/settings";
import {
  applySettings,
  SETTING_KEYS,
  SETTING_SPECS,
  settingValue,
  withSettingCell,
  type SettingKey,
} from "../../src/core/settingsSchema";
import type { Cell } from "../../src/core/types";
import { settingLabel } from "../../src/i18n/settingWords";

const apply = (values: Record<string, Cell>) =>
  applySettings(new Map(Object.entries(values) as Array<[SettingKey, Cell]>));

describe("the settings schema", () => {
  it("has one spec per key, and every key's value sits in the default settings", () => {
    expect(new Set(SETTING_KEYS).size).toBe(SETTING_KEYS.length);
    for (const key of SETTING_KEYS)
      expect(settingValue(defaultSettings(), key)).not.toBeUndefined();
  });

  it("gives nothing but the defaults for no values", () => {
    expect(apply({})).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it("reads a value typed as text and the same value already typed alike", () => {
    const typed = apply({
      windowDays: 90,
      "clv.margin": 0.25,
      maskPhones: false,
      asOf: serialFromYmd(2024, 12, 31),
      marketingSpend: 50000,
    });
    const text = apply({
      windowDays: "90天",
      "clv.margin": "25%",
      maskPhones: "否",
      asOf: "2024-12-31",
      marketingSpend: "5万",
    });
    expect(text).toEqual(typed);
    expect(typed.settings.windowDays).toBe(90);
    expect(typed.problems).toEqual([]);
  });

  it("returns a refused value as a code with its rule's parameters, and keeps the default", () => {
    const { settings, problems } = apply({ "fixed5.tierMinTotal.high_value": 16 });
    expect(settings.fixed5.tierMinTotal.high_value).toBe(12);
    expect(problems).toEqual([
      {
        code: "bad_value",
        key: "fixed5.tierMinTotal.high_value",
        rule: { rule: "int_range", min: 3, max: 15 },
        value: 16,
      },
    ]);
  });

  it("returns an order break as a code naming both settings, and resets the whole group", () => {
    const { settings, problems } = apply({
      "fixed5.monetaryMin.5": 20000,
      "fixed5.monetaryMin.4": 3000,
      "fixed5.monetaryMin.3": 4000,
    });
    expect(settings.fixed5.monetaryMin).toEqual(defaultSettings().fixed5.monetaryMin);
    expect(problems).toEqual([
      {
        code: "order_down",
        key: "fixed5.monetaryMin.3",
        value: 4000,
        other: "fixed5.monetaryMin.4",
        otherValue: 3000,
        group: [
          "fixed5.monetaryMin.5",
          "fixed5.monetaryMin.4",
          "fixed5.monetaryMin.3",
          "fixed5.monetaryMin.2",
        ],
        at: ["fixed5.monetaryMin.3", "fixed5.monetaryMin.4"],
      },
    ]);
  });

  it("checks a potential line of the 100-point scheme against the general and high lines", () => {
    const { problems } = apply({ "pct100.potentialF": 90 });
    expect(problems).toMatchObject([
      {
        code: "order_between",
        key: "pct100.potentialF",
        low: "pct100.general",
        high: "pct100.high",
      },
    ]);
  });

  it("sets one field by the same rule (the pane) without changing the settings given", () => {
    const base = defaultSettings();
    const set = withSettingCell(base, "weights.r", "0.5");
    expect(set.ok && set.settings.weights.r).toBe(0.5);
    expect(base.weights.r).toBe(0.4);
    expect(withSettingCell(base, "weights.r", "-1")).toEqual({
      ok: false,
      rule: { rule: "non_negative" },
    });
  });

  it("has a label in both languages for every setting, different per setting", () => {
    for (const lang of ["zh-CN", "en-US"] as const) {
      const labels = SETTING_SPECS.map((s) => settingLabel(s.key, lang));
      expect(labels.every((l) => l.trim().length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
