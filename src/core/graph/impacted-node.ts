// What the walk downstream and the search for changed nodes others reach both hand out: an
// impacted node whose explanation paths are built on first read and then kept. Readers read a
// path several times (the JSON reads one four times per node), and a path built once per read
// was the same work four times over. A kept path costs little: its steps are one object per
// edge of the graph, shared by every path through that edge, so a path is a short array of
// references.

import type { ChangeClass, ImpactedNode, ImpactPath, ImpactSeverity, PathStep } from "../model.js";
import type { CompactGraph } from "./compact-graph.js";

/**
 * The steps made so far for each graph, by edge. A map: it grows with the paths read, not with
 * the graph (a slot per edge is 48 MB at a million nodes for one path), and a sparse array
 * turns into a dictionary that costs more.
 */
const stepsOf = new WeakMap<CompactGraph, Map<number, PathStep>>();

/** One hop of a path: edge `e`, from the node depended on to its dependent. Made once per edge. */
export function stepOf(graph: CompactGraph, e: number): PathStep {
  let steps = stepsOf.get(graph);
  if (!steps) {
    steps = new Map();
    stepsOf.set(graph, steps);
  }
  let step = steps.get(e);
  if (!step) {
    // Frozen: every path through the edge holds this very object.
    step = Object.freeze({
      from: graph.ids[graph.sources[e] as number] as string,
      to: graph.ids[graph.targets[e] as number] as string,
      via: graph.vias[graph.via[e] as number] as string,
      ...(graph.discovered?.[e] ? { discovered: true } : {}),
    });
    steps.set(e, step);
  }
  return step;
}

/** A path from the edges that make it, in order from the changed node down. */
export function pathFromEdges(
  graph: CompactGraph,
  edges: readonly number[],
  changeClass: ChangeClass,
): ImpactPath {
  return Object.freeze({
    changed: graph.ids[graph.sources[edges[0] as number] as number] as string,
    changeClass,
    steps: Object.freeze(edges.map((e) => stepOf(graph, e))),
  });
}

/** Not read yet: distinct from a `breakingPath` that is read and undefined. */
const UNREAD = null;

export abstract class LazyImpacted implements ImpactedNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  readonly severity: ImpactSeverity;
  #path: ImpactPath | typeof UNREAD = UNREAD;
  #breakingPath: ImpactPath | undefined | typeof UNREAD = UNREAD;

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

  /** One shortest path from a changed node: built on first read, the same object after. */
  get path(): ImpactPath {
    if (this.#path === UNREAD) this.#path = this.buildPath();
    return this.#path;
  }

  /** The shortest path that breaks all the way, when it is not `path`: built once, like `path`. */
  get breakingPath(): ImpactPath | undefined {
    if (this.#breakingPath === UNREAD) this.#breakingPath = this.buildBreakingPath();
    return this.#breakingPath;
  }

  protected abstract buildPath(): ImpactPath;
  protected abstract buildBreakingPath(): ImpactPath | undefined;

  toJSON(): ImpactedNode {
    const { id, kind, owner, tier, depth, severity, path, breakingPath } = this;
    return { id, kind, owner, tier, depth, severity, path, breakingPath };
  }
}
