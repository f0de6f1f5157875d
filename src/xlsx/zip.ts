import { Inflate } from "fflate";

/**
 * The part of the ZIP format a reader needs: the central directory (where each part is and how big
 * it says it is) and one part's bytes inflated piece by piece. fflate inflates; it has no call that
 * streams one entry of an in-memory archive, and its whole-entry call trusts the declared sizes,
 * which a zip bomb lies about. Layout: PKWARE APPNOTE.TXT, sections 4.3 and 4.5 (ZIP64).
 */

export interface ZipEntry {
  /** Part name as stored, with `\` turned into `/` and no leading `/`. */
  name: string;
  method: number;
  compressedSize: number;
  /** What the central directory claims; the inflated bytes are counted, never trusted from here. */
  declaredSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** A damaged or unreadable archive; `reason` is a code for tests, never shown to a user. */
export class ZipError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
/** Little-endian 64-bit, exact up to 2^53 (far beyond any archive this reader accepts). */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

function need(b: Uint8Array, at: number, length: number): void {
  if (at < 0 || at + length > b.length) throw new ZipError("truncated");
}

const names = new TextDecoder("utf-8");

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Lists the archive's entries from its central directory. Throws ZipError on damage. */
export function listEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  // The end record is the last thing in the file, followed by a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError("no_end_record");
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    need(bytes, locator, 20);
    if (u32(bytes, locator) !== ZIP64_LOCATOR) throw new ZipError("no_zip64_locator");
    const record = u64(bytes, locator + 8);
    need(bytes, record, 56);
    if (u32(bytes, record) !== ZIP64_EOCD) throw new ZipError("no_zip64_end_record");
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  if (count > maxEntries) throw new ZipError("too_many_entries");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    need(bytes, at, 46);
    if (u32(bytes, at) !== CENTRAL) throw new ZipError("bad_central_header");
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    need(bytes, at + 46, nameLength + extraLength + commentLength);
    let compressedSize = u32(bytes, at + 20);
    let declaredSize = u32(bytes, at + 24);
    let localHeaderOffset = u32(bytes, at + 42);
    const rawName = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: the 64-bit values of exactly those fields that hold 0xFFFFFFFF.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(bytes, x);
      const size = u16(bytes, x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        if (declaredSize === 0xffffffff) {
          declaredSize = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, field);
      }
      x += 4 + size;
    }
    entries.push({
      name: rawName.replace(/\\/g, "/").replace(/^\/+/, ""),
      method: u16(bytes, at + 10),
      compressedSize,
      declaredSize,
      localHeaderOffset,
      encrypted: (flags & 1) !== 0,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes, located through its local header. */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  need(bytes, at, 30);
  if (u32(bytes, at) !== LOCAL) throw new ZipError("bad_local_header");
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  need(bytes, start, entry.compressedSize);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Small input slices bound what one inflate step can produce (deflate expands at most ~1032:1,
 * so 8 KB in makes at most ~8.3 MB out): a bomb is caught by `onChunk`'s counting before a large
 * buffer is ever made.
 */
export const SLICE = 8 * 1024;

/**
 * Inflates one entry and hands its bytes to `onChunk` in order, with how many packed bytes were
 * consumed so far. `onChunk` may throw to stop early (the budget); the error passes through
 * untouched. A damaged stream throws ZipError.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, consumed: number) => void
): void {
  if (entry.encrypted) throw new ZipError("zip_encrypted");
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += SLICE)
      onChunk(data.subarray(at, at + SLICE), Math.min(data.length, at + SLICE));
    return;
  }
  if (entry.method !== 8) throw new ZipError("unsupported_compression");
  let callbackError: unknown = null;
  let ended = false;
  let consumed = 0;
  const inflate = new Inflate((chunk, final) => {
    if (callbackError !== null) return;
    try {
      if (chunk.length > 0) onChunk(chunk, consumed);
    } catch (error) {
      callbackError = error;
    }
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += SLICE) {
      const last = at + SLICE >= data.length;
      consumed = Math.min(data.length, at + SLICE);
      inflate.push(data.subarray(at, at + SLICE), last);
      if (callbackError !== null) break;
      if (last) break;
    }
  } catch (error) {
    if (callbackError === null) throw new ZipError("bad_deflate_stream");
    void error;
  }
  if (callbackError !== null) throw callbackError;
  if (!ended) throw new ZipError("bad_deflate_stream");
}
