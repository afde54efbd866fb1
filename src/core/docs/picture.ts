// Which nodes and edges a node's page draws: the node, what it depends on (left) and what
// depends on it (right), one hop each way, two while the picture stays small. Columns are
// capped and the rest folded into one "+N more" box, so a hub's picture is as readable as a
// leaf's and costs the same to lay out.

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
  /** The second hop is drawn only while the whole picture has at most this many boxes (24). */
  readonly maxNodes?: number;
}

/**
 * The picture of `id`'s neighbourhood. Which neighbours a capped column keeps is fixed: the
 * most critical tier first (lower is more critical, none last), then declaration order. The
 * second hop of a side is drawn whole or not at all (never folded), so a "+N more" box only
 * ever stands beside the centre. Edges are those met on the walk out from the centre: the
 * centre's own, and on a side drawn two hops deep, those of its first column going outwards.
 */
export function neighbourhoodPicture(
  graph: CompactGraph,
  id: string,
  options: PictureOptions = {},
): Picture {
  const centre = graph.indexOf.get(id);
  if (centre === undefined) throw new RangeError(`no node "${id}" in the graph`);
  const maxPerColumn = Math.max(2, options.maxPerColumn ?? 8);
  const maxNodes = options.maxNodes ?? 24;

  const place = new Map<number, number>([[centre, 0]]);
  const nodes: PictureNode[] = [nodeOf(graph, centre, 0, "centre", 0)];
  const edges = new EdgeList();

  // A node that is both a dependency and a dependent (a cycle) is drawn once, downstream.
  const down1 = column(graph, centre, "down", place);
  const up1 = column(graph, centre, "up", place, new Set(down1));
  const shownDown = keep(graph, down1, maxPerColumn);
  const shownUp = keep(graph, up1, maxPerColumn);
  for (const [side, shown, all] of [
    ["up", shownUp, up1],
    ["down", shownDown, down1],
  ] as const) {
    for (const n of shown) {
      place.set(n, nodes.length);
      nodes.push(nodeOf(graph, n, nodes.length, side, 1));
    }
    if (shown.length < all.length) {
      const more = all.length - shown.length;
      const box = nodes.length;
      nodes.push({ key: `n${box}`, label: `+${more} more`, role: "more", hop: 1, more });
      if (side === "up") edges.add(box, 0, "");
      else edges.add(0, box, "");
    }
  }
  for (const n of shownUp) centreEdges(graph, centre, n, place, edges);
  for (const n of shownDown) centreEdges(graph, centre, n, place, edges);

  // The second hop, downstream first (what breaks is the page's story), each side only when
  // its first column was not cut and the whole picture still fits.
  for (const [side, shown, all] of [
    ["down", shownDown, down1],
    ["up", shownUp, up1],
  ] as const) {
    if (shown.length < all.length || shown.length === 0) continue;
    const room = maxNodes - nodes.length;
    const second = secondHop(graph, shown, side, place, room);
    if (second === undefined) continue;
    for (const n of second) {
      place.set(n, nodes.length);
      nodes.push(nodeOf(graph, n, nodes.length, side, 2));
    }
    for (const n of shown) {
      forEachNeighbour(graph, n, side, (next, e) => {
        const at = place.get(next);
        if (at === undefined || next === centre) return;
        const from = place.get(n) as number;
        if (side === "down") edges.add(from, at, via(graph, e));
        else edges.add(at, from, via(graph, e));
      });
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

/** The distinct neighbours of `centre` one way, in row order, leaving out those already placed. */
function column(
  graph: CompactGraph,
  centre: number,
  direction: "up" | "down",
  placed: ReadonlyMap<number, number>,
  except: ReadonlySet<number> = new Set(),
): number[] {
  const seen = new Set<number>();
  forEachNeighbour(graph, centre, direction, (next) => {
    if (!placed.has(next) && !except.has(next)) seen.add(next);
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
 * The new nodes one hop beyond `shown`, ordered by criticality, or undefined when there are
 * more than `room` (the walk stops there, so a hub beside the centre costs `room` steps, not
 * its whole row).
 */
function secondHop(
  graph: CompactGraph,
  shown: readonly number[],
  direction: "up" | "down",
  placed: ReadonlyMap<number, number>,
  room: number,
): number[] | undefined {
  const found = new Set<number>();
  for (const n of shown) {
    if (degree(graph, n, direction) > room + placed.size) return undefined;
    forEachNeighbour(graph, n, direction, (next) => {
      if (!placed.has(next)) found.add(next);
    });
    if (found.size > room) return undefined;
  }
  return [...found].sort((a, b) => byCriticality(graph, a, b));
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
