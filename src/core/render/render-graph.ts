// The graph (or one node's neighbourhood) as mermaid, Graphviz dot or JSON.

import type { DepGraph } from "../graph/dep-graph.js";
import { mermaidLabel } from "./render-mermaid.js";
import { inertJsonText, terminalText } from "./terminal-escape.js";

export type GraphFormat = "mermaid" | "dot" | "json";

export function renderGraph(graph: DepGraph, format: GraphFormat): string {
  switch (format) {
    case "mermaid":
      return graphMermaid(graph);
    case "dot":
      return graphDot(graph);
    case "json":
      return `${inertJsonText(JSON.stringify(graphJson(graph), null, 2))}\n`;
  }
}

function graphMermaid(graph: DepGraph): string {
  const ids = new Map<string, string>();
  const lines = ["flowchart LR"];
  graph.forEachNode((node) => {
    const id = `n${ids.size}`;
    ids.set(node, id);
    lines.push(`  ${id}[${mermaidLabel(node)}]`);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    lines.push(`  ${ids.get(source)} -->|${mermaidLabel(attributes.via)}| ${ids.get(target)}`);
  });
  return `${lines.join("\n")}\n`;
}

/** A dot string of one or more lines; a line break inside a foreign value is flattened. */
function dotString(...lines: string[]): string {
  const escaped = lines.map((line) =>
    terminalText(line).replace(/\\/g, "\\\\").replace(/"/g, '\\"'),
  );
  return `"${escaped.join("\\n")}"`;
}

function graphDot(graph: DepGraph): string {
  const lines = ["digraph blastradius {", "  rankdir=LR;", "  node [shape=box];"];
  graph.forEachNode((node, attributes) => {
    lines.push(`  ${dotString(node)} [label=${dotString(node, attributes.kind)}];`);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    lines.push(
      `  ${dotString(source)} -> ${dotString(target)} [label=${dotString(attributes.via)}];`,
    );
  });
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Edges read "dependent depends on dependency", as in deps.yaml. */
export function graphJson(graph: DepGraph) {
  return {
    nodes: graph.mapNodes((id, a) => ({
      id,
      kind: a.kind,
      owner: a.owner ?? null,
      tier: a.tier ?? null,
      description: a.description ?? null,
    })),
    edges: graph.mapEdges((_edge, a) => ({
      from: a.from,
      to: a.to,
      via: a.via,
      breaksOn: a.breaksOn ?? null,
    })),
  };
}
