// `npm run bench`: blastradius against baselines measured in the same run, on generated
// organisations. Prints a table and writes bench/results.json. No network, except that the
// Nx comparison installs Nx from the npm registry on first use (and is skipped without it).
//
//   npm run bench                 everything
//   npm run bench -- --quick      1,000 and 10,000 nodes only
//   npm run bench -- --no-nx      skip the Nx comparison
//   npm run bench -- --no-million skip the 1,000,000-node report
//   npm run bench -- --explore-only only the explorer (at 100,000 nodes, or 10,000 with --quick)
//   npm run bench -- --adopt-only   only Backstage catalogs and init (smaller with --quick)
//   npm run bench -- --iam-only     only IAM documents of 6,000 statements compared
//   npm run bench -- --globs-only   only globs on hostile paths
//   npm run bench -- --startup-only only the CLI's start-up against `node -e 0`
//   npm run bench -- --shape-only   only `check` at 100,000 nodes with rules of their own
//   npm run bench -- --sizes-only   only `check` and the analysis at 1,000, 10,000 and 100,000 nodes
//   npm run bench -- --nx-only      only the comparison with Nx (cold and warm)
//   npm run bench -- --million-only   only the 1,000,000-node check, cold and through the cache
//   npm run bench -- --terraform-only only `check --git` of a one-file Terraform change vs --files
//   npm run bench -- --docs-only    only `docs` against `validate` (10,000 and 100,000 nodes;
//                                   10,000 only with --quick)

import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModel } from "../src/app/load-model.js";
import { analyze } from "../src/core/analyze.js";
import type { FileChange } from "../src/core/model.js";
import { type CatalogRow, type InitRow, measureCatalog, measureInit } from "./adopt.js";
import { type DocsRow, measureDocs } from "./docs.js";
import { type ExploreRow, measureExplorer } from "./explore.js";
import { generateOrg, type Org, toDepsYaml } from "./generate-org.js";
import { type GlobRow, measureGlobs } from "./globs.js";
import { type IamRow, measureIamPolicies } from "./iam-policies.js";
import { compareWithNx, type NxRow } from "./nx.js";
import { measureStartup, startupLines } from "./startup.js";
import { measureTerraformGit, type TerraformRow } from "./terraform-git.js";
import { traversalFloor } from "./traversal-floor.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "bench/out");
const BIN = join(ROOT, "bin/blastradius.cjs");
/**
 * The caches the bench's runs use: its own, never the user's, and outside this repository (a
 * graph cache inside the repository holding the deps file is never used: README "The graph
 * cache").
 */
const CACHE_HOME = mkdtempSync(join(tmpdir(), "blastradius-bench-cache-"));
process.env.XDG_CACHE_HOME = CACHE_HOME;
const args = new Set(process.argv.slice(2));
const SEED = 20261127;

/** The Nx comparison as `--nx-only` and the whole run both make it. */
const nxOptions = () => ({
  root: ROOT,
  out: OUT,
  bin: BIN,
  sizes: [2_000, 5_000],
  seed: SEED,
  runs: 3,
});

interface Timed {
  readonly ms: number;
  readonly rssMiB: number;
  readonly status: number | null;
}

/** Runs a Node script as its own process; wall time from spawn to exit, and its peak RSS. */
function timeNode(
  script: string,
  scriptArgs: readonly string[],
  stdoutFile: string,
  timeoutMs?: number,
  cwd: string = OUT,
  env: Readonly<Record<string, string>> = {},
): Timed {
  const rssFile = join(OUT, "rss.txt");
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "bench/report-rss.mjs"), script, ...scriptArgs],
    {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 2 * 1024 * 1024 * 1024,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1", ...env },
      ...(timeoutMs ? { timeout: timeoutMs, killSignal: "SIGKILL" as const } : {}),
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  writeFileSync(stdoutFile, result.stdout ?? "");
  if (result.status !== 0 && result.status !== 1) {
    if (result.signal === "SIGKILL" && timeoutMs)
      throw new Error(`${script} ${scriptArgs[0]} did not finish in ${timeoutMs / 60_000} minutes`);
    throw new Error(
      `${script} ${scriptArgs.join(" ")} failed (${result.status}): ${String(result.stderr).slice(0, 2000)}`,
    );
  }
  const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : Number.NaN;
  return { ms, rssMiB: rssKiB / 1024, status: result.status };
}

