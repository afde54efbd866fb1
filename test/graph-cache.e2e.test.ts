// The graph cache through the built CLI, as a user meets it: the second run of the same graph is
// served from the cache with the same output, byte for byte, as a fresh `--no-cache` run; an
// edit, a damaged file, an unwritable folder, a size bound and runs at once are each handled.

import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "./git-history.js";

const ROLE = "examples/terraform/iam/automation-runner.tf";
const work = mkdtempSync(join(tmpdir(), "blastradius-graph-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the bundled example's graph, in a folder of its own. */
function example(name: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "examples"), { recursive: true });
  cpSync(join(ROOT, "deps.yaml"), join(dir, "deps.yaml"));
  cpSync(join(ROOT, "examples/deps"), join(dir, "examples/deps"), { recursive: true });
  return dir;
}

function run(cwd: string, cache: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const check = ["check", "--files", ROLE, "--format", "json"];
const graphs = (cache: string) => join(cache, "blastradius", "graphs");
const cacheFiles = (cache: string) =>
  existsSync(graphs(cache)) ? readdirSync(graphs(cache)).map((f) => join(graphs(cache), f)) : [];
const LONG_AGO = new Date("2001-01-01T00:00:00Z");

describe("the graph cache", () => {
  it("serves the second run from the cache, byte for byte what --no-cache prints", () => {
    const dir = example("warm");
    const cache = join(work, "warm-cache");
    const fresh = run(dir, cache, [...check, "--no-cache"]);
    expect(fresh.code).toBe(0);
    expect(cacheFiles(cache)).toEqual([]);

    const first = run(dir, cache, check);
    expect(first).toEqual(fresh);
    const [file] = cacheFiles(cache);
    expect(cacheFiles(cache)).toHaveLength(1);
    // A hit marks the file used: its time moves from long ago to now.
    utimesSync(file as string, LONG_AGO, LONG_AGO);
    const second = run(dir, cache, check);
    expect(second).toEqual(fresh);
    expect(statSync(file as string).mtimeMs).toBeGreaterThan(LONG_AGO.getTime() + 1000);

    // Every command that loads the graph reads the same cache and says the same as without it.
    for (const args of [
      ["graph", "--format", "mermaid"],
      ["contracts", "--format", "json"],
    ]) {
      const cached = run(dir, cache, args);
      expect(cached).toEqual(run(dir, cache, [...args, "--no-cache"]));
    }
  });

  it("loads afresh after any edit to deps.yaml or a file it includes", () => {
    const dir = example("edits");
    const cache = join(work, "edits-cache");
    run(dir, cache, check);
    const include = join(
      dir,
      "examples/deps",
      readdirSync(join(dir, "examples/deps"))[0] as string,
    );
    writeFileSync(include, readFileSync(include, "utf8").replace(/tier: 0/, "tier: 3"));
    expect(run(dir, cache, check)).toEqual(run(dir, cache, [...check, "--no-cache"]));
    // One byte, and the same size: still seen.
    const deps = join(dir, "deps.yaml");
    const text = readFileSync(deps, "utf8");
    const at = text.indexOf("revenue");
    writeFileSync(deps, `${text.slice(0, at)}R${text.slice(at + 1)}`);
    const after = run(dir, cache, check);
    expect(after).toEqual(run(dir, cache, [...check, "--no-cache"]));
    expect(cacheFiles(cache)).toHaveLength(1);
  });

  it("ignores a damaged cache file with a one-line notice, and replaces it", () => {
    const dir = example("damaged");
    const cache = join(work, "damaged-cache");
    const fresh = run(dir, cache, [...check, "--no-cache"]);
    run(dir, cache, check);
    const [file] = cacheFiles(cache) as [string];
    for (const damage of [
      (b: Buffer) => b.subarray(0, b.length >> 1),
      (b: Buffer) => {
        b[b.length >> 1] = (b[b.length >> 1] as number) ^ 1;
        return b;
      },
      () => Buffer.from("not a cache file at all, but long enough to have a checksum's room"),
    ]) {
      writeFileSync(file, damage(readFileSync(file)));
      const damaged = run(dir, cache, check);
      expect(damaged.stdout).toBe(fresh.stdout);
      expect(damaged.code).toBe(0);
      expect(damaged.stderr.trim().split("\n")).toHaveLength(1);
      expect(damaged.stderr).toMatch(
        /ignored a damaged graph cache file \((truncated|checksum|foreign)/,
      );
      // Replaced with a good one: the next run says nothing.
      expect(run(dir, cache, check)).toEqual(fresh);
    }
  });

  it("is neither read nor written with --no-cache or BLASTRADIUS_CACHE=off", () => {
    const dir = example("off");
    const cache = join(work, "off-cache");
    run(dir, cache, [...check, "--no-cache"]);
    run(dir, cache, check, { BLASTRADIUS_CACHE: "off" });
    expect(cacheFiles(cache)).toEqual([]);
  });

  it("says once that it cannot write to an unwritable folder, and answers all the same", () => {
    const dir = example("unwritable");
    const cache = join(work, "unwritable-cache");
    writeFileSync(cache, "a file where the cache folder would go");
    const fresh = run(dir, join(work, "elsewhere"), [...check, "--no-cache"]);
    const result = run(dir, cache, check);
    expect(result.stdout).toBe(fresh.stdout);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/could not write the graph cache in .*\(ENOTDIR\)/);
    if (process.getuid?.() !== 0) {
      const locked = join(work, "locked-cache");
      mkdirSync(graphs(locked), { recursive: true });
      chmodSync(graphs(locked), 0o500);
      expect(run(dir, locked, check).stderr).toMatch(
        /could not write the graph cache .*\(EACCES\)/,
      );
    }
  });

  it("keeps the folder under its bound, the least recently used out first", () => {
    const cache = join(work, "bound-cache");
    const dirs = ["bound-a", "bound-b", "bound-c"].map(example);
    // Each file is about 10 KB: a bound of 15 KB keeps one.
    for (const dir of dirs) run(dir, cache, check, { BLASTRADIUS_CACHE_MAX_MB: "0.015" });
    expect(cacheFiles(cache)).toHaveLength(1);
    // The one kept is the last graph's: a run of it is a hit (its file's time moves).
    const [file] = cacheFiles(cache) as [string];
    utimesSync(file, LONG_AGO, LONG_AGO);
    run(dirs[2] as string, cache, check, { BLASTRADIUS_CACHE_MAX_MB: "0.015" });
    expect(statSync(file).mtimeMs).toBeGreaterThan(LONG_AGO.getTime() + 1000);
  });

  it("is safe with several runs at once: the same output, one whole file, nothing left over", async () => {
    const dir = example("concurrent");
    const cache = join(work, "concurrent-cache");
    const fresh = run(dir, cache, [...check, "--no-cache"]);
    const once = () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...check], {
          cwd: dir,
          env: { ...process.env, XDG_CACHE_HOME: cache },
        });
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
        });
        child.on("close", () => resolve(out));
      });
    const outputs = await Promise.all([once(), once(), once(), once()]);
    for (const out of outputs) expect(out).toBe(fresh.stdout);
    expect(cacheFiles(cache).map((f) => f.endsWith(".graph"))).toEqual([true]);
    expect(run(dir, cache, check)).toEqual(fresh);
  });
});

