import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { referenceUpstreamChanges } from "../testing/recent-changes-reference.js";
import {
  type CommitInfo,
  locateCommits,
  recentUpstreamChanges,
  upstreamChangesFrom,
} from "./recent-changes.js";

// The explore test's graph, with a file two nodes share and a rule for one repository only.
const model = modelOf(
  chainYaml(
    {
      "iam-role/runner": { paths: ["iam/**", "shared/**"], owner: "iam" },
      "svc/access": { paths: ["svc/**", "shared/**"] },
      "table/orders": { paths: ["sql/orders.sql"] },
      "dash/rev": {},
      "other/x": { paths: ["other/**"] },
    },
    [
      ["iam-role/runner", "svc/access", "token-exchange"],
      ["svc/access", "table/orders", "calls"],
      ["table/orders", "dash/rev", "reads"],
      ["iam-role/runner", "dash/rev", "reads"],
    ],
  ),
);

const commit = (sha: string, time: number, files: string[]): CommitInfo => ({
  sha,
  time,
  author: "a",
  subject: sha,
  files,
});

const COMMITS = [
  commit("new-iam", 300, ["iam/role.tf"]),
  commit("svc", 200, ["svc/app.yaml"]),
  commit("self", 100, ["sql/orders.sql"]),
  commit("elsewhere", 400, ["other/a"]),
  commit("shared", 200, ["shared/x", "svc/b.yaml", "iam/c.tf"]),
  commit("tie", 200, ["svc/c.yaml"]),
  commit("nothing", 500, ["README.md"]),
];

describe("recent upstream changes, located once", () => {
  it("gives every node what the old per-node reading gave", () => {
    const located = locateCommits(model, COMMITS);
    for (const id of model.config.nodes.keys())
      expect(upstreamChangesFrom(model, id, located), id).toEqual(
        referenceUpstreamChanges(model, id, COMMITS),
      );
    expect(recentUpstreamChanges(model, "dash/rev", COMMITS)).toEqual(
      referenceUpstreamChanges(model, "dash/rev", COMMITS),
    );
  });

  it("keeps only the commits that touched a node, with each node's files and classes", () => {
    const located = locateCommits(model, COMMITS);
    expect(located.map((l) => l.commit.sha)).toEqual([
      "new-iam",
      "svc",
      "self",
      "elsewhere",
      "shared",
      "tie",
    ]);
    const shared = located.find((l) => l.commit.sha === "shared");
    expect(shared?.changed.map((c) => [c.id, [...c.files].sort()])).toEqual([
      ["iam-role/runner", ["iam/c.tf", "shared/x"]],
      ["svc/access", ["shared/x", "svc/b.yaml"]],
    ]);
    // The nearest touched node wins; the files of every upstream node it touched are listed.
    const [first] = upstreamChangesFrom(model, "svc/access", [shared!]);
    expect(first).toMatchObject({ node: "svc/access", distance: 0 });
    expect([...(first?.files ?? [])].sort()).toEqual(["iam/c.tf", "shared/x", "svc/b.yaml"]);
    expect(upstreamChangesFrom(model, "iam-role/runner", [])).toEqual([]);
  });

  it("a repository given to locateCommits qualifies files the way it did per node", () => {
    const scoped = modelOf(`version: 1
owners: {}
nodes:
  a: {kind: service, match: {paths: ["acme/infra:iam/**"]}}
  b: {kind: service, depends_on: [{on: a, via: calls}]}
`);
    const commits = [commit("x", 1, ["iam/r.tf"])];
    for (const repo of [undefined, "acme/infra", "acme/other"])
      expect(upstreamChangesFrom(scoped, "b", locateCommits(scoped, commits, repo))).toEqual(
        referenceUpstreamChanges(scoped, "b", commits, repo),
      );
    expect(
      upstreamChangesFrom(scoped, "b", locateCommits(scoped, commits, "acme/infra")),
    ).toHaveLength(1);
  });

  it("agrees with the reference on random graphs and histories", () => {
    const N = 8;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(N - 1), fc.nat(N - 1)), { maxLength: 16 }),
        fc.array(fc.tuple(fc.nat(20), fc.array(fc.nat(N + 1), { minLength: 1, maxLength: 4 })), {
          maxLength: 8,
        }),
        (pairs, history) => {
          const names = Array.from({ length: N }, (_, i) => `n${i}`);
          // Edges only from lower to higher: a DAG, as the graph requires.
          const edges = pairs
            .filter(([a, b]) => a < b)
            .map(([a, b]) => [names[a], names[b], "calls"] as [string, string, string]);
          const unique = [...new Map(edges.map((e) => [`${e[0]} ${e[1]}`, e])).values()];
          const g = modelOf(
            chainYaml(
              Object.fromEntries(names.map((n, i) => [n, { paths: [`d${i}/**`, `d${i + 1}/**`] }])),
              unique,
            ),
          );
          const commits = history.map(([time, dirs], i) =>
            commit(
              `c${i}`,
              time,
              dirs.map((d) => `d${d}/f`),
            ),
          );
          const located = locateCommits(g, commits);
          for (const id of names)
            expect(upstreamChangesFrom(g, id, located)).toEqual(
              referenceUpstreamChanges(g, id, commits),
            );
        },
      ),
      { numRuns: 60 },
    );
  });
});
