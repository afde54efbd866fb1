import type { ChangeClass, ImpactedNode, ImpactPath, Truncation } from "../model.js";
import { changedImpacts } from "./changed-impacts.js";
import type { CompactGraph } from "./compact-graph.js";
import type { EdgeVerdicts } from "./edge-verdicts.js";
import { LazyImpacted, pathFromEdges } from "./impacted-node.js";

export interface ChangeSeed {
  readonly id: string;
  /** The node's change classes, most serious first. */
  readonly classes: readonly ChangeClass[];
}

export interface BlastRadiusOptions {
  /** Follow at most this many edges from a changed node. */
  readonly maxDepth?: number;
  /** What contracts decided for single edges (CSR positions), before their breaks_on. */
  readonly verdicts?: EdgeVerdicts;
}

/** What a visitor of the blast radius sees of each impacted node; no object is made per node. */
export type ImpactVisitor = (node: number, depth: number, breaking: boolean) => void;

export interface BlastRadius {
  /**
   * In breadth-first order: by depth, then by declaration order. Built on first access:
   * a hundred thousand node objects cost more than the walk that finds them.
   */
  readonly impacted: readonly ImpactedNode[];
  /** Visits every impacted node in the same order, without building node objects. */
  forEach(visit: ImpactVisitor): void;
  /** The one impacted node, as `impacted` lists it, without building the others. */
  impactOf(node: number): ImpactedNode | undefined;
  readonly truncated: Truncation | null;
  /**
   * Hands the walk's arrays back for the next walk on the same graph, and ends this radius:
   * reading it afterwards throws. For callers that walk from every node (the docs site): an
   * array the size of the graph per walk is most of a small walk's cost. Optional to call.
   */
  release(): void;
}

/** Work arrays kept between analyses of the same graph; `waiting` is all -1 between uses. */
interface Scratch {
  readonly waiting: Int32Array;
  node: Int32Array;
  bits: Int32Array;
  /** Reaches handed back (release), every entry -1 again. */
  readonly free: Reach[];
  readonly orders: Int32Array[];
}

/** Reaches and orders kept for reuse, at most: a walk takes one of each per class, plus two. */
const MAX_FREE = 8;

const scratches = new WeakMap<CompactGraph, Scratch>();

function scratchFor(graph: CompactGraph): Scratch {
  let scratch = scratches.get(graph);
  if (!scratch) {
    const n = Math.max(16, graph.ids.length);
    scratch = {
      waiting: new Int32Array(n).fill(-1),
      node: new Int32Array(n),
      bits: new Int32Array(n),
      free: [],
      orders: [],
    };
    scratches.set(graph, scratch);
  }
  return scratch;
}

/** Shortest distances and the edge each node was reached by, for one kind of reach. */
interface Reach {
  readonly depth: Int32Array;
  readonly edge: Int32Array;
}

/** At most this many classes are told apart in one analysis (one bit each). */
const MAX_CLASSES = 30;
const PLAIN = 1;

/**
 * Everything downstream of the changed nodes: each with its shortest distance, one shortest
 * path, and whether some path breaks all the way (every edge breaks on the change's class).
 *
 * One breadth-first walk over (node, reach) pairs does it all: a node reached through edges
 * that all break on class c carries c's bit, and a node is expanded again only when a bit
 * reaches it later than its first visit. In the common case (most edges break) that is one
 * pass, not one per class. Paths are rebuilt from the edges only when a renderer asks.
 */
