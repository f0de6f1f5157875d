import { normalizeId } from "./parse";
import type { Cell } from "./types";

/**
 * A hash table from ID cells to numbers that matches IDs the way `normalizeId` does (trimmed,
 * full-width folded, case folded) without building the normalised string for each cell.
 * A JavaScript Map of a million fresh order-number strings costs more than all the rest of the
 * engine; this open-addressing table over typed arrays costs a fraction of it.
 */
export class KeyTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly values: Int32Array;
  private size = 0;

  /**
   * `cellOf(value)` gives back the cell a stored value was added with: the caller keeps its cells
   * (a grid), so the table holds no JavaScript array of a million strings.
   */
  constructor(
    capacity: number,
    private readonly cellOf: (value: number) => Cell
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(Math.max(1, capacity));
    this.values = new Int32Array(Math.max(1, capacity));
  }

  /**
   * The value stored for the cell's key, or -1 after storing `value` for it (first sight).
   * The caller checks the cell is not blank; at most `capacity` keys fit.
   */
  getOrAdd(cell: Cell, value: number): number {
    const hash = hashId(cell);
    const slot = this.find(cell, hash);
    const entry = this.slots[slot];
    if (entry !== 0) return this.values[entry - 1];
    const e = this.size++;
    this.hashes[e] = hash;
    this.values[e] = value;
    this.slots[slot] = e + 1;
    return -1;
  }

  /** The value stored for the cell's key, or -1. */
  get(cell: Cell): number {
    const entry = this.slots[this.find(cell, hashId(cell))];
    return entry === 0 ? -1 : this.values[entry - 1];
  }

  /** The slot holding the cell's key, or the empty slot where it would go. */
  private find(cell: Cell, hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) return slot;
      const e = entry - 1;
      if (this.hashes[e] === hash && sameId(this.cellOf(this.values[e]), cell)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

function sameId(a: Cell, b: Cell): boolean {
  return a === b || normalizeId(a) === normalizeId(b);
}

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** FNV-1a over the folded characters of the ID; equal normalised IDs hash equal. */
export function hashId(cell: Cell): number {
  const text = typeof cell === "string" ? cell : (normalizeId(cell) ?? "");
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (c > 0x7f) {
      // Other scripts fold case in ways this loop does not know: hash the normalised string.
      return hashString(normalizeId(cell) ?? "");
    }
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash;
}

function hashString(s: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
  return hash;
}
