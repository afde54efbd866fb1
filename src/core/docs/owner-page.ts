// What one owner's page says, as data: their nodes, who can break them (everything upstream
// of their nodes that is not theirs) and whom they can break (the what-if of all their nodes
// breaking at once, the same analysis as `check`), each with the other teams' contacts.

import type { GraphIndexes } from "../analysis-model.js";
import { whatIf } from "../analyze.js";
import { reachable } from "../graph/reachable.js";
import type { ImpactSeverity } from "../model.js";
import { ownerCounter } from "../owners.js";
import {
  type Contact,
  contactFor,
  contactOf,
  IF_THIS_BREAKS_CLASS,
  kindsOf,
  type OwnerToCall,
  ownerToCall,
  type Table,
} from "./node-page.js";

export interface OwnedNode {
  readonly id: string;
  readonly kind: string;
  readonly tier?: number;
  readonly description?: string;
}

/** A node of another team on the far side of the owner's nodes. */
export interface AcrossRow {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  /** Edges to the nearest of the owner's nodes. */
  readonly depth: number;
  /** Downstream only: whether it breaks when the owner's nodes fail. */
  readonly severity?: ImpactSeverity;
}

/** Another team, with how many of its nodes are upstream of the owner's. */
export interface TeamCount extends Partial<Contact> {
  readonly nodes: number;
}

export interface OwnerPage {
  readonly contact: Contact;
  readonly nodes: Table<OwnedNode>;
  /** Who can break them: other teams' nodes upstream of theirs. */
  readonly upstream: Table<AcrossRow>;
  readonly upstreamOwners: readonly TeamCount[];
  /** Whom they can break: other teams' nodes that fail when theirs do. */
  readonly downstream: Table<AcrossRow>;
  readonly downstreamOwners: readonly OwnerToCall[];
}

export function ownerPage(
  model: GraphIndexes,
  ownerId: string,
  options: { readonly maxRows: number; readonly today?: string },
): OwnerPage {
  const { config, compact } = model;
  const owner = config.owners.get(ownerId);
  if (!owner) throw new Error(`no owner ${ownerId}`);
  const ownIndex = compact.ownerIds.indexOf(ownerId);
  const own: number[] = [];
  compact.ownerOf.forEach((o, i) => {
    if (o === ownIndex && ownIndex >= 0) own.push(i);
  });
  const nodes: OwnedNode[] = own.map((i) => {
    const node = compact.nodes[i] as (typeof compact.nodes)[number];
    return {
      id: node.id,
      kind: node.kind,
      ...(node.tier !== undefined ? { tier: node.tier } : {}),
      ...(node.description ? { description: node.description } : {}),
    };
  });

  // Rows are made only for the first maxRows of each list; the rest are counted (a hub owner's
  // lists run to thousands, and a site makes every owner's page).
  const reached = reachable(compact, own, { direction: "up" });
  const up: AcrossRow[] = [];
  let upTotal = 0;
  const upOwners = new Map<number, number>();
  for (let k = 0; k < reached.nodes.length; k++) {
    const i = reached.nodes[k] as number;
    const o = compact.ownerOf[i] as number;
    if (o === ownIndex && ownIndex >= 0) continue;
    upOwners.set(o, (upOwners.get(o) ?? 0) + 1);
    if (upTotal++ < options.maxRows) up.push(acrossRow(compact, i, reached.depths[k] as number));
  }

  const { radius } = whatIf(
    model,
    nodes.map((n) => ({ id: n.id, classes: [IF_THIS_BREAKS_CLASS] })),
    options.today ? { today: options.today } : {},
  );
  // Breaking first, then at risk, each in the analysis' order (by depth): the first maxRows of
  // each are all the list can show.
  const breaking: AcrossRow[] = [];
  const atRisk: AcrossRow[] = [];
  let downTotal = 0;
  const downOwners = ownerCounter(compact.ownerIds);
  radius.forEach((node, depth, breaks) => {
    const o = compact.ownerOf[node] as number;
    downOwners.add(o, breaks);
    if (o === ownIndex && ownIndex >= 0) return;
    downTotal++;
    const list = breaks ? breaking : atRisk;
    if (list.length < options.maxRows)
      list.push({ ...acrossRow(compact, node, depth), severity: breaks ? "breaking" : "at-risk" });
  });
  radius.release();
  const down = [...breaking, ...atRisk].slice(0, options.maxRows);
  return {
    contact: contactOf(owner),
    nodes: { rows: nodes.slice(0, options.maxRows), total: nodes.length },
    upstream: { rows: up, total: upTotal },
    upstreamOwners: [...upOwners.entries()]
      .map(
        ([o, n]): TeamCount => ({
          ...contactFor(config.owners, o < 0 ? undefined : compact.ownerIds[o]),
          nodes: n,
        }),
      )
      .sort((a, b) => b.nodes - a.nodes || ((a.id ?? "~") < (b.id ?? "~") ? -1 : 1)),
    downstream: { rows: down, total: downTotal },
    downstreamOwners: downOwners
      .result()
      .filter((o) => o.id !== ownerId)
      .map((o): OwnerToCall => ownerToCall(contactFor(config.owners, o.id), o.breaking, o.atRisk)),
  };
}

/** A node of another team as a row, with its distance from the owner's nearest node. */
function acrossRow(compact: GraphIndexes["compact"], i: number, depth: number): AcrossRow {
  const o = compact.ownerOf[i] as number;
  const tier = compact.tierOf[i] as number;
  return {
    id: compact.ids[i] as string,
    kind: kindsOf(compact)[i] as string,
    ...(o >= 0 ? { owner: compact.ownerIds[o] as string } : {}),
    ...(tier >= 0 ? { tier } : {}),
    depth,
  };
}
