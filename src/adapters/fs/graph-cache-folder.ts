// The folder the graph cache lives in, and its files: read whole, written by rename (a run that
// reads never sees half a file, and two runs writing the same graph leave one whole file), and
// kept under a size (the least recently used go first). Every failure here only costs the cache:
// the caller loads the graph afresh.

import { randomBytes } from "node:crypto";
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

/** The folder's size the cache keeps below, unless BLASTRADIUS_CACHE_MAX_MB says otherwise. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

const SUFFIX = ".graph";

/**
 * `$XDG_CACHE_HOME/blastradius/graphs`, else `~/.cache/blastradius/graphs`; undefined when
 * BLASTRADIUS_CACHE=off. A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
 */
export function graphCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BLASTRADIUS_CACHE === "off") return undefined;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache");
  return join(base, "blastradius", "graphs");
}

export function maxCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.BLASTRADIUS_CACHE_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_BYTES;
}

export const cacheFilePath = (folder: string, slot: string) => join(folder, `${slot}${SUFFIX}`);

/** The file's bytes, or undefined when there is none or it cannot be read. */
export function readCacheFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
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

/** What identifies this build of the tool: a cache written by another is not read. */
export function buildStamp(version: string, bundle: string | undefined): string {
  let file = "source";
  if (bundle !== undefined) {
    try {
      const stat = statSync(bundle);
      file = `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
    } catch {
      file = "unknown";
    }
  }
  return `${version}|${file}|${process.version}|${process.arch}`;
}
