// Reads a file only when it is a regular file of bounded size, judged on the opened descriptor:
// a path a repository brings may be a FIFO (open would wait forever), a device (/dev/zero
// never ends), or a symlink to either, and a size checked by path can change before the read.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

export type RegularRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | {
      readonly ok: false;
      /** missing: no such file; symlink: refused (noFollow); not-regular: a device, FIFO, folder …; too-large: over the cap. */
      readonly reason: "missing" | "symlink" | "not-regular" | "too-large" | "unreadable";
      /** Says what it is, for a message: "is a FIFO, not a regular file". */
      readonly message: string;
      /** The size, when reason is too-large. */
      readonly size?: number;
    };

export interface ReadRegularOptions {
  /** Read at most this many bytes; a larger file is refused before any byte is read. */
  readonly maxBytes: number;
  /** Refuse a symlink at the path itself (its folders are not checked). */
  readonly noFollow?: boolean;
}

/** What a non-regular file is, in words. */
export function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

export function readRegularFile(path: string, options: ReadRegularOptions): RegularRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(
      path,
      constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return { ok: false, reason: "missing", message: "no such file" };
    if (code === "ELOOP" && options.noFollow)
      return { ok: false, reason: "symlink", message: "is a symbolic link; not followed" };
    return { ok: false, reason: "unreadable", message: `cannot read it (${code ?? "error"})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      return {
        ok: false,
        reason: "not-regular",
        message: `is ${describeKind(stats)}, not a regular file`,
      };
    if (stats.size > options.maxBytes)
      return {
        ok: false,
        reason: "too-large",
        size: stats.size,
        message: `is ${stats.size} bytes; at most ${options.maxBytes} are read`,
      };
    // One byte past the size seen: a file that grows after fstat is refused, never read on.
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > stats.size)
      return {
        ok: false,
        reason: "unreadable",
        message: "grew while being read; try again",
      };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason: "unreadable",
      message:
        code === "EISDIR"
          ? "is a directory, not a regular file"
          : `cannot read it (${code ?? "error"})`,
    };
  } finally {
    closeSync(fd);
  }
}
