import type { Owner, OwnerImpact } from "./model.js";

const HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/;

/** An owner's GitHub handle when it is a well-formed `@user` or `@org/team`, else undefined. */
export function githubHandle(owner: { readonly github?: string }): string | undefined {
  return owner.github && HANDLE.test(owner.github) ? owner.github : undefined;
}

/**
 * The owners of impacted nodes, each with what of theirs is hit; owners with breaking nodes
 * first, unowned nodes last. Fed one impacted node at a time, by owner number (`ownerIds`
 * index, -1 for none), so collecting a large blast radius hashes nothing.
 */
export function ownerCollector(
  ownerIds: readonly string[],
  owners: ReadonlyMap<string, Owner>,
): {
  add(owner: number, id: string, breaking: boolean): void;
  result(): OwnerImpact[];
} {
  const groups: ({ breaking: string[]; atRisk: string[] } | undefined)[] = [];
  const unowned = ownerIds.length;
  return {
    add(owner, id, breaking) {
      const slot = owner < 0 ? unowned : owner;
      let group = groups[slot];
      if (!group) {
        group = { breaking: [], atRisk: [] };
        groups[slot] = group;
      }
      (breaking ? group.breaking : group.atRisk).push(id);
    },
    result() {
      const result: OwnerImpact[] = [];
      groups.forEach((group, slot) => {
        if (!group) return;
        const id = slot === unowned ? undefined : ownerIds[slot];
        const owner = id === undefined ? undefined : owners.get(id);
        result.push({ id, github: owner?.github, chat: owner?.chat, ...group });
      });
      return result.sort((a, b) => {
        if (a.id === undefined || b.id === undefined) return a.id === undefined ? 1 : -1;
        const byBreaking = Number(b.breaking.length > 0) - Number(a.breaking.length > 0);
        return byBreaking || (a.id < b.id ? -1 : 1);
      });
    },
  };
}
