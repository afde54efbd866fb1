// Reads a text file for the config loader: UTF-8 only, with failures as diagnostics.

import { existsSync, lstatSync, realpathSync } from "node:fs";
import path, { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { ReadText } from "../../core/config/load-deps.js";
import type { PathSyntax } from "../../core/config/posix-path.js";
import { readRegularFile } from "./read-regular.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Larger files than this are not dependency graphs a person wrote; refused by their size
 * before any byte is read. The 100,000-node benchmark graph is well under it.
 */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** How each way a read fails is said as a diagnostic: its code, and what to do. */
const FAILURES: Record<
  "missing" | "symlink" | "not-regular" | "too-large" | "unreadable",
  { readonly code: string; readonly hint?: string }
> = {
  missing: { code: "file-not-found", hint: "check the path, or pass --deps FILE" },
  "too-large": {
    code: "file-too-large",
    hint: "split the graph into several files with include:",
  },
  "not-regular": { code: "not-a-regular-file", hint: "point at a regular file" },
  symlink: { code: "file-unreadable" },
  unreadable: { code: "file-unreadable" },
};

export const readTextFile: ReadText = (file) => {
  const read = readRegularFile(file, { maxBytes: MAX_FILE_BYTES });
  if (!read.ok) {
    const { code, hint } = FAILURES[read.reason];
    return {
      ok: false,
      diagnostic: { severity: "error", code, file, message: read.message, hint },
    };
  }
  return decode(file, read.bytes);
};

/**
 * How includes are joined for files on this machine's disk: its own path rules (a deps file
 * given as C:\repo\deps.yaml on Windows). The remote loader keeps to "/" (posix-path.ts).
 */
export const localPaths: PathSyntax = path;

/**
 * A reader for deps.yaml and what it includes: every file but the entry must really be inside
 * root, symlinks resolved (the loader has already refused paths that leave it by name). The
 * entry is the file the user named, wherever its link points.
 */
export function readTextWithin(root: string, entry: string): ReadText {
  let realRoot: string | undefined;
  return (file) => {
    if (resolve(file) !== resolve(entry)) {
      // The real path, so that a link anywhere on the way (the file, or a folder above it)
      // counts, not only one at the file itself.
      let real: string | undefined;
      try {
        real = realpathSync(file);
      } catch {
        // Missing, or a dangling link: the read below says which.
      }
      if (real !== undefined) {
        realRoot ??= safeRealpath(root);
        const inside = relative(realRoot, real);
        if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside))
          return {
            ok: false,
            diagnostic: {
              severity: "error",
              code: "include-outside-root",
              file,
              message: `${isLink(file) ? "is a symbolic link" : "leads through a symbolic link"} to ${real}, outside ${root === "." ? "." : root}/ (the repository holding the deps file, or without one its own folder); not read`,
              hint: "include the file itself, not a link out of the tree",
            },
          };
      }
    }
    return readTextFile(file);
  };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Where a deps file's includes may reach: the root of the git repository holding it (the
 * nearest folder upwards with a .git), else its own folder. In the form of the path given
 * (relative stays relative), so messages show paths as the user wrote them.
 */
export function depsRoot(depsPath: string): string {
  const start = dirname(resolve(depsPath));
  for (let dir = start; ; ) {
    if (existsSync(resolve(dir, ".git")))
      return isAbsolute(depsPath) ? dir : relative(process.cwd(), dir) || ".";
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirname(depsPath);
}

function decode(file: string, bytes: Buffer): ReturnType<ReadText> {
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
}

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
