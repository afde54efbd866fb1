// What one node's page says, as data: the HTML and the markdown renderers both draw it.
// Pure: the graph, the analysis and what the caller read (matches, history, contracts) in,
// the page's content out.

import type { GraphIndexes } from "../analysis-model.js";
import { whatIf } from "../analyze.js";
import type { Direction } from "../graph/adjacency.js";
import type { BlastRadius } from "../graph/blast-radius.js";
import type { CompactGraph } from "../graph/compact-graph.js";
import { reachable } from "../graph/reachable.js";
import type {
  CatalogData,
  ChangeClass,
  ImpactedNode,
  ImpactSeverity,
  MatchRules,
  Owner,
  Risk,
  SourceLocation,
} from "../model.js";
import { ownerCounter } from "../owners.js";

/** How a team is reached, as the page shows it. */
export interface Contact {
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly github?: string;
  readonly chat?: string;
  readonly email?: string;
  readonly escalation?: string;
}

/** At most `maxRows` rows of a longer list, with how long the list is. */
export interface Table<T> {
  readonly rows: readonly T[];
  readonly total: number;
}

/** A node up or down from the page's node, with the edge it is reached by. */
export interface RelationRow {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  /** Edges between it and the page's node (1: a direct dependency or dependent). */
  readonly depth: number;
  /** The edge type of the last hop of a shortest path: the edge this node is reached by. */
  readonly via: string;
  /** That edge's `breaks_on`; undefined: every class. */
  readonly breaksOn?: readonly ChangeClass[];
  /** The node on the other end of that edge (the page's node at depth 1). */
  readonly through: string;
  readonly discovered?: boolean;
}

/** One node that fails with the page's node, and how. */
export interface ImpactRow {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  readonly severity: ImpactSeverity;
  readonly depth: number;
  /** The hops from the page's node, as ids and edge types. */
  readonly path: readonly { readonly to: string; readonly via: string }[];
}

export interface OwnerToCall extends Partial<Contact> {
  /** Undefined: impacted nodes nobody owns. */
  readonly id?: string;
  readonly breaking: number;
  readonly atRisk: number;
}

/** The what-if blast radius of the node breaking: the same analysis as `check`. */
export interface IfThisBreaks {
  /** The class the what-if assumes: `deleted`, "whatever used it fails". */
  readonly changeClass: ChangeClass;
  readonly risk: Risk;
  readonly breaking: number;
  readonly atRisk: number;
  /** Every owner with something impacted, breaking ones first: whom to call. */
  readonly owners: readonly OwnerToCall[];
  /** Most severe first: breaking, then nearest, then most critical. */
  readonly nodes: Table<ImpactRow>;
}

export interface NodePage {
  readonly id: string;
  readonly kind: string;
  readonly tier?: number;
  readonly description?: string;
  readonly docs?: string;
  readonly runbook?: string;
  readonly catalog?: CatalogData;
  readonly declaredAt: SourceLocation;
  /** The owners key as written, even when no owner of that name is declared. */
  readonly ownerId?: string;
  readonly owner?: Contact;
  readonly match: MatchRules;
  /** What it depends on, every depth, nearest first. */
  readonly upstream: Table<RelationRow>;
  /**
   * What depends on it directly. Everything further down is in `ifThisBreaks` (every node
   * downstream is impacted, breaking or at risk): listing it twice would double a hub's page.
   */
  readonly downstream: Table<RelationRow>;
  readonly ifThisBreaks: IfThisBreaks;
}

export interface NodePageOptions {
  /** Rows kept of each table (their exports hold the same rows); the totals are always told. */
  readonly maxRows: number;
  /** YYYY-MM-DD, for waivers in the what-if's contracts. */
  readonly today?: string;
}

/** The class a page's "if this breaks" assumes: the node stops working altogether. */
export const IF_THIS_BREAKS_CLASS: ChangeClass = "deleted";

