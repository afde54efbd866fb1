// One `blastradius docs` build, as the command line and the Action both run it: the graph read
// from disk, its site generated in the format asked, written beside its folder and swapped in.
// The entries differ only in where the folder, the commit and the time come from.

import { dirname, resolve } from "node:path";
import { realPathInside } from "../../adapters/fs/real-inside.js";
import { openSiteWriter } from "../../adapters/fs/write-site.js";
import { commitOf, findRepoRoot, originRepo } from "../../adapters/git/git.js";
import { dagreLayout } from "../../adapters/layout/dagre-layout.js";
import { utcDay } from "../../core/config/waivers.js";
import type { SiteStamp } from "../../core/docs/html/page-shell.js";
import { type DocsSiteInput, htmlSite, type SiteFile } from "../../core/docs/html-site.js";
import { markdownSite } from "../../core/docs/markdown-site.js";
import { matchedToday, type NodeMatches } from "../../core/docs/matched-today.js";
import { contractsByNode } from "../../core/docs/node-contracts.js";
import { historyIndex } from "../../core/docs/node-history.js";
import type { ContractsInput } from "../../core/docs/node-sections.js";
import type { DepsConfig } from "../../core/model.js";
import { type LoadedModel, loadModel } from "../load-model.js";
import { readContractMatrix } from "../read-contract-state.js";
import { type HistorySource, readHistory } from "../read-history.js";
import { VERSION } from "../version.js";
import { readContractStatus } from "./read-contract-status.js";
import { readRepositoryInventory } from "./repository-inventory.js";
import { type WrittenSite, writeSite } from "./write-docs.js";

/** The site generators by format: a new format is one line here, for both entries. */
const SITES = {
  html: htmlSite,
  markdown: markdownSite,
} as const satisfies Record<string, (input: DocsSiteInput) => Iterable<SiteFile>>;

export type DocsFormat = keyof typeof SITES;
export const DOCS_FORMATS = Object.keys(SITES) as readonly DocsFormat[];

/** Rows kept of each table when the caller does not say: a page stays small on any graph. */
export const DEFAULT_MAX_ROWS = 50;

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
}

export async function buildDocs(build: DocsBuild): Promise<WrittenSite> {
  const loaded = loadModel(build.deps);
  const repository = build.repository
    ? await readMatches(build.repository, loaded.model.config)
    : undefined;
  const contracts = await contractsOf(build, loaded);
  const history = build.history
    ? await readHistory(build.history.source, {
        since: build.history.since,
        now: Math.floor(build.generatedAt.getTime() / 1000),
        model: loaded.model,
      })
    : undefined;
  const stamp: SiteStamp = {
    source: build.source,
    ...(build.commit ? { commit: build.commit } : {}),
    generatedAt: build.generatedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    version: VERSION,
  };
  // Opened only once the graph has loaded: a graph that does not load leaves the folder alone.
  const writer = openSiteWriter(build.outDir, build.shownOut, {
    protect: [resolve(build.cwd, build.deps), build.cwd],
  });
  try {
    const written = await writeSite(
      SITES[build.format]({
        model: loaded.model,
        stamp,
        maxRows: build.maxRows === 0 ? Number.MAX_SAFE_INTEGER : build.maxRows,
        today: utcDay(build.generatedAt),
        layout: dagreLayout(),
        ...(repository ? { repository } : {}),
        contracts,
        ...(history
          ? {
              history: {
                of: historyIndex(loaded.model, history.located),
                source: history.source,
              },
            }
          : {}),
      }),
      writer,
    );
    await writer.commit();
    return written;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Each node's contracts, with their status when the state could be read. */
async function contractsOf(build: DocsBuild, loaded: LoadedModel): Promise<ContractsInput> {
  const config = loaded.model.config;
  if (!build.contracts)
    return { of: contractsByNode(config), note: "Status not checked (--no-contracts)." };
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
        of: contractsByNode(config, read.matrix),
        note: `Status checked against ${where} when this page was generated.`,
      }
    : { of: contractsByNode(config), note: `Status not checked: ${read.why}.` };
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
  return `${written.pages.toLocaleString("en")} pages, ${written.files.toLocaleString("en")} files, ${mib(written.bytes)} (largest page ${written.largestPage.path}, ${kib(written.largestPage.bytes)})`;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
