// `blastradius docs` against `validate` on the same generated organisation, in the same run:
// the time to build the site, its peak RSS, how many files and bytes it writes, its largest
// node page and the size of its search index.

import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export interface Timed {
  readonly ms: number;
  readonly rssMiB: number;
  readonly status: number | null;
}

export interface DocsRow {
  readonly nodes: number;
  readonly validateMs: number;
  readonly docsMs: number;
  readonly docsVsValidate: number;
  /** The same build written to a RAM disk (/dev/shm), when there is one: the build without the disk. */
  readonly ramDiskMs?: number;
  /** The same build on one thread (--threads 1), when measured. */
  readonly oneThreadMs?: number;
  /**
   * Writing the site's files alone, with nothing to make (a bare writeFileSync of the same
   * bytes into the same folder): what this disk costs any build of this site.
   */
  readonly writeFloorMs?: number;
  readonly docsRssMiB: number;
  readonly validateRssMiB: number;
  readonly files: number;
  readonly siteMiB: number;
  readonly largestNodePageKiB: number;
  readonly largestNodePage: string;
  readonly searchIndexKiB: number;
  readonly runs: number;
  /** --max-rows given, or undefined: the command's default. */
  readonly maxRows?: number;
  readonly error?: string;
}

export interface DocsBench {
  /** Runs a Node script as its own process: wall time and peak RSS. */
  readonly timeNode: (script: string, args: readonly string[], stdoutFile: string) => Timed;
  readonly median: (values: readonly number[]) => number;
  readonly bin: string;
}

/** Every file below `dir`, as paths from it with `/`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/** Every file below `dir`: how many, how many bytes, the largest node page. */
export function siteSize(dir: string): {
  files: number;
  bytes: number;
  largestNodePage: { path: string; bytes: number };
} {
  let files = 0;
  let bytes = 0;
  let largestNodePage = { path: "", bytes: 0 };
  for (const path of filesBelow(dir)) {
    const size = statSync(join(dir, path)).size;
    files++;
    bytes += size;
    if (path.startsWith("nodes/") && path.endsWith(".html") && size > largestNodePage.bytes)
      largestNodePage = { path, bytes: size };
  }
  return { files, bytes, largestNodePage };
}

/**
 * `validate` and `docs` alternately, `runs` times each, so that drift hits both alike. The
 * site of the last run is measured, then removed (tens of thousands of files).
 */
export function measureDocs(
  bench: DocsBench,
  deps: string,
  dir: string,
  nodes: number,
  runs: number,
  maxRows?: number,
  compareThreads = false,
): DocsRow {
  const site = join(dir, "site");
  const validate: Timed[] = [];
  const docs: Timed[] = [];
  const oneThread: Timed[] = [];
  const floors: number[] = [];
  let error: string | undefined;
  const docsArgs = [
    "docs",
    "--deps",
    deps,
    "--out",
    site,
    "--no-scan",
    "--no-contracts",
    ...(maxRows === undefined ? [] : ["--max-rows", String(maxRows)]),
  ];
  const ram: Timed[] = [];
  const ramSite =
    compareThreads && ramDisk() ? join("/dev/shm", `br-bench-site-${process.pid}`) : undefined;
  for (let r = 0; r < runs && !error; r++) {
    if (ramSite) {
      rmSync(ramSite, { recursive: true, force: true });
      ram.push(
        bench.timeNode(
          bench.bin,
          docsArgs.map((a) => (a === site ? ramSite : a)),
          join(dir, "docs-ram.out"),
        ),
      );
      rmSync(ramSite, { recursive: true, force: true });
    }
    if (compareThreads) {
      rmSync(site, { recursive: true, force: true });
      oneThread.push(
        bench.timeNode(bench.bin, [...docsArgs, "--threads", "1"], join(dir, "docs1.out")),
      );
    }
    validate.push(
      bench.timeNode(bench.bin, ["validate", "--deps", deps], join(dir, "validate.out")),
    );
    rmSync(site, { recursive: true, force: true });
    try {
      docs.push(bench.timeNode(bench.bin, docsArgs, join(dir, "docs.out")));
      if (compareThreads) floors.push(writeFloor(site, join(dir, "floor")));
    } catch (e) {
      error = String(e).slice(0, 500);
    }
  }
  const size = error
    ? { files: 0, bytes: 0, largestNodePage: { path: "", bytes: 0 } }
    : siteSize(site);
  let searchIndex = 0;
  try {
    searchIndex = statSync(join(site, "search-index.js")).size;
  } catch {
    // No site: the error says why.
  }
  rmSync(site, { recursive: true, force: true });
  const validateMs = bench.median(validate.map((t) => t.ms));
  const docsMs = docs.length ? bench.median(docs.map((t) => t.ms)) : Number.NaN;
  return {
    nodes,
    validateMs,
    docsMs,
    docsVsValidate: docsMs / validateMs,
    ...(ram.length ? { ramDiskMs: bench.median(ram.map((t) => t.ms)) } : {}),
    ...(oneThread.length ? { oneThreadMs: bench.median(oneThread.map((t) => t.ms)) } : {}),
    ...(floors.length ? { writeFloorMs: bench.median(floors) } : {}),
    docsRssMiB: docs.length ? Math.max(...docs.map((t) => t.rssMiB)) : Number.NaN,
    validateRssMiB: Math.max(...validate.map((t) => t.rssMiB)),
    files: size.files,
    siteMiB: size.bytes / 1024 / 1024,
    largestNodePageKiB: size.largestNodePage.bytes / 1024,
    largestNodePage: size.largestNodePage.path,
    searchIndexKiB: searchIndex / 1024,
    runs: docs.length,
    ...(maxRows === undefined ? {} : { maxRows }),
    ...(error ? { error } : {}),
  };
}

/**
 * The site's files written again into `to`, timed, with nothing to make: every file read into
 * memory first (not timed), then each written with writeFileSync, its folder made first.
 */
export function writeFloor(site: string, to: string): number {
  const files = filesBelow(site).map((path) => [path, readFileSync(join(site, path))] as const);
  rmSync(to, { recursive: true, force: true });
  const made = new Set<string>();
  const start = performance.now();
  for (const [path, bytes] of files) {
    const folder = dirname(join(to, path));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(to, path), bytes);
  }
  const ms = performance.now() - start;
  rmSync(to, { recursive: true, force: true });
  return ms;
}

/** Whether /dev/shm is a RAM disk this process can write to (Linux). */
function ramDisk(): boolean {
  try {
    const probe = join("/dev/shm", `br-bench-probe-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}
