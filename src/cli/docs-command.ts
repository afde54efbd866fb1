import type { Command } from "commander";
import { DEFAULT_MAX_ROWS, DOCS_FORMATS } from "../app/docs/docs-options.js";
import type { DocsFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";

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
    .action((flags: DocsFlags) => run((c) => c.docs(flags, io)));
}
