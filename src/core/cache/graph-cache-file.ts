// One graph cache file, as bytes: what a load read (each input file's hash, or how reading it
// failed) and what it made (the records), closed by a checksum. Pure: the app reads and writes
// the bytes. The layout, all integers little-endian on the machines we run on (the header says
// which, and a file of the other order is foreign):
//
//   "BRGRAPH1"  u32 header length  header JSON  (padding)  strings JSON  (padding)
//   tokens (int32)  (padding)  numbers (float64)  sha256 of everything before it (32 bytes)
//
// The header also says where each section starts, so reading is a few views, not a parse. The
// checksum's function (sha256) is the caller's: the core imports no crypto.

import { CorruptRecords, type EncodedRecords, encodeRecords } from "./record-codec.js";

/** A digest of the bytes (32 bytes: sha256). */
export type Digest = (bytes: Uint8Array) => Uint8Array;

const MAGIC = "BRGRAPH1";
const CHECKSUM_BYTES = 32;

/** One file the load asked for: its content's sha256, or how reading it failed. */
export type CachedInput =
  | { readonly file: string; readonly sha256: string }
  | { readonly file: string; readonly failed: string };

interface Header {
  /** The tool's build: a file written by another build is not read. */
  readonly build: string;
  readonly endian: "LE" | "BE";
  readonly inputs: readonly CachedInput[];
  readonly shapes: readonly (readonly string[])[];
  readonly strings: { readonly at: number; readonly bytes: number };
  readonly tokens: { readonly at: number; readonly count: number };
  readonly numbers: { readonly at: number; readonly count: number };
}

const ENDIAN: "LE" | "BE" = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? "LE" : "BE";

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/** The file for `value`; throws UncacheableValue when it is not plain data. */
export function writeGraphCacheFile(
  build: string,
  inputs: readonly CachedInput[],
  value: unknown,
  digest: Digest,
): Buffer {
  return packGraphCacheFile(build, inputs, encodeRecords(value), digest);
}

/** The file for records already encoded. */
export function packGraphCacheFile(
  build: string,
  inputs: readonly CachedInput[],
  records: EncodedRecords,
  digest: Digest,
): Buffer {
  const strings = Buffer.from(JSON.stringify(records.strings));
  // The header's length depends on the offsets it holds: lay out with room for the widest
  // offsets first (the header is padded to a fixed size, so writing it cannot move anything).
  const draft = (at: number) =>
    JSON.stringify({
      build,
      endian: ENDIAN,
      inputs,
      shapes: records.shapes,
      strings: { at, bytes: strings.length },
      tokens: { at, count: records.tokens.length },
      numbers: { at, count: records.numbers.length },
    } satisfies Header);
  const headerRoom = align(Buffer.byteLength(draft(Number.MAX_SAFE_INTEGER)), 8);
  const stringsAt = 12 + headerRoom;
  const tokensAt = align(stringsAt + strings.length, 8);
  const numbersAt = align(tokensAt + records.tokens.byteLength, 8);
  const end = numbersAt + records.numbers.byteLength;
  const header: Header = {
    build,
    endian: ENDIAN,
    inputs,
    shapes: records.shapes,
    strings: { at: stringsAt, bytes: strings.length },
    tokens: { at: tokensAt, count: records.tokens.length },
    numbers: { at: numbersAt, count: records.numbers.length },
  };
  const file = Buffer.alloc(end + CHECKSUM_BYTES, 0x20);
  file.write(MAGIC, 0, "latin1");
  file.writeUInt32LE(headerRoom, 8);
  file.write(JSON.stringify(header), 12, "utf8");
  strings.copy(file, stringsAt);
  Buffer.from(records.tokens.buffer, records.tokens.byteOffset, records.tokens.byteLength).copy(
    file,
    tokensAt,
  );
  Buffer.from(records.numbers.buffer, records.numbers.byteOffset, records.numbers.byteLength).copy(
    file,
    numbersAt,
  );
  file.set(digest(file.subarray(0, end)), end);
  return file;
}

