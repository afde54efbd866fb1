// The Nx comparison: the same generated graph as an Nx workspace (one project.json per node,
// its dependencies as implicitDependencies, in a git repository), `nx show projects
// --affected --files=…` against `blastradius check` on the same change, and the two answers
// compared. Nx is installed into bench/.cache/nx from the npm registry on first use.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateOrg, toDepsYaml } from "./generate-org.js";
import { git } from "./git.js";

export const NX_VERSION = "24.0.6";

export interface NxRow {
  readonly projects: number;
  readonly changedFiles: number;
  readonly affected: number;
  readonly same: boolean;
  readonly difference?: string;
  /** Cold: Nx without its daemon or cached project graph; blastradius with --no-cache. */
  readonly nxMs: number;
  readonly checkMs: number;
  /** Warm: Nx's project graph cache kept (daemon still off); blastradius's graph cache kept. */
  readonly nxWarmMs: number;
  readonly checkWarmMs: number;
}

/** The changes compared: a small pull request's files, and a large one's. */
const CHANGE_SIZES = [50, 1_000];

interface Options {
  readonly root: string;
  readonly out: string;
  readonly bin: string;
  readonly sizes: readonly number[];
  readonly seed: number;
  readonly runs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

/** Nx's own installation, or the reason there is none. */
function installNx(root: string): string | { error: string } {
  const prefix = join(root, "bench/.cache/nx");
  const bin = join(prefix, "node_modules/.bin/nx");
  if (existsSync(bin)) return prefix;
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, "package.json"), '{"private":true}\n');
  const result = spawnSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--no-save", `nx@${NX_VERSION}`],
    {
      cwd: prefix,
      encoding: "utf8",
    },
  );
  if (result.status !== 0 || !existsSync(bin)) {
    return {
      error: `could not install nx@${NX_VERSION}: ${(result.stderr || result.error?.message || "").trim().split("\n").slice(-3).join(" ")}`,
    };
  }
  return prefix;
}

export function compareWithNx(options: Options): NxRow[] | string {
  const installed = installNx(options.root);
  if (typeof installed !== "string") return `skipped: ${installed.error}`;
  const rows: NxRow[] = [];
  for (const projects of options.sizes) {
    const org = generateOrg({
      nodes: projects,
      seed: options.seed,
      nx: true,
      changedFiles: Math.max(...CHANGE_SIZES),
    });
    const ws = join(options.out, `nx-${projects}`);
    rmSync(ws, { recursive: true, force: true });
    mkdirSync(ws, { recursive: true });
    writeFileSync(join(ws, "nx.json"), '{"$schema": "./node_modules/nx/schemas/nx-schema.json"}\n');
    writeFileSync(join(ws, "package.json"), '{"name": "bench-workspace", "private": true}\n');
    writeFileSync(join(ws, ".gitignore"), "node_modules\n.nx\nout\n");
    for (const node of org.nodes) {
      const dir = join(ws, "projects", node.id);
      mkdirSync(join(dir, "src"), { recursive: true });
      writeFileSync(
        join(dir, "project.json"),
        `${JSON.stringify({ name: node.id, root: `projects/${node.id}`, implicitDependencies: node.dependsOn.map((e) => e.on) })}\n`,
      );
      for (const file of node.files) writeFileSync(join(ws, file), `// ${node.id}\n`);
    }
    writeFileSync(join(ws, "deps.yaml"), toDepsYaml(org));
    symlinkSync(join(installed, "node_modules"), join(ws, "node_modules"));
    git(ws, "init", "-q", "-b", "main");
    git(ws, "add", "-A");
    git(ws, "commit", "-qm", "workspace");
    mkdirSync(join(ws, "out"), { recursive: true });
    for (const count of CHANGE_SIZES)
      rows.push(compareOne(ws, projects, org.changedFiles.slice(0, count), options));
  }
  return rows;
}

/** One change in one workspace: cold against cold, then warm against warm, alternating. */
function compareOne(
  ws: string,
  projects: number,
  files: readonly string[],
  options: Options,
): NxRow {
  writeFileSync(join(ws, "out/changed.txt"), `${files.join("\n")}\n`);
  // Outside the workspace (run.ts points XDG_CACHE_HOME at a temporary folder): a graph cache
  // inside the repository checked is never used.
  const cacheHome = join(process.env.XDG_CACHE_HOME ?? tmpdir(), `nx-${projects}-${files.length}`);
  const nx = (): number => {
    const start = process.hrtime.bigint();
    // Nx exits before a pipe drains: its answer goes to a file.
    const result = spawnSync(
      "sh",
      [
        "-c",
        `exec node_modules/.bin/nx show projects --affected --files="$FILES" --json > out/nx.json`,
      ],
      {
        cwd: ws,
        encoding: "utf8",
        env: {
          ...process.env,
          NX_DAEMON: "false",
          NX_NO_CLOUD: "true",
          NX_TUI: "false",
          FILES: files.join(","),
        },
      },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`nx failed: ${result.stderr}`);
    return ms;
  };
  let ours: string[] = [];
  const check = (cache: boolean): number => {
    const start = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [
        options.bin,
        "check",
        ...(cache ? [] : ["--no-cache"]),
        "--deps",
        "deps.yaml",
        "--files-from",
        "out/changed.txt",
        "--format",
        "json",
      ],
      {
        cwd: ws,
        encoding: "utf8",
        maxBuffer: 1024 ** 3,
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`check failed: ${result.stderr}`);
    const answer = JSON.parse(result.stdout);
    // Nx counts the touched projects as affected; blastradius lists them as changed.
    ours = [
      ...answer.changed.map((c: { id: string }) => c.id),
      ...answer.impacted.map((n: { id: string }) => n.id),
    ];
    return ms;
  };

  const nxTimes: number[] = [];
  const checkTimes: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    // Cold, as on a CI runner: no daemon, no cached project graph.
    rmSync(join(ws, ".nx"), { recursive: true, force: true });
    nxTimes.push(nx());
    checkTimes.push(check(false));
  }
  const nxAffected: string[] = JSON.parse(readFileSync(join(ws, "out/nx.json"), "utf8"));
  const coldOurs = ours;
  // Warm: each side's cache made once, then kept.
  rmSync(cacheHome, { recursive: true, force: true });
  nx();
  check(true);
  const nxWarm: number[] = [];
  const checkWarm: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    nxWarm.push(nx());
    checkWarm.push(check(true));
  }
  const a = new Set(nxAffected);
  const b = new Set(coldOurs);
  const warmSame = ours.length === coldOurs.length && ours.every((id, i) => id === coldOurs[i]);
  const onlyNx = [...a].filter((x) => !b.has(x));
  const onlyUs = [...b].filter((x) => !a.has(x));
  return {
    projects,
    changedFiles: files.length,
    affected: a.size,
    same: onlyNx.length === 0 && onlyUs.length === 0 && warmSame,
    ...(onlyNx.length + onlyUs.length > 0 || !warmSame
      ? {
          difference: `only Nx: ${onlyNx.slice(0, 5).join(" ")}; only blastradius: ${onlyUs.slice(0, 5).join(" ")}${warmSame ? "" : "; the warm answer differs from the cold one"}`,
        }
      : {}),
    nxMs: median(nxTimes),
    checkMs: median(checkTimes),
    nxWarmMs: median(nxWarm),
    checkWarmMs: median(checkWarm),
  };
}
