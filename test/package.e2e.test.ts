// The package as a user gets it: `npm pack`, then `npm install ./blastradius-*.tgz` in an empty
// folder, then `npx blastradius` there: --version, check on that folder's deps.yaml, and explore
// in a real terminal. Also: the tarball holds what runs and little else, and every dependency it
// installs runs on every Node our `engines` admits.

import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipWhen } from "./skips.js";

const ROOT = new URL("..", import.meta.url).pathname;
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

// npm run passes its own settings down as npm_* variables (npm_config_local_prefix among them):
// a nested npm would then install into this repository instead of the empty folder.
const ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== "INIT_CWD"),
);
const hasNpm = spawnSync("npm", ["--version"], { env: ENV }).status === 0;
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

function npm(args: readonly string[], cwd: string): string {
  const result = spawnSync("npm", args, { cwd, env: ENV, encoding: "utf8", timeout: 240_000 });
  if (result.status !== 0) {
    throw new Error(`npm ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  return `${result.stdout}${result.stderr}`;
}

/** `npx --no`: never fetch a package of that name from the registry if ours is not installed
 * (`--` keeps `--version` for blastradius rather than npx). */
const npx = (dir: string, ...args: string[]) =>
  spawnSync("npx", ["--no", "--", "blastradius", ...args], {
    cwd: dir,
    env: { ...ENV, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });

// Each npx starts npm, then the CLI: seconds apiece on a busy machine.
const NPX_TIMEOUT = 90_000;

const DEPS = `version: 1
owners:
  platform:
    github: "@acme/platform"
nodes:
  iam-role/deployer:
    kind: iam-role
    owner: platform
    tier: 0
    match:
      paths: [iam/deployer.json]
  service/api:
    kind: service
    owner: platform
    tier: 1
    depends_on:
      - on: iam-role/deployer
        via: assumes-role
`;

describe(
  "the packed package, installed into an empty folder",
  skipWhen(hasNpm ? undefined : "npm is not on PATH"),
  () => {
    let work: string;
    let dir: string;
    let packed: { files: { path: string; size: number }[]; size: number; filename: string };
    let installLog: string;

    beforeAll(() => {
      if (!existsSync(join(ROOT, "lib/blastradius.cjs"))) {
        throw new Error("lib/ is not built: run `npm run build` first");
      }
      work = mkdtempSync(join(tmpdir(), "br-package-"));
      // The build is the test suite's own first step: packing does not run it again.
      const json = execFileSync(
        "npm",
        ["pack", "--ignore-scripts", "--json", "--pack-destination", work],
        { cwd: ROOT, env: ENV, encoding: "utf8" },
      );
      packed = (JSON.parse(json) as (typeof packed)[])[0] as typeof packed;
      dir = join(work, "user");
      mkdirSync(join(dir, "iam"), { recursive: true });
      writeFileSync(join(dir, "package.json"), '{"name":"user","private":true}\n');
      writeFileSync(join(dir, "deps.yaml"), DEPS);
      writeFileSync(join(dir, "iam/deployer.json"), '{"Version":"2012-10-17","Statement":[]}\n');
      // Dependencies come from the local cache when it has them, else from the registry.
      const started = Date.now();
      installLog = npm(
        ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, packed.filename)],
        dir,
      );
      console.info(`npm install of the tarball: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }, 300_000);
    afterAll(() => {
      if (hasTmux) spawnSync("tmux", ["-L", `br-package-${process.pid}`, "kill-server"]);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it("holds what runs (bin, the bundle, the explorer's modules, schema) and nothing else big", () => {
      const paths = packed.files.map((f) => f.path);
      for (const needed of [
        "bin/blastradius.cjs",
        "lib/blastradius.cjs",
        "lib/blastradius-commands.cjs",
        "lib/hcl-child.cjs",
        "lib/hcl2json.wasm",
        "lib/ui/run-explorer.js",
        "schema/deps.schema.json",
        "schema/impact.schema.json",
        "package.json",
        "README.md",
      ]) {
        expect(paths).toContain(needed);
      }
      const stray = paths.filter(
        (p) =>
          !/^(bin|lib|schema)\//.test(p) && !["package.json", "README.md", "LICENSE"].includes(p),
      );
      expect(stray).toEqual([]);
      expect(paths.filter((p) => /\.(map|ts|tsx)$|\.test\.js$|(^|\/)test\//.test(p))).toEqual([]);
      // The bundle (2 MB) and HashiCorp's HCL parser (1.7 MB, gzipped WebAssembly) are most of it.
      expect(packed.size).toBeLessThan(4_000_000);
    });

    it(
      "npx blastradius --version prints the package's version",
      () => {
        const result = npx(dir, "--version");
        expect(result.stderr).toBe("");
        expect(result.stdout.trim()).toBe(PACKAGE.version);
        expect(result.status).toBe(0);
      },
      NPX_TIMEOUT,
    );

    it(
      "check reads the folder's deps.yaml and finds what a changed file reaches",
      () => {
        const result = npx(dir, "check", "--files", "iam/deployer.json", "--format", "json");
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
        const impact = JSON.parse(result.stdout) as {
          risk: string;
          changed: { id: string }[];
          impacted: { id: string; path: string[] }[];
        };
        expect(impact.changed.map((c) => c.id)).toEqual(["iam-role/deployer"]);
        expect(impact.impacted.map((n) => [n.id, n.path])).toEqual([
          ["service/api", ["iam-role/deployer", "service/api"]],
        ]);
        const text = npx(dir, "check", "--files", "iam/deployer.json");
        expect(text.stdout).toContain("service/api");
        expect(text.stdout).toContain("platform (@acme/platform)");
      },
      NPX_TIMEOUT,
    );

    it(
      "a bad deps.yaml: where and what, exit 2, no stack trace",
      () => {
        writeFileSync(
          join(dir, "bad.yaml"),
          "version: 1\nnodes:\n  a: {kind: k, depends_on: [b]}\n",
        );
        const result = npx(dir, "check", "--deps", "bad.yaml", "--files", "x");
        expect(result.status).toBe(2);
        expect(result.stderr).toContain("bad.yaml:3");
        expect(result.stderr).not.toMatch(/\n\s+at /);
      },
      NPX_TIMEOUT,
    );

    it("explore draws its first screen in a terminal and quits on Ctrl-C", {
      ...skipWhen(hasTmux ? undefined : "tmux is not installed"),
      timeout: 60_000,
    }, async () => {
      const socket = `br-package-${process.pid}`;
      const tmux = (...args: string[]) =>
        execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", env: ENV });
      const done = join(work, "explore.exit");
      tmux(
        "new-session",
        "-d",
        "-s",
        "explore",
        "-x",
        "100",
        "-y",
        "30",
        "-c",
        dir,
        `npx --no -- blastradius explore; echo "exit $?" > ${done}; sleep 30`,
      );
      const screen = () => tmux("capture-pane", "-p", "-t", "explore");
      const until = Date.now() + 30_000;
      while (!/service\/api/.test(screen()) && !existsSync(done) && Date.now() < until) {
        await new Promise((wake) => setTimeout(wake, 100));
      }
      const first = screen();
      expect(first).toContain("iam-role/deployer");
      expect(first).toContain("service/api");
      expect(first).toMatch(/2 of 2 nodes/);
      tmux("send-keys", "-t", "explore", "C-c");
      const quit = Date.now() + 10_000;
      while (!existsSync(done) && Date.now() < quit) {
        await new Promise((wake) => setTimeout(wake, 100));
      }
      expect(readFileSync(done, "utf8").trim()).toBe("exit 0");
    });

    it("installing it runs no script of ours (the build is prepack's: nothing for a user to approve)", () => {
      expect(PACKAGE.scripts).not.toHaveProperty("prepare");
      expect(PACKAGE.scripts).not.toHaveProperty("install");
      expect(PACKAGE.scripts).not.toHaveProperty("postinstall");
      expect(installLog).not.toMatch(/blastradius@\S+ \((prepare|install|postinstall)/);
    });

    it("every installed dependency runs on the oldest Node our engines admit", () => {
      expect(installLog).not.toContain("EBADENGINE");
      const oldest = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(PACKAGE.engines.node);
      expect(oldest, `engines.node ${PACKAGE.engines.node} is not of the form >=X.Y.Z`).not.toBe(
        null,
      );
      const version = [1, 2, 3].map((i) => Number(oldest?.[i] ?? 0)) as Version;
      const refused = installedPackages(join(dir, "node_modules"))
        .filter((p) => p.engines !== undefined && !satisfies(version, p.engines))
        .map((p) => `${p.name}@${p.version} wants node ${p.engines}`);
      expect(refused).toEqual([]);
      // What the package loads outside its bundle is installed with it.
      for (const name of Object.keys(PACKAGE.dependencies)) {
        expect(existsSync(join(dir, "node_modules", name, "package.json")), name).toBe(true);
      }
    });
  },
);

describe("reading an engines range", () => {
  it.each([
    [">=20", true],
    [">= 20", true],
    [">=22", false],
    [">=0.8.x", true],
    ["^12.20.0 || ^14.13.1 || >=16.0.0", true],
    ["^20.17.0 || >=22", false],
    ["^20", true],
    ["~20.1", false],
    ["20.x", true],
    ["<20", false],
    [">19.x", true],
    ["^0.0.3", false],
  ])("20.0.0 in %s: %s", (range, admitted) => {
    expect(satisfies([20, 0, 0], range)).toBe(admitted);
  });
  it("a range it cannot read is an error, not a pass", () => {
    expect(() => satisfies([20, 0, 0], "20 - 22")).toThrow('"20 - 22"');
  });
});

interface Installed {
  readonly name: string;
  readonly version: string;
  readonly engines?: string;
}

/** Every package.json under node_modules, nested ones included. */
function installedPackages(modules: string): Installed[] {
  const found: Installed[] = [];
  const visit = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith(".")) continue;
      if (entry.startsWith("@")) {
        visit(join(folder, entry));
        continue;
      }
      const file = join(folder, entry, "package.json");
      if (existsSync(file)) {
        const p = JSON.parse(readFileSync(file, "utf8")) as {
          name: string;
          version: string;
          engines?: { node?: string };
        };
        found.push({
          name: p.name,
          version: p.version,
          ...(typeof p.engines?.node === "string" ? { engines: p.engines.node } : {}),
        });
      }
      visit(join(folder, entry, "node_modules"));
    }
  };
  visit(modules);
  return found;
}

type Version = [number, number, number];

/**
 * Whether a version is in an engines range: the part of semver's grammar that engines fields
 * use (comparators, ^, ~, x, ||); anything else throws so the test names the range to read.
 */
function satisfies(version: Version, range: string): boolean {
  const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return range.split("||").some((set) => {
    const tokens = set
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1")
      .split(/\s+/);
    return tokens.every((token) => {
      if (token === "" || token === "*" || token === "x") return true;
      const m = /^(>=|<=|>|<|=|\^|~)?v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(token);
      if (!m) throw new Error(`cannot read the engines range "${range}"`);
      const op = m[1] ?? "=";
      const parts = [m[2], m[3], m[4]];
      const wild = parts.findIndex((p) => p === undefined || p === "x" || p === "*");
      const v = parts.map((p) => (p === undefined || p === "x" || p === "*" ? 0 : Number(p)));
      const base = v as Version;
      const c = compare(version, base);
      const upTo = (index: number): Version =>
        index === 0
          ? [base[0] + 1, 0, 0]
          : index === 1
            ? [base[0], base[1] + 1, 0]
            : [base[0], base[1], base[2] + 1];
      if (op === ">=") return c >= 0;
      if (op === ">") return wild === -1 ? c > 0 : compare(version, upTo(wild - 1)) >= 0;
      if (op === "<") return c < 0;
      if (op === "<=") return wild === -1 ? c <= 0 : compare(version, upTo(wild - 1)) < 0;
      if (op === "^") {
        const first = base[0] > 0 || wild === 1 ? 0 : base[1] > 0 || wild === 2 ? 1 : 2;
        return c >= 0 && compare(version, upTo(first)) < 0;
      }
      if (op === "~") return c >= 0 && compare(version, upTo(wild === 1 ? 0 : 1)) < 0;
      // A bare version, or one with x: that version, or anything the x leaves open.
      return wild === -1 ? c === 0 : c >= 0 && compare(version, upTo(wild - 1)) < 0;
    });
  });
}
