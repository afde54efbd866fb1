// Who is next to whom in the compact graph, both ways. Edges are stored on the node depended
// on (its dependents, "down"); the reverse rows ("up") are built once per graph on first use.
// Every traversal reads adjacency through these, so the two directions cannot drift apart.

import type { CompactGraph } from "./compact-graph.js";

/** "down": towards dependents (what a change reaches); "up": towards dependencies. */
export type Direction = "down" | "up";

/** Incoming edges of each node in compressed rows: the edges into node i are edges[offsets[i]…]. */
export interface IncomingEdges {
  readonly offsets: Int32Array;
  /** Edge positions (into targets, sources, via …), in the order of the rows they leave. */
  readonly edges: Int32Array;
}

const incoming = new WeakMap<CompactGraph, IncomingEdges>();

/** The reverse rows of the graph, built on first use and kept with it. */
export function incomingEdges(graph: CompactGraph): IncomingEdges {
  let found = incoming.get(graph);
  if (found) return found;
  const n = graph.ids.length;
  const m = graph.targets.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) (offsets[(graph.targets[e] as number) + 1] as number)++;
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const edges = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const t = graph.targets[e] as number;
    edges[fill[t] as number] = e;
    fill[t] = (fill[t] as number) + 1;
  }
  found = { offsets, edges };
  incoming.set(graph, found);
  return found;
}

/** Calls `visit(neighbour, edge)` for each edge leaving `node` in `direction`, in row order. */
export function forEachNeighbour(
  graph: CompactGraph,
  node: number,
  direction: Direction,
  visit: (neighbour: number, edge: number) => void,
): void {
  if (direction === "down") {
    const end = graph.offsets[node + 1] as number;
    for (let e = graph.offsets[node] as number; e < end; e++) visit(graph.targets[e] as number, e);
    return;
  }
  const { offsets, edges } = incomingEdges(graph);
  const end = offsets[node + 1] as number;
  for (let i = offsets[node] as number; i < end; i++) {
    const e = edges[i] as number;
    visit(graph.sources[e] as number, e);
  }
}

/** The edges leaving `node` in `direction`, as [neighbour, edge] pairs. */
export function neighbours(
  graph: CompactGraph,
  node: number,
  direction: Direction,
): [number, number][] {
  const out: [number, number][] = [];
  forEachNeighbour(graph, node, direction, (next, e) => {
    out.push([next, e]);
  });
  return out;
}

/** How many edges leave `node` in `direction`. */
export function degree(graph: CompactGraph, node: number, direction: Direction): number {
  const offsets = direction === "down" ? graph.offsets : incomingEdges(graph).offsets;
  return (offsets[node + 1] as number) - (offsets[node] as number);
}
