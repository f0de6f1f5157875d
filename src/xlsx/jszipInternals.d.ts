/** JSZip 3.10's own representation of an already-compressed entry (see src/xlsx/output.ts). */
declare module "jszip/lib/compressedObject" {
  class CompressedObject {
    constructor(
      compressedSize: number,
      uncompressedSize: number,
      crc32: number,
      compression: unknown,
      data: Uint8Array
    );
  }
  export = CompressedObject;
}

declare module "jszip/lib/compressions" {
  export const DEFLATE: unknown;
}