/** A part of bench/results.json replaced, the rest of the last full run kept (the --*-only runs). */
function keepInResults(part: Record<string, unknown>): void {
  const file = join(ROOT, "bench/results.json");
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, ...part }, null, 2)}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function fileChanges(org: Org): FileChange[] {
  return org.changedFiles.map((path) => ({ path, status: "modified" as const }));
}

interface SizeRow {
  readonly nodes: number;
  /** The organisation's shape when not the usual one ("own rules": issue 18's). */
  readonly shape?: string;
  readonly edges: number;
  readonly yamlMiB: number;
  readonly changedFiles: number;
  readonly changedNodes: number;
  readonly impacted: number;
  readonly checkMs: number;
  readonly parseFloorMs: number;
  readonly checkVsParse: number;
  readonly analysisMs: number;
  readonly traversalFloorMs: number;
  readonly analysisVsTraversal: number;
  readonly checkRssMiB: number;
  readonly parseFloorRssMiB: number;
  /** Issue 18's shape only: the same check through the graph cache. */
  readonly cache?: CacheRow & { readonly firstRunVsParse: number; readonly warmVsParse: number };
  readonly runs: number;
}

/** The generated organisation's deps.yaml for the explorer (the same seed as the sizes). */
function writeOrg(nodes: number): string {
  const dir = join(OUT, `n${nodes}`);
  mkdirSync(dir, { recursive: true });
  const deps = join(dir, "deps.yaml");
  writeFileSync(deps, toDepsYaml(generateOrg({ nodes, seed: SEED })));
  return deps;
}

/**
 * Issue 18's shape at 100,000 nodes: every node with two path rules of its own, an owner among
 * 300 and a description, and 3,000 changed files (nearly every node impacted).
 */
function measureOwnRules(): SizeRow {
  process.stdout.write("measuring 100,000 nodes with rules of their own…\n");
  return measureSize(100_000, 3, true);
}

