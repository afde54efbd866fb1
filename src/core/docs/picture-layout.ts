// Where a picture's boxes, arrows and labels go: what a layout engine hands the renderers.
// Indexed like the picture (nodes[i] is Picture.nodes[i], edges[j] is Picture.edges[j]), so
// one layout serves every picture of the same shape.

import type { Picture } from "./picture.js";

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A box by its top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgeRoute {
  /** From the dependency's box to the dependent's, arrowhead at the last point. */
  readonly points: readonly Point[];
  /** The centre of the edge's label; absent when the edge has no label. */
  readonly label?: Point;
}

export interface PictureLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly Box[];
  readonly edges: readonly EdgeRoute[];
}

/** A layout engine: the same shape gives the same layout (engines may hand back one object). */
export type LayoutPicture = (picture: Picture) => PictureLayout;

/** Every box is this size, so a layout depends on the topology alone (labels are cut to fit). */
export const BOX = { width: 240, height: 40 } as const;
/** Room kept for an edge's label, whatever its text (cut to fit, the full text in a tooltip). */
export const EDGE_LABEL = { width: 96, height: 14 } as const;

/** The shape a layout depends on: the number of boxes and the edges, with or without a label. */
export function pictureShape(picture: Picture): string {
  let key = `${picture.nodes.length}`;
  for (const e of picture.edges) key += `|${e.from}${e.label ? ">" : "-"}${e.to}`;
  return key;
}
