import type { DepGraph } from "./dep-graph.js";

/** The nodes of `graph` in `keep` and the edges between them, in the graph's own order. */
export function inducedSubgraph(graph: DepGraph, keep: ReadonlySet<string>): DepGraph {
  const sub = graph.nullCopy();
  graph.forEachNode((node, attributes) => {
    if (keep.has(node)) sub.addNode(node, attributes);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (keep.has(source) && keep.has(target))
      sub.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  return sub;
}
