// How one node depends on another: every shortest path, in whichever direction one exists.

import type { CompactGraph } from "../graph/compact-graph.js";
import { neighbours } from "./trees.js";

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

function shortest(
  graph: CompactGraph,
  from: number,
  to: number,
  direction: "down" | "up",
  max: number,
) {
  const n = graph.ids.length;
  const depth = new Int32Array(n).fill(-1);
  const parents = new Map<number, [number, number][]>();
  depth[from] = 0;
  let frontier = [from];
  while (frontier.length > 0 && depth[to] === -1) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const [m, e] of neighbours(graph, node, direction)) {
        if (depth[m] === -1) {
          depth[m] = (depth[node] as number) + 1;
          next.push(m);
        }
        if (depth[m] === (depth[node] as number) + 1) {
          const list = parents.get(m) ?? [];
          list.push([node, e]);
          parents.set(m, list);
        }
      }
    }
    frontier = next;
  }
  if (depth[to] === -1) return undefined;
  const paths: { nodes: string[]; vias: string[] }[] = [];
  let more = false;
  const back = (node: number, nodes: string[], vias: string[]) => {
    if (paths.length >= max) {
      more = true;
      return;
    }
    if (node === from) {
      paths.push({ nodes: [graph.ids[from] as string, ...nodes], vias });
      return;
    }
    for (const [parent, e] of parents.get(node) ?? []) {
      back(
        parent,
        [graph.ids[node] as string, ...nodes],
        [graph.vias[graph.via[e] as number] as string, ...vias],
      );
    }
  };
  back(to, [], []);
  return { paths, more };
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
    const found = shortest(graph, a, b, direction, max);
    if (found) return { direction, ...found };
  }
  return { direction: "none", paths: [], more: false };
}
