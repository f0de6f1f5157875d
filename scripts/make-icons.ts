/**
 * Draws the add-in's icons (assets/icon-*.png): three bars of rising height in the tier colours,
 * the picture of "customers in tiers". Run with `npx tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

const BARS = [
  { color: [0xf8, 0x69, 0x6b], height: 0.35 },
  { color: [0xff, 0xc0, 0x00], height: 0.6 },
  { color: [0x2e, 0x7d, 0x32], height: 0.9 },
];

function icon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const gap = Math.max(1, Math.round(size / 16));
  const barWidth = Math.floor((size - gap * 4) / 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i + 3] = 0; // transparent background
      BARS.forEach((bar, b) => {
        const left = gap + b * (barWidth + gap);
        const top = Math.round(size - gap - bar.height * (size - 2 * gap));
        if (x >= left && x < left + barWidth && y >= top && y < size - gap) {
          [png.data[i], png.data[i + 1], png.data[i + 2]] = bar.color;
          png.data[i + 3] = 255;
        }
      });
    }
  }
  return PNG.sync.write(png);
}

for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
}
console.log("icons written to assets/");
