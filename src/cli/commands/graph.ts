// `blastradius graph`: what it does once its flags are read (graph-command.ts declares them).

import { closest } from "../../core/config/did-you-mean.js";
import { NodeNotFoundError } from "../../core/errors.js";
import { inducedSubgraph } from "../../core/graph/induced-subgraph.js";
import { neighbourhood } from "../../core/graph/neighbourhood.js";
import { renderGraph } from "../../core/render/render-graph.js";
import type { GraphFlags } from "../command-flags.js";
import { EXIT_OK, type Io } from "../exit.js";
import { loadDepsFor } from "../graph-cache-option.js";
import { oneOf, wholeNumber } from "../options.js";

export function graph(flags: GraphFlags, io: Io): number {
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
