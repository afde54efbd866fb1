// Writes a generated site into a folder without ever losing what was there: the pages go
// into a new folder beside it, and only when every page is written does it take the folder's
// place. A folder that holds anything but a site blastradius wrote is refused, not replaced.

import { randomBytes } from "node:crypto";
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { InputError } from "../../core/errors.js";
import { exists } from "./real-inside.js";

/** The file that marks a folder as a site blastradius wrote (and may replace). */
export const SITE_MARKER = ".blastradius-docs";

export interface SiteWriter {
  /**
   * `path` from the site's root, with `/`. The file is written in the background; a promise
   * comes back when enough are in flight that the caller should wait for it before the next.
   */
  write(path: string, content: string): Promise<void> | undefined;
  /** Writes a file now, in this thread; its size in bytes. */
  writeNow(path: string, content: string): number;
  /**
   * Counts files another thread wrote into `folder` (with writeSiteFile), as if written here:
   * the marker lists them, and a path written twice is an error.
   */
  adopt(paths: readonly string[], bytes: number): void;
  /** The folder the files go into until commit (beside the site's folder). */
  readonly folder: string;
  /** Runs `hook` first when the process is interrupted, before the folder is removed. */
  onInterrupt(hook: () => void): void;
  /** Waits for every file, then puts the written site in place of the folder. */
  commit(): Promise<void>;
  /** Waits for the files in flight, then removes what was written; the folder is as it was. */
  abort(): Promise<void>;
  readonly files: number;
  readonly bytes: number;
}

/** Files being written at once. */
const MAX_IN_FLIGHT = 64;

export interface SiteWriterOptions {
  /**
   * Paths the site must never take the place of (the graph's file, the folder the command runs
   * in): a folder holding one of them is refused, whatever marker it holds.
   */
  readonly protect?: readonly string[];
}

export function openSiteWriter(
  outDir: string,
  shown: string,
  options: SiteWriterOptions = {},
): SiteWriter {
  const target = resolve(outDir);
  for (const kept of options.protect ?? []) {
    const inside = relative(target, resolve(kept));
    if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside)))
      throw new InputError(
        `${shown} holds ${kept}: the site would take its place; nothing was written`,
        "give --out a folder of its own, such as site",
      );
  }
  checkReplaceable(target, shown);
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  mkdirSync(staging);
  // Interrupted (Ctrl-C, a CI timeout), the half-written site goes with the process instead of
  // staying beside the folder; the signal then does what it would have done.
  const hooks: (() => void)[] = [];
  const interrupted = (signal: NodeJS.Signals) => {
    for (const hook of hooks) hook();
    // Other threads may still be finishing a file: retried while the folder is not yet empty.
    rmSync(staging, { recursive: true, force: true, maxRetries: 20, retryDelay: 25 });
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  const release = () => {
    process.removeListener("SIGINT", interrupted);
    process.removeListener("SIGTERM", interrupted);
  };
  const made = new Set<string>([""]);
  const written = new Set<string>();
  // Two pages never silently share a file: said here, at once, not when the write fails.
  const record = (path: string) => {
    if (written.has(path)) throw new Error(`two files of the site at one path: ${path}`);
    written.add(path);
  };
  // Opening a file costs more than writing it on some disks (overlay file systems): files are
  // written by libuv's threads while the pages after them are made, a bounded number at once.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const settle = async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
    if (failure !== undefined) throw failure;
  };
  let files = 0;
  let bytes = 0;
  return {
    get files() {
      return files;
    },
    get bytes() {
      return bytes;
    },
    folder: staging,
    onInterrupt(hook) {
      hooks.push(hook);
    },
    write(path, content) {
      const parts = siteFileParts(path);
      makeFolder(staging, parts, made);
      record(path);
      if (failure !== undefined) throw failure;
      // wx: O_CREAT|O_EXCL, which never follows a link at the name either.
      const done: Promise<void> = writeFile(join(staging, ...parts), content, { flag: "wx" }).then(
        () => {
          inFlight.delete(done);
        },
        (error: unknown) => {
          inFlight.delete(done);
          failure ??= error;
        },
      );
      inFlight.add(done);
      files++;
      bytes += Buffer.byteLength(content);
      return inFlight.size >= MAX_IN_FLIGHT ? Promise.race(inFlight) : undefined;
    },
    writeNow(path, content) {
      record(path);
      const size = writeSiteFile(staging, path, content, made);
      files++;
      bytes += size;
      return size;
    },
    adopt(paths, adopted) {
      for (const path of paths) record(path);
      files += paths.length;
      bytes += adopted;
    },
    async commit() {
      await settle().catch((error: unknown) => {
        release();
        throw error;
      });
      // The marker lists every file of the site: the next run replaces the folder only if it
      // holds nothing else (a file someone added, a marker someone committed, is never lost).
      writeFileSync(
        join(staging, SITE_MARKER),
        `${MARKER_HEAD}\n${[...written].sort().join("\n")}\n`,
      );
      checkReplaceable(target, shown);
      const old = exists(target) ? `${staging}.old` : undefined;
      if (old) renameSync(target, old);
      renameSync(staging, target);
      // The earlier site goes before the signal handlers do: a Ctrl-C now waits for it (the
      // site is in place by then), instead of leaving it beside the folder for good.
      if (old) rmSync(old, { recursive: true, force: true });
      release();
    },
    async abort() {
      await settle().catch(() => undefined);
      rmSync(staging, { recursive: true, force: true });
      release();
    },
  };
}

