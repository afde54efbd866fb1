import type { Command } from "commander";
import { REPORT_FORMATS, type ReportFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";
import { NO_CACHE_HELP } from "./options.js";

export function registerReport(program: Command, io: Io, run: RunAction): void {
  program
    .command("report")
    .description(
      "The blast radius of every change in a window: per owner, hotspots, graph health, trend.",
    )
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--no-cache", NO_CACHE_HELP)
    .option("--since <when>", "the window: 7d, 2w, 30d …", "7d")
    .option("--from <date>", "the window's start (with --to), e.g. 2026-11-01")
    .option("--to <date>", "the window's end")
    .option("--git", "read the changes from the local repository's history (the default)")
    .option("--format <format>", `output: ${REPORT_FORMATS.join(", ")}`, "markdown")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--force", "with --out: replace an existing file")
    .option(
      "--repo <owner/repo...>",
      "read pull requests merged in these repositories (GitHub; token from GITHUB_TOKEN)",
    )
    .option("--post-issue", "create or update this week's report issue in the first --repo")
    .option(
      "--api-url <url>",
      "the GitHub API (default: GITHUB_API_URL, else https://api.github.com)",
    )
    .action((flags: ReportFlags) => run((c) => c.report(flags, io)));
}
