import { type Direction, forEachNeighbour } from "./adjacency.js";
import type { CompactGraph } from "./compact-graph.js";

/** A walk from one node to another: nodes[i] to nodes[i+1] by edges[i]. */
export interface GraphPath {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
}

export interface ShortestPaths {
  readonly paths: readonly GraphPath[];
  /** More shortest paths exist than are listed. */
  readonly more: boolean;
}

/**
 * Every shortest path from `from` to `to` following edges in `direction`, at most `max` of
 * them, or undefined when `to` cannot be reached. A breadth-first search stops at `to`'s
 * level; the paths are read back through every parent on that level.
 */
export function shortestPaths(
  graph: CompactGraph,
  from: number,
  to: number,
  direction: Direction,
  max = Number.POSITIVE_INFINITY,
): ShortestPaths | undefined {
  const n = graph.ids.length;
  if (!(from >= 0 && from < n && to >= 0 && to < n)) return undefined;
  if (from === to) return { paths: [{ nodes: [from], edges: [] }], more: false };
  const depth = new Int32Array(n).fill(-1);
  const parents = new Map<number, [number, number][]>();
  depth[from] = 0;
  let frontier = [from];
  while (frontier.length > 0 && depth[to] === -1) {
    const next: number[] = [];
    for (const node of frontier) {
      const d = (depth[node] as number) + 1;
      forEachNeighbour(graph, node, direction, (m, e) => {
        if (depth[m] === -1) {
          depth[m] = d;
          next.push(m);
        }
        if (depth[m] === d) {
          const list = parents.get(m);
          if (list) list.push([node, e]);
          else parents.set(m, [[node, e]]);
        }
      });
    }
    frontier = next;
  }
  if (depth[to] === -1) return undefined;
  const paths: GraphPath[] = [];
  let more = false;
  const back = (node: number, nodes: number[], edges: number[]) => {
    if (paths.length >= max) {
      more = true;
      return;
    }
    if (node === from) {
      paths.push({ nodes: [from, ...nodes], edges });
      return;
    }
    for (const [parent, e] of parents.get(node) ?? [])
      back(parent, [node, ...nodes], [e, ...edges]);
  };
  back(to, [], []);
  return { paths, more };
}
