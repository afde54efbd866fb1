import Graph from "graphology";
import type { DepsConfig } from "../model.js";
import type { DepGraph } from "./dep-graph.js";

/**
 * Builds the dependency graph. Edges that point at unknown nodes, self-edges and
 * duplicate edges are left out: validation reports them, the graph stays usable.
 */
export function buildGraph(config: Pick<DepsConfig, "nodes">): DepGraph {
  const graph: DepGraph = new Graph.DirectedGraph({ allowSelfLoops: false });
  for (const [id, node] of config.nodes) graph.addNode(id, node);
  for (const node of config.nodes.values()) {
    for (const edge of node.dependsOn) {
      if (edge.to === edge.from || !graph.hasNode(edge.to)) continue;
      if (graph.hasDirectedEdge(edge.to, edge.from)) continue;
      graph.addDirectedEdge(edge.to, edge.from, edge);
    }
  }
  return graph;
}
