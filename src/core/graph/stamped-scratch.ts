// Work arrays kept with a graph between walks. A node is marked in walk `stamp` when its mark
// holds that stamp, so a walk starts with a new stamp instead of clearing n marks (the report
// makes two hundred walks of one graph). Before the stamp would overflow, fresh arrays.

import type { CompactGraph } from "./compact-graph.js";

export interface Stamped {
  stamp: number;
}

/** The graph's scratch from `cache`, made by `make(n)` on first use or when stamps run out. */
export function stampedScratch<T extends Stamped>(
  cache: WeakMap<CompactGraph, T>,
  graph: CompactGraph,
  make: (n: number) => T,
): T {
  let scratch = cache.get(graph);
  if (!scratch || scratch.stamp === 0x7fffffff) {
    scratch = make(graph.ids.length);
    cache.set(graph, scratch);
  }
  return scratch;
}