export function blastRadius(
  graph: CompactGraph,
  seeds: readonly ChangeSeed[],
  options: BlastRadiusOptions = {},
): BlastRadius {
  const main = walk(graph, seeds, options);
  const seedIndexes = new Set<number>();
  for (const seed of seeds) {
    const index = graph.indexOf.get(seed.id);
    if (index !== undefined) seedIndexes.add(index);
  }
  if (seedIndexes.size < 2) return main;
  // A changed node that another changed node reaches is impacted too (a release that bumps a
  // Deployment's labels and removes a verb from the role it runs through breaks that
  // Deployment). Only a changed node with an edge from a reached node can be.
  const candidates = new Set<number>();
  const { sources, targets } = graph;
  // Every edge is looked at: a mark per node, not a set lookup per edge.
  const isSeed = new Uint8Array(graph.ids.length);
  for (const index of seedIndexes) isSeed[index] = 1;
  for (let e = 0; e < targets.length; e++) {
    const to = targets[e] as number;
    if (isSeed[to] !== 1) continue;
    const from = sources[e] as number;
    if (from !== to && main.reached(from)) candidates.add(to);
  }
  const classesOf = new Map<number, readonly ChangeClass[]>();
  for (const seed of seeds) {
    const index = graph.indexOf.get(seed.id);
    if (index !== undefined && !classesOf.has(index)) classesOf.set(index, seed.classes);
  }
  const extra = changedImpacts(
    graph,
    classesOf,
    [...candidates].sort((a, b) => a - b),
    {
      maxDepth: options.maxDepth ?? Number.POSITIVE_INFINITY,
      reachedBreaking: main.reachedBreaking,
      ...(options.verdicts ? { verdicts: options.verdicts } : {}),
    },
  );
  if (extra.length === 0) return main;
  let impacted: ImpactedNode[] | undefined;
  let released = false;
  return {
    truncated: main.truncated,
    release() {
      // Built now, in case an extra node's paths lean on the main walk's arrays.
      for (const { impact } of extra) {
        impact.path;
        impact.breakingPath;
      }
      released = true;
      main.release();
    },
    forEach(visit) {
      main.forEach(visit);
      for (const { node, impact } of extra)
        visit(node, impact.depth, impact.severity === "breaking");
    },
    impactOf: (node) => extra.find((x) => x.node === node)?.impact ?? main.impactOf(node),
    get impacted() {
      if (released) readAfterRelease();
      // By depth, the changed ones after the others at the same depth; sort is stable.
      impacted ??= [...main.impacted, ...extra.map((x) => x.impact)].sort(
        (a, b) => a.depth - b.depth,
      );
      return impacted;
    },
  };
}

interface Walk extends BlastRadius {
  /** Whether the walk reached the node, from a changed node or as one. */
  reached(node: number): boolean;
  /** Whether a changed node of this class reached it through edges that all break on it. */
  reachedBreaking(node: number, changeClass: ChangeClass): boolean;
}

