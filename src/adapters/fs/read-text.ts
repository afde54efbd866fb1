// Reads a text file for the config loader: UTF-8 only, with failures as diagnostics.

import { readFileSync } from "node:fs";
import type { ReadText } from "../../core/config/load-deps.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Larger files than this are not dependency graphs a person wrote; refuse before reading. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const readTextFile: ReadText = (file) => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      diagnostic: {
        severity: "error",
        code: code === "ENOENT" ? "file-not-found" : "file-unreadable",
        file,
        message:
          code === "ENOENT"
            ? "no such file"
            : code === "EISDIR"
              ? "is a directory, not a file"
              : `cannot read it (${code ?? "unknown error"})`,
        hint: code === "ENOENT" ? "check the path, or pass --deps FILE" : undefined,
      },
    };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      diagnostic: {
        severity: "error",
        code: "file-too-large",
        file,
        message: `is ${bytes.length} bytes; at most ${MAX_FILE_BYTES} are read`,
        hint: "split the graph into several files with include:",
      },
    };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < before.length; i++) {
      if (before[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return {
      ok: false,
      diagnostic: {
        severity: "error",
        code: "not-utf8",
        file,
        line,
        column: offset - lineStart + 1,
        message: `byte ${offset} is not valid UTF-8`,
        hint: "save the file as UTF-8",
      },
    };
  }
};

function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Decoding a prefix succeeds up to the bad byte (give or take a partial sequence).
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid + 1), {
        stream: true,
      });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  // The failing byte may end a sequence that started a few bytes earlier: point at its start.
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = bytes[low - back] ?? 0;
    if (byte >= 0xc0) return low - back;
    if (byte < 0x80) break;
  }
  return low;
}
