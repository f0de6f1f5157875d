/**
 * Accessibility checks for the browser tests, written against whatever controls the pane shows:
 * axe-core's automated rules, and keyboard-only use (every control reached with Tab and Shift+Tab,
 * focus visible on each, never trapped, each control operated with Enter, Space, arrows or typing).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Frame, Page } from "playwright-core";
import { PNG } from "pngjs";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** One axe finding, short enough to read in a test failure. */
export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical findings on the frame's page (axe injected into that frame). */
export async function axeFindings(frame: Frame): Promise<Finding[]> {
  if (!(await frame.evaluate(() => "axe" in window)))
    await frame.addScriptTag({ content: AXE_SOURCE });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A control the keyboard must reach: a Tab stop, or an item of a composite reached by arrows. */
interface Control {
  id: string;
  /** For reports: test id or tag, role and text. */
  name: string;
  tabStop: boolean;
  /** The kind of key that operates it. */
  kind: "select" | "date" | "text" | "toggle" | "press" | "link";
  /** Same-looking controls share a signature; focus visibility is checked on the first few of each. */
  signature: string;
  /** The composite (tab list, menu, list box, toolbar…) it belongs to, whose items arrows move between. */
  group: string | null;
  /** It opens a menu or list (aria-haspopup). */
  popup: boolean;
}

const ATTR = "data-kb-id";

/** Marks every visible, enabled control of the frame's page with an id and describes it. */
async function controls(frame: Frame): Promise<Control[]> {
  return frame.evaluate((attr) => {
    const selector = [
      "a[href]",
      "button",
      "input:not([type=hidden])",
      "select",
      "textarea",
      "summary",
      "[tabindex]",
      "[contenteditable=true]",
      ...[
        "button",
        "link",
        "checkbox",
        "radio",
        "switch",
        "tab",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "option",
        "treeitem",
        "slider",
        "spinbutton",
        "combobox",
        "textbox",
        "gridcell",
      ].map((role) => `[role=${role}]`),
    ].join(",");
    const interactiveRole =
      /^(button|link|checkbox|radio|switch|tab|menuitem|menuitemcheckbox|menuitemradio|option|treeitem|slider|spinbutton|combobox|textbox|gridcell)$/;
    const composite =
      "[role=tablist],[role=menu],[role=menubar],[role=listbox],[role=radiogroup],[role=toolbar],[role=tree],[role=grid],[role=treegrid]";
    const groups = new Map<Element, string>();
    const found: Control[] = [];
    let next = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(el);
      const visible =
        el.getClientRects().length > 0 &&
        style.visibility !== "hidden" &&
        !el.closest("[aria-hidden=true], [inert]") &&
        // Chrome keeps boxes for the content of a closed <details>, but nothing there is reachable.
        !el.closest("details:not([open]) > :not(summary)");
      if (!visible || el.matches(":disabled")) continue;
      const role = el.getAttribute("role") ?? "";
      const tabStop = el.tabIndex >= 0;
      const native = /^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY)$/.test(el.tagName);
      // A tabindex=-1 element is a control only as an item of a composite (tabs, menu items, options).
      if (!tabStop && !interactiveRole.test(role)) continue;
      if (!native && !role && !el.isContentEditable) continue;
      const type = (el as HTMLInputElement).type ?? "";
      const kind: Control["kind"] =
        el.tagName === "SELECT"
          ? "select"
          : el.tagName === "INPUT" && /^(date|datetime-local|month|week|time)$/.test(type)
            ? "date"
            : (el.tagName === "INPUT" &&
                  !/^(checkbox|radio|button|submit|reset|range|file|color|image)$/.test(type)) ||
                el.tagName === "TEXTAREA" ||
                el.isContentEditable ||
                /^(textbox|spinbutton|combobox)$/.test(role)
              ? "text"
              : (el.tagName === "INPUT" && /^(checkbox|radio)$/.test(type)) ||
                  /^(checkbox|radio|switch)$/.test(role)
                ? "toggle"
                : el.tagName === "A"
                  ? "link"
                  : "press";
      const id = String(next++);
      el.setAttribute(attr, id);
      const testId = el.getAttribute("data-testid");
      const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
      const container = el.parentElement?.closest(composite) ?? null;
      if (container && !groups.has(container)) groups.set(container, `g${groups.size}`);
      const popup = (el.getAttribute("aria-haspopup") ?? "false") !== "false";
      found.push({
        id,
        name: `${testId ?? `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ""}`} "${text}"`,
        tabStop,
        kind,
        signature: testId ?? `${el.tagName}/${role}/${el.className}`,
        group: container ? (groups.get(container) as string) : null,
        popup,
      });
    }
    return found;
  }, ATTR);
}