export function contactOf(owner: Owner): Contact {
  return {
    id: owner.id,
    ...(owner.catalog?.title ? { title: owner.catalog.title } : {}),
    ...(owner.description ? { description: owner.description } : {}),
    ...(owner.github ? { github: owner.github } : {}),
    ...(owner.chat ? { chat: owner.chat } : {}),
    ...(owner.email ? { email: owner.email } : {}),
    ...(owner.escalation ? { escalation: owner.escalation } : {}),
  };
}

/**
 * How to reach the team an owners key names: its contacts when it is declared, its bare id when
 * not, nothing for nodes nobody owns (`id` undefined). One object per team and owners map: a
 * site lists the same teams on every page.
 */
export function contactFor(
  owners: ReadonlyMap<string, Owner>,
  id: string | undefined,
): Partial<Contact> {
  if (id === undefined) return NOBODY;
  let byId = contactsOf.get(owners);
  if (!byId) {
    byId = new Map();
    contactsOf.set(owners, byId);
  }
  let contact = byId.get(id);
  if (!contact) {
    const owner = owners.get(id);
    contact = Object.freeze(owner ? contactOf(owner) : { id });
    byId.set(id, contact);
  }
  return contact;
}
const NOBODY: Partial<Contact> = Object.freeze({});
const contactsOf = new WeakMap<ReadonlyMap<string, Owner>, Map<string, Partial<Contact>>>();

/**
 * A team to call about a page's node, with how much of theirs breaks. Its fields written out,
 * not spread: a site makes one per team per page, hundreds of thousands.
 */
export function ownerToCall(
  contact: Partial<Contact>,
  breaking: number,
  atRisk: number,
): OwnerToCall {
  const call: { -readonly [K in keyof OwnerToCall]: OwnerToCall[K] } = { breaking, atRisk };
  if (contact.id !== undefined) call.id = contact.id;
  if (contact.title !== undefined) call.title = contact.title;
  if (contact.description !== undefined) call.description = contact.description;
  if (contact.github !== undefined) call.github = contact.github;
  if (contact.chat !== undefined) call.chat = contact.chat;
  if (contact.email !== undefined) call.email = contact.email;
  if (contact.escalation !== undefined) call.escalation = contact.escalation;
  return call;
}

export function nodePage(model: GraphIndexes, id: string, options: NodePageOptions): NodePage {
  const { config, compact } = model;
  const node = config.nodes.get(id);
  const index = compact.indexOf.get(id);
  if (!node || index === undefined) throw new Error(`no node ${id}`);
  const owner = node.owner === undefined ? undefined : config.owners.get(node.owner);
  return {
    id,
    kind: node.kind,
    ...(node.tier !== undefined ? { tier: node.tier } : {}),
    ...(node.description ? { description: node.description } : {}),
    ...(node.docs ? { docs: node.docs } : {}),
    ...(node.runbook ? { runbook: node.runbook } : {}),
    ...(node.catalog ? { catalog: node.catalog } : {}),
    declaredAt: node.declaredAt,
    ...(node.owner !== undefined ? { ownerId: node.owner } : {}),
    ...(owner ? { owner: contactOf(owner) } : {}),
    match: node.match,
    upstream: relations(compact, index, "up", options.maxRows),
    downstream: relations(compact, index, "down", options.maxRows, 1),
    ifThisBreaks: ifThisBreaks(model, id, options),
  };
}

/** Every node up or down from `start`, nearest first, with the edge each is reached by. */
export function relations(
  graph: CompactGraph,
  start: number,
  direction: Direction,
  maxRows: number,
  maxDepth?: number,
): Table<RelationRow> {
  // The start and the rows kept; the walk still counts every node.
  const { nodes, depths, edges, count } = reachable(graph, [start], {
    direction,
    keep: maxRows + 1,
    ...(maxDepth !== undefined ? { maxDepth } : {}),
  });
  const rows: RelationRow[] = [];
  const kinds = kindsOf(graph);
  // nodes[0] is the start itself.
  for (let i = 1; i < nodes.length && rows.length < maxRows; i++) {
    const node = nodes[i] as number;
    const edge = edges[i] as number;
    const other = direction === "down" ? graph.sources[edge] : graph.targets[edge];
    rows.push(relationRow(graph, kinds, node, depths[i] as number, edge, other as number));
  }
  return { rows, total: count - 1 };
}

