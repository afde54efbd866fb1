// One `blastradius docs` build, as the command line and the Action both run it: the graph read
// from disk, its site generated in the format asked, written beside its folder and swapped in.
// The entries differ only in where the folder, the commit and the time come from.

import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { fileSize } from "../../adapters/fs/file-size.js";
import { realPathInside } from "../../adapters/fs/real-inside.js";
import { openSiteWriter } from "../../adapters/fs/write-site.js";
import { commitOf, findRepoRoot, originRepo } from "../../adapters/git/git.js";
import { utcDay } from "../../core/config/waivers.js";
import { matchedToday, type NodeMatches } from "../../core/docs/matched-today.js";
import { wholeSite } from "../../core/docs/site-format.js";
import { InputError } from "../../core/errors.js";
import type { DepsConfig } from "../../core/model.js";
import { bundleFile } from "../bundle-file.js";
import { type LoadedModel, loadModel } from "../load-model.js";
import { readContractMatrix } from "../read-contract-state.js";
import { type HistorySource, readHistory } from "../read-history.js";
import { VERSION } from "../version.js";
import {
  PAGES_PER_CHUNK,
  startPageWorkers,
  stopPageWorkers,
  writeSiteThreaded,
} from "./page-threads.js";
import { readContractStatus } from "./read-contract-status.js";
import { readRepositoryInventory } from "./repository-inventory.js";
import { type DocsFormat, SITE_FORMATS } from "./site-formats.js";
import { type SiteShare, siteInputOf } from "./site-share.js";
import { type WrittenSite, writeSite } from "./write-docs.js";

export { DEFAULT_MAX_ROWS, DOCS_FORMATS, type DocsFormat } from "./docs-options.js";

/** Below this many nodes a build is quick on one thread: starting workers would cost more. */
const THREADED_FROM_NODES = 2000;
/** Threads at most, however many cores: each holds its own copy of the graph. */
const MAX_THREADS = 8;

export interface DocsBuild {
  /** The graph's file on disk. */
  readonly deps: string;
  /** How every page names the graph ("Generated from deps.yaml …"). */
  readonly source: string;
  /** The folder the site replaces. */
  readonly outDir: string;
  /** The folder as the user gave it, for messages. */
  readonly shownOut: string;
  readonly format: DocsFormat;
  /** Rows kept of each table and its CSV/JSON export; 0 keeps them all. */
  readonly maxRows: number;
  readonly generatedAt: Date;
  /** The commit the graph was read at, when known. */
  readonly commit?: string;
  /**
   * The repository whose files the rules are matched in today (its root, and what not to read
   * in it); false: not read, and pages do not say what the rules match.
   */
  readonly repository: { readonly root: string; readonly exclude: readonly string[] } | false;
  /**
   * The state the contracts' status is read from (the repository at a commit, HEAD by default,
   * or a plan); false: not read, and pages say so.
   */
  readonly contracts: { readonly ref?: string; readonly planFile?: string } | false;
  /** Where each node's recent upstream changes are read from, and since when; absent: none. */
  readonly history?: { readonly source: HistorySource; readonly since: number };
  /** Where relative paths are read from (a plan file, the repository for contracts). */
  readonly cwd: string;
  /**
   * Threads that make the node pages, this one included; absent: one per core (at most
   * MAX_THREADS) on a graph of THREADED_FROM_NODES nodes or more, else one.
   */
  readonly threads?: number;
}

export async function buildDocs(build: DocsBuild): Promise<WrittenSite> {
  const workerFile = bundleFile();
  // Started before the graph is read when it looks large enough to want them (or they were
  // asked for): a worker's start overlaps the reading.
  let workers = workerFile ? startPageWorkers(earlyWorkers(build), workerFile) : [];
  try {
    const loaded = loadModel(build.deps);
    const { model } = loaded;
    const repository = build.repository
      ? await readMatches(build.repository, model.config)
      : undefined;
    const contracts = await contractsOf(build, loaded);
    const history = build.history
      ? await readHistory(build.history.source, {
          since: build.history.since,
          now: Math.floor(build.generatedAt.getTime() / 1000),
          model,
        })
      : undefined;
    const share: SiteShare = {
      stamp: {
        source: build.source,
        ...(build.commit ? { commit: build.commit } : {}),
        generatedAt: build.generatedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
        version: VERSION,
      },
      maxRows: build.maxRows === 0 ? Number.MAX_SAFE_INTEGER : build.maxRows,
      today: utcDay(build.generatedAt),
      ...(repository ? { repository } : {}),
      contracts,
      ...(history ? { history: { located: history.located, source: history.source } } : {}),
    };
    const input = siteInputOf(model, share);
    const wanted = workerFile ? threadsFor(build.threads, model.config.nodes.size) - 1 : 0;
    // No more threads than chunks of pages to take (a thread takes 32 at a time).
    const pages = model.config.nodes.size + model.config.owners.size;
    const useful = Math.min(wanted, Math.max(0, Math.ceil(pages / PAGES_PER_CHUNK) - 1));
    if (workers.length > useful) {
      await stopPageWorkers(workers.slice(useful));
      workers = workers.slice(0, useful);
    } else if (workerFile && workers.length < useful)
      workers = [...workers, ...startPageWorkers(useful - workers.length, workerFile)];
    // Opened only once the graph has loaded: a graph that does not load leaves the folder alone.
    const writer = openSiteWriter(build.outDir, build.shownOut, {
      protect: [resolve(build.cwd, build.deps), build.cwd],
    });
    try {
      const written =
        workers.length > 0
          ? await writeSiteThreaded({ input, share, format: build.format, workers }, writer)
          : await writeSite(wholeSite(SITE_FORMATS[build.format], input), writer);
      await writer.commit();
      return written;
    } catch (error) {
      await writer.abort();
      throw writeFailure(error, build.shownOut);
    }
  } finally {
    await stopPageWorkers(workers);
  }
}

