// Which nodes and edges a node's page draws: the node, what it depends on (left) and what
// depends on it (right), one hop each way, and a second hop where a side is a chain and the
// picture stays small. Columns are capped and the rest folded into one "+N more" box, so a
// hub's picture is as readable as a leaf's. The choices also keep the number of distinct
// shapes small (about 150 on a generated 10,000-node organisation), which is what the layout
// is memoised by: see CONTRIBUTING "Docs pictures".

import { degree, forEachNeighbour } from "../graph/adjacency.js";
import type { CompactGraph } from "../graph/compact-graph.js";

export type PictureRole = "centre" | "up" | "down" | "more";

export interface PictureNode {
  /** n0, n1 …: the node's place in `Picture.nodes`, also its mermaid key. */
  readonly key: string;
  /** The graph node; absent on a "+N more" box. */
  readonly id?: string;
  readonly label: string;
  readonly kind?: string;
  readonly role: PictureRole;
  /** 0 for the centre, 1 or 2 for its neighbours; a "more" box has the hop of its column. */
  readonly hop: number;
  /** How many nodes a "more" box stands for. */
  readonly more?: number;
}

/** From the dependency to the dependent: arrows point downstream, the way breakage travels. */
export interface PictureEdge {
  /** Index into `Picture.nodes`. */
  readonly from: number;
  readonly to: number;
  /** The edge's `via`; several, joined, when one node depends on the other more than once. */
  readonly label: string;
}

export interface Picture {
  readonly nodes: readonly PictureNode[];
  readonly edges: readonly PictureEdge[];
}

export interface PictureOptions {
  /** Boxes in one column, a "+N more" box included (default 8). */
  readonly maxPerColumn?: number;
  /** A second hop is drawn only while the whole picture has at most this many boxes (8). */
  readonly maxNodes?: number;
}

/**
 * The picture of `id`'s neighbourhood. Which neighbours a capped column keeps is fixed: the
 * most critical tier first (lower is more critical, none last), then declaration order. A
 * side gets a second hop only when its first column is a single node (the chain goes on: one
 * role, the service that assumes it, the jobs on that service) and the whole picture stays
 * within `maxNodes`; it is drawn whole or not at all, so a "+N more" box only ever stands
 * beside the centre. Edges: every edge between the centre and its neighbours, and one edge
 * to each second-hop node from the neighbour that leads to it.
 */
export function neighbourhoodPicture(
  graph: CompactGraph,
  id: string,
  options: PictureOptions = {},
): Picture {
  const centre = graph.indexOf.get(id);
  if (centre === undefined) throw new RangeError(`no node "${id}" in the graph`);
  const maxPerColumn = Math.max(2, options.maxPerColumn ?? 8);
  const maxNodes = options.maxNodes ?? 8;

  const place = new Map<number, number>([[centre, 0]]);
  const nodes: PictureNode[] = [nodeOf(graph, centre, 0, "centre", 0)];
  const edges = new EdgeList();

  // A node that is both a dependency and a dependent (a cycle) is drawn once, downstream.
  const down1 = column(graph, centre, "down");
  const up1 = column(graph, centre, "up", new Set(down1));
  const sides = [
    { side: "up" as const, all: up1, shown: keep(graph, up1, maxPerColumn) },
    { side: "down" as const, all: down1, shown: keep(graph, down1, maxPerColumn) },
  ];
  // The second hop, downstream first (what breaks is the page's story), on a side whose first
  // column is one node, while the picture stays small. Wider second hops were measured: at 24
  // boxes a 10,000-node organisation has 3,700 distinct shapes, each a dagre layout of ~5 ms.
  let claimed: Set<number> | undefined;
  let boxes =
    1 + sides.reduce((sum, s) => sum + s.shown.length + (s.all.length > s.shown.length ? 1 : 0), 0);
  const second = new Map<number, (readonly [number, string])[]>();
  for (const s of [sides[1], sides[0]]) {
    if (!s || s.all.length > s.shown.length || s.shown.length !== 1) continue;
    claimed ??= new Set<number>([centre, ...up1, ...down1]);
    const found = secondHop(graph, s.shown, s.side, claimed, maxNodes - boxes);
    if (!found) continue;
    for (const [parent, children] of found) {
      second.set(parent, children);
      boxes += children.length;
      for (const [child] of children) claimed.add(child);
    }
  }

  const folded: ["up" | "down", number][] = [];
  for (const { side, shown, all } of sides) {
    for (const n of shown) {
      place.set(n, nodes.length);
      nodes.push(nodeOf(graph, n, nodes.length, side, 1));
    }
    if (shown.length < all.length) {
      const more = all.length - shown.length;
      const box = nodes.length;
      nodes.push({ key: `n${box}`, label: `+${more} more`, role: "more", hop: 1, more });
      folded.push([side, box]);
    }
  }
  for (const { shown } of sides) for (const n of shown) centreEdges(graph, centre, n, place, edges);
  for (const [side, box] of folded) {
    if (side === "up") edges.add(box, 0, "");
    else edges.add(0, box, "");
  }
  for (const { side, shown } of sides) {
    for (const parent of shown) {
      const from = place.get(parent) as number;
      for (const [child, label] of second.get(parent) ?? []) {
        const at = nodes.length;
        place.set(child, at);
        nodes.push(nodeOf(graph, child, at, side, 2));
        if (side === "down") edges.add(from, at, label);
        else edges.add(at, from, label);
      }
    }
  }
  return { nodes, edges: edges.list() };
}

