import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { chainYaml, modelOf } from "../testing/helpers.js";
import {
  commentMarker,
  metaOf,
  readCommentMeta,
  renderComment,
  stableBody,
} from "./render-comment.js";
import { GITHUB_COMMENT_LIMIT } from "./render-markdown.js";

const base = {
  deps: "deps.yaml",
  repo: "acme/infra",
  pullRequest: 7,
  headSha: "b".repeat(40),
  baseSha: "a".repeat(40),
  validAt: "2026-11-20T09:00:00Z",
  files: { seen: 1, total: 1 },
};

function bigImpact(n: number) {
  const nodes: Record<string, { paths?: string[]; owner?: string }> = {
    root: { paths: ["root/**"], owner: "o" },
  };
  const edges: [string, string][] = [];
  for (let i = 0; i < n; i++) {
    nodes[`service/a-rather-long-node-name-${i}`] = { owner: `o${i % 50}` };
    edges.push(["root", `service/a-rather-long-node-name-${i}`]);
  }
  return analyze(modelOf(chainYaml(nodes, edges)), [{ path: "root/x", status: "modified" }]);
}

describe("the pull-request comment", () => {
  const impact = analyze(
    modelOf(
      chainYaml(
        {
          "iam-role/r": { paths: ["iam/**"], owner: "iam", tier: 0 },
          "svc/a": { owner: "data", tier: 0 },
        },
        [["iam-role/r", "svc/a", "calls"]],
      ),
    ),
    [{ path: "iam/role.tf", status: "modified" }],
  );

  it("starts with the marker and carries its analysis, read back unchanged", () => {
    const meta = metaOf(impact, base);
    const body = renderComment(impact, { meta, mentionOwners: false });
    expect(body.startsWith(`${commentMarker("deps.yaml")}\n`)).toBe(true);
    expect(readCommentMeta(body)).toEqual(meta);
    expect(meta).toMatchObject({
      risk: "high",
      peakRisk: "high",
      changed: ["iam-role/r"],
      impactedCount: 1,
      owners: ["data"],
    });
    expect(meta.impacted).toEqual([{ id: "svc/a", severity: "breaking", depth: 1, owner: "data" }]);
  });

  it("each graph has its own marker, and no marker can close the HTML comment early", () => {
    expect(commentMarker("deps.yaml")).not.toBe(commentMarker("acme/graph:deps.yaml@main"));
    const hostile = commentMarker("x-->y");
    expect(hostile.indexOf("-->")).toBe(hostile.length - 3);
  });

  it("the analysis block cannot be closed or turned into HTML by what it holds", () => {
    const meta = { ...metaOf(impact, base), deps: "a --> <script>" };
    const body = renderComment(impact, { meta, mentionOwners: false });
    const block = body.slice(body.lastIndexOf("<!-- blastradius:analysis"));
    expect(block.indexOf("-->")).toBe(block.length - 4);
    expect(block).not.toContain("<script>");
    expect(readCommentMeta(body)?.deps).toBe("a --> <script>");
  });

  it("a block of the wrong shape (someone edited the comment) reads as no block", () => {
    const meta = metaOf(impact, base);
    const body = renderComment(impact, { meta, mentionOwners: false });
    const block = JSON.stringify(meta);
    const edited = (patch: Record<string, unknown>) =>
      body.replace(
        /(<!-- blastradius:analysis\n)[^\n]*/,
        `$1${JSON.stringify({ ...meta, ...patch }).replace('"1e999"', "1e999")}`,
      );
    expect(readCommentMeta(body)).toEqual(JSON.parse(block));
    for (const patch of [
      { impacted: "svc/a" },
      { impacted: [{ id: 1, severity: "breaking", depth: 1 }] },
      { impacted: [{ id: "svc/a", severity: "fatal", depth: 1 }] },
      { changed: null },
      { risk: "catastrophic" },
      { acknowledged: { headSha: "x" } },
      // 1e999 is Infinity once parsed: an acknowledgement of any number of unjudged things.
      { acknowledged: { headSha: "x", risk: "high", breaking: [], unjudged: "1e999" } },
      { unjudged: -1 },
      { impacted: [{ id: "svc/a", severity: "breaking", depth: 0.5 }] },
      { owners: [7] },
    ])
      expect(readCommentMeta(edited(patch)), JSON.stringify(patch)).toBeUndefined();
    expect(readCommentMeta(edited({ run: "https://example.test/run/1" }))?.run).toBe(
      "https://example.test/run/1",
    );
  });

  it("remembers the highest risk it has shown", () => {
    const before = metaOf(impact, base);
    const none = analyze(modelOf(chainYaml({ a: { paths: ["a/**"] } }, [])), [
      { path: "b", status: "modified" },
    ]);
    expect(metaOf(none, base, before).peakRisk).toBe("high");
    expect(metaOf(none, base).peakRisk).toBe("none");
  });

  it("with 3,000 impacted nodes the whole comment stays under GitHub's limit, the block lists what fits", () => {
    const big = bigImpact(3000);
    const meta = metaOf(big, base);
    expect(meta.impactedCut).toBe(true);
    expect(meta.impactedCount).toBe(3000);
    expect(meta.impacted.length).toBeGreaterThan(50);
    const body = renderComment(big, { meta, mentionOwners: true });
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(readCommentMeta(body)?.impactedCount).toBe(3000);
  });

  it("the stable body ignores only the time the analysis is valid at", () => {
    const a = renderComment(impact, { meta: metaOf(impact, base), mentionOwners: false });
    const b = renderComment(impact, {
      meta: metaOf(impact, { ...base, validAt: "2026-11-21T00:00:00Z" }),
      mentionOwners: false,
    });
    const c = renderComment(impact, {
      meta: metaOf(impact, { ...base, headSha: "c".repeat(40) }),
      mentionOwners: false,
    });
    expect(stableBody(a)).toBe(stableBody(b));
    expect(stableBody(a)).not.toBe(stableBody(c));
  });

  it("a comment without a block, or with a broken one, has no analysis", () => {
    expect(readCommentMeta("just words")).toBeUndefined();
    expect(readCommentMeta("<!-- blastradius:analysis\n{not json\n-->")).toBeUndefined();
    expect(readCommentMeta('<!-- blastradius:analysis\n{"headSha":1}\n-->')).toBeUndefined();
  });
});
