import type { Command } from "commander";
import { SUSPECTS_FORMATS, type SuspectsFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";
import { NO_CACHE_HELP } from "./options.js";

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
    .option("--format <format>", `output: ${SUSPECTS_FORMATS.join(", ")}`, "text")
    .action((node: string, flags: SuspectsFlags) => run((c) => c.suspects(node, flags, io)));
}
