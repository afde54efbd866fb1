// Writes a file the CLI was asked to write, without following a symlink at its path and
// without replacing what is there unless told to: written beside it and renamed into place,
// so an interrupted run never leaves half a file and a link is replaced, never written through.

import { randomBytes } from "node:crypto";
import { lstatSync, renameSync, rmSync, type Stats, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../../core/errors.js";
import { describeKind, readRegularFile } from "./read-regular.js";

export interface WriteOptions {
  /** The path as the user should read it in messages. */
  readonly shown: string;
  /** Replace an existing regular file (the caller's --force). */
  readonly replace: boolean;
  /** What to do when the file exists and replace is false. */
  readonly existsHint: string;
  /** Keep a file it replaces as FILE.bak (FILE.bak.1, .2 … when that exists). */
  readonly backup?: boolean;
}

/** Throws InputError when refused; returns the backup's path when one was made. */
export function writeFileSafely(
  path: string,
  text: string,
  options: WriteOptions,
): { readonly backup?: string } {
  const existing = checkWritable(path, options);
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    // wx: O_CREAT|O_EXCL, which never follows a link at the name either.
    writeFileSync(temporary, text, { flag: "wx" });
    const backup = existing && options.backup ? keepBackup(path, options.shown) : undefined;
    renameSync(temporary, path);
    return backup ? { backup } : {};
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof InputError) throw error;
    throw new InputError(
      `cannot write ${options.shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      "check the folder exists and is writable",
    );
  }
}

/**
 * Throws InputError when writeFileSafely would refuse path: a symlink, not a regular file, or
 * an existing file without replace. Callers check before long work, so it is said at once.
 */
export function checkWritable(
  path: string,
  options: Pick<WriteOptions, "shown" | "replace" | "existsHint">,
): Stats | undefined {
  const existing = lstatOrUndefined(path, options.shown);
  if (existing?.isSymbolicLink())
    throw new InputError(
      `${options.shown} is a symbolic link; it is not written through, nothing was written`,
      "remove the link, or choose another file",
    );
  if (existing && !existing.isFile())
    throw new InputError(
      `${options.shown} is ${describeKind(existing)}, not a regular file; nothing was written`,
      "choose another file",
    );
  if (existing && !options.replace)
    throw new InputError(
      `${options.shown} already exists; nothing was written`,
      options.existsHint,
    );
  return existing;
}

/** A copy of path beside it under the first free FILE.bak, FILE.bak.1 …; never over a file or link. */
function keepBackup(path: string, shown: string): string {
  const read = readRegularFile(path, { maxBytes: Number.MAX_SAFE_INTEGER, noFollow: true });
  if (!read.ok)
    throw new InputError(`cannot keep a copy of ${shown}: it ${read.message}; nothing was written`);
  for (let n = 0; n < 1000; n++) {
    const backup = n === 0 ? `${path}.bak` : `${path}.bak.${n}`;
    try {
      writeFileSync(backup, read.bytes, { flag: "wx" });
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new InputError(
    `${shown}.bak through ${shown}.bak.999 all exist; nothing was written`,
    "remove old backups",
  );
}

function lstatOrUndefined(path: string, shown: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new InputError(
      `cannot check ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}