function walk(
  graph: CompactGraph,
  seeds: readonly ChangeSeed[],
  options: BlastRadiusOptions,
): Walk {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const verdicts = options.verdicts && options.verdicts.size > 0 ? options.verdicts : undefined;
  const n = graph.ids.length;
  const { offsets, targets, breaks } = graph;

  const classes: ChangeClass[] = [];
  for (const seed of seeds) {
    for (const c of seed.classes)
      if (!classes.includes(c) && classes.length < MAX_CLASSES) classes.push(c);
  }
  const k = classes.length;
  // ok[c][set]: does an edge with break set `set` break on class c?
  const ok = classes.map((c) =>
    Uint8Array.from(graph.breakSets, (set) => (set.includes(c) ? 1 : 0)),
  );
  // Contracts' verdicts as class bits: edges a broken one breaks on every class, and the
  // classes a kept one holds.
  const forced = new Map<number, { readonly breaks: number; readonly holds: number }>();
  for (const [e, v] of verdicts ?? []) {
    let holds = 0;
    for (let c = 0; c < k; c++) if (v.holds.includes(classes[c] as ChangeClass)) holds |= 1 << c;
    forced.set(e, { breaks: v.breaksAlways ? -1 : 0, holds: v.breaksAlways ? 0 : holds });
  }
  // The queue of (node, bits); all of an item's bits were reached at the same depth, so its
  // depth is read off the reach arrays. A node waiting at that depth takes more bits in place.
  const scratch = scratchFor(graph);
  const newReach = (): Reach =>
    scratch.free.pop() ?? { depth: new Int32Array(n).fill(-1), edge: new Int32Array(n).fill(-1) };
  const plain = newReach();
  const reach: Reach[] = classes.map(newReach);
  const waiting = scratch.waiting;
  let qNode = scratch.node;
  let qBits = scratch.bits;
  let tail = 0;
  const depthOf = (node: number, bits: number): number => {
    if (bits & PLAIN) return plain.depth[node] as number;
    let c = 0;
    while (((bits >> (c + 1)) & 1) === 0) c++;
    return (reach[c] as Reach).depth[node] as number;
  };
  const enqueue = (node: number, bits: number, depth: number) => {
    const slot = waiting[node] as number;
    if (slot >= 0 && depthOf(node, qBits[slot] as number) === depth) {
      qBits[slot] = (qBits[slot] as number) | bits;
      return;
    }
    if (tail === qNode.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      qNode = grow(qNode);
      qBits = grow(qBits);
      scratch.node = qNode;
      scratch.bits = qBits;
    }
    qNode[tail] = node;
    qBits[tail] = bits;
    waiting[node] = tail++;
  };

  const classOf = new Map<number, ChangeClass>();
  for (const seed of seeds) {
    const index = graph.indexOf.get(seed.id);
    if (index === undefined || classOf.has(index)) continue;
    classOf.set(index, seed.classes[0] ?? "modified");
    let bits = plain.depth[index] === -1 ? PLAIN : 0;
    plain.depth[index] = 0;
    for (const c of seed.classes) {
      const i = classes.indexOf(c);
      if (i < 0 || reach[i]?.depth[index] === 0) continue;
      (reach[i] as Reach).depth[index] = 0;
      bits |= 1 << (i + 1);
    }
    enqueue(index, bits, 0);
  }

  const frontier: number[] = [];
  // Nodes by first reach: breadth-first order.
  const order = scratch.orders.pop() ?? new Int32Array(n);
  let reached = 0;
  for (let head = 0; head < tail; head++) {
    const node = qNode[head] as number;
    const bits = qBits[head] as number;
    const d = depthOf(node, bits);
    if (waiting[node] === head) waiting[node] = -1;
    if (bits & PLAIN) order[reached++] = node;
    const end = offsets[node + 1] as number;
    if (d >= maxDepth) {
      if (bits & PLAIN) {
        for (let e = offsets[node] as number; e < end; e++) {
          if (plain.depth[targets[e] as number] === -1) {
            frontier.push(node);
            break;
          }
        }
      }
      continue;
    }
    const classBits = bits >> 1;
    for (let e = offsets[node] as number; e < end; e++) {
      const next = targets[e] as number;
      let add = 0;
      // Any reach of a node reaches its dependents.
      if (plain.depth[next] === -1) {
        plain.depth[next] = d + 1;
        plain.edge[next] = e;
        add = PLAIN;
      }
      if (classBits !== 0) {
        const set = breaks[e] as number;
        const verdict = verdicts ? forced.get(e) : undefined;
        for (let c = 0; c < k; c++) {
          const bit = 1 << c;
          if ((classBits & bit) === 0) continue;
          if (verdict) {
            if ((verdict.holds & bit) !== 0) continue;
            if ((verdict.breaks & bit) === 0 && set !== -1 && (ok[c] as Uint8Array)[set] === 0)
              continue;
          } else if (set !== -1 && (ok[c] as Uint8Array)[set] === 0) continue;
          const r = reach[c] as Reach;
          if (r.depth[next] !== -1) continue;
          r.depth[next] = d + 1;
          r.edge[next] = e;
          add |= 1 << (c + 1);
        }
      }
      if (add !== 0) enqueue(next, add, d + 1);
    }
  }

  // The class that breaks a node soonest, or -1 when none does.
  const bestClass = (node: number): number => {
    let best = -1;
    let bestDepth = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const dc = (reach[c] as Reach).depth[node] as number;
      if (dc > 0 && dc < bestDepth) {
        bestDepth = dc;
        best = c;
      }
    }
    return best;
  };
  const impactedOrder = order.subarray(0, reached);
  const truncated: Truncation | null =
    frontier.length > 0
      ? {
          reason: "max-depth",
          limit: maxDepth,
          frontier: frontier.map((i) => graph.ids[i] as string).sort(),
        }
      : null;
  let impacted: ImpactedNode[] | undefined;
  let released = false;
  // Impacted nodes read their paths off the arrays when first asked: built before a release.
  const built: Impacted[] = [];
  const live = () => {
    if (released) readAfterRelease();
  };
  const impactOf = (node: number): ImpactedNode | undefined => {
    live();
    const depth = plain.depth[node] as number;
    if (depth <= 0) return undefined;
    const b = bestClass(node);
    const breaking =
      b >= 0 ? { reach: reach[b] as Reach, changeClass: classes[b] as ChangeClass } : undefined;
    const made = new Impacted(graph, node, depth, plain, classOf, breaking);
    built.push(made);
    return made;
  };
  return {
    truncated,
    reached: (node) => (plain.depth[node] as number) >= 0,
    reachedBreaking: (node, changeClass) => {
      const c = classes.indexOf(changeClass);
      return c >= 0 && ((reach[c] as Reach).depth[node] as number) >= 0;
    },
    impactOf,
    forEach(visit) {
      live();
      for (const node of impactedOrder) {
        const depth = plain.depth[node] as number;
        if (depth > 0) visit(node, depth, bestClass(node) >= 0);
      }
    },
    get impacted() {
      live();
      if (!impacted) {
        const list: ImpactedNode[] = [];
        for (const node of impactedOrder) {
          const found = impactOf(node);
          if (found) list.push(found);
        }
        impacted = list;
      }
      return impacted;
    },
    release() {
      if (released) return;
      for (const node of built) {
        node.path;
        node.breakingPath;
      }
      released = true;
      // Every reached node is in the order (class reaches are a subset of the plain one).
      for (const r of [plain, ...reach]) {
        clearReached(r.depth, order, reached);
        clearReached(r.edge, order, reached);
        if (scratch.free.length < MAX_FREE) scratch.free.push(r);
      }
      if (scratch.orders.length < MAX_FREE) scratch.orders.push(order);
    },
  };
}