function measureSize(nodes: number, runs: number, ownRules = false): SizeRow {
  const org = generateOrg({ nodes, seed: SEED, ...(ownRules ? { ownRules } : {}) });
  const dir = join(OUT, `n${nodes}${ownRules ? "-own-rules" : ""}`);
  mkdirSync(dir, { recursive: true });
  const deps = join(dir, "deps.yaml");
  const yaml = toDepsYaml(org);
  writeFileSync(deps, yaml);
  const list = join(dir, "changed.txt");
  writeFileSync(list, `${org.changedFiles.join("\n")}\n`);

  // End to end, alternating with the floor so that drift hits both alike.
  const check: Timed[] = [];
  const floor: Timed[] = [];
  for (let r = 0; r < runs; r++) {
    floor.push(timeNode(join(ROOT, "bench/parse-floor.mjs"), [deps], join(dir, "floor.out")));
    check.push(
      timeNode(
        BIN,
        ["check", "--no-cache", "--deps", deps, "--files-from", list, "--format", "json"],
        join(dir, "check.json"),
      ),
    );
  }
  const result = JSON.parse(readFileSync(join(dir, "check.json"), "utf8"));
  const cached = ownRules ? measureCache(dir, deps, list, runs) : undefined;

  // The analysis alone, after loading, against a plain CSR breadth-first search.
  const { model } = loadModel(deps);
  const changes = fileChanges(org);
  const analysisTimes: number[] = [];
  const floorTimes: number[] = [];
  let impact = analyze(model, changes);
  const seeds = impact.changed.map((c) => c.id);
  const floorGraph = traversalFloor.build(org);
  let reached = traversalFloor.bfs(floorGraph, seeds);
  for (let r = 0; r < Math.max(5, runs * 2); r++) {
    let t = performance.now();
    reached = traversalFloor.bfs(floorGraph, seeds);
    floorTimes.push(performance.now() - t);
    t = performance.now();
    impact = analyze(model, changes);
    analysisTimes.push(performance.now() - t);
  }
  // A changed node another changed node reaches is listed among the impacted too: count it once.
  const changedIds = new Set(impact.changed.map((c) => c.id));
  const downstream = impact.impacted.filter((i) => !changedIds.has(i.id)).length;
  if (reached !== downstream + impact.changed.length) {
    throw new Error(
      `the traversal floor reached ${reached} nodes, the analysis ${downstream} + ${impact.changed.length}`,
    );
  }
  const checkMs = median(check.map((c) => c.ms));
  const parseFloorMs = median(floor.map((c) => c.ms));
  const analysisMs = median(analysisTimes);
  const traversalFloorMs = median(floorTimes);
  return {
    nodes,
    ...(ownRules ? { shape: "own rules" } : {}),
    edges: model.compact.targets.length,
    yamlMiB: yaml.length / 1024 / 1024,
    changedFiles: org.changedFiles.length,
    changedNodes: result.changed.length,
    impacted: result.impacted.length,
    checkMs,
    parseFloorMs,
    checkVsParse: checkMs / parseFloorMs,
    analysisMs,
    traversalFloorMs,
    analysisVsTraversal: analysisMs / traversalFloorMs,
    checkRssMiB: Math.max(...check.map((c) => c.rssMiB)),
    parseFloorRssMiB: Math.max(...floor.map((c) => c.rssMiB)),
    ...(cached
      ? {
          cache: {
            ...cached,
            firstRunVsParse: cached.firstRunMs / parseFloorMs,
            warmVsParse: cached.warmMs / parseFloorMs,
          },
        }
      : {}),
    runs,
  };
}

interface CacheRow {
  /** The first run into an empty cache: a cold check, then the cache written. */
  readonly firstRunMs: number;
  readonly firstRunRssMiB: number;
  /** Later runs, served from the cache. */
  readonly warmMs: number;
  readonly warmRssMiB: number;
  readonly cacheFileMiB: number;
  /** The warm output is byte for byte the `--no-cache` one. */
  readonly identical: boolean;
}

/** The graph cache files under an XDG_CACHE_HOME, in MiB: 0 when none was written. */
function graphCacheMiB(home: string): number {
  const graphs = join(home, "blastradius", "graphs");
  if (!existsSync(graphs)) return 0;
  const files = readdirSync(graphs).filter((f) => f.endsWith(".graph"));
  return files.reduce((sum, f) => sum + statSync(join(graphs, f)).size, 0) / 1024 / 1024;
}

/** `check` through the graph cache: into an empty one, then served from it, alternating. */
function measureCache(dir: string, deps: string, list: string, runs: number): CacheRow {
  const home = join(CACHE_HOME, "shape");
  const env = { XDG_CACHE_HOME: home };
  const args = ["check", "--deps", deps, "--files-from", list, "--format", "json"];
  const first: Timed[] = [];
  const warm: Timed[] = [];
  for (let r = 0; r < runs; r++) {
    rmSync(home, { recursive: true, force: true });
    first.push(timeNode(BIN, args, join(dir, "check-first.json"), undefined, OUT, env));
    warm.push(timeNode(BIN, args, join(dir, "check-warm.json"), undefined, OUT, env));
  }
  const cold = readFileSync(join(dir, "check.json"));
  return {
    firstRunMs: median(first.map((t) => t.ms)),
    firstRunRssMiB: Math.max(...first.map((t) => t.rssMiB)),
    warmMs: median(warm.map((t) => t.ms)),
    warmRssMiB: Math.max(...warm.map((t) => t.rssMiB)),
    cacheFileMiB: graphCacheMiB(home),
    identical:
      cold.equals(readFileSync(join(dir, "check-warm.json"))) &&
      cold.equals(readFileSync(join(dir, "check-first.json"))),
  };
}