/**
 * The id of the control that has focus in the frame; "" for an element that is none of them; null
 * when focus is on no element of the pane (it left the frame, or past the last control Chromium
 * leaves it on the page itself).
 */
function focusedId(frame: Frame): Promise<string | null> {
  return frame.evaluate((attr) => {
    const active = document.activeElement;
    if (!document.hasFocus() || !active || active === document.body) return null;
    return active.closest(`[${attr}]`)?.getAttribute(attr) ?? "";
  }, ATTR);
}

/** The control in the middle of the frame's view, and the part of the page where its focus ring shows. */
async function around(frame: Frame, id: string) {
  const element = frame.locator(`[${ATTR}="${id}"]`);
  await element.evaluate((el) => el.scrollIntoView({ block: "center", inline: "nearest" }));
  const box = await element.boundingBox();
  assert.ok(box, `control ${id} has a box`);
  const margin = 4;
  return {
    x: Math.max(0, box.x - margin),
    y: Math.max(0, box.y - margin),
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  };
}

async function shot(
  page: Page,
  clip: { x: number; y: number; width: number; height: number }
): Promise<PNG> {
  return PNG.sync.read(await page.screenshot({ clip, animations: "disabled", caret: "hide" }));
}

/** Pixels that differ clearly between two pictures of the same place. */
function changedPixels(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return a.width * a.height;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(
      Math.abs(a.data[i] - b.data[i]),
      Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2])
    );
    if (d > 40) changed++;
  }
  return changed;
}

/**
 * Records activation events in the frame and stops them there, so operating a control changes
 * nothing. A string, not a function: the test runner's compiler would name a function inside it.
 */
const PROBE_ON = `(() => {
  if (window.kbProbe) return;
  const seen = [];
  const stop = (e) => {
    const id = e.target && e.target.closest ? e.target.closest("[${ATTR}]")?.getAttribute("${ATTR}") : null;
    if (id !== null && id !== undefined) seen.push(e.type + ":" + id);
    e.stopPropagation();
    if (e.type === "click") e.preventDefault();
  };
  for (const type of ["click", "input", "change"]) window.addEventListener(type, stop, true);
  window.kbProbe = { seen, stop };
})()`;
const PROBE_OFF = `(() => {
  if (!window.kbProbe) return;
  for (const type of ["click", "input", "change"]) window.removeEventListener(type, window.kbProbe.stop, true);
  delete window.kbProbe;
})()`;

async function probe(frame: Frame, on: boolean): Promise<void> {
  await frame.evaluate(on ? PROBE_ON : PROBE_OFF);
}

async function probed(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const w = window as unknown as { kbProbe?: { seen: string[] } };
    return w.kbProbe?.seen.splice(0) ?? [];
  });
}

