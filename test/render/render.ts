import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { PNG } from "pngjs";

/**
 * The real renderer for tests: LibreOffice prints an .xlsx to PDF, poppler's pdftoppm turns each
 * page into a PNG, and the pixel helpers below check colours on it.
 * Needs the Debian packages libreoffice-calc and poppler-utils (scripts/ensure-system-deps.sh).
 */

const INSTALL_HINT =
  "run `bash scripts/ensure-system-deps.sh libreoffice-calc poppler-utils` " +
  "(or apt-get install -y --no-install-recommends libreoffice-calc poppler-utils)";

function requireCommand(command: string, pkg: string): void {
  const probe = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  if (probe.status !== 0) {
    throw new Error(
      `\`${command}\` not found: the Debian package ${pkg} is needed to render workbooks; ${INSTALL_HINT}`
    );
  }
}

/** LibreOffice settings for a fresh profile: always recalculate formulas of OOXML files on load. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(command: string, args: string[], timeoutMs: number): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs });
  if (result.error) throw new Error(`${command} failed: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} exited with ${result.status}: ${result.stderr || result.stdout}`);
  }
}

/**
 * Prints every sheet of an .xlsx to PDF with LibreOffice (a fresh profile per call, formulas
 * recalculated) and returns the pages as PNG files in `outDir`, in page order.
 */
export function renderXlsxToPngs(xlsxPath: string, outDir: string, dpi = 50): string[] {
  requireCommand("soffice", "libreoffice-calc");
  requireCommand("pdftoppm", "poppler-utils");
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
    run(
      "soffice",
      [
        "--headless",
        "--norestore",
        "--nolockcheck",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        xlsxPath,
      ],
      180_000
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const stem = basename(xlsxPath, extname(xlsxPath));
  const pdf = pdfPathFor(xlsxPath, outDir);
  if (!existsSync(pdf))
    throw new Error(`LibreOffice wrote no PDF for ${xlsxPath} (expected ${pdf})`);
  run("pdftoppm", ["-r", String(dpi), "-png", pdf, join(outDir, stem)], 120_000);
  const page = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)\\.png$`);
  return readdirSync(outDir)
    .map((name) => ({ name, match: page.exec(name) }))
    .filter((f) => f.match !== null)
    .sort((a, b) => Number(a.match![1]) - Number(b.match![1]))
    .map((f) => join(outDir, f.name));
}

/** Where renderXlsxToPngs leaves the PDF it printed. */
export function pdfPathFor(xlsxPath: string, outDir: string): string {
  return join(outDir, `${basename(xlsxPath, extname(xlsxPath))}.pdf`);
}

/** Names of the fonts a PDF uses (`pdffonts`, poppler-utils), without the subset prefix. */
export function pdfFontNames(pdfPath: string): string[] {
  requireCommand("pdffonts", "poppler-utils");
  const result = spawnSync("pdffonts", [pdfPath], { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`pdffonts failed on ${pdfPath}: ${result.stderr}`);
  return result.stdout
    .split("\n")
    .slice(2)
    .map((line) => line.split(/\s+/)[0])
    .filter((name) => name)
    .map((name) => name.replace(/^[A-Z]{6}\+/, ""));
}

/** Fonts with Chinese glyphs among the Debian font packages (fonts-droid-fallback, -noto-cjk, -wqy-*). */
export const CJK_FONT =
  /DroidSansFallback|Noto(Sans|Serif)CJK|Noto ?Sans ?CJK|WenQuanYi|WQY|ZenHei|MicroHei|SourceHan|UMing|UKai/i;

export function readPng(path: string): PNG {
  return PNG.sync.read(readFileSync(path));
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function parseHex(hex: string): Rgb {
  const h = hex.replace(/^#/, "");
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not an RGB colour: ${hex}`);
  return {
    r: parseInt(h.slice(0, 2), 16),
    g: parseInt(h.slice(2, 4), 16),
    b: parseInt(h.slice(4, 6), 16),
  };
}

/** A rectangle of pixels, right and bottom exclusive. */
export interface Region {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function clip(png: PNG, region?: Region): Region {
  const r = region ?? { left: 0, top: 0, right: png.width, bottom: png.height };
  return {
    left: Math.max(0, Math.floor(r.left)),
    top: Math.max(0, Math.floor(r.top)),
    right: Math.min(png.width, Math.ceil(r.right)),
    bottom: Math.min(png.height, Math.ceil(r.bottom)),
  };
}

function forEachPixel(
  png: PNG,
  region: Region | undefined,
  visit: (c: Rgb, x: number, y: number) => void
): void {
  const { left, top, right, bottom } = clip(png, region);
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const i = (y * png.width + x) * 4;
      const alpha = png.data[i + 3] / 255;
      // Composite over white (pdftoppm writes opaque pages, but be safe).
      visit(
        {
          r: Math.round(png.data[i] * alpha + 255 * (1 - alpha)),
          g: Math.round(png.data[i + 1] * alpha + 255 * (1 - alpha)),
          b: Math.round(png.data[i + 2] * alpha + 255 * (1 - alpha)),
        },
        x,
        y
      );
    }
  }
}

