import type { CompactGraph } from "./compact-graph.js";

/**
 * Every dependency cycle, one per strongly connected component, each as a closed walk
 * `[a, b, c, a]` read "a depends on b depends on c depends on a". Iterative Tarjan over
 * typed arrays: no recursion limit, and cheap enough to run on every load.
 */
export function findCycles(graph: CompactGraph): string[][] {
  const n = graph.ids.length;
  const { offsets, targets } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let stackSize = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let counter = 0;
  const cycles: string[][] = [];

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    const open = (node: number) => {
      index[node] = counter;
      low[node] = counter;
      counter++;
      stack[stackSize++] = node;
      onStack[node] = 1;
      callNode[depth] = node;
      callEdge[depth] = offsets[node] as number;
      depth++;
    };
    open(root);
    while (depth > 0) {
      const node = callNode[depth - 1] as number;
      const e = callEdge[depth - 1] as number;
      if (e < (offsets[node + 1] as number)) {
        callEdge[depth - 1] = e + 1;
        const next = targets[e] as number;
        if (index[next] === -1) open(next);
        else if (onStack[next]) low[node] = Math.min(low[node] as number, index[next] as number);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callNode[depth - 1] as number;
        low[parent] = Math.min(low[parent] as number, low[node] as number);
      }
      if (low[node] === index[node]) {
        const members: number[] = [];
        let member: number;
        do {
          member = stack[--stackSize] as number;
          onStack[member] = 0;
          members.push(member);
        } while (member !== node);
        if (members.length > 1) cycles.push(cycleThrough(graph, members));
      }
    }
  }
  return cycles;
}

/** A shortest closed walk inside one component, from its smallest id. */
function cycleThrough(graph: CompactGraph, members: number[]): string[] {
  const inside = new Set(members);
  const ids = graph.ids;
  const start = members.reduce((a, b) => ((ids[a] as string) <= (ids[b] as string) ? a : b));
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (let e = graph.offsets[node] as number; e < (graph.offsets[node + 1] as number); e++) {
      const next = graph.targets[e] as number;
      if (!inside.has(next)) continue;
      if (next === start) {
        // Edges point downstream; read the walk upstream so it says "a depends on b".
        const walk = [ids[start] as string];
        for (let at = node; at !== start; at = parent.get(at) as number)
          walk.push(ids[at] as string);
        walk.push(ids[start] as string);
        return walk;
      }
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return [ids[start] as string, ids[start] as string];
}
