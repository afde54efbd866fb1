// bin/blastradius.cjs loads the bundle with its compiled code cached in the user's cache folder
// (bin/load-bundle.cjs). The cache is only a shortcut: missing, corrupt, or impossible to write,
// the command runs the same; BLASTRADIUS_CACHE=off writes nothing.

import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN } from "./git-history.js";

const VERSION = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
  .version as string;

describe("the bundle's code cache", () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), "br-code-cache-"));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      env: { ...process.env, XDG_CACHE_HOME: home, ...env },
    });
  const folder = () => join(home, "blastradius", "compile");
  const cacheFiles = () => (existsSync(folder()) ? readdirSync(folder()) : []);

  it("is written by the first run of a command and read by the next, the answer the same", () => {
    const first = run({}, "--version");
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toBe(VERSION);
    // Node 22.1+ keeps its own cache files there; on Node 20, one file per bundle.
    expect(cacheFiles().length).toBeGreaterThan(0);
    const second = run({}, "--version");
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe("");
    // Each command its own (on Node 20): `validate` does not start from `--version`'s. It
    // loads both bundles (the command line's, then the commands'), so it adds one of each,
    // and neither removes the other's.
    const before = cacheFiles();
    expect(run({}, "validate", "--deps", join(import.meta.dirname, "../deps.yaml")).status).toBe(0);
    if (before.length === 1) {
      expect(cacheFiles()).toEqual(expect.arrayContaining(before));
      expect(cacheFiles().filter((f) => f.startsWith("blastradius-commands.cjs-"))).toHaveLength(1);
      expect(cacheFiles()).toHaveLength(3);
    }
  });

  it("--version and --help never load the commands' bundle", () => {
    for (const args of [["--version"], ["--help"], ["check", "--help"], ["check", "--bogus"]]) {
      run({}, ...args);
      expect(cacheFiles().filter((f) => f.startsWith("blastradius-commands.cjs-"))).toEqual([]);
    }
  });

  it("a corrupt cache is ignored and written again", () => {
    run({}, "--version");
    const files = cacheFiles().filter((f) => f.endsWith(".v8"));
    for (const f of files) writeFileSync(join(folder(), f), "not V8's code cache");
    const again = run({}, "--version");
    expect(again.status).toBe(0);
    expect(again.stdout.trim()).toBe(VERSION);
    expect(again.stderr).toBe("");
    for (const f of files)
      expect(readFileSync(join(folder(), f), "utf8")).not.toBe("not V8's code cache");
  });

  it("keeps only this build's caches: another bundle's go when this one writes", () => {
    run({}, "--version");
    const stale = cacheFiles().filter((f) => f.endsWith(".v8"));
    if (stale.length === 0) return; // Node 22.1+: Node's own cache, its own files.
    writeFileSync(join(folder(), "blastradius.cjs-1-1-v0.0.0-x64-check.v8"), "an older bundle's");
    const olderCommands = "blastradius-commands.cjs-1-1-v0.0.0-x64-graph.v8";
    writeFileSync(join(folder(), olderCommands), "an older bundle's");
    run({}, "graph", "--help");
    expect(cacheFiles()).not.toContain("blastradius.cjs-1-1-v0.0.0-x64-check.v8");
    expect(cacheFiles()).toEqual(expect.arrayContaining(stale));
    // `graph --help` never loads the commands' bundle; a `graph` does, and clears its old one.
    expect(cacheFiles()).toContain(olderCommands);
    run({}, "graph", "--deps", join(import.meta.dirname, "../deps.yaml"));
    expect(cacheFiles()).not.toContain(olderCommands);
    expect(cacheFiles()).toEqual(expect.arrayContaining(stale));
  });

  it("a cache damaged inside (not only its start) is ignored and written again, never run", () => {
    run({}, "--version");
    expect(run({}, "validate", "--deps", join(import.meta.dirname, "../deps.yaml")).status).toBe(0);
    const files = cacheFiles().filter((f) => f.endsWith(".v8"));
    if (files.length === 0) return; // Node 22.1+: Node's own cache, which checks itself.
    for (const f of files) {
      const bytes = readFileSync(join(folder(), f));
      // V8 crashed (exit 133, 139) on a cache damaged like this, every run until it was removed.
      bytes.write("garbage".repeat(100), 100);
      writeFileSync(join(folder(), f), bytes);
    }
    for (let i = 0; i < 2; i++) {
      const version = run({}, "--version");
      expect([version.status, version.stdout.trim(), version.stderr]).toEqual([0, VERSION, ""]);
      const valid = run({}, "validate", "--deps", join(import.meta.dirname, "../deps.yaml"));
      expect(valid.status).toBe(0);
    }
  });

  it("a FIFO where a cache would be does not hold the command", () => {
    run({}, "--version");
    const [file] = cacheFiles().filter((f) => f.endsWith(".v8"));
    if (!file || process.platform === "win32") return;
    rmSync(join(folder(), file));
    expect(spawnSync("mkfifo", [join(folder(), file)]).status).toBe(0);
    const result = spawnSync(process.execPath, [BIN, "--version"], {
      encoding: "utf8",
      env: { ...process.env, XDG_CACHE_HOME: home },
      timeout: 30_000,
    });
    expect([result.status, result.stdout.trim()]).toEqual([0, VERSION]);
  });

  it("never runs a cache from a folder or a file others can write: another build's code stays out", () => {
    if (process.getuid === undefined) return;
    // A copy of the CLI whose bundle says another version, in the same number of bytes: V8
    // would take its cache for the real bundle's.
    const evil = join(home, "evil");
    mkdirSync(join(evil, "bin"), { recursive: true });
    mkdirSync(join(evil, "lib"));
    for (const f of ["blastradius.cjs", "load-bundle.cjs"])
      copyFileSync(join(dirname(BIN), f), join(evil, "bin", f));
    const bundle = readFileSync(join(dirname(BIN), "../lib/blastradius.cjs"), "utf8");
    const other = VERSION.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
    expect(other.length).toBe(VERSION.length);
    writeFileSync(
      join(evil, "lib/blastradius.cjs"),
      bundle.replaceAll(JSON.stringify(VERSION), JSON.stringify(other)),
    );
    const evilHome = join(home, "evil-cache");
    const made = spawnSync(process.execPath, [join(evil, "bin/blastradius.cjs"), "--version"], {
      encoding: "utf8",
      env: { ...process.env, XDG_CACHE_HOME: evilHome },
    });
    expect(made.stdout.trim()).toBe(other);
    const evilFolder = join(evilHome, "blastradius", "compile");
    const [planted] = existsSync(evilFolder) ? readdirSync(evilFolder) : [];
    if (!planted?.endsWith(".v8")) return; // Node 22.1+: Node's own cache.
    run({}, "--version");
    const [genuine] = cacheFiles().filter((f) => f.endsWith(".v8"));
    const place = join(folder(), genuine as string);
    // The planted cache in place of the genuine one, in a folder others can write, then as a
    // file others can write: neither is run.
    copyFileSync(join(evilFolder, planted), place);
    chmodSync(folder(), 0o777);
    expect(run({}, "--version").stdout.trim()).toBe(VERSION);
    chmodSync(folder(), 0o700);
    copyFileSync(join(evilFolder, planted), place);
    chmodSync(place, 0o666);
    expect(run({}, "--version").stdout.trim()).toBe(VERSION);
  });

  it("has a cache per command the CLI has, and one for anything else: a typo leaves no file", () => {
    const { COMMANDS } = createRequire(import.meta.url)("../bin/load-bundle.cjs") as {
      COMMANDS: Set<string>;
    };
    const help = run({}, "--help").stdout;
    const listed = [...help.slice(help.indexOf("Commands:")).matchAll(/^ {2}([a-z]+)\b/gm)].map(
      (m) => m[1],
    );
    expect(listed.length).toBeGreaterThan(5);
    for (const name of listed) expect(COMMANDS, name).toContain(name);
    run({}, "chekc");
    run({}, "valdiate");
    if (cacheFiles().length === 0) return; // Node 22.1+: Node's own cache.
    expect(cacheFiles().filter((f) => /chekc|valdiate/.test(f))).toEqual([]);
  });

  it("a cache folder that cannot be made costs nothing but time", () => {
    writeFileSync(join(home, "blastradius"), "a file where the folder would go");
    const result = run({}, "--version");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
    expect(result.stderr).toBe("");
  });

  it("BLASTRADIUS_CACHE=off writes nothing", () => {
    const result = run({ BLASTRADIUS_CACHE: "off" }, "--version");
    expect(result.stdout.trim()).toBe(VERSION);
    expect(existsSync(join(home, "blastradius"))).toBe(false);
  });
});

describe("the bundles as built", () => {
  it("are ASCII, so that the loader reads them a byte a character instead of decoding UTF-8", () => {
    for (const name of ["blastradius.cjs", "blastradius-commands.cjs", "hcl-child.cjs"]) {
      const bytes = readFileSync(join(dirname(BIN), "../lib", name));
      expect(
        bytes.findIndex((b) => b > 0x7f),
        name,
      ).toBe(-1);
    }
  });
});
