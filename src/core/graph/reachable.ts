import { type Direction, directedRows } from "./adjacency.js";
import type { CompactGraph } from "./compact-graph.js";
import { type Stamped, stampedScratch } from "./stamped-scratch.js";

export interface ReachOptions {
  /** "down" (the default) follows edges to dependents, "up" to dependencies. */
  readonly direction?: Direction;
  /** Follow at most this many edges from a start; unbounded when absent. */
  readonly maxDepth?: number;
  /**
   * Hand back only the first this many nodes (the walk still goes everywhere, and `count` says
   * how far): a docs page lists the nearest fifty of thousands.
   */
  readonly keep?: number;
}

/** What a breadth-first walk reached, the starts first. */
export interface Reached {
  /** In breadth-first order: by distance, then by the order rows list them. */
  readonly nodes: Int32Array;
  /** The distance of nodes[i] from the nearest start, in edges. */
  readonly depths: Int32Array;
  /** The edge nodes[i] was first reached by (a shortest path's last edge); -1 for a start. */
  readonly edges: Int32Array;
  /** Every node reached, the starts included, whether or not `keep` cut the arrays. */
  readonly count: number;
}

interface Scratch extends Stamped {
  readonly seen: Int32Array;
  readonly queue: Int32Array;
  readonly depth: Int32Array;
  readonly edge: Int32Array;
}

const scratches = new WeakMap<CompactGraph, Scratch>();

/**
 * Every node within `maxDepth` edges of the starts, in one direction, with its distance.
 * Starts outside the graph or repeated are ignored.
 */
export function reachable(
  graph: CompactGraph,
  starts: Iterable<number>,
  options: ReachOptions = {},
): Reached {
  const direction = options.direction ?? "down";
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const n = graph.ids.length;
  const scratch = stampedScratch(scratches, graph, (size) => ({
    seen: new Int32Array(size),
    queue: new Int32Array(size),
    depth: new Int32Array(size),
    edge: new Int32Array(size),
    stamp: 0,
  }));
  const stamp = ++scratch.stamp;
  const { seen, queue, depth, edge } = scratch;
  let tail = 0;
  for (const start of starts) {
    if (!(start >= 0 && start < n) || seen[start] === stamp) continue;
    seen[start] = stamp;
    queue[tail] = start;
    edge[tail] = -1;
    depth[tail++] = 0;
  }
  // Loops over the rows, not a callback per edge: a docs site walks up from every node.
  const { offsets, edges: rowEdges, ends } = directedRows(graph, direction);
  for (let head = 0; head < tail; head++) {
    const d = depth[head] as number;
    if (d >= maxDepth) continue;
    const node = queue[head] as number;
    const end = offsets[node + 1] as number;
    for (let i = offsets[node] as number; i < end; i++) {
      const e = rowEdges ? (rowEdges[i] as number) : i;
      const next = ends[e] as number;
      if (seen[next] === stamp) continue;
      seen[next] = stamp;
      queue[tail] = next;
      edge[tail] = e;
      depth[tail++] = d + 1;
    }
  }
  const kept = Math.min(tail, options.keep ?? tail);
  return {
    nodes: queue.slice(0, kept),
    depths: depth.slice(0, kept),
    edges: edge.slice(0, kept),
    count: tail,
  };
}
