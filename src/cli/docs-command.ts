import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { findRepoRoot } from "../adapters/git/git.js";
import {
  buildDocs,
  buildTime,
  DEFAULT_MAX_ROWS,
  DOCS_FORMATS,
  describeWritten,
  graphCommit,
  graphRepository,
} from "../app/docs/build-docs.js";
import type { HistorySource } from "../app/read-history.js";
import { InputError } from "../core/errors.js";
import { parseSince } from "../core/since.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { githubToken, openGitHub } from "./github.js";
import { oneOf, wholeNumber } from "./options.js";

interface DocsFlags {
  deps: string;
  out: string;
  format: string;
  maxRows: string;
  threads?: string;
  scan: boolean;
  root?: string;
  exclude?: string[];
  contracts: boolean;
  plan?: string;
  git?: boolean;
  repo?: string[];
  since: string;
  apiUrl?: string;
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
    .option("--format <format>", `output: ${DOCS_FORMATS.join(", ")}`, "html")
    .option(
      "--max-rows <n>",
      "rows kept of each table and its CSV/JSON export (0: all)",
      String(DEFAULT_MAX_ROWS),
    )
    .option(
      "--root <dir>",
      "the repository whose files the rules are matched in (default: the git repository holding the graph, else its folder)",
    )
    .option("--exclude <glob...>", "files or folders of the repository not to read (repeatable)")
    .option("--no-scan", "do not read the repository: pages then do not say what rules match today")
    .option(
      "--plan <file>",
      "check the contracts against the state this Terraform plan leaves (default: the repository at HEAD)",
    )
    .option("--no-contracts", "do not check the contracts: pages list them as not checked")
    .option("--git", "list each node's recent upstream changes from the local git history")
    .option(
      "--repo <owner/repo...>",
      "list each node's recent upstream changes from pull requests merged in these repositories (token from GITHUB_TOKEN)",
    )
    .option("--since <when>", "how far back recent changes go: 24h, 7d, 2w, or a date", "7d")
    .option(
      "--api-url <url>",
      "the GitHub API for --repo (default: GITHUB_API_URL, else https://api.github.com)",
    )
    .option(
      "--threads <n>",
      "threads that make the owner and node pages: at most 8, and no more than there are pages to share (default: one per core on a graph of 2,000 nodes or more; 1: this thread only)",
    )
    .action((flags: DocsFlags) => run(() => docs(flags, io)));
}

async function docs(flags: DocsFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, DOCS_FORMATS);
  const maxRows = wholeNumber("--max-rows", flags.maxRows) ?? DEFAULT_MAX_ROWS;
  const threads = wholeNumber("--threads", flags.threads, 1);
  const commit = graphCommit(flags.deps, io.cwd);
  const now = buildTime(io.env.SOURCE_DATE_EPOCH, new Date());
  const written = await buildDocs({
    deps: flags.deps,
    source: flags.deps,
    outDir: resolve(io.cwd, flags.out),
    shownOut: flags.out,
    format,
    maxRows,
    ...(threads !== undefined ? { threads } : {}),
    generatedAt: now,
    ...(commit ? { commit } : {}),
    cwd: io.cwd,
    contracts: flags.contracts && (flags.plan !== undefined ? { planFile: flags.plan } : {}),
    ...(await historyOf(flags, io, now)),
    repository: flags.scan && {
      root:
        flags.root !== undefined
          ? resolve(io.cwd, flags.root)
          : graphRepository(flags.deps, io.cwd),
      exclude: flags.exclude ?? [],
    },
  });
  const next =
    format === "markdown"
      ? `Build it with mkdocs or Backstage TechDocs from ${shownPath(io.cwd, flags.out, "mkdocs.yml")}`
      : `Open ${shownPath(io.cwd, flags.out, "index.html")}`;
  io.stdout(`${flags.out}: ${describeWritten(written)}. ${next}.\n`);
  return EXIT_OK;
}

/** A file of the site, as the user would type it: relative below here, else absolute. */
function shownPath(cwd: string, out: string, file: string): string {
  const index = resolve(cwd, out, file);
  const shown = relative(cwd, index);
  return shown.startsWith("..") ? index : shown;
}

/** Where recent changes come from: the local history (--git) or merged pull requests (--repo). */
async function historyOf(
  flags: DocsFlags,
  io: Io,
  now: Date,
): Promise<{ history?: { source: HistorySource; since: number } }> {
  // Read whether or not there is a history to read: a window that makes no sense is said.
  const since = parseSince(flags.since, Math.floor(now.getTime() / 1000));
  if (!flags.git && !flags.repo?.length) return {};
  if (flags.git && flags.repo?.length)
    throw new InputError(
      "give one history: --git (the local repository) or --repo OWNER/NAME (merged pull requests)",
      "drop one of them",
    );
  if (flags.repo?.length) {
    const token = githubToken(io, "or use --git to read the local history");
    return {
      history: {
        source: { repos: flags.repo, port: await openGitHub(io, token, flags.apiUrl) },
        since,
      },
    };
  }
  const root = findRepoRoot(dirname(resolve(io.cwd, flags.deps)));
  if (!root)
    throw new InputError(
      `${flags.deps} is not inside a git repository, so --git has no history to read`,
      "run docs inside the repository, give --repo OWNER/NAME, or drop --git",
    );
  return { history: { source: { git: root }, since } };
}
