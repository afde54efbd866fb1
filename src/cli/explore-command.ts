import type { Command } from "commander";
import type { ExploreFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";
import { NO_CACHE_HELP } from "./options.js";

export function registerExplore(program: Command, io: Io, run: RunAction): void {
  program
    .command("explore")
    .description(
      "Explore the graph in the terminal: search, trees, what-if, paths, recent upstream changes.",
    )
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--no-cache", NO_CACHE_HELP)
    .option("--node <id>", "start on this node")
    .option("--days <n>", "how far back recent upstream changes go", "7")
    .action((flags: ExploreFlags) => run((c) => c.explore(flags, io)));
}
