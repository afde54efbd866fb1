// The hot-path form of the dependency graph: nodes numbered in declaration order and
// downstream edges in compressed sparse rows (typed arrays). Derived from the same
// config as the graphology graph; the blast radius and cycle search run on it because
// building graphology's object graph costs more than the whole analysis.

import type { ChangeClass, DepsConfig, Edge, GraphNode } from "../model.js";

export interface CompactGraph {
  readonly ids: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Edges leaving node i (to its dependents) are offsets[i] … offsets[i+1]-1. */
  readonly offsets: Int32Array;
  /** The dependent each edge leads to. */
  readonly targets: Int32Array;
  /** The node each edge leaves (its row). */
  readonly sources: Int32Array;
  /** The edge's `via`, as an index into `vias`. */
  readonly via: Int32Array;
  readonly vias: readonly string[];
  /** The edge's `breaks_on`, as an index into `breakSets`; -1 breaks on every class. */
  readonly breaks: Int32Array;
  readonly breakSets: readonly (readonly ChangeClass[])[];
  /** Each node's owner, as an index into `ownerIds`; -1 for none. */
  readonly ownerOf: Int32Array;
  readonly ownerIds: readonly string[];
  /** Each node's tier; -1 for none. */
  readonly tierOf: Int8Array;
  /** 1 for edges found in Terraform configuration rather than declared; absent when there are none. */
  readonly discovered?: Uint8Array;
}

/** Edges left out of the compact graph: to an unknown node, or to the node itself. */
export interface SkippedEdge {
  readonly edge: Edge;
  readonly reason: "unknown-node" | "self";
}

export function compactGraph(
  config: Pick<DepsConfig, "nodes">,
  skipped?: SkippedEdge[],
): CompactGraph {
  const ids: string[] = [];
  const nodes: GraphNode[] = [];
  const indexOf = new Map<string, number>();
  let declared = 0;
  for (const [id, node] of config.nodes) {
    indexOf.set(id, ids.length);
    ids.push(id);
    nodes.push(node);
    declared += node.dependsOn.length;
  }
  const n = ids.length;
  const ownerOf = new Int32Array(n).fill(-1);
  const tierOf = new Int8Array(n).fill(-1);
  const ownerIds: string[] = [];
  const ownerIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as GraphNode;
    if (node.tier !== undefined) tierOf[i] = node.tier;
    if (node.owner === undefined) continue;
    let o = ownerIndex.get(node.owner);
    if (o === undefined) {
      o = ownerIds.length;
      ownerIds.push(node.owner);
      ownerIndex.set(node.owner, o);
    }
    ownerOf[i] = o;
  }
  // Resolve every edge once; edges are declared on the dependent, stored on the dependency.
  const edgeFrom = new Int32Array(declared);
  const edgeTo = new Int32Array(declared);
  const edgeVia = new Int32Array(declared);
  const edgeBreaks = new Int32Array(declared);
  const degree = new Int32Array(n);
  const vias: string[] = [];
  const viaIndex = new Map<string, number>();
  const breakSets: (readonly ChangeClass[])[] = [];
  const breakIndex = new Map<string, number>();
  // Most edges repeat the previous edge's via and breaks_on: compare before hashing.
  let lastVia = "";
  let lastViaIndex = -1;
  let lastBreaks: readonly ChangeClass[] | undefined;
  let lastBreaksIndex = -1;
  let edgeDiscovered: Uint8Array | undefined;
  let m = 0;
  for (let from = 0; from < n; from++) {
    for (const edge of (nodes[from] as GraphNode).dependsOn) {
      const to = indexOf.get(edge.to);
      if (to === undefined || to === from) {
        skipped?.push({ edge, reason: to === undefined ? "unknown-node" : "self" });
        continue;
      }
      edgeFrom[m] = from;
      edgeTo[m] = to;
      degree[to] = (degree[to] as number) + 1;
      if (edge.via !== lastVia) {
        let v = viaIndex.get(edge.via);
        if (v === undefined) {
          v = vias.length;
          vias.push(edge.via);
          viaIndex.set(edge.via, v);
        }
        lastVia = edge.via;
        lastViaIndex = v;
      }
      edgeVia[m] = lastViaIndex;
      if (edge.discovered) {
        edgeDiscovered ??= new Uint8Array(declared);
        edgeDiscovered[m] = 1;
      }
      const breaksOn = edge.breaksOn;
      if (breaksOn === undefined) edgeBreaks[m] = -1;
      else {
        if (breaksOn !== lastBreaks) {
          const key = breaksOn.join("\u0000");
          let b = breakIndex.get(key);
          if (b === undefined) {
            b = breakSets.length;
            breakSets.push(breaksOn);
            breakIndex.set(key, b);
          }
          lastBreaks = breaksOn;
          lastBreaksIndex = b;
        }
        edgeBreaks[m] = lastBreaksIndex;
      }
      m++;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (degree[i] as number);
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(m);
  const sources = new Int32Array(m);
  for (let i = 0; i < n; i++) sources.fill(i, offsets[i] as number, offsets[i + 1] as number);
  const via = new Int32Array(m);
  const breaks = new Int32Array(m);
  let discovered: Uint8Array | undefined;
  // In declaration order, so each row lists dependents as deps.yaml declares them.
  for (let e = 0; e < m; e++) {
    const to = edgeTo[e] as number;
    const slot = cursor[to] as number;
    cursor[to] = slot + 1;
    targets[slot] = edgeFrom[e] as number;
    via[slot] = edgeVia[e] as number;
    breaks[slot] = edgeBreaks[e] as number;
    if (edgeDiscovered?.[e]) {
      discovered ??= new Uint8Array(m);
      discovered[slot] = 1;
    }
  }
  return {
    ids,
    nodes,
    indexOf,
    offsets,
    targets,
    sources,
    via,
    vias,
    breaks,
    breakSets,
    ownerOf,
    ownerIds,
    tierOf,
    ...(discovered ? { discovered } : {}),
  };
}
