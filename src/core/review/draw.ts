/**
 * Seeded randomness for the strategy review: the control-group draw and the bootstrap. Pure and
 * reproducible: the same inputs give the same draw on every machine and every run.
 */

/** 32-bit FNV-1a of a string's UTF-16 code units, finished with MurmurHash3's fmix32 for avalanche. */
export function hash32(text: string): number {
  return finish32(fnvText(0x811c9dc5, text));
}

/** FNV-1a state `h` carried on over the code units of `text`. */
function fnvText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** MurmurHash3's fmix32, as an unsigned 32-bit number. */
function finish32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Whether a strategy line is held back as the control group. Each line is drawn on its own, from
 * its customer, strategy and planned period (blank until the manager types one), so the draw does
 * not depend on which other customers are in the tier, and scoring again draws the same.
 * Over many customers the share held back comes close to `share` (a binomial count).
 */
export function isControlDraw(
  customerKey: string,
  strategy: string,
  period: string,
  share: number
): boolean {
  if (!(share > 0)) return false;
  if (share >= 1) return true;
  // hash32(`control|${customerKey}|${strategy}|${period}`), without building the string per line.
  let h = fnvText(0x811c9dc5, "control|");
  h = fnvText(h, customerKey);
  h = fnvText(h, "|");
  h = fnvText(h, strategy);
  h = fnvText(h, "|");
  h = fnvText(h, period);
  return finish32(h) / 4294967296 < share;
}

/** Mulberry32: a small, fast generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