interface MillionRow {
  readonly nodes: number;
  readonly files: number;
  readonly yamlMiB: number;
  readonly checkMs: number;
  readonly parseFloorMs: number;
  readonly checkVsParse: number;
  readonly checkRssMiB: number;
  readonly parseFloorRssMiB: number;
  readonly impacted: number;
  /** Through the graph cache, on a heap of 8 GiB (the default's 4 GiB leaves no room to write it). */
  readonly cache?: {
    readonly firstRunMs: number;
    readonly warmMs: number;
    readonly warmRssMiB: number;
    readonly cacheFileMiB: number;
    readonly identical: boolean;
  };
  readonly error?: string;
}

function measureSplit(nodes: number, perFile: number): MillionRow {
  const org = generateOrg({ nodes, seed: SEED });
  const dir = join(OUT, `n${nodes}-split`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "parts"), { recursive: true });
  const parts: string[] = [];
  let bytes = 0;
  for (let from = 0; from < nodes; from += perFile) {
    const name = `parts/nodes-${String(parts.length).padStart(4, "0")}.yaml`;
    const text = toDepsYaml(org, { from, to: Math.min(nodes, from + perFile), owners: false });
    writeFileSync(join(dir, name), text);
    bytes += text.length;
    parts.push(name);
  }
  const root = toDepsYaml(org, { from: 0, to: 0, include: parts });
  writeFileSync(join(dir, "deps.yaml"), root);
  bytes += root.length;
  const list = join(dir, "changed.txt");
  writeFileSync(list, `${org.changedFiles.join("\n")}\n`);
  const files = [join(dir, "deps.yaml"), ...parts.map((p) => join(dir, p))];
  const floor = timeNode(join(ROOT, "bench/parse-floor.mjs"), files, join(dir, "floor.out"));
  const row = {
    nodes,
    files: files.length,
    yamlMiB: bytes / 1024 / 1024,
    parseFloorMs: floor.ms,
    parseFloorRssMiB: floor.rssMiB,
  };
  try {
    const check = timeNode(
      BIN,
      ["check", "--deps", join(dir, "deps.yaml"), "--files-from", list, "--format", "json"],
      join(dir, "check.json"),
    );
    const impacted = JSON.parse(readFileSync(join(dir, "check.json"), "utf8")).impacted.length;
    const home = join(CACHE_HOME, "million");
    const env = { XDG_CACHE_HOME: home, NODE_OPTIONS: "--max-old-space-size=8192" };
    const args = [
      "check",
      "--deps",
      join(dir, "deps.yaml"),
      "--files-from",
      list,
      "--format",
      "json",
    ];
    const first = timeNode(BIN, args, join(dir, "check-first.json"), undefined, OUT, env);
    const warm = timeNode(BIN, args, join(dir, "check-warm.json"), undefined, OUT, env);
    const cold = readFileSync(join(dir, "check.json"));
    return {
      ...row,
      checkMs: check.ms,
      checkVsParse: check.ms / floor.ms,
      checkRssMiB: check.rssMiB,
      impacted,
      cache: {
        firstRunMs: first.ms,
        warmMs: warm.ms,
        warmRssMiB: warm.rssMiB,
        cacheFileMiB: graphCacheMiB(home),
        identical: cold.equals(readFileSync(join(dir, "check-warm.json"))),
      },
    };
  } catch (error) {
    const failed = Number.NaN;
    return {
      ...row,
      checkMs: failed,
      checkVsParse: failed,
      checkRssMiB: failed,
      impacted: 0,
      error: String(error).slice(0, 500),
    };
  }
}