/** Pixels whose every channel is within `tolerance` of `hex` (e.g. "#C6EFCE"). */
export function countPixelsNear(png: PNG, hex: string, tolerance = 8, region?: Region): number {
  const target = parseHex(hex);
  let count = 0;
  forEachPixel(png, region, (c) => {
    if (
      Math.abs(c.r - target.r) <= tolerance &&
      Math.abs(c.g - target.g) <= tolerance &&
      Math.abs(c.b - target.b) <= tolerance
    )
      count++;
  });
  return count;
}

/** Bounding box of the pixels near `hex`, or null when there are none. */
export function boundsOfColor(
  png: PNG,
  hex: string,
  tolerance = 8,
  region?: Region
): Region | null {
  const target = parseHex(hex);
  let box: Region | null = null;
  forEachPixel(png, region, (c, x, y) => {
    if (
      Math.abs(c.r - target.r) > tolerance ||
      Math.abs(c.g - target.g) > tolerance ||
      Math.abs(c.b - target.b) > tolerance
    )
      return;
    if (box === null) box = { left: x, top: y, right: x + 1, bottom: y + 1 };
    else {
      box.left = Math.min(box.left, x);
      box.top = Math.min(box.top, y);
      box.right = Math.max(box.right, x + 1);
      box.bottom = Math.max(box.bottom, y + 1);
    }
  });
  return box;
}

/** Pixels that are not (near) white. */
export function countNonWhite(png: PNG, region?: Region, tolerance = 16): number {
  let count = 0;
  forEachPixel(png, region, (c) => {
    if (c.r < 255 - tolerance || c.g < 255 - tolerance || c.b < 255 - tolerance) count++;
  });
  return count;
}

/** Hue in degrees (0–360), saturation and value (0–1) of a colour. */
export function hsvOf(c: Rgb): { hue: number; saturation: number; value: number } {
  const r = c.r / 255;
  const g = c.g / 255;
  const b = c.b / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  const saturation = max === 0 ? 0 : delta / max;
  if (delta === 0) return { hue: 0, saturation, value: max };
  let hue: number;
  if (max === r) hue = ((g - b) / delta) % 6;
  else if (max === g) hue = (b - r) / delta + 2;
  else hue = (r - g) / delta + 4;
  hue *= 60;
  return { hue: hue < 0 ? hue + 360 : hue, saturation, value: max };
}

export interface HueOptions {
  /** Degrees either side of the colour's hue (default 8). */
  hueTolerance?: number;
  /** Greyer pixels (text antialiasing, white) do not count (default 0.15). */
  minSaturation?: number;
  /** Darker pixels do not count (default 0): excludes dark fills of a similar hue. */
  minValue?: number;
  region?: Region;
}

/** A test for pixels of `hex`'s hue (see HueOptions), e.g. for a colour drawn as a gradient. */
export function hueMatcher(hex: string, options: HueOptions = {}): (c: Rgb) => boolean {
  const { hueTolerance = 8, minSaturation = 0.15, minValue = 0 } = options;
  const target = hsvOf(parseHex(hex)).hue;
  return (c) => {
    const { hue, saturation, value } = hsvOf(c);
    if (saturation < minSaturation || value < minValue) return false;
    return Math.min(Math.abs(hue - target), 360 - Math.abs(hue - target)) <= hueTolerance;
  };
}

/**
 * Saturated pixels whose hue is near `hex`'s hue: finds a colour drawn as a gradient (LibreOffice
 * draws data bars fading to white), whatever its lightness.
 */
export function countPixelsOfHue(png: PNG, hex: string, options: HueOptions = {}): number {
  const matches = hueMatcher(hex, options);
  let count = 0;
  forEachPixel(png, options.region, (c) => {
    if (matches(c)) count++;
  });
  return count;
}

/** The colour of one pixel (composited over white). */
export function pixelAt(png: PNG, x: number, y: number): Rgb {
  let out: Rgb = { r: 255, g: 255, b: 255 };
  forEachPixel(png, { left: x, top: y, right: x + 1, bottom: y + 1 }, (c) => (out = c));
  return out;
}