function nodeOf(
  graph: CompactGraph,
  n: number,
  index: number,
  role: PictureRole,
  hop: number,
): PictureNode {
  const id = graph.ids[n] as string;
  const kind = graph.nodes[n]?.kind;
  return { key: `n${index}`, id, label: id, ...(kind ? { kind } : {}), role, hop };
}

const via = (graph: CompactGraph, e: number) => graph.vias[graph.via[e] as number] ?? "";

/** The distinct neighbours of `centre` one way, in row order, leaving out `except`. */
function column(
  graph: CompactGraph,
  centre: number,
  direction: "up" | "down",
  except: ReadonlySet<number> = new Set(),
): number[] {
  const seen = new Set<number>();
  forEachNeighbour(graph, centre, direction, (next) => {
    if (next !== centre && !except.has(next)) seen.add(next);
  });
  return [...seen];
}

/** The neighbours a column shows: all when they fit, else the most critical, one box kept for the rest. */
function keep(graph: CompactGraph, all: readonly number[], maxPerColumn: number): number[] {
  if (all.length <= maxPerColumn) return [...all].sort((a, b) => byCriticality(graph, a, b));
  return [...all].sort((a, b) => byCriticality(graph, a, b)).slice(0, maxPerColumn - 1);
}

function byCriticality(graph: CompactGraph, a: number, b: number): number {
  const ta = graph.tierOf[a] as number;
  const tb = graph.tierOf[b] as number;
  if (ta !== tb) return ta < 0 ? 1 : tb < 0 ? -1 : ta - tb;
  return a - b;
}

/** Every edge between the centre and `n`, either way. */
function centreEdges(
  graph: CompactGraph,
  centre: number,
  n: number,
  place: ReadonlyMap<number, number>,
  edges: EdgeList,
): void {
  const at = place.get(n) as number;
  // Read from the side with fewer edges: a hub's page must not walk the hub's rows per neighbour.
  const around = (node: number) => degree(graph, node, "down") + degree(graph, node, "up");
  if (around(n) <= around(centre)) {
    forEachNeighbour(graph, n, "down", (next, e) => {
      if (next === centre) edges.add(at, 0, via(graph, e));
    });
    forEachNeighbour(graph, n, "up", (next, e) => {
      if (next === centre) edges.add(0, at, via(graph, e));
    });
    return;
  }
  forEachNeighbour(graph, centre, "down", (next, e) => {
    if (next === n) edges.add(0, at, via(graph, e));
  });
  forEachNeighbour(graph, centre, "up", (next, e) => {
    if (next === n) edges.add(at, 0, via(graph, e));
  });
}

/**
 * The nodes one hop beyond `shown` and not yet drawn, each under the first of `shown` that
 * reaches it (a tree: the tables list every edge), the most critical first, with the edge
 * types; undefined when there are more than `room`. The walk stops there, so a hub beside the
 * centre costs `room` steps, not its whole row.
 */
function secondHop(
  graph: CompactGraph,
  shown: readonly number[],
  direction: "up" | "down",
  claimed: ReadonlySet<number>,
  room: number,
): Map<number, (readonly [number, string])[]> | undefined {
  if (room <= 0) return undefined;
  const found = new Map<number, (readonly [number, string])[]>();
  const taken = new Set<number>();
  for (const parent of shown) {
    if (degree(graph, parent, direction) > room + claimed.size) return undefined;
    const labels = new Map<number, string>();
    forEachNeighbour(graph, parent, direction, (next, e) => {
      if (claimed.has(next) || taken.has(next)) return;
      const before = labels.get(next);
      const label = via(graph, e);
      labels.set(next, before === undefined || before === label ? label : `${before}, ${label}`);
    });
    if (labels.size === 0) continue;
    for (const child of labels.keys()) taken.add(child);
    if (taken.size > room) return undefined;
    found.set(
      parent,
      [...labels].sort(([a], [b]) => byCriticality(graph, a, b)),
    );
  }
  return found;
}

/** Edges keyed by their ends: a second edge between the same two nodes joins its label. */
class EdgeList {
  private readonly byEnds = new Map<string, { from: number; to: number; labels: string[] }>();

  add(from: number, to: number, label: string): void {
    const key = `${from}>${to}`;
    const found = this.byEnds.get(key);
    if (!found) this.byEnds.set(key, { from, to, labels: label ? [label] : [] });
    else if (label && !found.labels.includes(label)) found.labels.push(label);
  }

  list(): PictureEdge[] {
    return [...this.byEnds.values()].map((e) => ({
      from: e.from,
      to: e.to,
      label: e.labels.join(", "),
    }));
  }
}
