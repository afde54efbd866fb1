import type { Command } from "commander";
import { closest } from "../core/config/did-you-mean.js";
import { NodeNotFoundError } from "../core/errors.js";
import { inducedSubgraph } from "../core/graph/induced-subgraph.js";
import { neighbourhood } from "../core/graph/neighbourhood.js";
import { renderGraph } from "../core/render/render-graph.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { loadDepsFor, NO_CACHE_HELP } from "./graph-cache-option.js";
import { oneOf, wholeNumber } from "./options.js";

interface GraphFlags {
  deps: string;
  cache?: boolean;
  format: string;
  around?: string;
  depth: string;
}

export function registerGraph(program: Command, io: Io, run: RunAction): void {
  program
    .command("graph")
    .description("Export the graph, or one node's neighbourhood, as mermaid, dot or JSON.")
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--no-cache", NO_CACHE_HELP)
    .option("--format <format>", "mermaid, dot or json", "mermaid")
    .option("--around <node>", "only this node and its neighbours")
    .option("--depth <n>", "with --around: how many edges out, both ways", "2")
    .action((flags: GraphFlags) => run(() => graph(flags, io)));
}

function graph(flags: GraphFlags, io: Io): number {
  const format = oneOf("--format", flags.format, ["mermaid", "dot", "json"] as const);
  const depth = wholeNumber("--depth", flags.depth, 0) ?? 2;
  const { model } = loadDepsFor(flags, io);
  let subject = model.graph;
  if (flags.around !== undefined) {
    const { compact } = model;
    const center = compact.indexOf.get(flags.around);
    if (center === undefined) {
      throw new NodeNotFoundError(flags.around, closest(flags.around, compact.ids));
    }
    const around = neighbourhood(compact, center, depth).map((i) => compact.ids[i] as string);
    subject = inducedSubgraph(subject, new Set(around));
  }
  io.stdout(renderGraph(subject, format));
  return EXIT_OK;
}