/** Operates the focused control with its keys; returns the events it answered with (stopped by the probe). */
async function operate(page: Page, frame: Frame, control: Control): Promise<string[]> {
  const keys: Record<Control["kind"], string[]> = {
    select: ["ArrowDown", "ArrowUp", "ArrowUp", "ArrowDown"],
    // Each part of the date (an empty field only reports a change once all of them are set).
    date: ["ArrowUp", "ArrowRight", "ArrowUp", "ArrowRight", "ArrowUp", "ArrowDown"],
    text: ["End", "1", "Backspace"],
    toggle: ["Space", "Space"],
    press: ["Enter", "Space"],
    link: ["Enter"],
  };
  const element = frame.locator(`[${ATTR}="${control.id}"]`);
  const value = (el: Element) => (el as HTMLInputElement).value;
  const before = await element.evaluate(value);
  // A <summary> opens or closes its <details> as a default action no event probe can stop.
  const openBefore = await element.evaluate((el) =>
    el.tagName === "SUMMARY" ? (el.parentElement as HTMLDetailsElement).open : null
  );
  await probed(frame);
  for (const key of keys[control.kind]) await page.keyboard.press(key);
  const answered = await probed(frame);
  await element.evaluate((el, open) => {
    if (open !== null) (el.parentElement as HTMLDetailsElement).open = open;
  }, openBefore);
  // The probe kept the pane from seeing the change; put the field back as the pane has it.
  await element.evaluate((el, text) => {
    if (text !== undefined) (el as HTMLInputElement).value = text;
  }, before);
  return answered;
}

/**
 * A control with a pop-up (menu, list box): Enter opens it with focus inside, the arrows move
 * between its items, Escape closes it and gives focus back. Returns what went wrong, if anything.
 */
async function operatePopup(page: Page, frame: Frame, control: Control): Promise<string | null> {
  await page.keyboard.press("Enter");
  const popup = frame.locator("[role=menu], [role=listbox]").first();
  try {
    await popup.waitFor({ timeout: 5000 });
  } catch {
    return `${control.name}: Enter opened no menu`;
  }
  const inside = () =>
    frame.evaluate(() => {
      const active = document.activeElement;
      return active?.closest("[role=menu], [role=listbox]")
        ? (active.textContent ?? "").trim()
        : null;
    });
  const first = await inside();
  const items = await popup.locator("[role^=menuitem], [role=option]").count();
  await page.keyboard.press("ArrowDown");
  const second = await inside();
  await page.keyboard.press("Escape");
  await popup.waitFor({ state: "hidden", timeout: 5000 }).catch(() => undefined);
  const back = await focusedId(frame);
  if (first === null && second === null) return `${control.name}: focus did not move into its menu`;
  if (items > 1 && first === second)
    return `${control.name}: the arrow keys do not move in its menu`;
  if (back !== control.id) return `${control.name}: Escape did not give focus back`;
  return null;
}

export interface KeyboardReport {
  /** Controls in the order Tab reached them. */
  order: string[];
  presses: number;
}

/**
 * Tab from the top of the pane to past its last control and back with Shift+Tab: every control
 * reached (composite items with arrows), focus visible on each, never trapped, each operated by
 * keys. `frame` is the pane; `start` clicks an empty spot of it to put the keyboard there.
 */
