// The folder the graph cache lives in, and its files: read whole, written by rename (a run that
// reads never sees half a file, and two runs writing the same graph leave one whole file), and
// kept under a size (the least recently used go first). Every failure here only costs the cache:
// the caller loads the graph afresh.

import { createHash, randomBytes } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { switchedOff } from "../switched-off.js";
import { readRegularFile } from "./read-regular.js";

/** The folder's size the cache keeps below, unless BLASTRADIUS_CACHE_MAX_MB says otherwise. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

const SUFFIX = ".graph";

/**
 * `$XDG_CACHE_HOME/blastradius/graphs`, else `~/.cache/blastradius/graphs`; undefined when
 * BLASTRADIUS_CACHE is off (`off`, `0`, `false`, `no`). Only an absolute folder: a relative
 * XDG_CACHE_HOME is ignored, as the XDG specification says, and an empty or relative HOME
 * turns the cache off (it would be in the working folder, inside the repository checked).
 */
export function graphCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (switchedOff(env.BLASTRADIUS_CACHE)) return undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "blastradius", "graphs");
  const home = homedir();
  return isAbsolute(home) ? join(home, ".cache", "blastradius", "graphs") : undefined;
}

/**
 * Why a folder that exists is not to be trusted with the cache, or undefined when it is: it
 * must be a folder of this user's that no one else can write (as ssh asks of ~/.ssh), or
 * another user could plant a file there. Not judged where there are no user ids (Windows).
 */
export function untrustedFolder(folder: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(folder);
  } catch {
    return undefined;
  }
  if (!stats.isDirectory()) return undefined;
  if (stats.uid !== uid) return `it belongs to another user (uid ${stats.uid})`;
  if ((stats.mode & 0o022) !== 0) return "others can write to it";
  return undefined;
}

export function maxCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.BLASTRADIUS_CACHE_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_BYTES;
}

export const cacheFilePath = (folder: string, slot: string) => join(folder, `${slot}${SUFFIX}`);

/**
 * The file's bytes, or undefined when there is none, it cannot be read, or it is not a regular
 * file of at most `maxBytes` (a FIFO would wait forever, /dev/zero never end; a symlink in
 * its place is not followed): the graph is then loaded afresh and the file replaced.
 */
export function readCacheFile(path: string, maxBytes: number): Buffer | undefined {
  const read = readRegularFile(path, { maxBytes, noFollow: true });
  return read.ok ? read.bytes : undefined;
}

/** Marks a file used now, so that the bound removes others first. */
export function touchCacheFile(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Another run removed it: nothing to keep fresh.
  }
}

/**
 * Writes the file beside its place and renames it there, then removes the least recently used
 * files until the folder is under `maxBytes` (the file just written always stays). Throws
 * only what the caller reports as one line: the folder cannot be made or written.
 */
export function writeCacheFile(
  folder: string,
  path: string,
  bytes: Buffer,
  maxBytes: number,
): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, bytes, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    throw error;
  }
  boundFolder(folder, path, maxBytes);
}

function boundFolder(folder: string, keep: string, maxBytes: number): void {
  const files: { path: string; size: number; used: number }[] = [];
  for (const name of readdirSync(folder)) {
    // A temporary file another run is writing is theirs; an old one, left by a run that was
    // killed, is removed with the rest once it is an hour old.
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      if (name.endsWith(".tmp") && Date.now() - stat.mtimeMs < 3_600_000) continue;
      if (!name.endsWith(SUFFIX) && !name.endsWith(".tmp")) continue;
      files.push({ path, size: stat.size, used: stat.mtimeMs });
    } catch {
      // Removed meanwhile.
    }
  }
  let total = files.reduce((sum, f) => sum + f.size, 0);
  files.sort((a, b) => a.used - b.used);
  for (const file of files) {
    if (total <= maxBytes) break;
    if (file.path === keep) continue;
    try {
      unlinkSync(file.path);
      total -= file.size;
    } catch {
      // Removed meanwhile.
    }
  }
}

/**
 * What identifies this build of the tool: a cache written by another is not read. The
 * bundle's content, hashed: its size and time were not enough, since a packed tarball gives
 * every file the same time. The key bin/load-bundle.cjs made of the very bytes it ran, when it
 * loaded this bundle (its CRC-32 and length: on the quick start's check, reading the 2.3 MB
 * bundle again and hashing it was about a twentieth of the run); else a SHA-256 of the file.
 * Run from source (tests), the version alone.
 */
export function buildStamp(version: string, bundle: string | undefined): string {
  let code = "source";
  const loaded = bundle === undefined ? undefined : loadedBundleKey(bundle);
  if (loaded !== undefined) code = `loaded-${loaded}`;
  else if (bundle !== undefined) {
    try {
      code = createHash("sha256").update(readFileSync(bundle)).digest("hex").slice(0, 32);
    } catch {
      // Our own code unreadable: a stamp no other run will have, so nothing is shared.
      code = `unreadable-${randomBytes(8).toString("hex")}`;
    }
  }
  return `${version}|${code}|${process.version}|${process.arch}`;
}

/** The key bin/load-bundle.cjs recorded for the bundle at `path`, if it loaded it. */
function loadedBundleKey(path: string): string | undefined {
  const registry = (globalThis as Record<symbol, unknown>)[Symbol.for("blastradius.bundle-keys")];
  const key = registry instanceof Map ? registry.get(path) : undefined;
  return typeof key === "string" ? key : undefined;
}
