import type { DepGraph } from "./dep-graph.js";

/** The subgraph of nodes within `depth` edges of `center`, upstream and downstream. */
export function neighbourhood(graph: DepGraph, center: string, depth: number): DepGraph {
  const keep = new Set([center]);
  for (const direction of ["out", "in"] as const) {
    let frontier = [center];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const node of frontier) {
        const neighbours = direction === "out" ? graph.outNeighbors(node) : graph.inNeighbors(node);
        for (const neighbour of neighbours) {
          if (!keep.has(neighbour)) {
            keep.add(neighbour);
            next.push(neighbour);
          }
        }
      }
      frontier = next;
    }
  }
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
