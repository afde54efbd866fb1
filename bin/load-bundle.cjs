// Loads the CommonJS bundle with its compiled code cached between runs. The cache is only ever
// a shortcut: a cache file that is missing, unreadable, stale or rejected by V8 means the bundle
// is compiled as usual (and the cache written again); the code that runs is always the bundle's.

"use strict";
const {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require("node:fs");
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
    Module.enableCompileCache(folder);
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
  const source = bytes.toString("utf8");
  // One cache per command: each holds the functions its command compiled on its first run, so
  // a `check` does not start from the cache a `--version` left.
  const command = /^-{0,2}[a-z][a-z-]{0,30}$/.test(process.argv[2] ?? "")
    ? process.argv[2]
    : "other";
  const hash = contentKey(bytes);
  const build = `${basename(file)}-${hash}-${process.version}-${process.arch}-`;
  const key = `${build}${command}.v8`;
  const cacheFile = join(folder, key);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // None yet.
  }
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
      try {
        mkdirSync(folder, { recursive: true });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
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
        // A cache that cannot be written is only a slower start next time.
      }
    });
  }
  return mod.exports;
}

/**
 * What names the bundle's content: its CRC-32 and length where Node has zlib.crc32 (20.15+),
 * else a SHA-256. Loading node:crypto alone cost about 6 ms of a 120 ms `--version`; the key
 * only has to tell one build from the next, and V8 checks the cache's own checksum besides.
 */
function contentKey(bytes) {
  if (typeof zlib.crc32 === "function")
    return `${zlib.crc32(bytes).toString(16).padStart(8, "0")}${bytes.length.toString(16)}`;
  return require("node:crypto").createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

module.exports = { loadBundle };
