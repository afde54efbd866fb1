import type { ImpactedNode, Owner, OwnerImpact } from "./model.js";

/** The owners of impacted nodes, each with what of theirs is hit; unowned nodes last. */
export function ownersToNotify(
  impacted: readonly ImpactedNode[],
  owners: ReadonlyMap<string, Owner>,
): OwnerImpact[] {
  const groups = new Map<string | undefined, { breaking: string[]; atRisk: string[] }>();
  for (const node of impacted) {
    let group = groups.get(node.owner);
    if (!group) {
      group = { breaking: [], atRisk: [] };
      groups.set(node.owner, group);
    }
    (node.severity === "breaking" ? group.breaking : group.atRisk).push(node.id);
  }
  const result: OwnerImpact[] = [];
  for (const [id, group] of groups) {
    const owner = id === undefined ? undefined : owners.get(id);
    result.push({ id, github: owner?.github, chat: owner?.chat, ...group });
  }
  return result.sort((a, b) => {
    if (a.id === undefined || b.id === undefined) return a.id === undefined ? 1 : -1;
    const byBreaking = Number(b.breaking.length > 0) - Number(a.breaking.length > 0);
    return byBreaking || (a.id < b.id ? -1 : 1);
  });
}
