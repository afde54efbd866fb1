// Suspects: changes that touched a node or anything upstream of it, nearest in the graph
// first, then newest. The incident question "what changed up there?", for `suspects` and the
// explorer's recent-changes view alike.

import type { AnalysisModel } from "../analysis-model.js";
import { locateIn } from "../analyze.js";
import { compareClasses } from "../classes.js";
import { reachable } from "../graph/reachable.js";
import type { ChangeClass, FileChange } from "../model.js";
import { pathsBetween } from "./paths-between.js";

/** A commit, or a merged pull request. */
export interface CommitInfo {
  /** A sha, or "#123" for a pull request. */
  readonly sha: string;
  /** Seconds since the epoch (commit time, or merge time). */
  readonly time: number;
  readonly author: string;
  readonly subject: string;
  readonly files: readonly string[];
  /** How each file changed, when known. */
  readonly changes?: readonly FileChange[];
  readonly url?: string;
}

export interface UpstreamChange {
  readonly commit: CommitInfo;
  /** The touched node nearest to the one asked about, and how far up it is (0: itself). */
  readonly node: string;
  readonly distance: number;
  readonly files: readonly string[];
  readonly classes: readonly ChangeClass[];
  /** From the touched node down to the one asked about, with the edge types. */
  readonly path: { readonly nodes: readonly string[]; readonly vias: readonly string[] };
}

/** Every node upstream of `id`, with its distance (the node itself at 0). */
export function upstreamDistances(model: AnalysisModel, id: string): Map<string, number> {
  const graph = model.compact;
  const start = graph.indexOf.get(id);
  const distances = new Map<string, number>();
  if (start === undefined) return distances;
  const { nodes, depths } = reachable(graph, [start], { direction: "up" });
  nodes.forEach((node, i) => {
    distances.set(graph.ids[node] as string, depths[i] as number);
  });
  return distances;
}

/** What one commit changed of the graph, located once and read for any node after. */
export interface LocatedCommit {
  readonly commit: CommitInfo;
  /** The nodes it changed, in the order located, each with the files and classes behind it. */
  readonly changed: readonly {
    readonly id: string;
    readonly files: readonly string[];
    readonly classes: readonly ChangeClass[];
  }[];
}

/**
 * Where each commit lands in the graph: the costly step (files, contents, Terraform and
 * Kubernetes objects), done once for every node that asks after (a docs site asks for all).
 */
export function locateCommits(
  model: AnalysisModel,
  commits: readonly CommitInfo[],
  repo?: string,
): LocatedCommit[] {
  const out: LocatedCommit[] = [];
  for (const commit of commits) {
    const listed = (
      commit.changes ?? commit.files.map((path): FileChange => ({ path, status: "modified" }))
    ).map((f) => (f.repo === undefined && repo ? { ...f, repo } : f));
    // The same reading as `check`: what a commit changed of a node, from its files and, where
    // they were read, their contents; a neighbour's change in a shared file is not this node's.
    const located = locateIn(model, listed);
    // A commit that touched no node cannot be anyone's suspect: not kept.
    if (located.changed.length === 0) continue;
    out.push({
      commit,
      changed: located.changed.map((node) => ({
        id: node.id,
        files: node.causes.map((cause) => cause.file),
        classes: node.classes,
      })),
    });
  }
  return out;
}

/** The located commits that touched `id` or anything upstream of it, nearest first, then newest. */
export function upstreamChangesFrom(
  model: AnalysisModel,
  id: string,
  located: readonly LocatedCommit[],
): UpstreamChange[] {
  if (located.length === 0) return [];
  const distances = upstreamDistances(model, id);
  const changes: UpstreamChange[] = [];
  for (const { commit, changed } of located) {
    let best: { node: string; distance: number } | undefined;
    const files = new Set<string>();
    const classes = new Set<ChangeClass>();
    for (const node of changed) {
      const distance = distances.get(node.id);
      if (distance === undefined) continue;
      for (const file of node.files) files.add(file);
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

/** One node's suspects from raw commits: locates them all, so for many nodes prefer the pair above. */
export function recentUpstreamChanges(
  model: AnalysisModel,
  id: string,
  commits: readonly CommitInfo[],
  repo?: string,
): UpstreamChange[] {
  return upstreamChangesFrom(model, id, locateCommits(model, commits, repo));
}
