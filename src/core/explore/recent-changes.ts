// The incident view: recent commits that touched anything upstream of a node (or the node),
// nearest in the graph first, then newest.

import type { AnalysisModel } from "../analyze.js";
import { PathIndex } from "../locate/path-index.js";
import { neighbours } from "./trees.js";

export interface CommitInfo {
  readonly sha: string;
  readonly time: number;
  readonly author: string;
  readonly subject: string;
  readonly files: readonly string[];
}

export interface UpstreamChange {
  readonly commit: CommitInfo;
  /** The touched node nearest to the one asked about, and how far up it is (0: itself). */
  readonly node: string;
  readonly distance: number;
  readonly files: readonly string[];
}

/** Every node upstream of `id`, with its distance (the node itself at 0). */
export function upstreamDistances(model: AnalysisModel, id: string): Map<string, number> {
  const graph = model.compact;
  const start = graph.indexOf.get(id);
  const distances = new Map<string, number>();
  if (start === undefined) return distances;
  const seen = new Int32Array(graph.ids.length).fill(-1);
  seen[start] = 0;
  let frontier = [start];
  for (let d = 0; frontier.length > 0; d++) {
    const next: number[] = [];
    for (const node of frontier) {
      distances.set(graph.ids[node] as string, d);
      for (const [m] of neighbours(graph, node, "up")) {
        if (seen[m] === -1) {
          seen[m] = d + 1;
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return distances;
}

export function recentUpstreamChanges(
  model: AnalysisModel,
  id: string,
  commits: readonly CommitInfo[],
  repo?: string,
): UpstreamChange[] {
  const distances = upstreamDistances(model, id);
  const nodes = [...distances.keys()].flatMap((n) => model.config.nodes.get(n) ?? []);
  const index = PathIndex.fromNodes(nodes);
  const changes: UpstreamChange[] = [];
  for (const commit of commits) {
    let best: { node: string; distance: number } | undefined;
    const files: string[] = [];
    for (const file of commit.files) {
      const hits = index.match(file, repo);
      if (hits.length === 0) continue;
      files.push(file);
      for (const hit of hits) {
        const distance = distances.get(hit.node) ?? Number.POSITIVE_INFINITY;
        if (!best || distance < best.distance) best = { node: hit.node, distance };
      }
    }
    if (best) changes.push({ commit, node: best.node, distance: best.distance, files });
  }
  return changes.sort((a, b) => a.distance - b.distance || b.commit.time - a.commit.time);
}
