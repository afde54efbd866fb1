// Downstream (dependents) and upstream (dependencies) of a node as trees cut at a depth, with
// cycles marked instead of followed.

import { degree, neighbours } from "../graph/adjacency.js";
import type { CompactGraph } from "../graph/compact-graph.js";

export interface TreeLine {
  readonly id: string;
  readonly via: string;
  readonly depth: number;
  /** The node is already on the path from the root: not expanded again. */
  readonly cycle: boolean;
  /** It has children beyond the depth shown. */
  readonly more: number;
}

/** The tree under `root` to `depth` levels, depth-first, at most `limit` lines. */
export function treeOf(
  graph: CompactGraph,
  root: string,
  direction: "down" | "up",
  depth: number,
  limit = 2000,
): TreeLine[] {
  const start = graph.indexOf.get(root);
  if (start === undefined) return [];
  const lines: TreeLine[] = [];
  const onPath = new Set<number>([start]);
  const walk = (node: number, level: number) => {
    for (const [next, e] of neighbours(graph, node, direction)) {
      if (lines.length >= limit) return;
      const cycle = onPath.has(next);
      const children = cycle ? 0 : degree(graph, next, direction);
      const expand = !cycle && level < depth;
      lines.push({
        id: graph.ids[next] as string,
        via: graph.vias[graph.via[e] as number] as string,
        depth: level,
        cycle,
        more: expand ? 0 : children,
      });
      if (expand) {
        onPath.add(next);
        walk(next, level + 1);
        onPath.delete(next);
      }
    }
  };
  walk(start, 1);
  return lines;
}
