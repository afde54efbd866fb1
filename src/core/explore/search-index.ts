// Incremental fuzzy search over every node's id, kind, owner and description: fast enough to
// run on each keystroke over 100,000 nodes, and narrower each time the query grows.

import type { DepsConfig } from "../model.js";

export interface SearchIndex {
  readonly ids: readonly string[];
  /** Lower-cased "id kind owner description" per node. */
  readonly hay: readonly string[];
}

export function buildSearchIndex(config: Pick<DepsConfig, "nodes">): SearchIndex {
  const ids: string[] = [];
  const hay: string[] = [];
  for (const node of config.nodes.values()) {
    ids.push(node.id);
    hay.push(`${node.id} ${node.kind} ${node.owner ?? ""} ${node.description ?? ""}`.toLowerCase());
  }
  return { ids, hay };
}

/**
 * How well `hay` matches `query` (lower-case), or -1: a substring of the id scores best, a
 * substring elsewhere next, the query's letters in order (a subsequence) last.
 */
function score(hay: string, idLength: number, query: string): number {
  const at = hay.indexOf(query);
  if (at >= 0) return at < idLength ? 3_000_000 - at : 2_000_000 - at;
  let from = 0;
  let gaps = 0;
  for (let i = 0; i < query.length; i++) {
    const found = hay.indexOf(query[i] as string, from);
    if (found < 0) return -1;
    if (found > from) gaps++;
    from = found + 1;
  }
  return 1_000_000 - gaps * 1000 - from;
}

export interface SearchResult {
  /** Node numbers (into index.ids), best first. */
  readonly matches: readonly number[];
  /** Every node that matched, unordered: what a longer query needs to look at again. */
  readonly pool: readonly number[];
}

/** Nodes matching the query; `previous` (the result for a prefix of it) narrows the work. */
export function searchNodes(
  index: SearchIndex,
  query: string,
  previous?: SearchResult,
): SearchResult {
  const q = query.trim().toLowerCase();
  const all = index.ids.length;
  if (q === "") {
    const every = Array.from({ length: all }, (_, i) => i);
    return { matches: every, pool: every };
  }
  const candidates = previous?.pool;
  const scored: { node: number; score: number }[] = [];
  const visit = (node: number) => {
    const s = score(index.hay[node] as string, (index.ids[node] as string).length, q);
    if (s >= 0) scored.push({ node, score: s });
  };
  if (candidates) for (const node of candidates) visit(node);
  else for (let node = 0; node < all; node++) visit(node);
  const pool = scored.map((s) => s.node);
  scored.sort((a, b) => b.score - a.score || a.node - b.node);
  return { matches: scored.map((s) => s.node), pool };
}
