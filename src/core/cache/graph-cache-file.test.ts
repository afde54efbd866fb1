import { describe, expect, it } from "vitest";
import { readGraphCacheFile, writeGraphCacheFile } from "./graph-cache-file.js";
import { decodeRecords } from "./record-codec.js";

/**
 * The app passes sha256; the core's tests may not import crypto, so they pass eight FNV-1a lanes
 * (32 bytes): a change of any one byte changes every lane.
 */
const sha256 = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint32Array(8);
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ lane) >>> 0;
    for (let i = 0; i < bytes.length; i++)
      h = Math.imul(h ^ (bytes[i] as number), 0x01000193) >>> 0;
    out[lane] = h;
  }
  return new Uint8Array(out.buffer);
};
const INPUTS = [
  { file: "deps.yaml", sha256: "ab".repeat(32) },
  { file: "gone.yaml", failed: '["file-not-found","no such file"]' },
];
const VALUE = {
  config: { nodes: new Map([["a", { id: "a", tier: 0, description: "ünïcode \u2028" }]]) },
  compact: { offsets: new Int32Array([0, 1, 1]), tierOf: new Int8Array([0, -1]) },
  ratio: 0.5,
};

describe("graph cache file", () => {
  const bytes = writeGraphCacheFile("build-1", INPUTS, VALUE, sha256);

  it("gives back the inputs and the value it was written with", () => {
    const read = readGraphCacheFile(bytes, "build-1", sha256);
    if (!("file" in read)) throw new Error(read.problem);
    expect(read.file.inputs).toEqual(INPUTS);
    expect(decodeRecords(read.file.records())).toStrictEqual(VALUE);
  });

  it("reads from a buffer that does not start on a word boundary", () => {
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    const read = readGraphCacheFile(shifted.subarray(3), "build-1", sha256);
    if (!("file" in read)) throw new Error(read.problem);
    expect(decodeRecords(read.file.records())).toStrictEqual(VALUE);
  });

  it("refuses a file cut short, anywhere", () => {
    for (let length = 0; length < bytes.length; length += 7) {
      const read = readGraphCacheFile(bytes.subarray(0, length), "build-1", sha256);
      expect("problem" in read && read.problem).toMatch(/truncated|checksum|foreign/);
    }
  });

  it("refuses a file with any byte changed", () => {
    for (let at = 8; at < bytes.length; at += 3) {
      const damaged = Buffer.from(bytes);
      damaged[at] = (damaged[at] as number) ^ 0x10;
      expect(readGraphCacheFile(damaged, "build-1", sha256)).toEqual({ problem: "checksum" });
    }
  });

  it("refuses another format, and another build's file", () => {
    const foreign = Buffer.from(bytes);
    foreign.write("NOTOURS!", 0, "latin1");
    expect(readGraphCacheFile(foreign, "build-1", sha256)).toEqual({ problem: "foreign" });
    expect(readGraphCacheFile(Buffer.from("{}"), "build-1", sha256)).toEqual({
      problem: "truncated",
    });
    expect(readGraphCacheFile(bytes, "build-2", sha256)).toEqual({ problem: "other build" });
  });
});
