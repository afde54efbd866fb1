// What the walk downstream and the search for changed nodes others reach both hand out: an
// impacted node whose explanation paths are built each time they are read, not kept. Renderers
// read each once, and a large radius's paths would otherwise stay in memory until the output
// is written.

import type { ChangeClass, ImpactedNode, ImpactPath, ImpactSeverity, PathStep } from "../model.js";
import type { CompactGraph } from "./compact-graph.js";

/** One hop of a path: edge `e`, from the node depended on to its dependent. */
export function stepOf(graph: CompactGraph, e: number): PathStep {
  return {
    from: graph.ids[graph.sources[e] as number] as string,
    to: graph.ids[graph.targets[e] as number] as string,
    via: graph.vias[graph.via[e] as number] as string,
    ...(graph.discovered?.[e] ? { discovered: true } : {}),
  };
}

/** A path from the edges that make it, in order from the changed node down. */
export function pathFromEdges(
  graph: CompactGraph,
  edges: readonly number[],
  changeClass: ChangeClass,
): ImpactPath {
  return {
    changed: graph.ids[graph.sources[edges[0] as number] as number] as string,
    changeClass,
    steps: edges.map((e) => stepOf(graph, e)),
  };
}

export abstract class LazyImpacted implements ImpactedNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  readonly severity: ImpactSeverity;

  constructor(
    protected readonly graph: CompactGraph,
    protected readonly node: number,
    readonly depth: number,
    breaking: boolean,
  ) {
    const attributes = graph.nodes[node];
    this.id = graph.ids[node] as string;
    this.kind = attributes?.kind ?? "unknown";
    if (attributes?.owner !== undefined) this.owner = attributes.owner;
    if (attributes?.tier !== undefined) this.tier = attributes.tier;
    this.severity = breaking ? "breaking" : "at-risk";
  }

  abstract get path(): ImpactPath;
  abstract get breakingPath(): ImpactPath | undefined;

  toJSON(): ImpactedNode {
    const { id, kind, owner, tier, depth, severity, path, breakingPath } = this;
    return { id, kind, owner, tier, depth, severity, path, breakingPath };
  }
}
