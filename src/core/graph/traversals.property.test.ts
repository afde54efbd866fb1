// The shared traversals against a deliberately plain model: adjacency lists of the declared
// edges and a textbook breadth-first search, written here without the compact graph's rows.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Edge } from "../model.js";
import { bareNodes } from "../testing/helpers.js";
import { degree, neighbours } from "./adjacency.js";
import { compactGraph } from "./compact-graph.js";
import { neighbourhood } from "./neighbourhood.js";
import { reachable } from "./reachable.js";
import { shortestPaths } from "./shortest-paths.js";

type Direction = "down" | "up";

/** Random graphs with self-edges and repeated edges, which the compact graph must handle. */
const graphs = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // [dependent, dependency]
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
    starts: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
    a: fc.nat(n - 1),
    b: fc.nat(n - 1),
    hops: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  }),
);

function build(n: number, edges: readonly (readonly [number, number])[]) {
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const declared = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  for (const [from, to] of edges)
    declared.get(`n${from}`)?.push({ from: `n${from}`, to: `n${to}`, via: "x", index: 0 });
  const graph = compactGraph({ nodes: bareNodes(ids, declared) });
  // The plain model: one list per node and direction; a self-edge is no edge.
  const lists = { down: ids.map((): number[] => []), up: ids.map((): number[] => []) };
  for (const [dependent, dependency] of edges) {
    if (dependent === dependency) continue;
    lists.down[dependency]?.push(dependent);
    lists.up[dependent]?.push(dependency);
  }
  return { graph, lists };
}

/** Distance of every node from the nearest start, -1 when unreached or beyond `hops`. */
function plainDistances(list: number[][], starts: readonly number[], hops = Infinity): number[] {
  const dist = list.map(() => -1);
  const queue: number[] = [];
  for (const s of starts) {
    if (dist[s] === -1) {
      dist[s] = 0;
      queue.push(s);
    }
  }
  while (queue.length > 0) {
    const node = queue.shift() as number;
    if ((dist[node] as number) >= hops) continue;
    for (const next of list[node] ?? []) {
      if (dist[next] === -1) {
        dist[next] = (dist[node] as number) + 1;
        queue.push(next);
      }
    }
  }
  return dist;
}

describe("shared traversals, property", () => {
  it("adjacency: neighbours and degree both ways are the declared edges", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges }) => {
        const { graph, lists } = build(n, edges);
        for (const direction of ["down", "up"] as Direction[]) {
          for (let node = 0; node < n; node++) {
            const found = neighbours(graph, node, direction).map(([m]) => m);
            expect(found.sort()).toEqual([...(lists[direction][node] ?? [])].sort());
            expect(degree(graph, node, direction)).toBe(found.length);
          }
        }
      }),
    );
  });

  it("reachable: the same nodes at the same distances, breadth-first, starts first", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, starts, hops }) => {
        const { graph, lists } = build(n, edges);
        for (const direction of ["down", "up"] as Direction[]) {
          const expected = plainDistances(lists[direction], starts, hops);
          const { nodes, depths } = reachable(graph, starts, { direction, maxDepth: hops });
          const got = Array.from({ length: n }, () => -1);
          nodes.forEach((node, i) => {
            expect(got[node]).toBe(-1);
            got[node] = depths[i] as number;
          });
          expect(got).toEqual(expected);
          for (let i = 1; i < depths.length; i++)
            expect(depths[i]).toBeGreaterThanOrEqual(depths[i - 1] as number);
          expect(new Set(nodes.subarray(0, new Set(starts).size))).toEqual(new Set(starts));
        }
      }),
    );
  });

  it("neighbourhood: the center and everything within the hops either way, once each", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, a, hops }) => {
        const { graph, lists } = build(n, edges);
        const h = hops ?? 2;
        const down = plainDistances(lists.down, [a], h);
        const up = plainDistances(lists.up, [a], h);
        const expected = Array.from({ length: n }, (_, i) => i).filter(
          (i) => down[i] !== -1 || up[i] !== -1,
        );
        const got = neighbourhood(graph, a, h);
        expect(got[0]).toBe(a);
        expect(got).toHaveLength(new Set(got).size);
        expect([...got].sort((x, y) => x - y)).toEqual(expected);
      }),
    );
  });

  it("shortestPaths: every path valid and as long as the plain distance; all of them, or `max` and more", () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 1, max: 4 }), ({ n, edges, a, b }, max) => {
        const { graph, lists } = build(n, edges);
        for (const direction of ["down", "up"] as Direction[]) {
          const list = lists[direction];
          const dist = plainDistances(list, [a]);
          // How many shortest walks (edge sequences) lead to each node: parallel edges count twice.
          const count = dist.map((d): number => (d === 0 ? 1 : 0));
          const byDistance = Array.from({ length: n }, (_, i) => i)
            .filter((i) => (dist[i] as number) > 0)
            .sort((x, y) => (dist[x] as number) - (dist[y] as number));
          for (const v of byDistance)
            for (let u = 0; u < n; u++)
              for (const w of list[u] ?? [])
                if (w === v && dist[u] === (dist[v] as number) - 1)
                  count[v] = (count[v] as number) + (count[u] as number);

          for (const bound of [max, Number.POSITIVE_INFINITY]) {
            const found = shortestPaths(graph, a, b, direction, bound);
            if (dist[b] === -1) {
              expect(found).toBeUndefined();
              continue;
            }
            if (!found) throw new Error("a reachable node has no path");
            const total = count[b] as number;
            expect(found.paths).toHaveLength(Math.min(total, bound));
            expect(found.more).toBe(total > bound);
            const seen = new Set<string>();
            for (const path of found.paths) {
              expect(path.edges).toHaveLength(dist[b] as number);
              expect(path.nodes[0]).toBe(a);
              expect(path.nodes.at(-1)).toBe(b);
              path.edges.forEach((e, i) => {
                const [from, to] =
                  direction === "down"
                    ? [graph.sources[e], graph.targets[e]]
                    : [graph.targets[e], graph.sources[e]];
                expect([from, to]).toEqual([path.nodes[i], path.nodes[i + 1]]);
              });
              seen.add(path.edges.join(","));
            }
            expect(seen.size).toBe(found.paths.length);
          }
        }
      }),
    );
  });
});
