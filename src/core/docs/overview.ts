// The site's overview, as data: the graph counted per owner, kind and tier (never one picture
// of the whole graph), and the nodes with the largest blast radius.

import type { DepsConfig } from "../model.js";

export interface Counted {
  readonly key: string;
  readonly nodes: number;
  /** Tier 0 and 1 nodes among them. */
  readonly critical: number;
}

export interface Overview {
  readonly nodes: number;
  readonly edges: number;
  readonly owners: readonly Counted[];
  /** Nodes with an owner key no owner declares, or none. */
  readonly unowned: number;
  readonly kinds: readonly Counted[];
  /** "0" … "3", and "none" for nodes without a tier. */
  readonly tiers: readonly Counted[];
}

export function overview(config: DepsConfig): Overview {
  const owners = new Map<string, { nodes: number; critical: number }>();
  const kinds = new Map<string, { nodes: number; critical: number }>();
  const tiers = new Map<string, { nodes: number; critical: number }>();
  for (const id of config.owners.keys()) owners.set(id, { nodes: 0, critical: 0 });
  let edges = 0;
  let unowned = 0;
  const bump = (map: Map<string, { nodes: number; critical: number }>, key: string, c: boolean) => {
    const entry = map.get(key) ?? { nodes: 0, critical: 0 };
    entry.nodes++;
    if (c) entry.critical++;
    map.set(key, entry);
  };
  for (const node of config.nodes.values()) {
    edges += node.dependsOn.length;
    const critical = node.tier !== undefined && node.tier <= 1;
    if (node.owner !== undefined && config.owners.has(node.owner))
      bump(owners, node.owner, critical);
    else unowned++;
    bump(kinds, node.kind, critical);
    bump(tiers, node.tier === undefined ? "none" : String(node.tier), critical);
  }
  const list = (map: Map<string, { nodes: number; critical: number }>) =>
    [...map.entries()]
      .map(([key, v]) => ({ key, ...v }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    nodes: config.nodes.size,
    edges,
    owners: list(owners),
    unowned,
    kinds: list(kinds),
    tiers: list(tiers),
  };
}