/**
 * `docs` against `validate` at 10,000 nodes (3 runs each, alternating) and at 100,000 (once,
 * given an hour: whether it builds at all, and at what cost).
 */
function measureDocsSizes(): DocsRow[] {
  const sizes: [number, number][] = args.has("--quick")
    ? [[10_000, 3]]
    : [
        [10_000, 3],
        [100_000, 1],
      ];
  return sizes.map(([nodes, runs]) => {
    process.stdout.write(`measuring docs at ${nodes.toLocaleString("en")} nodes…\n`);
    const timeout = nodes >= 100_000 ? 60 * 60_000 : undefined;
    // Outside any git repository: inside this one, `validate` would check every path rule
    // against this repository's files and print ten thousand warnings, and `docs` would match
    // them; neither is the graph's own cost.
    const dir = mkdtempSync(join(tmpdir(), `br-bench-docs-${nodes}-`));
    const deps = join(dir, "deps.yaml");
    writeFileSync(deps, toDepsYaml(generateOrg({ nodes, seed: SEED })));
    const row = measureDocs(
      { timeNode: (s, a, o) => timeNode(s, a, o, timeout, dir), median, bin: BIN },
      deps,
      dir,
      nodes,
      runs,
      undefined,
      // At 10,000 nodes, also on one thread, and the disk's cost of writing the site's bytes.
      nodes <= 10_000,
    );
    rmSync(dir, { recursive: true, force: true });
    return row;
  });
}

function docsTable(rows: readonly DocsRow[]): string[] {
  const lines = [
    "| docs at | validate | docs | docs / validate | to a RAM disk | on one thread | writing the files alone | docs peak RSS | files | site | largest node page | search index |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    lines.push(
      r.error
        ? `| ${r.nodes.toLocaleString("en")} | ${fmt(r.validateMs)} ms | failed: ${r.error.replace(/\|/g, "/")} | | | | | | | | | |`
        : `| ${r.nodes.toLocaleString("en")} | ${fmt(r.validateMs)} ms | ${fmt(r.docsMs)} ms | ${ratio(r.docsVsValidate)} | ${r.ramDiskMs === undefined ? "–" : `${fmt(r.ramDiskMs)} ms (${ratio(r.ramDiskMs / r.validateMs)})`} | ${r.oneThreadMs === undefined ? "–" : `${fmt(r.oneThreadMs)} ms`} | ${r.writeFloorMs === undefined ? "–" : `${fmt(r.writeFloorMs)} ms (${ratio(r.writeFloorMs / r.validateMs)} validate)`} | ${fmt(r.docsRssMiB)} MiB | ${r.files.toLocaleString("en")} | ${fmt(r.siteMiB)} MiB | ${fmt(r.largestNodePageKiB)} KiB | ${fmt(r.searchIndexKiB)} KiB |`,
    );
  }
  return lines;
}

