import { defaultSettings } from "../../src/core/settings";
import {
  draftOf,
  fieldText,
  hasErrors,
  mapColumn,
  overridesOf,
  rebase,
  typeSetting,
} from "../../src/taskpane/draft";

describe("the pane's settings form", () => {
  test("sends only the groups the user touched, each whole", () => {
    let draft = draftOf(defaultSettings());
    expect(overridesOf(draft)).toEqual({});
    draft = typeSetting(draft, "fixed5.tierMinTotal.potential", "9", "en-US");
    draft = typeSetting(draft, "scheme", "pct100", "en-US");
    const overrides = overridesOf(draft);
    expect(Object.keys(overrides).sort()).toEqual(["fixed5", "scheme"]);
    expect(overrides.fixed5?.tierMinTotal).toEqual({ high_value: 12, potential: 9, general: 4 });
    expect(overrides.fixed5?.recencyMaxDays).toEqual([30, 60, 90, 180]);
    expect(overrides.scheme).toBe("pct100");
  });

  test("a refused text stays on screen with its reason and changes nothing", () => {
    const draft = typeSetting(draftOf(defaultSettings()), "weights.r", "a lot", "en-US");
    expect(hasErrors(draft)).toBe(true);
    expect(draft.errors["weights.r"]).toBe("must be a number, 0 or more");
    expect(fieldText(draft, "weights.r", "en-US")).toBe("a lot");
    expect(overridesOf(draft)).toEqual({});
    const fixed = typeSetting(draft, "weights.r", "0.5", "en-US");
    expect(hasErrors(fixed)).toBe(false);
    expect(overridesOf(fixed).weights).toEqual({ r: 0.5, f: 0.3, m: 0.3 });
  });

  test("leaving a scheme drops the refused text of its thresholds, which are no longer shown", () => {
    let draft = typeSetting(
      draftOf(defaultSettings()),
      "fixed5.tierMinTotal.general",
      "x",
      "en-US"
    );
    draft = typeSetting(draft, "weights.f", "y", "en-US");
    expect(Object.keys(draft.errors).sort()).toEqual(["fixed5.tierMinTotal.general", "weights.f"]);
    draft = typeSetting(draft, "scheme", "abc", "en-US");
    expect(Object.keys(draft.errors)).toEqual(["weights.f"]);
    expect(fieldText(draft, "fixed5.tierMinTotal.general", "en-US")).toBe("4");
  });

  test("a column choice maps the field; the blank choice goes back to automatic", () => {
    let draft = mapColumn(draftOf(defaultSettings()), "orders", "amount", "实收金额");
    expect(overridesOf(draft).columnMapping).toEqual({ "orders.amount": "实收金额" });
    draft = mapColumn(draft, "orders", "amount", "");
    expect(overridesOf(draft).columnMapping).toEqual({});
  });

  test("after a run the form shows what the run used, keeping text still to be corrected", () => {
    let draft = typeSetting(draftOf(defaultSettings()), "windowDays", "0", "zh-CN");
    draft = typeSetting(draft, "weights.m", "0.4", "zh-CN");
    const used = {
      ...defaultSettings(),
      weights: { r: 0.4, f: 0.3, m: 0.4 },
      scheme: "abc" as const,
    };
    const after = rebase(draft, used, false);
    expect(after.settings.scheme).toBe("abc");
    expect(fieldText(after, "weights.m", "zh-CN")).toBe("0.4");
    expect(fieldText(after, "windowDays", "zh-CN")).toBe("0");
    expect(after.errors.windowDays).toBeTruthy();
    expect([...after.touched]).toEqual(["weights"]);
    // A score saved the choices in the settings sheet: later runs read them there.
    expect(overridesOf(rebase(draft, used, true))).toEqual({});
  });
});