/** What the file system said, for the errors a user can do something about. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "not permitted",
  EROFS: "the file system is read-only",
  ENAMETOOLONG: "a path is too long for this file system",
  EMFILE: "too many open files",
};

/**
 * A failure to write the site, said as the user's to fix (exit 2, the folder as it was); any
 * other error as it is. A worker thread's failure comes as its message, with the code in it.
 */
function writeFailure(error: unknown, shownOut: string): unknown {
  const code =
    (error as NodeJS.ErrnoException).code ??
    Object.keys(WRITE_FAILURES).find((c) => error instanceof Error && error.message.includes(c));
  const what = code === undefined ? undefined : WRITE_FAILURES[code];
  if (!what) return error;
  return new InputError(
    `could not write the site into ${shownOut}: ${what} (${code}); nothing was changed`,
    "free some space, or give --out a folder you can write to",
  );
}

/** A deps file this large is a graph worth starting the workers for before it is read. */
const EARLY_BYTES = 512 * 1024;

/** Workers to start before the graph is read: as asked, else when the file is large. */
function earlyWorkers(build: DocsBuild): number {
  if (build.threads !== undefined) return threadsFor(build.threads, 0) - 1;
  // Not there: the load says so.
  const size = fileSize(resolve(build.cwd, build.deps)) ?? 0;
  return size >= EARLY_BYTES ? threadsFor(undefined, THREADED_FROM_NODES) - 1 : 0;
}

/** The threads a build uses: as asked, else one per core on a large graph. */
export function threadsFor(asked: number | undefined, nodes: number): number {
  if (asked !== undefined) return Math.max(1, Math.min(asked, MAX_THREADS));
  return nodes >= THREADED_FROM_NODES ? Math.min(availableParallelism(), MAX_THREADS) : 1;
}

/** Each node's contracts' state, when it could be read, and what the pages say of it. */
async function contractsOf(build: DocsBuild, loaded: LoadedModel): Promise<SiteShare["contracts"]> {
  if (!build.contracts) return { note: "Status not checked (--no-contracts)." };
  const where = build.contracts.planFile
    ? `the state the plan ${build.contracts.planFile} leaves`
    : `the repository at ${build.contracts.ref ?? "HEAD"}`;
  const query = { ...build.contracts, today: utcDay(build.generatedAt) };
  // A plan the user names must be read: one that cannot be is an error, as in `contracts`.
  // The repository at HEAD is read when it can be, and the pages say why when it cannot.
  const read = build.contracts.planFile
    ? { matrix: await readContractMatrix(loaded, query, { cwd: build.cwd }) }
    : await readContractStatus(loaded, query, { cwd: build.cwd });
  return read.matrix
    ? {
        matrix: read.matrix,
        note: `Status checked against ${where} when this page was generated.`,
      }
    : { note: `Status not checked: ${read.why}.` };
}

/** What each node's rules match in the repository today. */
async function readMatches(
  where: { readonly root: string; readonly exclude: readonly string[] },
  config: DepsConfig,
): Promise<{ name?: string; matches: ReadonlyMap<string, NodeMatches> }> {
  const inventory = await readRepositoryInventory(where.root, { exclude: where.exclude });
  const gitRoot = findRepoRoot(where.root);
  const name = gitRoot ? originRepo(gitRoot) : undefined;
  return {
    ...(name ? { name } : {}),
    matches: matchedToday(config, inventory, name ? { repo: name } : {}),
  };
}

/** The repository a graph's rules are matched in: the git repository holding it, else its folder. */
export function graphRepository(deps: string, cwd: string): string {
  const folder = dirname(resolve(cwd, deps));
  return findRepoRoot(folder) ?? folder;
}

/**
 * The time the site says it was generated: now, or SOURCE_DATE_EPOCH when set, so that the
 * same commit builds the same site byte for byte (reproducible-builds.org).
 */
export function buildTime(sourceDateEpoch: string | undefined, now: Date): Date {
  if (sourceDateEpoch !== undefined && /^\d{1,12}$/.test(sourceDateEpoch))
    return new Date(Number(sourceDateEpoch) * 1000);
  return now;
}

/**
 * The commit the graph's repository is at, when it is in one that has a commit; with `within`,
 * only a repository in that folder counts (not one the folder happens to sit in).
 */
export function graphCommit(deps: string, cwd: string, within?: string): string | undefined {
  const root = findRepoRoot(dirname(resolve(cwd, deps)));
  if (!root) return undefined;
  if (within !== undefined && realPathInside(within, root) === undefined) return undefined;
  try {
    return commitOf(root, "HEAD");
  } catch {
    return undefined;
  }
}

/** What was written, in one phrase: "12 pages, 40 files, 0.1 MB (largest page …, 9 KB)". */
export function describeWritten(written: WrittenSite): string {
  const threads =
    written.byThread && written.byThread.length > 1
      ? `; made on ${written.byThread.length} threads (${written.byThread.map((n) => n.toLocaleString("en")).join(" + ")} owner and node pages)`
      : "";
  return `${written.pages.toLocaleString("en")} pages, ${written.files.toLocaleString("en")} files, ${mib(written.bytes)} (largest page ${written.largestPage.path}, ${kib(written.largestPage.bytes)})${threads}`;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
