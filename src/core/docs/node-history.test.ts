import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnalysisModel } from "../analysis-model.js";
import {
  type LocatedCommit,
  type UpstreamChange,
  upstreamChangesFrom,
} from "../explore/recent-changes.js";
import { bundledModel } from "../testing/bundled-example.js";
import { modelOf } from "../testing/helpers.js";
import { historyIndex } from "./node-history.js";

/** A path's hops as (from, via, to) triples that must be edges of the graph. */
function hopsValid(model: AnalysisModel, path: UpstreamChange["path"]): boolean {
  return path.vias.every((via, i) => {
    const from = path.nodes[i] as string;
    const to = path.nodes[i + 1] as string;
    return (
      model.config.nodes.get(to)?.dependsOn.some((e) => e.to === from && e.via === via) ?? false
    );
  });
}

/** historyIndex against the suspects function, node by node: the same answer, path aside. */
function expectSame(model: AnalysisModel, located: readonly LocatedCommit[]): void {
  const history = historyIndex(model, located);
  for (const id of model.config.nodes.keys()) {
    const want = upstreamChangesFrom(model, id, located);
    const got = history(id, Number.MAX_SAFE_INTEGER);
    expect(got.total, id).toBe(want.length);
    const strip = (c: UpstreamChange) => ({ ...c, path: c.path.nodes.length });
    expect(got.changes.map(strip), id).toEqual(want.map(strip));
    for (const change of got.changes) {
      expect(change.path.nodes[0]).toBe(change.node);
      expect(change.path.nodes.at(-1)).toBe(id);
      expect(hopsValid(model, change.path), JSON.stringify(change.path)).toBe(true);
    }
  }
}

const commit = (sha: string, time: number) => ({
  sha,
  time,
  author: "a",
  subject: sha,
  files: [],
});

describe("historyIndex", () => {
  it("gives every node of the bundled example what the suspects function gives it", () => {
    const model = bundledModel();
    const located: LocatedCommit[] = [
      {
        commit: commit("c1", 100),
        changed: [{ id: "iam-role/automation-runner", files: ["a.tf"], classes: ["unknown"] }],
      },
      {
        commit: commit("c2", 200),
        changed: [
          { id: "job/overnight-load", files: ["job.py"], classes: ["modified"] },
          { id: "iam-policy/warehouse-loader", files: ["p.tf"], classes: ["permissions-removed"] },
        ],
      },
      {
        commit: commit("c3", 200),
        changed: [{ id: "report/revenue", files: ["r.sql"], classes: ["modified"] }],
      },
    ];
    expectSame(model, located);
    const runner = historyIndex(model, located)("report/revenue", 2);
    expect(runner.total).toBe(3);
    expect(runner.changes.map((c) => c.commit.sha)).toEqual(["c3", "c2"]);
  });

  it("agrees with the suspects function on random graphs and commits, cycles included", () => {
    const graph = fc.integer({ min: 2, max: 12 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom("a", "b")), {
          maxLength: 30,
        }),
        fc.array(fc.tuple(fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }), fc.nat(5)), {
          minLength: 1,
          maxLength: 6,
        }),
      ),
    );
    fc.assert(
      fc.property(graph, ([n, edges, commits]) => {
        // One edge per pair: deps.yaml declares each dependency once.
        const deps = new Map<number, Map<number, string>>();
        for (const [from, to, via] of edges) {
          const on = deps.get(to) ?? new Map<number, string>();
          if (from !== to && !on.has(from)) on.set(from, `{on: n${from}, via: ${via}}`);
          deps.set(to, on);
        }
        const yaml = `version: 1\nnodes:\n${Array.from(
          { length: n },
          (_, i) =>
            `  n${i}:\n    kind: service\n${deps.get(i)?.size ? `    depends_on: [${[...(deps.get(i)?.values() ?? [])].join(", ")}]\n` : ""}`,
        ).join("")}`;
        const model = modelOf(yaml);
        const located: LocatedCommit[] = commits.map(([changed, time], i) => ({
          commit: commit(`c${i}`, time),
          changed: [...new Set(changed)].map((k) => ({
            id: `n${k}`,
            files: [`f${k}`],
            classes: ["modified" as const],
          })),
        }));
        expectSame(model, located);
      }),
      { numRuns: 150 },
    );
  });
});