describe("the graph cache, against what a red team tried", () => {
  it("a FIFO, a device or a folder in a cache file's place is ignored, never waited on", () => {
    const dir = example("fifo");
    const cache = join(work, "fifo-cache");
    const fresh = run(dir, cache, [...check, "--no-cache"]);
    run(dir, cache, check);
    const [file] = cacheFiles(cache) as [string];
    for (const plant of [
      () => spawnSync("mkfifo", [file]),
      () => symlinkSync("/dev/zero", file),
      () => mkdirSync(file),
    ]) {
      rmSync(file, { recursive: true, force: true });
      plant();
      const started = Date.now();
      const result = spawnSync(process.execPath, [BIN, ...check], {
        cwd: dir,
        encoding: "utf8",
        timeout: 20_000,
        env: { ...process.env, XDG_CACHE_HOME: cache },
      });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result.stdout).toBe(fresh.stdout);
      expect(result.status).toBe(0);
    }
  });

  it("is another build's once the bundle changes by a byte: its cache is not read", () => {
    // The CLI copied, so that its bundle can be changed as a rebuild would change it.
    const cli = join(work, "cli");
    mkdirSync(join(cli, "lib"), { recursive: true });
    cpSync(join(ROOT, "bin"), join(cli, "bin"), { recursive: true });
    for (const file of ["blastradius.cjs", "blastradius-commands.cjs"])
      cpSync(join(ROOT, "lib", file), join(cli, "lib", file));
    const dir = example("rebuilt");
    const cache = join(work, "rebuilt-cache");
    const runCopy = () => {
      const result = spawnSync(process.execPath, [join(cli, "bin/blastradius.cjs"), ...check], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: "1" },
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const first = runCopy();
    expect(first.code).toBe(0);
    expect(runCopy()).toEqual(first);
    const [before] = cacheFiles(cache);
    expect(cacheFiles(cache)).toHaveLength(1);
    const bundle = join(cli, "lib/blastradius-commands.cjs");
    writeFileSync(bundle, `${readFileSync(bundle, "utf8")}\n// another build\n`);
    expect(runCopy()).toEqual(first);
    // A file of its own: the first build's is left alone, neither read nor replaced.
    expect(cacheFiles(cache)).toHaveLength(2);
    expect(cacheFiles(cache)).toContain(before);
  });

  it("another graph's cache file copied into this one's place is not this graph's", () => {
    const one = example("slot-one");
    const two = example("slot-two");
    const deps = join(two, "deps.yaml");
    writeFileSync(deps, readFileSync(deps, "utf8").replace(/tier: 0/g, "tier: 3"));
    const cache = join(work, "slot-cache");
    run(one, cache, check);
    const [first] = cacheFiles(cache) as [string];
    run(two, cache, check);
    const second = cacheFiles(cache).find((f) => f !== first) as string;
    cpSync(first, second);
    expect(run(two, cache, check)).toEqual(run(two, cache, [...check, "--no-cache"]));
  });

  it("is not used in a folder others can write to, and says so once", () => {
    const dir = example("shared-folder");
    const cache = join(work, "shared-cache");
    mkdirSync(graphs(cache), { recursive: true });
    chmodSync(graphs(cache), 0o777);
    const fresh = run(dir, cache, [...check, "--no-cache"]);
    const result = run(dir, cache, check);
    expect(result.stdout).toBe(fresh.stdout);
    expect(result.stderr).toMatch(
      /^blastradius: not using the graph cache in .*: others can write to it/,
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(cacheFiles(cache)).toEqual([]);
  });

  it("is never written into the working folder or the repository: with no HOME and no XDG_CACHE_HOME it is off", () => {
    const dir = example("no-home");
    const result = run(dir, "", check, { HOME: "" });
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, ".cache"))).toBe(false);
    const relative = run(dir, "relative-cache", check);
    expect(relative.code).toBe(0);
    expect(existsSync(join(dir, "relative-cache"))).toBe(false);
    // An absolute folder inside the deps file's own folder (its root: no repository here).
    const inside = join(dir, "inside-cache");
    expect(run(dir, inside, check)).toEqual(run(dir, inside, [...check, "--no-cache"]));
    expect(cacheFiles(inside)).toEqual([]);
  });

  it("BLASTRADIUS_CACHE=OFF (any case), 0, false and no turn it off", () => {
    const dir = example("off-words");
    const cache = join(work, "off-words-cache");
    for (const word of ["OFF", "Off", "0", "false", "no"])
      run(dir, cache, check, { BLASTRADIUS_CACHE: word });
    expect(cacheFiles(cache)).toEqual([]);
  });
});
