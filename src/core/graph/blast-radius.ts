import type { ChangeClass, ImpactedNode, ImpactPath, PathStep, Truncation } from "../model.js";
import type { CompactGraph } from "./compact-graph.js";

export interface ChangeSeed {
  readonly id: string;
  /** The node's change classes, most serious first. */
  readonly classes: readonly ChangeClass[];
}

export interface BlastRadiusOptions {
  /** Follow at most this many edges from a changed node. */
  readonly maxDepth?: number;
}

/** What a visitor of the blast radius sees of each impacted node; no object is made per node. */
export type ImpactVisitor = (node: number, depth: number, breaking: boolean) => void;

export interface BlastRadius {
  /**
   * In breadth-first order: by depth, then by declaration order. Built on first access:
   * a hundred thousand node objects cost more than the walk that finds them.
   */
  readonly impacted: readonly ImpactedNode[];
  readonly count: number;
  /** Visits every impacted node in the same order, without building node objects. */
  forEach(visit: ImpactVisitor): void;
  readonly truncated: Truncation | null;
}

/** One breadth-first walk: for each node its depth (-1 unreached), parent and edge. */
interface Walk {
  readonly depth: Int32Array;
  readonly parent: Int32Array;
  readonly edge: Int32Array;
  /** Nodes in the order reached. */
  readonly order: Int32Array;
  readonly count: number;
  /** Nodes at the depth limit with dependents not followed. */
  readonly frontier: number[];
}

/**
 * Everything downstream of the changed nodes: each with its shortest distance, one shortest
 * path, and whether some path breaks all the way (every edge breaks on the change's class).
 * Paths are rebuilt from parent pointers only when a renderer asks for them.
 */
export function blastRadius(
  graph: CompactGraph,
  seeds: readonly ChangeSeed[],
  options: BlastRadiusOptions = {},
): BlastRadius {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const sources: number[] = [];
  const classOf = new Map<number, ChangeClass>();
  for (const seed of seeds) {
    const index = graph.indexOf.get(seed.id);
    if (index === undefined || classOf.has(index)) continue;
    sources.push(index);
    classOf.set(index, seed.classes[0] ?? "modified");
  }
  const all = walk(graph, sources, maxDepth, null);

  // One filtered walk per class: an edge carries the break only if it breaks on that class.
  const classes = [...new Set(seeds.flatMap((seed) => seed.classes))];
  const breaking: { walk: Walk; changeClass: ChangeClass }[] = [];
  for (const changeClass of classes) {
    const ok = new Uint8Array(graph.breakSets.length);
    let everyEdge = true;
    graph.breakSets.forEach((set, i) => {
      ok[i] = set.includes(changeClass) ? 1 : 0;
      if (!ok[i]) everyEdge = false;
    });
    const from = seeds
      .filter((seed) => seed.classes.includes(changeClass))
      .map((seed) => graph.indexOf.get(seed.id))
      .filter((i): i is number => i !== undefined);
    // When every edge breaks on the class and every seed has it, the walk is the plain one.
    const same = everyEdge && from.length === sources.length;
    breaking.push({ walk: same ? all : walk(graph, from, maxDepth, ok), changeClass });
  }

  // For each impacted node, the class walk that breaks it soonest (-1: none does).
  const best = new Int8Array(graph.ids.length).fill(-1);
  let count = 0;
  for (let k = 0; k < all.count; k++) {
    const node = all.order[k] as number;
    if (all.depth[node] === 0) continue;
    count++;
    let bestDepth = Number.POSITIVE_INFINITY;
    for (let c = 0; c < breaking.length; c++) {
      const d = (breaking[c] as { walk: Walk }).walk.depth[node] as number;
      if (d > 0 && d < bestDepth) {
        bestDepth = d;
        best[node] = c;
      }
    }
  }
  const truncated: Truncation | null =
    all.frontier.length > 0
      ? {
          reason: "max-depth",
          limit: maxDepth,
          frontier: all.frontier.map((i) => graph.ids[i] as string).sort(),
        }
      : null;
  let impacted: ImpactedNode[] | undefined;
  return {
    count,
    truncated,
    forEach(visit) {
      for (let k = 0; k < all.count; k++) {
        const node = all.order[k] as number;
        const depth = all.depth[node] as number;
        if (depth === 0) continue;
        visit(node, depth, (best[node] as number) >= 0);
      }
    },
    get impacted() {
      if (!impacted) {
        const list: ImpactedNode[] = [];
        for (let k = 0; k < all.count; k++) {
          const node = all.order[k] as number;
          const depth = all.depth[node] as number;
          if (depth === 0) continue;
          const b = best[node] as number;
          list.push(new Impacted(graph, node, depth, all, classOf, b >= 0 ? breaking[b] : undefined));
        }
        impacted = list;
      }
      return impacted;
    },
  };
}

