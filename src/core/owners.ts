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
      return result.sort((a, b) => ownerOrder(a, b, a.breaking.length, b.breaking.length));
    },
  };
}

/** How many nodes of each owner break and are at risk. */
export interface OwnerCount {
  /** Undefined: nodes nobody owns. */
  readonly id: string | undefined;
  readonly breaking: number;
  readonly atRisk: number;
}

/**
 * The owners of impacted nodes with how many of theirs are hit, in ownerCollector's order: for
 * a page that shows counts, not every impacted id (a docs site counts millions).
 */
export function ownerCounter(ownerIds: readonly string[]): {
  add(owner: number, breaking: boolean): void;
  result(): OwnerCount[];
} {
  // Slot ownerIds.length: nodes nobody owns.
  const breaking = new Int32Array(ownerIds.length + 1);
  const atRisk = new Int32Array(ownerIds.length + 1);
  return {
    add(owner, breaks) {
      const slot = owner < 0 ? ownerIds.length : owner;
      if (breaks) breaking[slot] = (breaking[slot] as number) + 1;
      else atRisk[slot] = (atRisk[slot] as number) + 1;
    },
    result() {
      const result: OwnerCount[] = [];
      for (let slot = 0; slot <= ownerIds.length; slot++) {
        const [b, r] = [breaking[slot] as number, atRisk[slot] as number];
        if (b + r > 0) result.push({ id: ownerIds[slot], breaking: b, atRisk: r });
      }
      return result.sort((a, b) => ownerOrder(a, b, a.breaking, b.breaking));
    },
  };
}

/** Owners with breaking nodes first, then by id; nodes nobody owns last. */
function ownerOrder(
  a: { readonly id?: string },
  b: { readonly id?: string },
  aBreaking: number,
  bBreaking: number,
): number {
  if (a.id === undefined || b.id === undefined) return a.id === undefined ? 1 : -1;
  const byBreaking = Number(bBreaking > 0) - Number(aBreaking > 0);
  return byBreaking || (a.id < b.id ? -1 : 1);
}
