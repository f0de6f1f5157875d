import { normalizeId } from "./parse";
import type { Cell } from "./types";

/**
 * A hash table from ID cells to numbers that matches IDs the way `normalizeId` does (trimmed,
 * full-width folded, case folded) without building the normalised string for each cell.
 * A JavaScript Map of a million fresh order-number strings costs more than all the rest of the
 * engine; this open-addressing table over typed arrays costs a fraction of it.
 */
export class KeyTable {
  /** Pairs (entry + 1, hash) per slot, 0 entry = empty: one memory read per probe. */
  private slots: Int32Array;
  private mask: number;
  private values: Int32Array;
  private size = 0;

  /**
   * `cellOf(value)` gives back the cell a stored value was added with: the caller keeps its cells
   * (a grid), so the table holds no JavaScript array of a million strings. The table grows past
   * `capacity` when it must.
   */
  constructor(
    capacity: number,
    private readonly cellOf: (value: number) => Cell
  ) {
    this.values = new Int32Array(Math.max(16, capacity));
    this.slots = new Int32Array(0);
    this.mask = 0;
    this.rehash();
  }

  /** Number of keys stored. */
  get count(): number {
    return this.size;
  }

  /**
   * The value stored for the cell's key, or -1 after storing `value` for it (first sight).
   * The caller checks the cell is not blank.
   */
  getOrAdd(cell: Cell, value: number): number {
    const hash = hashId(cell);
    let slot = this.find(cell, hash);
    const entry = this.slots[slot];
    if (entry !== 0) return this.values[entry - 1];
    if (this.size === this.values.length) {
      this.grow();
      slot = this.find(cell, hash);
    }
    const e = this.size++;
    this.values[e] = value;
    this.slots[slot] = e + 1;
    this.slots[slot + 1] = hash;
    return -1;
  }

  /** The value stored for the cell's key, or -1. */
  get(cell: Cell): number {
    const entry = this.slots[this.find(cell, hashId(cell))];
    return entry === 0 ? -1 : this.values[entry - 1];
  }

  /** The index in `slots` of the pair holding the cell's key, or of the empty pair where it would go. */
  private find(cell: Cell, hash: number): number {
    const slots = this.slots;
    let slot = (hash & this.mask) << 1;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) return slot;
      if (slots[slot + 1] === hash && sameId(this.cellOf(this.values[entry - 1]), cell))
        return slot;
      slot = (slot + 2) & (this.mask * 2 + 1);
    }
  }

  private grow(): void {
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    this.rehash();
  }

  /** Slots for the current value capacity (at most half full), refilled from the stored hashes. */
  private rehash(): void {
    let n = 16;
    while (n < this.values.length * 2) n *= 2;
    const old = this.slots;
    this.slots = new Int32Array(n * 2);
    this.mask = n - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === 0) continue;
      let slot = (old[s + 1] & this.mask) << 1;
      while (this.slots[slot] !== 0) slot = (slot + 2) & (this.mask * 2 + 1);
      this.slots[slot] = old[s];
      this.slots[slot + 1] = old[s + 1];
    }
  }
}

function sameId(a: Cell, b: Cell): boolean {
  if (a === b) return true;
  if (typeof a === "string" && typeof b === "string") {
    const folded = sameFoldedText(a, b);
    if (folded !== undefined) return folded;
  }
  return normalizeId(a) === normalizeId(b);
}

/** Lower-case ASCII of a printable ASCII or full-width ASCII code; -1 for any other character. */
function foldedCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c < 0x21 || c > 0x7e) return -1;
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/**
 * normalizeId(a) === normalizeId(b) without building either string, for the common IDs made of
 * printable (full-width) ASCII only: there normalising is folding each character. Undefined when
 * a character is anything else (spaces, other scripts) and normalizeId must decide.
 */
function sameFoldedText(a: string, b: string): boolean | undefined {
  if (a.length !== b.length) return undefined;
  let same = true;
  for (let i = 0; i < a.length; i++) {
    const x = foldedCode(a.charCodeAt(i));
    const y = foldedCode(b.charCodeAt(i));
    if (x < 0 || y < 0) return undefined;
    if (x !== y) same = false;
  }
  return same;
}

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** FNV-1a over the folded characters of the ID, mixed; equal normalised IDs hash equal. */
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
  return mixBits(hash);
}

function hashString(s: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
  return mixBits(hash);
}

/**
 * MurmurHash3's finaliser: FNV-1a's low bits, the ones a table slot is taken from, depend only on
 * the low bits of the characters, so IDs like SO00000001, SO00000002, ... crowd into runs of
 * neighbouring slots without it.
 */
function mixBits(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * Dense numbers 0, 1, 2, ... for distinct strings, in order of first sight, by exact equality.
 * Like KeyTable, an open-addressing table over typed arrays: a Map of a hundred thousand fresh
 * strings (customer names, say) costs several times more to build.
 */
export class TextIds {
  private slots = new Int32Array(64);
  private hashes = new Int32Array(32);
  private readonly texts: string[] = [];

  /** Number of distinct strings seen. */
  get count(): number {
    return this.texts.length;
  }

  /** The string's number, given on first sight. */
  idOf(text: string): number {
    if (this.texts.length * 2 >= this.slots.length) this.grow();
    const hash = hashString(text);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash && this.texts[entry - 1] === text) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.texts.length;
    this.texts.push(text);
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    return id;
  }

  /** Twice the slots (at most half full) and room for as many strings. */
  private grow(): void {
    const hashes = new Int32Array(this.slots.length);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let slot = this.hashes[id] & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }
}
