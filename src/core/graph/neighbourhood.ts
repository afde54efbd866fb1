import type { CompactGraph } from "./compact-graph.js";
import { reachable } from "./reachable.js";

/**
 * The nodes within `hops` edges of `center`, downstream or upstream: the center, then the
 * ones downstream, then the ones only upstream, each part in breadth-first order.
 */
export function neighbourhood(graph: CompactGraph, center: number, hops: number): number[] {
  const keep = new Set<number>();
  for (const direction of ["down", "up"] as const) {
    for (const node of reachable(graph, [center], { direction, maxDepth: hops }).nodes)
      keep.add(node);
  }
  return [...keep];
}