/**
 * Each node's kind, by graph index: read from one array, not from node records whose shapes
 * vary with the keys each declares (a site reads a million of them).
 */
export function kindsOf(graph: CompactGraph): readonly string[] {
  let kinds = kindsByGraph.get(graph);
  if (!kinds) {
    kinds = graph.nodes.map((node) => node.kind);
    kindsByGraph.set(graph, kinds);
  }
  return kinds;
}
const kindsByGraph = new WeakMap<CompactGraph, readonly string[]>();

function relationRow(
  graph: CompactGraph,
  kinds: readonly string[],
  node: number,
  depth: number,
  edge: number,
  other: number,
): RelationRow {
  const breaks = graph.breaks[edge] as number;
  const owner = graph.ownerOf[node] as number;
  const tier = graph.tierOf[node] as number;
  // No spreads: a site makes a million of these. Absent is undefined.
  return {
    id: graph.ids[node] as string,
    kind: kinds[node] as string,
    owner: owner >= 0 ? (graph.ownerIds[owner] as string) : undefined,
    tier: tier >= 0 ? tier : undefined,
    depth,
    via: graph.vias[graph.via[edge] as number] as string,
    breaksOn: breaks >= 0 ? graph.breakSets[breaks] : undefined,
    through: graph.ids[other] as string,
    discovered: graph.discovered?.[edge] ? true : undefined,
  };
}

/** An untiered node counts as tier 2, as in the analysis. */
const tierRank = (tier: number | undefined) => tier ?? 2;

function ifThisBreaks(model: GraphIndexes, id: string, options: NodePageOptions): IfThisBreaks {
  const { impact, radius } = whatIf(model, [{ id, classes: [IF_THIS_BREAKS_CLASS] }], {
    ...(options.today ? { today: options.today } : {}),
  });
  const owners = ownerCounter(model.compact.ownerIds);
  const { breaking, atRisk } = bySeverity(radius, options.maxRows, model.compact.ownerOf, owners);
  const kept = mostSevere(model.compact, breaking, atRisk, options.maxRows);
  const rows = kept.map((node) => impactRow(radius.impactOf(node) as ImpactedNode));
  // Every node's page walks: the walk's arrays go to the next page's walk.
  radius.release();
  return {
    changeClass: IF_THIS_BREAKS_CLASS,
    risk: impact.risk,
    breaking: breaking.count,
    atRisk: atRisk.count,
    // Counted here rather than read from impact.owners, which lists every impacted id by owner:
    // the same owners in the same order.
    owners: owners
      .result()
      .map((o) => ownerToCall(contactFor(model.config.owners, o.id), o.breaking, o.atRisk)),
    nodes: {
      rows,
      total: breaking.count + atRisk.count,
    },
  };
}

/** Impacted nodes (graph indexes) and their depths, in the order the analysis lists them. */
interface Listed {
  readonly nodes: number[];
  readonly depths: number[];
  /** Every node of this severity, listed or not. */
  count: number;
}

/**
 * The blast radius split by severity, without an object per node. Only the nodes that can be
 * among the first `keep` of each are listed: the analysis lists them by depth, so that is every
 * node of the depths the first `keep` reach (a depth's nodes are then ordered by criticality).
 */
