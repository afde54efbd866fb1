// The order impacted nodes are shown and judged in: shared by the gate and every renderer,
// so neither depends on the other.

import { DEFAULT_TIER } from "./risk.js";

/** Breaking first, then most critical tier, then nearest, then id. */
export function byConcern<T extends { severity: string; tier?: number; depth: number; id: string }>(
  a: T,
  b: T,
): number {
  return (
    Number(a.severity !== "breaking") - Number(b.severity !== "breaking") ||
    (a.tier ?? DEFAULT_TIER) - (b.tier ?? DEFAULT_TIER) ||
    a.depth - b.depth ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