function readAfterRelease(): never {
  throw new Error("a blast radius was read after its release()");
}

/** Sets the first `count` nodes of `order` back to -1 in `values`. */
function clearReached(values: Int32Array, order: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) values[order[i] as number] = -1;
}

function pathOf(
  graph: CompactGraph,
  reach: Reach,
  node: number,
  changeClass: (origin: number) => ChangeClass,
): ImpactPath {
  const edges: number[] = [];
  let at = node;
  while ((reach.depth[at] as number) > 0) {
    const e = reach.edge[at] as number;
    edges.push(e);
    at = graph.sources[e] as number;
  }
  edges.reverse();
  return edges.length === 0
    ? { changed: graph.ids[at] as string, changeClass: changeClass(at), steps: [] }
    : pathFromEdges(graph, edges, changeClass(at));
}

/** Whether two reaches arrive at `node` along the very same edges. */
function sameChain(graph: CompactGraph, a: Reach, b: Reach, node: number): boolean {
  if (a.depth[node] !== b.depth[node]) return false;
  for (
    let at = node;
    (a.depth[at] as number) > 0;
    at = graph.sources[a.edge[at] as number] as number
  ) {
    if (a.edge[at] !== b.edge[at]) return false;
  }
  return true;
}

/** An impacted node of the walk downstream, its paths read off the walk's arrays. */
class Impacted extends LazyImpacted {
  constructor(
    graph: CompactGraph,
    node: number,
    depth: number,
    private readonly plain: Reach,
    private readonly classOf: ReadonlyMap<number, ChangeClass>,
    private readonly breaking: { reach: Reach; changeClass: ChangeClass } | undefined,
  ) {
    super(graph, node, depth, breaking !== undefined);
  }

  protected buildPath(): ImpactPath {
    return pathOf(this.graph, this.plain, this.node, (o) => this.classOf.get(o) ?? "modified");
  }

  protected buildBreakingPath(): ImpactPath | undefined {
    const hit = this.breaking;
    if (!hit) return undefined;
    // Also when the chain is the same but the class that breaks is not the one `path` names
    // (a kept contract holds the edge for the change's first class, not for another).
    return sameChain(this.graph, this.plain, hit.reach, this.node) &&
      this.path.changeClass === hit.changeClass
      ? undefined
      : pathOf(this.graph, hit.reach, this.node, () => hit.changeClass);
  }
}
