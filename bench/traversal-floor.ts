// The traversal floor: the least any blast radius can cost, a plain breadth-first search over
// a typed-array (CSR) copy of the same edges, from the same changed nodes. Written here, in
// the bench, from the generator's own data, independent of blastradius's code.

import type { Org } from "./generate-org.js";

export interface FloorGraph {
  readonly index: Map<string, number>;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

export const traversalFloor = {
  build(org: Org): FloorGraph {
    const index = new Map(org.nodes.map((node, i) => [node.id, i]));
    const n = org.nodes.length;
    const offsets = new Int32Array(n + 1);
    for (const node of org.nodes) {
      for (const edge of node.dependsOn) {
        const to = index.get(edge.on) as number;
        offsets[to + 1] = (offsets[to + 1] as number) + 1;
      }
    }
    for (let i = 0; i < n; i++)
      offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
    const fill = offsets.slice(0, n);
    const targets = new Int32Array(offsets[n] as number);
    org.nodes.forEach((node, from) => {
      for (const edge of node.dependsOn) {
        const to = index.get(edge.on) as number;
        targets[fill[to] as number] = from;
        fill[to] = (fill[to] as number) + 1;
      }
    });
    return { index, offsets, targets };
  },

  /** How many nodes are reached, the changed ones included. */
  bfs(graph: FloorGraph, changed: readonly string[]): number {
    const n = graph.offsets.length - 1;
    const seen = new Uint8Array(n);
    const queue = new Int32Array(n);
    let tail = 0;
    for (const id of changed) {
      const i = graph.index.get(id) as number;
      if (!seen[i]) {
        seen[i] = 1;
        queue[tail++] = i;
      }
    }
    for (let head = 0; head < tail; head++) {
      const node = queue[head] as number;
      for (let e = graph.offsets[node] as number; e < (graph.offsets[node + 1] as number); e++) {
        const next = graph.targets[e] as number;
        if (!seen[next]) {
          seen[next] = 1;
          queue[tail++] = next;
        }
      }
    }
    return tail;
  },
};
