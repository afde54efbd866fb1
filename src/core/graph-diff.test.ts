import { describe, expect, it } from "vitest";
import { diffGraphs, isEmptyDiff } from "./graph-diff.js";
import type { DepsConfig } from "./model.js";
import { renderGraphDiff } from "./render/render-graph-diff.js";
import { load } from "./testing/helpers.js";

function config(yaml: string): DepsConfig {
  const result = load({ "deps.yaml": yaml });
  if (!result.config) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

const before = config(`version: 1
owners: { a: {}, b: {} }
nodes:
  role: { kind: iam-role, owner: a, match: { paths: [iam/**] } }
  svc: { kind: service, owner: a, depends_on: [{ on: role, via: assumes-role }] }
  old: { kind: job, owner: a, depends_on: [svc] }
`);

describe("diffGraphs", () => {
  it("finds nodes and edges added, removed and changed", () => {
    const after = config(`version: 1
owners: { a: {}, b: {} }
nodes:
  role: { kind: iam-role, owner: b, match: { paths: [iam/**, roles/**], kubernetes: [Role/r] } }
  svc: { kind: service, owner: a, depends_on: [{ on: role, via: assumes-role, breaks_on: [deleted] }] }
  new: { kind: job, owner: a, depends_on: [svc, role] }
`);
    const diff = diffGraphs(before, after);
    expect(diff).toEqual({
      nodesAdded: ["new"],
      nodesRemoved: ["old"],
      nodesChanged: [
        { id: "role", fields: ["owner", "match.paths", "match.kubernetes"] },
        { id: "svc", fields: ["breaks_on"] },
      ],
      edgesAdded: [
        { from: "new", to: "role", via: "depends-on" },
        { from: "new", to: "svc", via: "depends-on" },
      ],
      edgesRemoved: [{ from: "old", to: "svc", via: "depends-on" }],
    });
    const markdown = renderGraphDiff("deps.yaml", diff);
    expect(markdown).toContain(
      "1 node added, 1 node removed, 2 nodes changed, 2 edges added, 1 edge removed",
    );
    expect(markdown).toContain("- `new` depends on `svc` _(depends-on)_");
  });

  it("the same graph has no difference", () => {
    expect(isEmptyDiff(diffGraphs(before, before))).toBe(true);
    expect(renderGraphDiff("deps.yaml", diffGraphs(before, before))).toContain(
      "not the nodes, edges or match rules",
    );
  });
});
