// Changed nodes that other changed nodes reach: a release that bumps a Deployment's labels and
// removes a verb from the role it runs through breaks that Deployment. For each changed node
// with an edge from the reached part of the graph, a search upstream from it finds the nearest
// other changed node (how far, and by which path), and for each class whether a changed node
// of that class reaches it through edges that all break on it. The searches stop at the
// nearest changed node, so they cost little next to the walk downstream.

import type { ChangeClass, ImpactedNode, ImpactPath, ImpactSeverity, PathStep } from "../model.js";
import type { CompactGraph } from "./compact-graph.js";

/** Incoming edges of each node, in compressed rows: the edges into node i are edges[offsets[i]…]. */
interface Incoming {
  readonly offsets: Int32Array;
  readonly edges: Int32Array;
}

const incomingOf = new WeakMap<CompactGraph, Incoming>();

function incoming(graph: CompactGraph): Incoming {
  let found = incomingOf.get(graph);
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
  incomingOf.set(graph, found);
  return found;
}

export interface ChangedImpactOptions {
  readonly maxDepth: number;
  /**
   * From the walk downstream: whether a changed node of the class reached the node through
   * edges that all break on it. A candidate none of whose breaking in-edges comes from such a
   * node cannot be broken by that class, and is not searched for it.
   */
  readonly reachedBreaking: (node: number, changeClass: ChangeClass) => boolean;
  /** Edges that break on every class: their contract is broken. */
  readonly alwaysBreaks?: ReadonlySet<number>;
}

/**
 * The nearest changed node other than `target` upstream of it, through edges `usable` lets
 * through: the edges from it down to `target`, or undefined.
 */
function searchUp(
  graph: CompactGraph,
  target: number,
  isSource: (node: number) => boolean,
  usable: (edge: number) => boolean,
  maxDepth: number,
): number[] | undefined {
  const { offsets, edges } = incoming(graph);
  // The edge each node was reached by, going up; -2 for the target itself.
  const via = new Map<number, number>([[target, -2]]);
  let frontier = [target];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (let i = offsets[node] as number; i < (offsets[node + 1] as number); i++) {
        const e = edges[i] as number;
        if (!usable(e)) continue;
        const up = graph.sources[e] as number;
        if (via.has(up)) continue;
        via.set(up, e);
        if (isSource(up)) {
          // Walk back down to the target: the edges in order, from `up`.
          const path: number[] = [];
          for (let at = up; at !== target; ) {
            const edge = via.get(at) as number;
            // via holds the edge by which `at` was reached from below: its target is lower.
            path.push(edge);
            at = graph.targets[edge] as number;
          }
          return path;
        }
        next.push(up);
      }
    }
    frontier = next;
  }
  return undefined;
}

function pathOf(
  graph: CompactGraph,
  edges: readonly number[],
  changeClass: ChangeClass,
): ImpactPath {
  const steps: PathStep[] = edges.map((e) => ({
    from: graph.ids[graph.sources[e] as number] as string,
    to: graph.ids[graph.targets[e] as number] as string,
    via: graph.vias[graph.via[e] as number] as string,
    ...(graph.discovered?.[e] ? { discovered: true } : {}),
  }));
  const first = edges[0] as number;
  return { changed: graph.ids[graph.sources[first] as number] as string, changeClass, steps };
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
  const breaksOn = (e: number, c: ChangeClass) => {
    const set = graph.breaks[e] as number;
    return (
      set === -1 ||
      options.alwaysBreaks?.has(e) === true ||
      (graph.breakSets[set] ?? []).includes(c)
    );
  };
  for (const node of candidates) {
    const other = (n: number) => n !== node && seeds.has(n);
    const plain = searchUp(graph, node, other, () => true, options.maxDepth);
    if (!plain) continue;
    const origin = graph.sources[plain[0] as number] as number;
    // The class that breaks it soonest, if any: a changed node of that class, up a path of
    // edges that all break on it.
    let breaking: { edges: number[]; changeClass: ChangeClass } | undefined;
    const { offsets, edges } = incoming(graph);
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
        (n) => other(n) && (seeds.get(n) ?? []).includes(c),
        (e) => breaksOn(e, c),
        breaking ? breaking.edges.length - 1 : options.maxDepth,
      );
      if (found && (!breaking || found.length < breaking.edges.length))
        breaking = { edges: found, changeClass: c };
    }
    const path = pathOf(graph, plain, seeds.get(origin)?.[0] ?? "modified");
    const samePath =
      breaking !== undefined &&
      breaking.edges.length === plain.length &&
      breaking.edges.every((e, i) => e === plain[i]);
    const attributes = graph.nodes[node];
    const severity: ImpactSeverity = breaking ? "breaking" : "at-risk";
    const impact: ImpactedNode = {
      id: graph.ids[node] as string,
      kind: attributes?.kind ?? "unknown",
      ...(attributes?.owner !== undefined ? { owner: attributes.owner } : {}),
      ...(attributes?.tier !== undefined ? { tier: attributes.tier } : {}),
      depth: plain.length,
      severity,
      path,
      ...(breaking && !samePath
        ? { breakingPath: pathOf(graph, breaking.edges, breaking.changeClass) }
        : {}),
    };
    out.push({ node, impact });
  }
  return out;
}
