import type { Command } from "commander";
import type { GraphFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";
import { NO_CACHE_HELP } from "./options.js";

export function registerGraph(program: Command, io: Io, run: RunAction): void {
  program
    .command("graph")
    .description("Export the graph, or one node's neighbourhood, as mermaid, dot or JSON.")
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--no-cache", NO_CACHE_HELP)
    .option("--format <format>", "mermaid, dot or json", "mermaid")
    .option("--around <node>", "only this node and its neighbours")
    .option("--depth <n>", "with --around: how many edges out, both ways", "2")
    .action((flags: GraphFlags) => run((c) => c.graph(flags, io)));
}
