// Loads the CommonJS bundle with its compiled code cached between runs. The cache is only ever
// a shortcut: a cache file that is missing, unreadable, stale, damaged or rejected by V8 means
// the bundle is compiled as usual (and the cache written again). V8 runs what a code cache holds
// after checking little more than the source's length (a damaged file crashed it; one made
// from another source of the same length ran that source), so a cache is used only from a
// folder and a file that are this user's alone, and only when its own checksum holds.

"use strict";
const {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require("node:fs");
const { isAscii } = require("node:buffer");
const Module = require("node:module");
const { homedir } = require("node:os");
const { basename, dirname, isAbsolute, join, resolve } = require("node:path");
const vm = require("node:vm");
const zlib = require("node:zlib");

/**
 * The user's cache folder for compiled code, or undefined when caching is off. Only an
 * absolute folder: a relative XDG_CACHE_HOME (ignored, as the XDG specification says) or an
 * empty HOME would put it in the working folder, inside the repository being checked.
 */
function cacheFolder() {
  if (/^(off|0|false|no)$/i.test(process.env.BLASTRADIUS_CACHE ?? "")) return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  const home = homedir();
  const base = xdg && isAbsolute(xdg) ? xdg : isAbsolute(home) ? join(home, ".cache") : undefined;
  return base === undefined ? undefined : join(base, "blastradius", "compile");
}

function loadBundle(path) {
  const file = resolve(path);
  const require = Module.createRequire(file);
  const folder = cacheFolder();
  if (!folder) return require(file);
  // Node 22.1+: its own compile cache, for every module loaded from here on.
  if (typeof Module.enableCompileCache === "function") {
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch {
      // Then there is no cache, only a slower start.
    }
    // Node checks its own cache files' checksums; whose folder it is, is for us to check.
    if (ownFolder(folder)) Module.enableCompileCache(folder);
    return require(file);
  }
  return loadWithCodeCache(file, folder, require);
}

/**
 * Node 20: the bundle compiled through vm.Script with V8's code cache, run as CommonJS would
 * run it. The cache file is named by a hash of the bundle's content and by this Node and CPU,
 * so a rebuilt or upgraded bundle never meets an old cache. (Its size and time were not
 * enough: a packed tarball gives every file the same time, and V8's own check of the source
 * is by its length.)
 */
function loadWithCodeCache(file, folder, require) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return require(file);
  }
  // The bundles are ASCII (scripts/bundle.mjs): read as one byte a character, not decoded.
  const source = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  // One cache per command: each holds the functions its command compiled on its first run, so
  // a `check` does not start from the cache a `--version` left. Anything else (a mistyped
  // command) shares one, rather than leaving a file of its own behind.
  const command = COMMANDS.has(process.argv[2] ?? "") ? process.argv[2] : "other";
  const hash = contentKey(bytes);
  // The bundle's name for what reads it again to tell one build from another (the graph
  // cache): these are the bytes that run, already read and named.
  bundleKeys().set(file, hash);
  const build = `${basename(file)}-${hash}-${process.version}-${process.arch}-`;
  const key = `${build}${command}.v8`;
  const cacheFile = join(folder, key);
  const cachedData = ownFolder(folder) ? readCache(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const exports = {};
  const mod = { exports, filename: file, id: file, loaded: false };
  script.runInThisContext().call(exports, exports, require, mod, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    // Written when the process ends, so that the functions this run compiled are in it too.
    process.once("exit", () => {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        if (!ownFolder(folder)) return;
        const data = script.createCachedData();
        writeFileSync(temporary, Buffer.concat([header(data), data]), { mode: 0o600, flag: "wx" });
        renameSync(temporary, cacheFile);
        // This file's caches from another build or another Node will never be read again:
        // the folder holds one build's, about a megabyte per command. Only this file's: the
        // command line's and the commands' bundles share the folder.
        for (const name of readdirSync(folder))
          if (
            name.endsWith(".v8") &&
            name.startsWith(`${basename(file)}-`) &&
            !name.startsWith(build)
          )
            rmSync(join(folder, name), { force: true });
      } catch {
        // A cache that cannot be written is only a slower start next time; no half-written
        // file is left behind.
        try {
          rmSync(temporary, { force: true });
        } catch {
          // There was none (the folder could not be made).
        }
      }
    });
  }
  return mod.exports;
}

/**
 * What names some bytes (the bundle, to name its cache; a cache, to check it is whole): their
 * CRC-32 and length where Node has zlib.crc32 (20.15+), else a SHA-256. Loading node:crypto
 * alone cost about 6 ms of a 120 ms `--version`. A CRC-32 catches a damaged file; a file made to
 * deceive is kept out by whose folder and file it is (ownFolder, readCache).
 */
function contentKey(bytes) {
  if (typeof zlib.crc32 === "function")
    return `${zlib.crc32(bytes).toString(16).padStart(8, "0")}${bytes.length.toString(16)}`;
  return require("node:crypto").createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

/**
 * The content key of each bundle this process loaded through here, by its absolute path, in a
 * registry every bundle of this process can read (src/adapters/fs/graph-cache-folder.ts).
 */
function bundleKeys() {
  const registry = Symbol.for("blastradius.bundle-keys");
  globalThis[registry] ??= new Map();
  return globalThis[registry];
}

/** The CLI's commands and its own flags (a test holds the list to `blastradius --help`). */
const COMMANDS = new Set([
  ...["check", "validate", "contracts", "graph", "pr", "explore", "suspects", "report"],
  ...["init", "docs", "help", "--help", "-h", "--version", "-V"],
]);

/** The largest cache read: a command's is about 1.4 MB. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
const MAGIC = "blastradius code cache 1";

/** A cache file's first line: what it is, and its content's checksum. */
const header = (data) => Buffer.from(`${MAGIC} ${contentKey(data)}\n`, "utf8");

/** Whether a folder's or file's stats say it is this user's and no one else can write to it. */
function ownedAlone(stats) {
  const uid = process.getuid?.();
  return (uid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0;
}

/** Whether the folder is this user's alone (as the graph cache's). */
function ownFolder(folder) {
  try {
    const stats = statSync(folder);
    return stats.isDirectory() && ownedAlone(stats);
  } catch {
    return false;
  }
}

/**
 * The cached code in the file, or undefined when there is none, or it is not a regular file of
 * this user's that no one else can write to (a FIFO would wait for ever, /dev/zero never end;
 * a symlink is not followed), or its checksum does not hold.
 */
function readCache(path) {
  let fd;
  try {
    fd = openSync(
      path,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0),
    );
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_CACHE_BYTES || !ownedAlone(stats)) return undefined;
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const end = bytes.indexOf(10);
    if (end < 0) return undefined;
    const data = bytes.subarray(end + 1);
    return bytes.subarray(0, end + 1).equals(header(data)) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

module.exports = { loadBundle, COMMANDS };
