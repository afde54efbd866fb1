import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { openSiteWriter } from "../adapters/fs/write-site.js";
import { commitOf, findRepoRoot, originRepo } from "../adapters/git/git.js";
import { dagreLayout } from "../adapters/layout/dagre-layout.js";
import { readRepositoryInventory } from "../app/docs/repository-inventory.js";
import { writeSite } from "../app/docs/write-docs.js";
import { loadModel } from "../app/load-model.js";
import { VERSION } from "../app/version.js";
import { utcDay } from "../core/config/waivers.js";
import type { SiteStamp } from "../core/docs/html/page-shell.js";
import { htmlSite } from "../core/docs/html-site.js";
import { matchedToday, type NodeMatches } from "../core/docs/matched-today.js";
import type { DepsConfig } from "../core/model.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { oneOf, wholeNumber } from "./options.js";

const FORMATS = ["html"] as const;

interface DocsFlags {
  deps: string;
  out: string;
  format: string;
  maxRows: string;
  scan: boolean;
  root?: string;
  exclude?: string[];
}

export function registerDocs(program: Command, io: Io, run: RunAction): void {
  program
    .command("docs")
    .description(
      "Write the graph as a static documentation site: a page per node and per owner, with what breaks with each.",
    )
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option(
      "--out <dir>",
      "the folder to write (replaced only if an earlier docs run wrote it)",
      "site",
    )
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "html")
    .option("--max-rows <n>", "rows kept of each table and its CSV/JSON export (0: all)", "500")
    .option(
      "--root <dir>",
      "the repository whose files the rules are matched in (default: the git repository holding the graph, else its folder)",
    )
    .option("--exclude <glob...>", "files or folders of the repository not to read (repeatable)")
    .option(
      "--no-scan",
      "do not read the repository: pages then do not show what rules match today",
    )
    .action((flags: DocsFlags) => run(() => docs(flags, io)));
}

async function docs(flags: DocsFlags, io: Io): Promise<number> {
  oneOf("--format", flags.format, FORMATS);
  const maxRows = wholeNumber("--max-rows", flags.maxRows) ?? 500;
  const loaded = loadModel(flags.deps);
  const now = buildTime(io);
  const stamp: SiteStamp = {
    source: flags.deps,
    ...commitOfGraph(flags.deps, io.cwd),
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    version: VERSION,
  };
  const repository = flags.scan
    ? await readRepository(flags, io.cwd, loaded.model.config)
    : undefined;
  const writer = openSiteWriter(resolve(io.cwd, flags.out), flags.out);
  let written: ReturnType<typeof writeSite>;
  try {
    written = writeSite(
      htmlSite({
        model: loaded.model,
        stamp,
        maxRows: maxRows === 0 ? Number.MAX_SAFE_INTEGER : maxRows,
        today: utcDay(now),
        layout: dagreLayout(),
        ...(repository ? { repository } : {}),
      }),
      writer,
    );
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
  io.stdout(
    `${flags.out}: ${written.pages.toLocaleString("en")} pages, ${written.files.toLocaleString("en")} files, ${mib(written.bytes)} (largest page ${written.largestPage.path}, ${kib(written.largestPage.bytes)}). Open ${shownIndex(io.cwd, flags.out)}.\n`,
  );
  return EXIT_OK;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * The time the site says it was generated: now, or SOURCE_DATE_EPOCH when set, so that the
 * same commit builds the same site byte for byte (reproducible-builds.org).
 */
function buildTime(io: Io): Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

/** The commit the graph's repository is at, when it is in one that has a commit. */
function commitOfGraph(deps: string, cwd: string): { commit?: string } {
  const root = findRepoRoot(dirname(resolve(cwd, deps)));
  if (!root) return {};
  try {
    return { commit: commitOf(root, "HEAD") };
  } catch {
    return {};
  }
}

/** Where the index is, as the user would type it: relative below here, else absolute. */
function shownIndex(cwd: string, out: string): string {
  const index = resolve(cwd, out, "index.html");
  const shown = relative(cwd, index);
  return shown.startsWith("..") ? index : shown;
}

/** What each node's rules match in the repository today. */
async function readRepository(
  flags: DocsFlags,
  cwd: string,
  config: DepsConfig,
): Promise<{ name?: string; matches: ReadonlyMap<string, NodeMatches> }> {
  const depsFolder = dirname(resolve(cwd, flags.deps));
  const root =
    flags.root !== undefined ? resolve(cwd, flags.root) : (findRepoRoot(depsFolder) ?? depsFolder);
  const inventory = await readRepositoryInventory(root, { exclude: flags.exclude ?? [] });
  const gitRoot = findRepoRoot(root);
  const name = gitRoot ? originRepo(gitRoot) : undefined;
  return {
    ...(name ? { name } : {}),
    matches: matchedToday(config, inventory, name ? { repo: name } : {}),
  };
}