/** A cache file read back: what it says the load read, and its records on demand. */
export interface GraphCacheFile {
  readonly inputs: readonly CachedInput[];
  /** The records, parsed now (the caller has checked the inputs first). */
  records(): EncodedRecords;
}

/** Why a file was not used: said in one line, then the graph is loaded afresh. */
export type CacheFileProblem = "truncated" | "checksum" | "foreign" | "other build";

export function readGraphCacheFile(
  bytes: Buffer,
  build: string,
  digest: Digest,
): { readonly file: GraphCacheFile } | { readonly problem: CacheFileProblem } {
  if (bytes.length < 12 + CHECKSUM_BYTES) return { problem: "truncated" };
  if (bytes.toString("latin1", 0, 8) !== MAGIC) return { problem: "foreign" };
  const end = bytes.length - CHECKSUM_BYTES;
  if (!Buffer.from(digest(bytes.subarray(0, end))).equals(bytes.subarray(end)))
    return { problem: "checksum" };
  const headerRoom = bytes.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString("utf8", 12, 12 + headerRoom)) as Header;
  } catch {
    return { problem: "foreign" };
  }
  if (!wellFormed(header) || header.endian !== ENDIAN) return { problem: "foreign" };
  if (header.build !== build) return { problem: "other build" };
  const { strings, tokens, numbers } = header;
  if (
    strings.at + strings.bytes > end ||
    tokens.at + tokens.count * 4 > end ||
    numbers.at + numbers.count * 8 > end ||
    tokens.at % 4 !== 0 ||
    numbers.at % 8 !== 0
  )
    return { problem: "foreign" };
  return {
    file: {
      inputs: header.inputs,
      records: () => ({
        strings: stringList(
          JSON.parse(bytes.toString("utf8", strings.at, strings.at + strings.bytes)),
        ),
        shapes: header.shapes,
        tokens: view(bytes, tokens.at, tokens.count, 4, Int32Array),
        numbers: view(bytes, numbers.at, numbers.count, 8, Float64Array),
      }),
    },
  };
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((s) => typeof s === "string"))
    throw new CorruptRecords("the strings are not a list of strings");
  return value;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isSection = (v: unknown, size: string): boolean =>
  typeof v === "object" &&
  v !== null &&
  isCount((v as Record<string, unknown>).at) &&
  isCount((v as Record<string, unknown>)[size]);

/** The header's outline: a checksum proves the bytes whole, not that we wrote them. */
function wellFormed(header: unknown): header is Header {
  if (typeof header !== "object" || header === null) return false;
  const h = header as Record<string, unknown>;
  return (
    typeof h.build === "string" &&
    Array.isArray(h.inputs) &&
    h.inputs.every(
      (i: unknown) =>
        typeof i === "object" &&
        i !== null &&
        typeof (i as Record<string, unknown>).file === "string" &&
        (typeof (i as Record<string, unknown>).sha256 === "string" ||
          typeof (i as Record<string, unknown>).failed === "string"),
    ) &&
    Array.isArray(h.shapes) &&
    h.shapes.every(
      (keys: unknown) => Array.isArray(keys) && keys.every((k) => typeof k === "string"),
    ) &&
    isSection(h.strings, "bytes") &&
    isSection(h.tokens, "count") &&
    isSection(h.numbers, "count")
  );
}

/** A typed view of the bytes, or a copy when the buffer does not start on the boundary. */
function view<T extends Int32Array | Float64Array>(
  bytes: Buffer,
  at: number,
  count: number,
  size: number,
  Kind: {
    new (buffer: ArrayBufferLike, offset: number, length: number): T;
    new (length: number): T;
  },
): T {
  const offset = bytes.byteOffset + at;
  if (offset % size === 0) return new Kind(bytes.buffer, offset, count);
  const copy = new Kind(count);
  new Uint8Array(copy.buffer).set(bytes.subarray(at, at + count * size));
  return copy;
}
