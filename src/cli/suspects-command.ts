import type { Command } from "commander";
import { findRepoRoot } from "../adapters/git/git.js";
import { type History, readHistory } from "../app/read-history.js";
import { closest } from "../core/config/did-you-mean.js";
import { InputError, NodeNotFoundError } from "../core/errors.js";
import { upstreamChangesFrom } from "../core/explore/recent-changes.js";
import {
  renderSuspectsJson,
  renderSuspectsMarkdown,
  renderSuspectsText,
  type SuspectsReport,
} from "../core/render/render-suspects.js";
import { parseSince } from "../core/since.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { githubToken, openGitHub } from "./github.js";
import { loadDepsFor, NO_CACHE_HELP } from "./graph-cache-option.js";
import { oneOf } from "./options.js";

const FORMATS = ["text", "markdown", "json"] as const;

interface SuspectsFlags {
  deps: string;
  cache?: boolean;
  since: string;
  git?: boolean;
  repo?: string[];
  apiUrl?: string;
  format: string;
}

export function registerSuspects(program: Command, io: Io, run: RunAction): void {
  program
    .command("suspects")
    .argument("<node>", "the node that is broken")
    .description("Recent changes to a node or anything upstream of it, nearest first, then newest.")
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--no-cache", NO_CACHE_HELP)
    .option("--since <when>", "how far back: 24h, 7d, 2w, or a date", "24h")
    .option("--git", "read commits from the local repository (the default)")
    .option(
      "--repo <owner/repo...>",
      "read pull requests merged in these repositories instead (token from GITHUB_TOKEN)",
    )
    .option(
      "--api-url <url>",
      "the GitHub API (default: GITHUB_API_URL, else https://api.github.com)",
    )
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "text")
    .action((node: string, flags: SuspectsFlags) => run(() => suspects(node, flags, io)));
}

async function suspects(node: string, flags: SuspectsFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, FORMATS);
  const now = Math.floor(Date.now() / 1000);
  const since = parseSince(flags.since, now);
  const { model } = loadDepsFor(flags, io);
  if (!model.config.nodes.has(node))
    throw new NodeNotFoundError(node, closest(node, model.config.nodes.keys()));
  let history: History;
  if (flags.repo?.length && !flags.git) {
    const token = githubToken(io, "or use --git to read the local history");
    const port = await openGitHub(io, token, flags.apiUrl);
    history = await readHistory({ repos: flags.repo, port }, { since, now, model });
  } else {
    const root = findRepoRoot(io.cwd);
    if (!root) {
      throw new InputError(
        `${io.cwd} is not inside a git repository`,
        "run suspects inside the repository whose changes you want to see, or give --repo",
      );
    }
    history = await readHistory({ git: root }, { since, now, model });
  }
  const report: SuspectsReport = {
    node,
    since,
    source: history.origin,
    suspects: upstreamChangesFrom(model, node, history.located),
  };
  if (format === "json") io.stdout(renderSuspectsJson(report));
  else if (format === "markdown") io.stdout(renderSuspectsMarkdown(report));
  else io.stdout(renderSuspectsText(report));
  return EXIT_OK;
}
