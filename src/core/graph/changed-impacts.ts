// Changed nodes that other changed nodes reach: a release that bumps a Deployment's labels and
// removes a verb from the role it runs through breaks that Deployment. For each changed node
// with an edge from the reached part of the graph, a search upstream from it finds the nearest
// other changed node (how far, and by which path), and for each class whether a changed node
// of that class reaches it through edges that all break on it. The searches stop at the
// nearest changed node, so they cost little next to the walk downstream.

import type { ChangeClass, ImpactedNode, ImpactPath } from "../model.js";
import { incomingEdges } from "./adjacency.js";
import type { CompactGraph } from "./compact-graph.js";
import { type EdgeVerdicts, edgeBreaks } from "./edge-verdicts.js";
import { LazyImpacted, pathFromEdges } from "./impacted-node.js";
import { type Stamped, stampedScratch } from "./stamped-scratch.js";

export interface ChangedImpactOptions {
  readonly maxDepth: number;
  /**
   * From the walk downstream: whether a changed node of the class reached the node through
   * edges that all break on it. A candidate none of whose breaking in-edges comes from such a
   * node cannot be broken by that class, and is not searched for it.
   */
  readonly reachedBreaking: (node: number, changeClass: ChangeClass) => boolean;
  /** What contracts decided for single edges, before their breaks_on. */
  readonly verdicts?: EdgeVerdicts;
}

/** Marks kept between searches of one graph (stamped-scratch.ts), and the searches' queue. */
interface Scratch extends Stamped {
  readonly seen: Int32Array;
  readonly via: Int32Array;
  readonly queue: Int32Array;
}

const scratches = new WeakMap<CompactGraph, Scratch>();

/**
 * The nearest node other than `target` upstream of it whose `sources` mark is set, through
 * edges `usable` lets through (all, when absent): the edges from it down to `target`, or
 * undefined. Breadth first, a level at a time, each node's in-edges in order: the first found
 * is the nearest, and among the nearest the same one every time. A search runs for every
 * changed node another reaches (two thousand in a large release), so it uses no closure per
 * node, no map and no array per level.
 */
function searchUp(
  graph: CompactGraph,
  target: number,
  sources: Uint8Array,
  usable: ((edge: number) => boolean) | undefined,
  maxDepth: number,
): number[] | undefined {
  const { offsets, edges } = incomingEdges(graph);
  const scratch = stampedScratch(scratches, graph, (n) => ({
    seen: new Int32Array(n),
    via: new Int32Array(n),
    queue: new Int32Array(n),
    stamp: 0,
  }));
  const stamp = ++scratch.stamp;
  const { seen, via, queue } = scratch;
  const { sources: from, targets } = graph;
  seen[target] = stamp;
  queue[0] = target;
  let head = 0;
  let tail = 1;
  for (let depth = 0; depth < maxDepth && head < tail; depth++) {
    const levelEnd = tail;
    for (; head < levelEnd; head++) {
      const node = queue[head] as number;
      const last = offsets[node + 1] as number;
      for (let i = offsets[node] as number; i < last; i++) {
        const e = edges[i] as number;
        if (usable !== undefined && !usable(e)) continue;
        const up = from[e] as number;
        if (seen[up] === stamp) continue;
        seen[up] = stamp;
        // The edge `up` was reached by, from below.
        via[up] = e;
        if (sources[up] === 1 && up !== target) {
          const path: number[] = [];
          for (let at = up; at !== target; at = targets[via[at] as number] as number)
            path.push(via[at] as number);
          return path;
        }
        queue[tail++] = up;
      }
    }
  }
  return undefined;
}

/** Each changed node another changed node reaches, as an impacted node (in no particular order). */
export function changedImpacts(
  graph: CompactGraph,
  seeds: ReadonlyMap<number, readonly ChangeClass[]>,
  candidates: Iterable<number>,
  options: ChangedImpactOptions,
): { node: number; impact: ImpactedNode }[] {
  const out: { node: number; impact: ImpactedNode }[] = [];
  const classes = [...new Set([...seeds.values()].flat())];
  const breaksOn = (e: number, c: ChangeClass) => edgeBreaks(graph, e, c, options.verdicts);
  // The changed nodes as marks, all of them and those of each class: what a search stops at.
  const n = graph.ids.length;
  const changed = new Uint8Array(n);
  const ofClass = new Map(classes.map((c) => [c, new Uint8Array(n)]));
  for (const [node, seedClasses] of seeds) {
    changed[node] = 1;
    for (const c of seedClasses) (ofClass.get(c) as Uint8Array)[node] = 1;
  }
  const { offsets, edges } = incomingEdges(graph);
  for (const node of candidates) {
    const plain = searchUp(graph, node, changed, undefined, options.maxDepth);
    if (!plain) continue;
    const origin = graph.sources[plain[0] as number] as number;
    // The class that breaks it soonest, if any: a changed node of that class, up a path of
    // edges that all break on it.
    let breaking: { edges: number[]; changeClass: ChangeClass } | undefined;
    const mayBreak = (c: ChangeClass) => {
      for (let i = offsets[node] as number; i < (offsets[node + 1] as number); i++) {
        const e = edges[i] as number;
        if (breaksOn(e, c) && options.reachedBreaking(graph.sources[e] as number, c)) return true;
      }
      return false;
    };
    for (const c of classes) {
      if (!mayBreak(c)) continue;
      const found = searchUp(
        graph,
        node,
        ofClass.get(c) as Uint8Array,
        (e) => breaksOn(e, c),
        breaking ? breaking.edges.length - 1 : options.maxDepth,
      );
      if (found && (!breaking || found.length < breaking.edges.length))
        breaking = { edges: found, changeClass: c };
    }
    out.push({
      node,
      impact: new ChangedImpact(graph, node, plain, seeds.get(origin)?.[0] ?? "modified", breaking),
    });
  }
  return out;
}

/** A changed node as impacted: its paths from the edges the searches upstream found. */
class ChangedImpact extends LazyImpacted {
  constructor(
    graph: CompactGraph,
    node: number,
    private readonly plain: readonly number[],
    private readonly changeClass: ChangeClass,
    private readonly breaking: { edges: number[]; changeClass: ChangeClass } | undefined,
  ) {
    super(graph, node, plain.length, breaking !== undefined);
  }

  protected buildPath(): ImpactPath {
    return pathFromEdges(this.graph, this.plain, this.changeClass);
  }

  protected buildBreakingPath(): ImpactPath | undefined {
    const hit = this.breaking;
    const same =
      hit !== undefined &&
      hit.edges.length === this.plain.length &&
      hit.edges.every((e, i) => e === this.plain[i]);
    return hit && !same ? pathFromEdges(this.graph, hit.edges, hit.changeClass) : undefined;
  }
}
