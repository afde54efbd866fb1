// Recent upstream changes for every node of a site at once. `upstreamChangesFrom` (the
// `suspects` function) walks up from one node and searches a path per suspect: right for one
// node, nodes × commits searches for a site. Here each node a commit changed is walked down
// once, whatever the number of pages, and a page reads its suspects from those walks: the same
// commits, nearest touched node, distance, files and classes, and one shortest path.

import type { GraphIndexes } from "../analysis-model.js";
import { compareClasses } from "../classes.js";
import type { LocatedCommit, UpstreamChange } from "../explore/recent-changes.js";
import type { CompactGraph } from "../graph/compact-graph.js";
import { reachable } from "../graph/reachable.js";
import type { ChangeClass } from "../model.js";

/** One walk down from a changed node: where it reaches, how far, by which edge. */
interface Walk {
  readonly nodes: Int32Array;
  readonly depths: Int32Array;
  readonly edges: Int32Array;
  /** Position in `nodes` of a node, or undefined when the walk does not reach it. */
  positionOf(node: number): number | undefined;
}

export interface NodeHistory {
  /** Every suspect of the node in the window. */
  readonly total: number;
  /** The first `limit`: nearest first, then newest (as `suspects` orders them). */
  readonly changes: readonly UpstreamChange[];
}

export function historyIndex(
  model: GraphIndexes,
  located: readonly LocatedCommit[],
): (id: string, limit: number) => NodeHistory {
  const graph = model.compact;
  const walks = new Map<number, Walk>();
  const walkFrom = (source: number): Walk => {
    let walk = walks.get(source);
    if (!walk) {
      walk = walkDown(graph, source);
      walks.set(source, walk);
    }
    return walk;
  };
  // Each commit's changed nodes as graph positions, with their walks (made once per node).
  const commits = located.map(({ commit, changed }) => ({
    commit,
    changed: changed.flatMap((c) => {
      const index = graph.indexOf.get(c.id);
      return index === undefined ? [] : [{ ...c, index, walk: walkFrom(index) }];
    }),
  }));

  return (id, limit) => {
    const target = graph.indexOf.get(id);
    if (target === undefined) return { total: 0, changes: [] };
    const hits: { at: number; best: number; distance: number }[] = [];
    commits.forEach(({ changed }, at) => {
      let best = -1;
      let distance = Number.POSITIVE_INFINITY;
      changed.forEach((c, k) => {
        const position = c.walk.positionOf(target);
        if (position === undefined) return;
        const d = c.walk.depths[position] as number;
        if (d < distance) {
          distance = d;
          best = k;
        }
      });
      if (best >= 0) hits.push({ at, best, distance });
    });
    hits.sort(
      (a, b) =>
        a.distance - b.distance ||
        (commits[b.at]?.commit.time as number) - (commits[a.at]?.commit.time as number) ||
        a.at - b.at,
    );
    const changes = hits.slice(0, limit).map(({ at, best, distance }): UpstreamChange => {
      const { commit, changed } = commits[at] as (typeof commits)[number];
      const nearest = changed[best] as (typeof changed)[number];
      const files = new Set<string>();
      const classes = new Set<ChangeClass>();
      for (const c of changed) {
        if (c.walk.positionOf(target) === undefined) continue;
        for (const file of c.files) files.add(file);
        for (const cls of c.classes) classes.add(cls);
      }
      return {
        commit,
        node: nearest.id,
        distance,
        files: [...files],
        classes: [...classes].sort(compareClasses),
        path: pathTo(graph, nearest.walk, target),
      };
    });
    return { total: hits.length, changes };
  };
}

function walkDown(graph: CompactGraph, source: number): Walk {
  const { nodes, depths, edges } = reachable(graph, [source], { direction: "down" });
  const n = graph.ids.length;
  // A walk that reaches a good part of the graph is looked up through an array, a small one
  // through a map: memory stays near the walk's size either way.
  if (nodes.length * 8 > n) {
    const at = new Int32Array(n).fill(-1);
    nodes.forEach((node, i) => {
      at[node] = i;
    });
    return {
      nodes,
      depths,
      edges,
      positionOf: (node) => {
        const i = at[node] as number;
        return i < 0 ? undefined : i;
      },
    };
  }
  const at = new Map<number, number>();
  nodes.forEach((node, i) => {
    at.set(node, i);
  });
  return { nodes, depths, edges, positionOf: (node) => at.get(node) };
}

/** The walk's shortest path from its source down to `target`, with the edge types. */
function pathTo(
  graph: CompactGraph,
  walk: Walk,
  target: number,
): { nodes: string[]; vias: string[] } {
  const nodes: string[] = [graph.ids[target] as string];
  const vias: string[] = [];
  let position = walk.positionOf(target);
  while (position !== undefined && (walk.edges[position] as number) >= 0) {
    const edge = walk.edges[position] as number;
    vias.unshift(graph.vias[graph.via[edge] as number] as string);
    const from = graph.sources[edge] as number;
    nodes.unshift(graph.ids[from] as string);
    position = walk.positionOf(from);
  }
  return { nodes, vias };
}
