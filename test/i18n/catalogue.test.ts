import { strings } from "../../src/i18n";

/**
 * Every text of a catalogue with its path: plain strings, and templates filled with a recording proxy.
 * Each parameter reads as a one-element list, which prints as `<name>` both alone and joined.
 */
function texts(node: unknown, path: string, out: Map<string, { text: string; params: string[] }>) {
  if (typeof node === "string") out.set(path, { text: node, params: [] });
  else if (typeof node === "function") {
    const params = new Set<string>();
    const proxy = new Proxy(
      {},
      { get: (_t, key) => (params.add(String(key)), [`<${String(key)}>`]) }
    );
    const text: unknown = (node as (p: unknown) => unknown)(proxy);
    // A template that switches on a code (e.g. a scheme's rule) has no text for a made-up code;
    // the compiler checks each of its cases instead.
    if (typeof text === "string") out.set(path, { text, params: [...params].sort() });
  } else if (Array.isArray(node)) node.forEach((x, i) => texts(x, `${path}[${i}]`, out));
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) texts(value, `${path}.${key}`, out);
  return out;
}

describe("the string catalogue", () => {
  const zh = texts(strings("zh-CN"), "", new Map());
  const en = texts(strings("en-US"), "", new Map());

  it("has the same texts in both languages", () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("has no blank text and no placeholder left unfilled", () => {
    for (const [path, { text }] of [...zh, ...en]) {
      expect({ path, blank: text.trim() === "" }).toEqual({ path, blank: false });
      expect({ path, text }).not.toEqual({ path, text: expect.stringMatching(/\{\w+\}/) });
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const [path, { params }] of zh)
      expect({ path, params }).toEqual({ path, params: en.get(path)?.params });
  });
});