/**
 * Writes one file of the site into `folder` at once, in the calling thread (a worker thread
 * making node pages has no writer of its own); its size in bytes. `made`: folders known to exist.
 */
export function writeSiteFile(
  folder: string,
  path: string,
  content: string,
  made: Set<string>,
): number {
  const parts = siteFileParts(path);
  makeFolder(folder, parts, made);
  const data = Buffer.from(content);
  // wx: O_CREAT|O_EXCL, which never follows a link at the name either.
  writeFileSync(join(folder, ...parts), data, { flag: "wx" });
  return data.length;
}

/** The site's own paths never climb: one that would is refused, whatever made it. */
function siteFileParts(path: string): string[] {
  const parts = path.split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..") || path.includes("\\"))
    throw new Error(`refusing to write outside the site: ${path}`);
  return parts;
}

/**
 * Makes the file's folders inside `root`, one level at a time and never `root` itself: once an
 * interrupted build has removed its folder, a thread still writing fails instead of making it
 * again.
 */
function makeFolder(root: string, parts: readonly string[], made: Set<string>): void {
  const folder = parts.slice(0, -1).join("/");
  if (made.has(folder)) return;
  for (let depth = 1; depth < parts.length; depth++) {
    const level = parts.slice(0, depth).join("/");
    if (made.has(level)) continue;
    try {
      mkdirSync(join(root, ...parts.slice(0, depth)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    made.add(level);
  }
}

const MARKER_HEAD =
  "Written by blastradius docs; replaced by the next run if it holds only these files:";

/** Every file under `root`, as paths with `/`, links and all (never followed). */
function filesUnder(root: string, at = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, at), { withFileTypes: true })) {
    const path = at ? `${at}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(root, path));
    else out.push(path);
  }
  return out;
}

/**
 * Throws unless the folder is absent, empty, or a site this command wrote before and holds
 * nothing its marker does not list.
 */
function checkReplaceable(target: string, shown: string): void {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(target);
  } catch {
    return;
  }
  if (stats.isSymbolicLink())
    throw new InputError(
      `${shown} is a symbolic link; the site is not written through it, nothing was written`,
      "give --out a real folder",
    );
  if (!stats.isDirectory())
    throw new InputError(
      `${shown} exists and is not a folder; nothing was written`,
      "give --out a new or empty folder",
    );
  const entries = readdirSync(target);
  if (entries.length === 0) return;
  if (!entries.includes(SITE_MARKER))
    throw new InputError(
      `${shown} is not empty and is not a site blastradius wrote (no ${SITE_MARKER} in it); nothing was written`,
      "give --out a new or empty folder, or the folder of an earlier `blastradius docs` run",
    );
  const marker = readFileSync(join(target, SITE_MARKER), "utf8").split("\n");
  const listed = new Set(marker[0] === MARKER_HEAD ? marker.slice(1) : []);
  listed.add(SITE_MARKER);
  const other = filesUnder(target).filter((file) => !listed.has(file));
  if (other.length > 0)
    throw new InputError(
      `${shown} holds ${other.length === 1 ? "a file" : `${other.length} files`} the earlier site did not write (${other.slice(0, 3).join(", ")}${other.length > 3 ? ", …" : ""}); nothing was written`,
      "move them out of the folder, or give --out another folder",
    );
}