/** Multi-source breadth-first walk downstream; `ok`, if given, says which break sets to follow. */
function walk(
  graph: CompactGraph,
  sources: readonly number[],
  maxDepth: number,
  ok: Uint8Array | null,
): Walk {
  const n = graph.ids.length;
  const { offsets, targets, breaks } = graph;
  const depth = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n);
  const edge = new Int32Array(n);
  const order = new Int32Array(n);
  const frontier: number[] = [];
  let tail = 0;
  for (const source of sources) {
    if (depth[source] !== -1) continue;
    depth[source] = 0;
    parent[source] = -1;
    order[tail++] = source;
  }
  for (let head = 0; head < tail; head++) {
    const node = order[head] as number;
    const d = depth[node] as number;
    const end = offsets[node + 1] as number;
    if (d >= maxDepth) {
      for (let e = offsets[node] as number; e < end; e++) {
        if (depth[targets[e] as number] === -1) {
          frontier.push(node);
          break;
        }
      }
      continue;
    }
    // Two loops rather than a test per edge: the unfiltered walk is the hot one.
    if (ok === null) {
      for (let e = offsets[node] as number; e < end; e++) {
        const next = targets[e] as number;
        if (depth[next] !== -1) continue;
        depth[next] = d + 1;
        parent[next] = node;
        edge[next] = e;
        order[tail++] = next;
      }
    } else {
      for (let e = offsets[node] as number; e < end; e++) {
        const next = targets[e] as number;
        if (depth[next] !== -1) continue;
        const b = breaks[e] as number;
        if (b !== -1 && ok[b] === 0) continue;
        depth[next] = d + 1;
        parent[next] = node;
        edge[next] = e;
        order[tail++] = next;
      }
    }
  }
  return { depth, parent, edge, order, count: tail, frontier };
}

function pathOf(
  graph: CompactGraph,
  walk: Walk,
  node: number,
  changeClass: (origin: number) => ChangeClass,
): ImpactPath {
  const steps: PathStep[] = [];
  let at = node;
  while ((walk.parent[at] as number) >= 0 && (walk.depth[at] as number) > 0) {
    const from = walk.parent[at] as number;
    steps.push({
      from: graph.ids[from] as string,
      to: graph.ids[at] as string,
      via: graph.vias[graph.via[walk.edge[at] as number] as number] as string,
    });
    at = from;
  }
  steps.reverse();
  return { changed: graph.ids[at] as string, changeClass: changeClass(at), steps };
}

/** Whether two walks reach `node` along the very same edges. */
function sameChain(a: Walk, b: Walk, node: number): boolean {
  if (a.depth[node] !== b.depth[node]) return false;
  for (let at = node; (a.depth[at] as number) > 0; at = a.parent[at] as number) {
    if (a.edge[at] !== b.edge[at] || a.parent[at] !== b.parent[at]) return false;
  }
  return true;
}

/** An impacted node whose explanation paths are built on first use. */
class Impacted implements ImpactedNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  readonly severity: "breaking" | "at-risk";
  #path: ImpactPath | undefined;
  #breakingPath: ImpactPath | undefined | null = null;

  constructor(
    private readonly graph: CompactGraph,
    private readonly node: number,
    readonly depth: number,
    private readonly all: Walk,
    private readonly classOf: ReadonlyMap<number, ChangeClass>,
    private readonly breaking: { walk: Walk; changeClass: ChangeClass } | undefined,
  ) {
    const attributes = graph.nodes[node];
    this.id = graph.ids[node] as string;
    this.kind = attributes?.kind ?? "unknown";
    if (attributes?.owner !== undefined) this.owner = attributes.owner;
    if (attributes?.tier !== undefined) this.tier = attributes.tier;
    this.severity = breaking ? "breaking" : "at-risk";
  }

  get path(): ImpactPath {
    this.#path ??= pathOf(
      this.graph,
      this.all,
      this.node,
      (o) => this.classOf.get(o) ?? "modified",
    );
    return this.#path;
  }

  get breakingPath(): ImpactPath | undefined {
    if (this.#breakingPath === null) {
      const hit = this.breaking;
      this.#breakingPath =
        hit && !sameChain(this.all, hit.walk, this.node)
          ? pathOf(this.graph, hit.walk, this.node, () => hit.changeClass)
          : undefined;
    }
    return this.#breakingPath;
  }

  toJSON(): ImpactedNode {
    const { id, kind, owner, tier, depth, severity, path, breakingPath } = this;
    return { id, kind, owner, tier, depth, severity, path, breakingPath };
  }
}
