// Downstream (dependents) and upstream (dependencies) of a node as trees cut at a depth, with
// cycles marked instead of followed.

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

/** Upstream edges (dependency -> dependent reversed), built once per graph. */
const reverse = new WeakMap<CompactGraph, { offsets: Int32Array; edges: Int32Array }>();

function upstreamOf(graph: CompactGraph) {
  let index = reverse.get(graph);
  if (!index) {
    const n = graph.ids.length;
    const degree = new Int32Array(n + 1);
    for (const t of graph.targets) degree[t + 1] = (degree[t + 1] as number) + 1;
    for (let i = 0; i < n; i++) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
    const cursor = degree.slice(0, n);
    const edges = new Int32Array(graph.targets.length);
    for (let e = 0; e < graph.targets.length; e++) {
      const t = graph.targets[e] as number;
      edges[(cursor[t] as number)++] = e;
    }
    index = { offsets: degree, edges };
    reverse.set(graph, index);
  }
  return index;
}

/** Edges leaving a node in one direction: [neighbour, edge] pairs. */
export function neighbours(
  graph: CompactGraph,
  node: number,
  direction: "down" | "up",
): [number, number][] {
  const out: [number, number][] = [];
  if (direction === "down") {
    for (let e = graph.offsets[node] as number; e < (graph.offsets[node + 1] as number); e++)
      out.push([graph.targets[e] as number, e]);
  } else {
    const up = upstreamOf(graph);
    for (let i = up.offsets[node] as number; i < (up.offsets[node + 1] as number); i++) {
      const e = up.edges[i] as number;
      out.push([graph.sources[e] as number, e]);
    }
  }
  return out;
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
      const children = cycle ? 0 : neighbours(graph, next, direction).length;
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