export async function checkKeyboard(
  page: Page,
  frame: Frame,
  label: string
): Promise<KeyboardReport> {
  const all = await controls(frame);
  const stops = all.filter((c) => c.tabStop);
  assert.ok(stops.length > 0, `${label}: the pane has controls`);
  const byId = new Map(all.map((c) => [c.id, c]));

  // Each control's look with nothing focused, for the focus-visible comparison.
  const seenSignatures = new Map<string, number>();
  const looked = new Map<string, { clip: Awaited<ReturnType<typeof around>>; unfocused: PNG }>();
  await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  for (const control of all) {
    const count = seenSignatures.get(control.signature) ?? 0;
    seenSignatures.set(control.signature, count + 1);
    if (count >= 3) continue;
    const clip = await around(frame, control.id);
    looked.set(control.id, { clip, unfocused: await shot(page, clip) });
  }

  // Forward: from the top of the pane, Tab until focus leaves it.
  await frame.evaluate(() => window.scrollTo(0, 0));
  await frame.locator("body").click({ position: { x: 1, y: 1 } });
  await probe(frame, true);
  const popupProblems: string[] = [];
  const order: string[] = [];
  const reached = new Set<string>();
  const notVisible: string[] = [];
  const notOperated: string[] = [];
  const limit = all.length * 4 + 20;
  let presses = 0;
  let left = false;
  let previous = "";
  while (presses < limit) {
    await page.keyboard.press("Tab");
    presses++;
    const id = await focusedId(frame);
    if (id === null) {
      if (order.length === 0) continue;
      left = true;
      break;
    }
    // A date input's parts are Tab stops of their own: one control.
    if (id === previous || id === "") continue;
    assert.ok(
      !reached.has(id),
      `${label}: Tab came back to ${byId.get(id)?.name} (focus is trapped)`
    );
    previous = id;
    order.push(id);
    reached.add(id);
    const control = byId.get(id) as Control;
    const look = looked.get(id);
    if (look) {
      const clip = await around(frame, id);
      const changed = changedPixels(look.unfocused, await shot(page, clip));
      // A ring or underline along at least a fifth of the control's outline.
      if (changed < 0.2 * (clip.width + clip.height))
        notVisible.push(`${control.name} (${changed} px)`);
    }
    const answered = await operate(page, frame, control);
    if (!answered.some((event) => event.endsWith(`:${id}`))) notOperated.push(control.name);
    if (control.popup) {
      await probe(frame, false);
      const problem = await operatePopup(page, frame, control);
      if (problem) popupProblems.push(problem);
      await probe(frame, true);
    }
    // Items of a composite (tabs, menu items, options) are reached with the arrow keys from here;
    // Tab then leaves the composite from wherever the arrows left focus.
    const items = all.filter((c) => !c.tabStop && c.group !== null && c.group === control.group);
    for (const key of items.length > 0 ? ["ArrowDown", "ArrowRight"] : []) {
      for (let i = 0; i <= items.length; i++) {
        await page.keyboard.press(key);
        const at = await focusedId(frame);
        if (at) reached.add(at);
      }
    }
  }
  await probe(frame, false);
  assert.ok(left, `${label}: after ${presses} Tab presses focus never left the pane (trapped)`);
  const missed = all.filter((c) => !reached.has(c.id)).map((c) => c.name);
  assert.deepEqual(missed, [], `${label}: controls the keyboard never reached`);
  assert.deepEqual(notVisible, [], `${label}: controls whose focus is not visible`);
  assert.deepEqual(notOperated, [], `${label}: controls that did not answer their keys`);
  assert.deepEqual(popupProblems, [], `${label}: menus not usable by keyboard`);

  // Backward: Shift+Tab from past the end comes back through the same controls in reverse.
  const back: string[] = [];
  let backPresses = 0;
  while (backPresses < limit) {
    await page.keyboard.press("Shift+Tab");
    backPresses++;
    const id = await focusedId(frame);
    if (id === null) {
      if (back.length > 0) break;
      continue;
    }
    // A composite is one Tab stop, whichever of its items holds it.
    const stop = byId.get(id)?.group ?? id;
    if (id === "" || stop === back[back.length - 1]) continue;
    assert.ok(
      !back.includes(stop),
      `${label}: Shift+Tab came back to ${byId.get(id)?.name} (trapped)`
    );
    back.push(stop);
  }
  const forward = [...new Set(order.map((id) => byId.get(id)?.group ?? id))];
  const name = (stop: string) => all.find((c) => c.id === stop || c.group === stop)?.name ?? stop;
  assert.deepEqual(
    back.map(name),
    forward.reverse().map(name),
    `${label}: Shift+Tab goes back through the controls in reverse`
  );
  return { order: order.map((id) => byId.get(id)?.name ?? id), presses };
}

/**
 * Presses Tab (or Shift+Tab) until the control with this test id (on it or on its wrapper, as
 * Fluent's accordion header has it) has focus; fails if it never does.
 */
export async function tabTo(page: Page, frame: Frame, testId: string, back = false): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const at = await frame.evaluate(() =>
      document.hasFocus()
        ? (document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid") ?? "")
        : null
    );
    if (at === testId) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  assert.fail(`the keyboard never reached ${testId}`);
}