function bySeverity(
  radius: BlastRadius,
  keep: number,
  ownerOf: Int32Array,
  owners?: { add(owner: number, breaking: boolean): void },
): { breaking: Listed; atRisk: Listed } {
  const breaking: Listed = { nodes: [], depths: [], count: 0 };
  const atRisk: Listed = { nodes: [], depths: [], count: 0 };
  let byDepth = true;
  let last = 0;
  radius.forEach((node, depth, breaks) => {
    owners?.add(ownerOf[node] as number, breaks);
    if (depth < last) byDepth = false;
    last = depth;
    const list = breaks ? breaking : atRisk;
    list.count++;
    if (list.nodes.length < keep || list.depths[list.depths.length - 1] === depth) {
      list.nodes.push(node);
      list.depths.push(depth);
    }
  });
  // Listed out of depth order (changed nodes that others reach come last): list them all.
  return byDepth || keep === Number.POSITIVE_INFINITY
    ? { breaking, atRisk }
    : bySeverity(radius, Number.POSITIVE_INFINITY, ownerOf);
}

/**
 * The first `count` impacted nodes, most severe first (breaking, then nearest, then most
 * critical, then by id), without sorting them all: a site of 10,000 nodes has 2.7 million
 * impacted nodes in all its pages and keeps a few hundred of each. The analysis lists them by
 * depth, so only the depths that are kept are ordered, and those by one number per node.
 */
export function mostSevere(
  graph: CompactGraph,
  breaking: Listed,
  atRisk: Listed,
  count: number,
): number[] {
  const order = criticalOrder(graph);
  const kept: number[] = [];
  for (const { nodes, depths } of [breaking, atRisk]) {
    let at = nodes.map((_, i) => i);
    if (depths.some((d, i) => i > 0 && d < (depths[i - 1] as number)))
      at = at.sort((a, b) => (depths[a] as number) - (depths[b] as number));
    for (let i = 0; i < at.length && kept.length < count; ) {
      const depth = depths[at[i] as number];
      let end = i;
      while (end < at.length && depths[at[end] as number] === depth) end++;
      // A depth's nodes by their place in the criticality order: a typed array sorts numbers
      // natively, where a comparator of ids took a third of a hub's page.
      const places = new Int32Array(end - i);
      for (let j = i; j < end; j++)
        places[j - i] = order.place[nodes[at[j] as number] as number] as number;
      places.sort();
      for (let j = 0; j < places.length && kept.length < count; j++)
        kept.push(order.node[places[j] as number] as number);
      i = end;
    }
  }
  return kept;
}

/**
 * Every node of the graph, most critical first (untiered counts as tier 2), then by id: the
 * order a depth's impacted nodes are listed in. Made once per graph.
 */
function criticalOrder(graph: CompactGraph): { place: Int32Array; node: Int32Array } {
  let found = criticalOrders.get(graph);
  if (found) return found;
  const { tierOf, ids } = graph;
  const rank = (node: number) => {
    const tier = tierOf[node] as number;
    return tierRank(tier < 0 ? undefined : tier);
  };
  const node = Int32Array.from(ids.keys()).sort((a, b) => {
    const [ia, ib] = [ids[a] as string, ids[b] as string];
    return rank(a) - rank(b) || (ia < ib ? -1 : ia > ib ? 1 : 0);
  });
  const place = new Int32Array(node.length);
  for (let i = 0; i < node.length; i++) place[node[i] as number] = i;
  found = { place, node };
  criticalOrders.set(graph, found);
  return found;
}
const criticalOrders = new WeakMap<CompactGraph, { place: Int32Array; node: Int32Array }>();

function impactRow(node: ImpactedNode): ImpactRow {
  const path = node.severity === "breaking" ? (node.breakingPath ?? node.path) : node.path;
  // No spreads (a site makes a million rows); an absent owner or tier is undefined, which the
  // JSON export leaves out as it did the missing key.
  return {
    id: node.id,
    kind: node.kind,
    owner: node.owner,
    tier: node.tier,
    severity: node.severity,
    depth: node.depth,
    path: path.steps.map((s) => ({ to: s.to, via: s.via })),
  };
}
