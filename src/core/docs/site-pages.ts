// The walk every format of the site shares: each node's page data and each owner's, computed
// once per page and handed over one at a time, and the lists per kind and tier. A format only
// renders what this gives it, so the HTML and the markdown site never disagree.

import type { DepsConfig, GraphNode } from "../model.js";
import { graphHealth, type HealthNote } from "./graph-health.js";
import type { NodeContracts } from "./node-contracts.js";
import type { NodeHistory } from "./node-history.js";
import { type NodePage, nodePage } from "./node-page.js";
import { HISTORY_ROWS } from "./node-sections.js";
import { type OwnerPage, ownerPage } from "./owner-page.js";
import type { DocsSiteInput } from "./site-input.js";

/** A node and how much breaks with it: the index lists the largest. */
export interface Reach {
  readonly id: string;
  readonly breaking: number;
  readonly atRisk: number;
}

/** How many of the largest blast radii the index lists. */
const LARGEST = 20;

const pageOptions = ({ maxRows, today }: DocsSiteInput) => ({
  maxRows,
  ...(today ? { today } : {}),
});

/** One node's page. */
export const nodePageOf = (input: DocsSiteInput, id: string): NodePage =>
  nodePage(input.model, id, pageOptions(input));

export const reachOf = (page: NodePage): Reach => ({
  id: page.id,
  breaking: page.ifThisBreaks.breaking,
  atRisk: page.ifThisBreaks.atRisk,
});

/** Every node's page in declaration order; `largest` is kept up to date as they go by. */
export function* eachNodePage(input: DocsSiteInput, largest: Reach[]): Generator<NodePage> {
  for (const id of input.model.config.nodes.keys()) {
    const page = nodePageOf(input, id);
    keepLargest(largest, reachOf(page));
    yield page;
  }
}

/** One owner's page. */
export const ownerPageOf = (input: DocsSiteInput, id: string): OwnerPage =>
  ownerPage(input.model, id, pageOptions(input));

export function* eachOwnerPage(input: DocsSiteInput): Generator<OwnerPage> {
  for (const id of input.model.config.owners.keys()) yield ownerPageOf(input, id);
}

/** The nodes of each kind and of each tier ("none": no tier), in declaration order. */
export function nodeLists(config: DepsConfig): {
  readonly byKind: ReadonlyMap<string, readonly GraphNode[]>;
  readonly byTier: ReadonlyMap<string, readonly GraphNode[]>;
} {
  const byKind = new Map<string, GraphNode[]>();
  const byTier = new Map<string, GraphNode[]>();
  for (const node of config.nodes.values()) {
    push(byKind, node.kind, node);
    push(byTier, node.tier === undefined ? "none" : String(node.tier), node);
  }
  return { byKind, byTier };
}

/** How a format draws a node's contracts and its recent changes (the same arguments for both). */
export interface SectionRenderers {
  readonly contracts: (
    here: { readonly path: string },
    id: string,
    contracts: NodeContracts,
    note: string,
  ) => string;
  readonly history: (
    here: { readonly path: string },
    id: string,
    history: NodeHistory,
    source: string,
  ) => string;
}

/**
 * The sections a node page gains from outside the graph, drawn by a format: its contracts after
 * the relation tables, its recent changes after "if this breaks".
 */
export function outsideSections(
  input: DocsSiteInput,
  id: string,
  here: { readonly path: string },
  render: SectionRenderers,
): { relations?: string; breaks?: string } {
  const { contracts, history } = input;
  return {
    ...(contracts
      ? { relations: render.contracts(here, id, contracts.of(id), contracts.note) }
      : {}),
    ...(history
      ? { breaks: render.history(here, id, history.of(id, HISTORY_ROWS), history.source) }
      : {}),
  };
}

/**
 * The graph-health notes, with stale rules when the repository was read: worked out once per
 * input, since the health page and the index (which counts them) are written apart.
 */
export function siteHealth(input: DocsSiteInput): HealthNote[] {
  let notes = healthOf.get(input);
  if (!notes) {
    notes = graphHealth(input.model.config, {
      ...(input.repository ? { matches: input.repository.matches } : {}),
      ...(input.today ? { today: input.today } : {}),
    });
    healthOf.set(input, notes);
  }
  return notes;
}
const healthOf = new WeakMap<DocsSiteInput, HealthNote[]>();

export const tierTitle = (tier: string) =>
  tier === "none" ? "Nodes without a tier" : `Tier ${tier}`;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Keeps the LARGEST nodes with the most breaking (then at-risk) nodes downstream, in order: the
 * same list whatever order the reaches come in (ties go by id).
 */
export function keepLargest(list: Reach[], reach: Reach): void {
  if (reach.breaking + reach.atRisk === 0) return;
  const larger = (a: Reach, b: Reach) =>
    a.breaking - b.breaking || a.atRisk - b.atRisk || (a.id < b.id ? 1 : -1);
  if (list.length === LARGEST && larger(reach, list[LARGEST - 1] as Reach) <= 0) return;
  let at = list.length;
  while (at > 0 && larger(reach, list[at - 1] as Reach) > 0) at--;
  list.splice(at, 0, reach);
  if (list.length > LARGEST) list.pop();
}
