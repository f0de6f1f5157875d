/**
 * Offline checks of manifest.xml (`office-addin-manifest validate` needs a network service):
 * xmllint for well-formedness, then the rules that keep the add-in installable and bilingual.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const manifestPath = join(root, "manifest.xml");

function xmllint(args: string[], input?: string): string {
  try {
    return execFileSync("xmllint", args, { encoding: "utf8", input, stdio: "pipe" });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT")
      throw new Error(
        "xmllint is missing: run `apt-get install libxml2-utils` (npm test's pretest does)"
      );
    throw new Error(`xmllint ${args.join(" ")} failed: ${e.stderr ?? e.message}`);
  }
}

/** Every match of an XPath over the manifest, as text (attribute values or element text). */
function xpath(expression: string, file = manifestPath): string[] {
  const out = xmllint(["--xpath", expression, file]);
  // xmllint prints attributes as ` name="value"` and text nodes one per line.
  const attributes = [...out.matchAll(/\w+="([^"]*)"/g)].map((m) => m[1]);
  return attributes.length > 0 ? attributes : out.split("\n").filter((line) => line.trim() !== "");
}

const el = (name: string) => `*[local-name()='${name}']`;

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(() => xmllint(["--noout", manifestPath])).not.toThrow();
  });

  test("every resid it uses is defined once in Resources", () => {
    const used = new Set(xpath("//@resid"));
    const defined = xpath(`//${el("Resources")}//*[@id]/@id`);
    expect(used.size).toBeGreaterThan(0);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
  });

  test("every address is https", () => {
    const urls = [
      ...xpath("//@DefaultValue").filter((v) => /^[a-z]+:\/\//i.test(v)),
      ...xpath(`//${el("AppDomain")}/text()`),
    ];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  test("names, descriptions and ribbon strings have a zh-CN override", () => {
    const strings = xpath(
      `//${el("ShortStrings")}/${el("String")}/@id | //${el("LongStrings")}/${el("String")}/@id`
    );
    expect(strings.length).toBeGreaterThan(0);
    for (const id of strings) {
      const zh = xpath(`//${el("String")}[@id='${id}']/${el("Override")}[@Locale='zh-CN']/@Value`);
      expect({ id, zh: zh.length }).toEqual({ id, zh: 1 });
    }
    for (const top of ["DisplayName", "Description"]) {
      const zh = xpath(`/${el("OfficeApp")}/${el(top)}/${el("Override")}[@Locale='zh-CN']/@Value`);
      expect(zh).toHaveLength(1);
      expect(zh[0]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("asks for ExcelApi 1.9 and no more than ReadWriteDocument", () => {
    expect(xpath(`//${el("Set")}[@Name='ExcelApi']/@MinVersion`)).toEqual(["1.9"]);
    const permissions = xpath(`/${el("OfficeApp")}/${el("Permissions")}/text()`);
    expect(["Restricted", "ReadDocument", "ReadWriteDocument"]).toContain(permissions[0]);
  });

  test("every icon it names is in assets/", () => {
    const icons = xpath("//@DefaultValue").filter((v) => /\/assets\/[^/]+\.png$/.test(v));
    expect(icons.length).toBeGreaterThan(0);
    for (const url of icons)
      expect(existsSync(join(root, "assets", url.split("/").pop()!))).toBe(true);
  });

  test("the production build writes ADDIN_URL in place of every development address", () => {
    const previous = process.env.ADDIN_URL;
    process.env.ADDIN_URL = "https://tiers.example.com/addin";
    try {
      const config = require(join(root, "webpack.config.js"))({}, { mode: "production" });
      const copy = config.plugins.find((p: { patterns?: unknown }) =>
        Array.isArray(p.patterns)
      ) as { patterns: Array<{ to: string; transform?: (content: Buffer) => string }> };
      const pattern = copy.patterns.find((p) => p.to === "manifest.xml");
      const built = pattern!.transform!(readFileSync(manifestPath));
      expect(built).not.toContain("localhost");
      expect(built).toContain("https://tiers.example.com/addin/taskpane.html");
      expect(xmllint(["--noout", "-"], built)).toBe("");
    } finally {
      if (previous === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = previous;
    }
  });
});
