// recentUpstreamChanges as it was before it was split into locateCommits and
// upstreamChangesFrom (every commit located again for every node): the reference the split is
// held to, node by node.

import type { AnalysisModel } from "../analysis-model.js";
import { locateIn } from "../analyze.js";
import { compareClasses } from "../classes.js";
import { pathsBetween } from "../explore/paths-between.js";
import {
  type CommitInfo,
  type UpstreamChange,
  upstreamDistances,
} from "../explore/recent-changes.js";
import type { ChangeClass, FileChange } from "../model.js";

export function referenceUpstreamChanges(
  model: AnalysisModel,
  id: string,
  commits: readonly CommitInfo[],
  repo?: string,
): UpstreamChange[] {
  const distances = upstreamDistances(model, id);
  const changes: UpstreamChange[] = [];
  for (const commit of commits) {
    const listed = (
      commit.changes ?? commit.files.map((path): FileChange => ({ path, status: "modified" }))
    ).map((f) => (f.repo === undefined && repo ? { ...f, repo } : f));
    const located = locateIn(model, listed);
    let best: { node: string; distance: number } | undefined;
    const files = new Set<string>();
    const classes = new Set<ChangeClass>();
    for (const node of located.changed) {
      const distance = distances.get(node.id);
      if (distance === undefined) continue;
      for (const cause of node.causes) files.add(cause.file);
      for (const c of node.classes) classes.add(c);
      if (!best || distance < best.distance) best = { node: node.id, distance };
    }
    if (!best) continue;
    const path =
      best.distance === 0
        ? { nodes: [id], vias: [] }
        : (pathsBetween(model.compact, best.node, id, 1).paths[0] ?? {
            nodes: [best.node, id],
            vias: ["?"],
          });
    changes.push({
      commit,
      ...best,
      files: [...files],
      classes: [...classes].sort(compareClasses),
      path,
    });
  }
  return changes.sort((a, b) => a.distance - b.distance || b.commit.time - a.commit.time);
}
