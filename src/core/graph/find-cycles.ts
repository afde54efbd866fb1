import type { DepGraph } from "./dep-graph.js";

/**
 * Every dependency cycle, one per strongly connected component, each as a closed
 * walk `[a, b, c, a]` in dependency order. Iterative Tarjan: no recursion limit on big graphs.
 */
export function findCycles(graph: DepGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.nodes()) {
    if (index.has(root)) continue;
    const work: { node: string; neighbours: string[]; next: number }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, neighbours: graph.outNeighbors(node), next: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      if (frame.next < frame.neighbours.length) {
        const neighbour = frame.neighbours[frame.next++] as string;
        if (!index.has(neighbour)) open(neighbour);
        else if (onStack.has(neighbour)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(neighbour) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component);
      }
    }
  }
  return components.map((component) => cycleThrough(graph, component));
}

/** A shortest closed walk inside one component, starting at its smallest id. */
function cycleThrough(graph: DepGraph, component: string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0] as string;
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as string;
    for (const next of graph.outNeighbors(node)) {
      if (!members.has(next)) continue;
      if (next === start) {
        const walk = [start];
        for (
          let at: string | undefined = node;
          at !== undefined && at !== start;
          at = parent.get(at)
        ) {
          walk.push(at);
        }
        walk.push(start);
        // Edges point downstream; read the walk upstream so it says "a depends on b".
        return walk;
      }
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