const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : "–");

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, "lib/cli/main.js"))) {
    throw new Error("build first: npm run build");
  }
  mkdirSync(OUT, { recursive: true });
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    date: new Date().toISOString(),
  };
  console.log(
    `blastradius bench on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`,
  );

  // Start-up runs in the whole bench and alone; another part alone skips it.
  const only = [...args].find((a) => a.endsWith("-only"));
  const startup = only && only !== "--startup-only" ? undefined : measureStartup(ROOT, median);
  const startupTable = startup ? startupLines(startup) : [];
  if (args.has("--startup-only")) {
    keepInResults({ startup });
    console.log(startupTable.join("\n"));
    return;
  }

  if (args.has("--shape-only")) {
    const shape = measureOwnRules();
    keepInResults({ shape });
    console.log(JSON.stringify(shape, null, 2));
    return;
  }

  if (args.has("--million-only")) {
    const million = measureSplit(1_000_000, 10_000);
    keepInResults({ million });
    console.log(JSON.stringify(million, null, 2));
    return;
  }

  if (args.has("--terraform-only")) {
    const terraform = measureTerraformGit(ROOT, BIN, 5, median);
    keepInResults({ terraform });
    console.log(terraformLines(terraform).join("\n"));
    return;
  }

  if (args.has("--nx-only")) {
    mkdirSync(OUT, { recursive: true });
    const nx = compareWithNx(nxOptions());
    keepInResults({ nx });
    console.log(JSON.stringify(nx, null, 2));
    return;
  }

  if (args.has("--sizes-only")) {
    const sizes: SizeRow[] = [];
    for (const nodes of [1_000, 10_000, 100_000]) {
      process.stdout.write(`measuring ${nodes} nodes…\n`);
      sizes.push(measureSize(nodes, nodes >= 100_000 ? 3 : 5));
    }
    // The last full run's row of issue 18's shape stays (--shape-only measures it).
    const file = join(ROOT, "bench/results.json");
    const previous = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).sizes : [];
    const shaped = ((previous ?? []) as SizeRow[]).filter((row) => row.shape !== undefined);
    keepInResults({ sizes: [...sizes, ...shaped] });
    console.log(JSON.stringify(sizes, null, 2));
    return;
  }

  if (args.has("--docs-only")) {
    mkdirSync(OUT, { recursive: true });
    const docs = measureDocsSizes();
    keepInResults({ docs });
    console.log(docsTable(docs).join("\n"));
    return;
  }

  process.stdout.write("measuring IAM documents of 6,000 statements…\n");
  const iam: IamRow = measureIamPolicies(6_000);
  const iamLine = `IAM documents of ${iam.statements.toLocaleString("en")} statements: parsing both ${fmt(iam.parseMs)} ms; permissions compared ${fmt(iam.permissionsMs)} ms (${ratio(iam.permissionsVsParse)}, ${iam.operations.toLocaleString("en")} steps of work, ${ratio(iam.growthFromQuarter)} the time at a quarter of the statements), trust compared ${fmt(iam.trustMs)} ms (${ratio(iam.trustVsParse)})`;
  if (args.has("--iam-only")) {
    keepInResults({ iam });
    console.log(iamLine);
    return;
  }

  process.stdout.write("measuring globs on hostile paths…\n");
  const globs: GlobRow = measureGlobs({ paths: 3_000, repeat: args.has("--quick") ? 100 : 300 });
  const globLine = `Glob ${globs.glob} on ${globs.paths.toLocaleString("en")} crafted paths of ${globs.pathChars.toLocaleString("en")} characters that never match: path index ${fmt(globs.indexMs)} ms, splitting the same paths at / ${fmt(globs.splitFloorMs)} ms (${ratio(globs.indexVsFloor)}); picomatch on ${globs.picomatchPaths} of them, a quarter as long, ${fmt(globs.picomatchMs)} ms against ${fmt(globs.indexSameMs, 2)} ms (${ratio(globs.picomatchVsIndex)})`;
  if (args.has("--globs-only")) {
    keepInResults({ globs });
    console.log(globLine);
    return;
  }

  process.stdout.write("measuring Backstage catalogs and init…\n");
  const catalogRow: CatalogRow = measureCatalog({
    out: OUT,
    bin: BIN,
    entities: args.has("--quick") ? 2_000 : 20_000,
    seed: SEED,
    runs: 3,
  });
  const initRow: InitRow = measureInit({
    out: OUT,
    bin: BIN,
    root: ROOT,
    dirs: args.has("--quick") ? 20 : 100,
    rolesPerDir: 10,
    runs: 3,
  });
  const adoptLines = [
    `Backstage catalog of ${catalogRow.entities.toLocaleString("en")} entities in ${catalogRow.files} files: validate ${fmt(catalogRow.catalogMs)} ms, the same graph as deps.yaml ${fmt(catalogRow.depsYamlMs)} ms (${ratio(catalogRow.catalogVsDepsYaml)})`,
    `init --dry-run on ${initRow.terraformFiles} Terraform files (${initRow.resources.toLocaleString("en")} resources, ${initRow.nodes.toLocaleString("en")} nodes written): ${fmt(initRow.initMs)} ms, parsing the same files with hcl2json alone ${fmt(initRow.parseFloorMs)} ms (${ratio(initRow.initVsParse)})`,
  ];
  if (args.has("--adopt-only")) {
    keepInResults({ adopt: { catalog: catalogRow, init: initRow } });
    console.log(adoptLines.join("\n"));
    return;
  }

  const docsRows = measureDocsSizes();
  const docsLines = docsTable(docsRows);

  const sizes = args.has("--quick") ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const rows: SizeRow[] = [];
  for (const nodes of args.has("--explore-only") ? [] : sizes) {
    process.stdout.write(`measuring ${nodes} nodes…\n`);
    rows.push(measureSize(nodes, nodes >= 100_000 ? 3 : 5));
  }
  if (!args.has("--quick") && !args.has("--explore-only")) rows.push(measureOwnRules());

  const exploreNodes = args.has("--quick") ? 10_000 : 100_000;
  process.stdout.write(`measuring the explorer at ${exploreNodes} nodes…\n`);
  const explore: ExploreRow = await measureExplorer(writeOrg(exploreNodes), exploreNodes, "svc-1");
  if (args.has("--explore-only")) {
    keepInResults({ explore });
    console.log(JSON.stringify(explore, null, 2));
    return;
  }

  process.stdout.write("measuring check --git of a one-file Terraform change…\n");
  const terraform = measureTerraformGit(ROOT, BIN, args.has("--quick") ? 3 : 5, median);

  let nx: NxRow[] | string = "skipped (--no-nx)";
  if (!args.has("--no-nx") && !args.has("--quick")) {
    process.stdout.write("measuring against Nx…\n");
    nx = compareWithNx(nxOptions());
  }

  let million: MillionRow | string = "skipped";
  if (!args.has("--no-million") && !args.has("--quick")) {
    process.stdout.write("measuring 1,000,000 nodes in 100 files…\n");
    million = measureSplit(1_000_000, 10_000);
  }

  const byNodes = new Map(rows.filter((r) => !r.shape).map((r) => [r.nodes, r]));
  const growth =
    byNodes.has(100_000) && byNodes.has(10_000)
      ? (byNodes.get(100_000)?.checkMs ?? 0) / (byNodes.get(10_000)?.checkMs ?? 1)
      : Number.NaN;

  const lines: string[] = [];
  lines.push(
    "| nodes | edges | deps.yaml | impacted | check | parse floor | check / floor | analysis | traversal floor | analysis / floor | check peak RSS | floor peak RSS |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of rows) {
    lines.push(
      `| ${r.nodes.toLocaleString("en")}${r.shape ? ` (${r.shape})` : ""} | ${r.edges.toLocaleString("en")} | ${fmt(r.yamlMiB, 1)} MiB | ${r.impacted.toLocaleString("en")} | ${fmt(r.checkMs)} ms | ${fmt(r.parseFloorMs)} ms | ${ratio(r.checkVsParse)} | ${fmt(r.analysisMs, 1)} ms | ${fmt(r.traversalFloorMs, 1)} ms | ${ratio(r.analysisVsTraversal)} | ${fmt(r.checkRssMiB)} MiB | ${fmt(r.parseFloorRssMiB)} MiB |`,
    );
  }
  for (const r of rows) {
    if (!r.cache) continue;
    const c = r.cache;
    lines.push(
      "",
      `Graph cache at ${r.nodes.toLocaleString("en")} nodes (${r.shape}): first run into an empty cache ${fmt(c.firstRunMs)} ms (${ratio(c.firstRunVsParse)} the parse floor, peak RSS ${fmt(c.firstRunRssMiB)} MiB); served from the cache ${fmt(c.warmMs)} ms (${ratio(c.warmVsParse)} the parse floor, target 0.2x; peak RSS ${fmt(c.warmRssMiB)} MiB); cache file ${fmt(c.cacheFileMiB)} MiB; output ${c.identical ? "byte-identical to --no-cache" : "DIFFERENT from --no-cache"}`,
    );
  }
  lines.push("", `Growth, check at 100,000 over 10,000 nodes: ${ratio(growth)}`);
  if (typeof million !== "string") {
    const m = million;
    lines.push(
      "",
      `1,000,000 nodes in ${m.files} files (${fmt(m.yamlMiB)} MiB): ` +
        (m.error
          ? `check failed: ${m.error}`
          : `check ${fmt(m.checkMs)} ms, parse floor ${fmt(m.parseFloorMs)} ms (${ratio(m.checkVsParse)}), peak RSS ${fmt(m.checkRssMiB)} MiB (floor ${fmt(m.parseFloorRssMiB)} MiB), ${m.impacted.toLocaleString("en")} impacted` +
            (m.cache
              ? `; through the graph cache (8 GiB heap): first run ${fmt(m.cache.firstRunMs)} ms, served from the cache ${fmt(m.cache.warmMs)} ms (target 10 s; peak RSS ${fmt(m.cache.warmRssMiB)} MiB), cache file ${fmt(m.cache.cacheFileMiB)} MiB, output ${m.cache.identical ? "identical" : "DIFFERENT"}`
              : "")),
    );
  }
  lines.push(
    "",
    `Explorer at ${explore.nodes.toLocaleString("en")} nodes: loading the graph ${fmt(explore.loadMs)} ms; first screen ${fmt(explore.firstScreenMs)} ms (${ratio(explore.firstScreenVsLoad)} the load), ${fmt(explore.warmFirstScreenMs)} ms with the graph cache (target 1 s); a keystroke to the filtered list ${fmt(explore.keystrokeMs, 1)} ms median (${ratio(explore.keystrokeVsLoad)} the load; ${explore.keystrokes.map((k) => `"${k.key}" ${fmt(k.ms, 1)} ms, ${k.matches} left`).join("; ")})`,
  );
  lines.push("", ...terraformLines(terraform));
  if (typeof nx === "string") lines.push("", `Nx: ${nx}`);
  else {
    lines.push(
      "",
      "| Nx projects | changed files | affected (Nx) | same answer | Nx cold | blastradius cold | cold ratio (target 6x) | Nx warm | blastradius warm | warm ratio (target 10x) |",
      "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    );
    for (const r of nx) {
      lines.push(
        `| ${r.projects.toLocaleString("en")} | ${r.changedFiles} | ${r.affected} | ${r.same ? "yes" : `no: ${r.difference}`} | ${fmt(r.nxMs)} ms | ${fmt(r.checkMs)} ms | ${ratio(r.nxMs / r.checkMs)} | ${fmt(r.nxWarmMs)} ms | ${fmt(r.checkWarmMs)} ms | ${ratio(r.nxWarmMs / r.checkWarmMs)} |`,
      );
    }
  }
  lines.push("", ...startupTable, "", ...docsLines, "", ...adoptLines, "", iamLine, "", globLine);
  const table = lines.join("\n");
  console.log(`\n${table}\n`);
  writeFileSync(
    join(ROOT, "bench/results.json"),
    `${JSON.stringify({ machine, seed: SEED, sizes: rows, growth, million, nx, terraform, explore, startup, docs: docsRows, adopt: { catalog: catalogRow, init: initRow }, iam, globs, table }, null, 2)}\n`,
  );
  console.log("wrote bench/results.json");
}

void main();

function terraformLines(rows: readonly TerraformRow[]): string[] {
  return [
    "| one-file Terraform change | file | check --git | check --files | ratio (target 2x) |",
    "|---|---|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.change} | \`${r.file}\` | ${fmt(r.gitMs)} ms | ${fmt(r.filesMs)} ms | ${ratio(r.gitVsFiles)} |`,
    ),
  ];
}
