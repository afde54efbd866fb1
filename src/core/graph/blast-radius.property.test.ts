// The blast radius against an independent, deliberately plain model: reverse reachability
// by breadth-first search over adjacency lists.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Edge } from "../model.js";
import { bareNodes } from "../testing/helpers.js";
import { blastRadius } from "./blast-radius.js";
import { compactGraph } from "./compact-graph.js";

const CLASSES = ["modified", "deleted", "renamed"] as const;

const graphs = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.record({
        from: fc.nat(n - 1),
        to: fc.nat(n - 1),
        breaks: fc.option(fc.subarray([...CLASSES]), { nil: undefined }),
      }),
      { maxLength: n * 4 },
    ),
    changed: fc.uniqueArray(fc.record({ id: fc.nat(n - 1), cls: fc.constantFrom(...CLASSES) }), {
      selector: (c) => c.id,
      minLength: 1,
      maxLength: 4,
    }),
    maxDepth: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  }),
);

describe("blastRadius, property", () => {
  it("matches a plain BFS: same nodes, same depths, same severities", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, changed, maxDepth }) => {
        const ids = Array.from({ length: n }, (_, i) => `n${i}`);
        const declared = new Map<string, Edge[]>(ids.map((id) => [id, []]));
        const seen = new Set<string>();
        for (const e of edges) {
          const from = `n${e.from}`; // the dependent
          const to = `n${e.to}`;
          if (from === to || seen.has(`${from}>${to}`)) continue;
          seen.add(`${from}>${to}`);
          declared.get(from)?.push({ from, to, via: "x", breaksOn: e.breaks, index: 0 });
        }
        const graph = compactGraph({ nodes: bareNodes(ids, declared) });
        const edgeSet = new Set([...declared.values()].flat().map((e) => `${e.to}>${e.from}`));
        const seeds = changed.map((c) => ({ id: `n${c.id}`, classes: [c.cls] }));
        const result = blastRadius(graph, seeds, { maxDepth });

        // Independent model: downstream adjacency lists.
        const down = new Map<string, { to: string; breaks?: readonly string[] }[]>(
          ids.map((id) => [id, []]),
        );
        for (const list of declared.values())
          for (const e of list) down.get(e.to)?.push({ to: e.from, breaks: e.breaksOn });
        const bfs = (sources: string[], ok: (b?: readonly string[]) => boolean) => {
          const depth = new Map(sources.map((s) => [s, 0]));
          const queue = [...sources];
          while (queue.length > 0) {
            const at = queue.shift() as string;
            const d = depth.get(at) as number;
            if (maxDepth !== undefined && d >= maxDepth) continue;
            for (const next of down.get(at) ?? []) {
              if (!depth.has(next.to) && ok(next.breaks)) {
                depth.set(next.to, d + 1);
                queue.push(next.to);
              }
            }
          }
          return depth;
        };
        const changedIds = seeds.map((s) => s.id);
        /** Depth and severity of every node reached from these seeds, the seeds left out. */
        const radius = (from: typeof seeds) => {
          const all = bfs(
            from.map((s) => s.id),
            () => true,
          );
          const breaking = new Set<string>();
          for (const cls of CLASSES) {
            const sources = from.filter((s) => s.classes[0] === cls).map((s) => s.id);
            for (const id of bfs(sources, (b) => b === undefined || b.includes(cls)).keys())
              breaking.add(id);
          }
          return [...all]
            .filter(([id]) => !from.some((s) => s.id === id))
            .map(([id, d]) => ({
              id,
              line: `${id}@${d}:${breaking.has(id) ? "breaking" : "at-risk"}`,
            }));
        };
        // A changed node is impacted too when another changed node reaches it.
        const expected = [
          ...radius(seeds).map((r) => r.line),
          ...seeds.flatMap((seed) =>
            radius(seeds.filter((s) => s !== seed))
              .filter((r) => r.id === seed.id)
              .map((r) => r.line),
          ),
        ].sort();
        const actual = result.impacted.map((i) => `${i.id}@${i.depth}:${i.severity}`).sort();
        expect(actual).toEqual(expected);

        // Every explanation path is a real walk of the right length from a changed node.
        for (const node of result.impacted) {
          expect(node.path.steps.length).toBe(node.depth);
          expect(changedIds).toContain(node.path.changed);
          let at = node.path.changed;
          for (const step of node.path.steps) {
            expect(step.from).toBe(at);
            expect(edgeSet.has(`${step.from}>${step.to}`)).toBe(true);
            at = step.to;
          }
          expect(at).toBe(node.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("blastRadius.release, property", () => {
  /** What a radius says, as plain data: every impacted node with its depth and paths. */
  const said = (radius: ReturnType<typeof blastRadius>) =>
    radius.impacted.map((n) => ({
      id: n.id,
      depth: n.depth,
      severity: n.severity,
      path: n.path.steps.map((s) => `${s.via}>${s.to}`).join(" "),
      breaking: n.breakingPath?.steps.map((s) => `${s.via}>${s.to}`).join(" "),
    }));

  const paths = (n: ReturnType<typeof blastRadius>["impacted"][number]) => ({
    path: n.path.steps.map((s) => `${s.via}>${s.to}`).join(" "),
    breaking: n.breakingPath?.steps.map((s) => `${s.via}>${s.to}`).join(" "),
  });

  it("walks that reuse released arrays say exactly what fresh walks say", () => {
    fc.assert(
      fc.property(graphs, fc.array(fc.nat(29), { minLength: 2, maxLength: 8 }), (g, starts) => {
        const ids = Array.from({ length: g.n }, (_, i) => `n${i}`);
        const declared = new Map<string, Edge[]>(ids.map((id) => [id, []]));
        const seen = new Set<string>();
        for (const e of g.edges) {
          const [from, to] = [`n${e.from}`, `n${e.to}`];
          if (from === to || seen.has(`${from}>${to}`)) continue;
          seen.add(`${from}>${to}`);
          declared.get(from)?.push({ from, to, via: `v${e.to}`, breaksOn: e.breaks, index: 0 });
        }
        const seedsOf = (start: number) => [
          { id: `n${start % g.n}`, classes: [CLASSES[start % 3] as (typeof CLASSES)[number]] },
          ...(start % 2 ? [{ id: `n${(start * 7) % g.n}`, classes: ["deleted" as const] }] : []),
        ];
        // Fresh: a graph of its own per walk, so no array is ever reused.
        const fresh = starts.map((s) =>
          said(blastRadius(compactGraph({ nodes: bareNodes(ids, declared) }), seedsOf(s))),
        );
        const shared = compactGraph({ nodes: bareNodes(ids, declared) });
        const reused = starts.map((s) => {
          const radius = blastRadius(shared, seedsOf(s));
          // An impacted node built before the release keeps its paths after it.
          const result = said(radius);
          const first = radius.impacted[0];
          radius.release();
          if (first) expect(paths(first)).toEqual(paths(first));
          if (first)
            expect(paths(first)).toEqual({ path: result[0]?.path, breaking: result[0]?.breaking });
          expect(() => radius.impacted).toThrow(/after its release/);
          return result;
        });
        expect(reused).toEqual(fresh);
      }),
      { numRuns: 200 },
    );
  });
});
