// How one node depends on another: every shortest path, in whichever direction one exists.

import type { CompactGraph } from "../graph/compact-graph.js";
import { shortestPaths } from "../graph/shortest-paths.js";

export interface PathsBetween {
  /** "down": `to` depends (transitively) on `from`; "up": `from` depends on `to`. */
  readonly direction: "down" | "up" | "none";
  readonly paths: readonly {
    readonly nodes: readonly string[];
    readonly vias: readonly string[];
  }[];
  /** More shortest paths exist than are listed. */
  readonly more: boolean;
}

export function pathsBetween(
  graph: CompactGraph,
  from: string,
  to: string,
  max = 20,
): PathsBetween {
  const a = graph.indexOf.get(from);
  const b = graph.indexOf.get(to);
  if (a === undefined || b === undefined || a === b)
    return { direction: "none", paths: [], more: false };
  for (const direction of ["down", "up"] as const) {
    const found = shortestPaths(graph, a, b, direction, max);
    if (found)
      return {
        direction,
        paths: found.paths.map((path) => ({
          nodes: path.nodes.map((i) => graph.ids[i] as string),
          vias: path.edges.map((e) => graph.vias[graph.via[e] as number] as string),
        })),
        more: found.more,
      };
  }
  return { direction: "none", paths: [], more: false };
}
