import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { digestImpact } from "./impact-digest.js";
import { metaOf, readCommentMeta, renderComment } from "./render/render-comment.js";
import { buildReport } from "./report/build-report.js";
import { chainYaml, modelOf } from "./testing/helpers.js";

const model = modelOf(
  chainYaml(
    {
      "iam-role/r": { paths: ["iam/**"], owner: "iam" },
      "svc/a": { owner: "data" },
      "dash/b": {},
    },
    [
      ["iam-role/r", "svc/a", "calls"],
      ["svc/a", "dash/b", "reads"],
    ],
  ),
);
const files = [{ path: "iam/role.tf", status: "modified" as const }];
const impact = analyze(model, files);

describe("digestImpact", () => {
  it("keeps the risk, the changed ids and each impacted node's id, severity, depth and owner", () => {
    expect(digestImpact(impact)).toEqual({
      risk: "medium",
      changed: ["iam-role/r"],
      impacted: [
        { id: "svc/a", severity: "breaking", depth: 1, owner: "data" },
        { id: "dash/b", severity: "breaking", depth: 2 },
      ],
      cut: false,
    });
  });

  it("stops where `keep` says, and says it cut", () => {
    const seen: string[] = [];
    const digest = digestImpact(impact, (node) => {
      seen.push(node.id);
      return seen.length < 2;
    });
    expect(digest.impacted.map((n) => n.id)).toEqual(["svc/a"]);
    expect(digest.cut).toBe(true);
    expect(seen).toEqual(["svc/a", "dash/b"]);
  });

  it("is what the comment records and what the report reads, at merge or recomputed", () => {
    const meta = metaOf(impact, {
      deps: "deps.yaml",
      repo: "acme/infra",
      pullRequest: 1,
      headSha: "b".repeat(40),
      baseSha: "a".repeat(40),
      validAt: "2026-11-20T09:00:00Z",
      files: { seen: 1, total: 1 },
    });
    const read = readCommentMeta(renderComment(impact, { meta, mentionOwners: false }));
    if (!read) throw new Error("the comment's block did not read back");
    const record = { id: "x", title: "t", author: "a", time: 60, files };
    const { cut: _, ...digest } = digestImpact(impact);
    const atMerge = { risk: read.risk, changed: read.changed, impacted: read.impacted };
    const report = buildReport(model, { since: 0, until: 120, source: "test" }, [
      record,
      { ...record, id: "y", atMerge },
    ]);
    const byId = new Map(report.changes.map((c) => [c.id, c]));
    expect(byId.get("x")).toMatchObject({ recomputed: true, impact: digest });
    expect(byId.get("y")).toMatchObject({ recomputed: false, impact: digest });
  });
});
