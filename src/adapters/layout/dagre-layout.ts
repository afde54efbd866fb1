// The pictures' layout engine: dagre (MIT, bundled, synchronous), memoised by shape. Every box
// has one size and every edge label one slot, so a layout depends on the topology alone, and a
// site of 10,000 pages lays out only its distinct shapes (a few hundred: most nodes look like
// "one up, two down"). This is the only file that imports dagre.

import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from "@dagrejs/dagre";
import type { Picture } from "../../core/docs/picture.js";
import {
  BOX,
  EDGE_LABEL,
  type EdgeRoute,
  type LayoutPicture,
  type PictureLayout,
  pictureShape,
} from "../../core/docs/picture-layout.js";

export interface DagreLayoutOptions {
  /** Distinct shapes kept; the least recently used is forgotten beyond it (default 10,000). */
  readonly maxShapes?: number;
}

/** How the memo fared: for the benchmark and for tests. */
export interface LayoutStats {
  readonly hits: number;
  readonly misses: number;
  readonly shapes: number;
}

export type DagreLayout = LayoutPicture & { readonly stats: () => LayoutStats };

export function dagreLayout(options: DagreLayoutOptions = {}): DagreLayout {
  const maxShapes = Math.max(1, options.maxShapes ?? 10_000);
  const cache = new Map<string, PictureLayout>();
  let hits = 0;
  let misses = 0;
  const layout = (picture: Picture): PictureLayout => {
    const shape = pictureShape(picture);
    const found = cache.get(shape);
    if (found) {
      hits++;
      // Least recently used goes first: re-inserting moves this one to the end.
      cache.delete(shape);
      cache.set(shape, found);
      return found;
    }
    misses++;
    const made = layoutOnce(picture);
    cache.set(shape, made);
    if (cache.size > maxShapes) cache.delete(cache.keys().next().value as string);
    return made;
  };
  return Object.assign(layout, { stats: () => ({ hits, misses, shapes: cache.size }) });
}

const MARGIN = 8;

function layoutOnce(picture: Picture): PictureLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: false });
  g.setGraph({
    rankdir: "LR",
    nodesep: 14,
    ranksep: 56,
    edgesep: 10,
    marginx: MARGIN,
    marginy: MARGIN,
    // The pictures are columns around one node; the default network-simplex ranking only
    // tightens long edges, which they do not have, and costs a third of each layout.
    ranker: "longest-path",
  });
  g.setDefaultEdgeLabel(() => ({}));
  picture.nodes.forEach((_, i) => {
    g.setNode(String(i), { width: BOX.width, height: BOX.height });
  });
  for (const e of picture.edges) {
    g.setEdge(
      String(e.from),
      String(e.to),
      e.label ? { width: EDGE_LABEL.width, height: EDGE_LABEL.height, labelpos: "c" } : {},
    );
  }
  dagre.layout(g);
  const graph = g.graph();
  const nodes = picture.nodes.map((_, i) => {
    const n = g.node(String(i));
    return {
      x: round((n.x ?? 0) - BOX.width / 2),
      y: round((n.y ?? 0) - BOX.height / 2),
      width: BOX.width,
      height: BOX.height,
    };
  });
  const edges = picture.edges.map((e): EdgeRoute => {
    const label = g.edge(String(e.from), String(e.to));
    const points = (label?.points ?? []).map((p: { x: number; y: number }) => ({
      x: round(p.x),
      y: round(p.y),
    }));
    return e.label && label?.x !== undefined && label.y !== undefined
      ? { points, label: { x: round(label.x), y: round(label.y) } }
      : { points };
  });
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes,
    edges,
  };
}

const round = (v: number) => Math.round(v * 10) / 10;
