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

/**
 * The rows of one direction, for loops over typed arrays: the edges leaving node i are rows
 * offsets[i] … offsets[i+1]-1, row r is edge `edges ? edges[r] : r`, and it leads to
 * ends[edge]. Downstream the rows are the edges themselves; upstream, the reverse rows.
 */
export interface DirectedRows {
  readonly offsets: Int32Array;
  readonly edges: Int32Array | undefined;
  readonly ends: Int32Array;
}

export function directedRows(graph: CompactGraph, direction: Direction): DirectedRows {
  if (direction === "down")
    return { offsets: graph.offsets, edges: undefined, ends: graph.targets };
  const { offsets, edges } = incomingEdges(graph);
  return { offsets, edges, ends: graph.sources };
}

/** Calls `visit(neighbour, edge)` for each edge leaving `node` in `direction`, in row order. */
export function forEachNeighbour(
  graph: CompactGraph,
  node: number,
  direction: Direction,
  visit: (neighbour: number, edge: number) => void,
): void {
  const { offsets, edges, ends } = directedRows(graph, direction);
  const end = offsets[node + 1] as number;
  for (let r = offsets[node] as number; r < end; r++) {
    const e = edges ? (edges[r] as number) : r;
    visit(ends[e] as number, e);
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
  const { offsets } = directedRows(graph, direction);
  return (offsets[node + 1] as number) - (offsets[node] as number);
}
