import type { ChangeClass, ImpactedNode, ImpactPath, PathStep, Truncation } from "../model.js";
import type { DepGraph } from "./dep-graph.js";

export interface ChangeSeed {
  readonly id: string;
  /** The node's change classes, most serious first. */
  readonly classes: readonly ChangeClass[];
}

export interface BlastRadiusOptions {
  /** Follow at most this many edges from a changed node. */
  readonly maxDepth?: number;
}

export interface BlastRadius {
  readonly impacted: ImpactedNode[];
  readonly truncated: Truncation | null;
}

interface Visit {
  readonly depth: number;
  /** The node this one was reached from; undefined for a changed node. */
  readonly parent?: string;
  readonly via?: string;
  /** The changed node the walk started from. */
  readonly origin: string;
}

/**
 * Everything downstream of the changed nodes: each with its shortest distance, one shortest
 * path, and whether some path breaks all the way (every edge breaks on the change's class).
 */
export function blastRadius(
  graph: DepGraph,
  seeds: readonly ChangeSeed[],
  options: BlastRadiusOptions = {},
): BlastRadius {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const known = seeds.filter((seed) => graph.hasNode(seed.id));
  const classOf = new Map(known.map((seed) => [seed.id, seed.classes[0] ?? "modified"]));

  const all = walk(
    graph,
    known.map((s) => s.id),
    maxDepth,
    () => true,
  );

  // One filtered walk per class: an edge carries the break only if it breaks on that class.
  const breaking = new Map<string, { visits: Map<string, Visit>; changeClass: ChangeClass }>();
  const classes = [...new Set(known.flatMap((seed) => seed.classes))];
  for (const changeClass of classes) {
    const sources = known.filter((seed) => seed.classes.includes(changeClass)).map((s) => s.id);
    const { visits } = walk(graph, sources, maxDepth, (edge) => breaksOn(graph, edge, changeClass));
    for (const [id, visit] of visits) {
      const best = breaking.get(id);
      if (visit.depth === 0) continue;
      if (!best || visit.depth < (best.visits.get(id)?.depth ?? Number.POSITIVE_INFINITY)) {
        breaking.set(id, { visits, changeClass });
      }
    }
  }

  const impacted: ImpactedNode[] = [];
  for (const [id, visit] of all.visits) {
    if (visit.depth === 0) continue;
    const attributes = graph.getNodeAttributes(id);
    const path = pathTo(all.visits, id, classOf.get(visit.origin) ?? "modified");
    const hit = breaking.get(id);
    const breakingPath = hit ? pathTo(hit.visits, id, hit.changeClass) : undefined;
    impacted.push({
      id,
      kind: attributes.kind,
      owner: attributes.owner,
      tier: attributes.tier,
      depth: visit.depth,
      severity: breakingPath ? "breaking" : "at-risk",
      path,
      ...(breakingPath && !samePath(path, breakingPath) ? { breakingPath } : {}),
    });
  }
  impacted.sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const truncated: Truncation | null =
    all.frontier.length > 0
      ? { reason: "max-depth", limit: maxDepth, frontier: all.frontier.sort() }
      : null;
  return { impacted, truncated };
}

function breaksOn(graph: DepGraph, edge: string, changeClass: ChangeClass): boolean {
  const declared = graph.getEdgeAttribute(edge, "breaksOn");
  return declared === undefined || declared.includes(changeClass);
}

/** Multi-source breadth-first walk downstream, following only edges `follow` accepts. */
function walk(
  graph: DepGraph,
  sources: readonly string[],
  maxDepth: number,
  follow: (edge: string) => boolean,
): { visits: Map<string, Visit>; frontier: string[] } {
  const visits = new Map<string, Visit>();
  const queue: string[] = [];
  const frontier: string[] = [];
  for (const id of sources) {
    if (visits.has(id)) continue;
    visits.set(id, { depth: 0, origin: id });
    queue.push(id);
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    const visit = visits.get(id) as Visit;
    if (visit.depth >= maxDepth) {
      if (graph.someOutNeighbor(id, (next) => !visits.has(next))) frontier.push(id);
      continue;
    }
    graph.forEachOutEdge(id, (edge, attributes, _source, target) => {
      if (visits.has(target) || !follow(edge)) return;
      visits.set(target, {
        depth: visit.depth + 1,
        parent: id,
        via: attributes.via,
        origin: visit.origin,
      });
      queue.push(target);
    });
  }
  return { visits, frontier };
}

function pathTo(
  visits: ReadonlyMap<string, Visit>,
  id: string,
  changeClass: ChangeClass,
): ImpactPath {
  const steps: PathStep[] = [];
  let at = id;
  let visit = visits.get(at);
  while (visit?.parent !== undefined) {
    steps.push({ from: visit.parent, to: at, via: visit.via ?? "" });
    at = visit.parent;
    visit = visits.get(at);
  }
  steps.reverse();
  return { changed: at, changeClass, steps };
}

function samePath(a: ImpactPath, b: ImpactPath): boolean {
  return (
    a.changed === b.changed &&
    a.steps.length === b.steps.length &&
    a.steps.every((step, i) => step.from === b.steps[i]?.from && step.via === b.steps[i]?.via)
  );
}
