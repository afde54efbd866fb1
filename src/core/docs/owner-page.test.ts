import { describe, expect, it } from "vitest";
import { analyzeNodes } from "../analyze.js";
import { reachable } from "../graph/reachable.js";
import { bundledModel } from "../testing/bundled-example.js";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { ownerPage } from "./owner-page.js";

const ALL = { maxRows: Number.MAX_SAFE_INTEGER };

describe("ownerPage on the bundled example", () => {
  const model = bundledModel();
  const owned = (owner: string) =>
    [...model.config.nodes.values()].filter((n) => n.owner === owner).map((n) => n.id);

  it("data-platform: their nodes, other teams upstream with contacts, teams to warn downstream", () => {
    const page = ownerPage(model, "data-platform", ALL);
    expect(page.contact).toMatchObject({ id: "data-platform", chat: "#data-platform" });
    expect(page.nodes.rows.map((n) => n.id)).toEqual(owned("data-platform"));
    expect(page.nodes.total).toBe(owned("data-platform").length);

    // Upstream: what reachability says is upstream of their nodes, less their own.
    const own = owned("data-platform").map((id) => model.compact.indexOf.get(id) as number);
    const up = Array.from(
      reachable(model.compact, own, { direction: "up" }).nodes,
      (i) => model.compact.ids[i] as string,
    ).filter((id) => model.config.nodes.get(id)?.owner !== "data-platform");
    expect(page.upstream.rows.map((r) => r.id).sort()).toEqual(up.sort());
    expect(up).toContain("iam-role/automation-runner");
    const iam = page.upstreamOwners.find((o) => o.id === "iam-platform");
    expect(iam).toMatchObject({ chat: "#iam-platform" });
    expect(iam?.nodes).toBe(page.upstream.rows.filter((r) => r.owner === "iam-platform").length);
    expect(page.upstreamOwners.reduce((n, o) => n + o.nodes, 0)).toBe(page.upstream.total);

    // Downstream: check's analysis of all their nodes deleted, less their own.
    const impact = analyzeNodes(
      model,
      owned("data-platform").map((id) => ({ id, classes: ["deleted"] })),
    );
    const foreign = impact.impacted.filter((n) => n.owner !== "data-platform");
    expect(page.downstream.rows.map((r) => r.id).sort()).toEqual(foreign.map((n) => n.id).sort());
    expect(page.downstream.rows.map((r) => r.id)).toContain("report/revenue");
    expect(page.downstreamOwners.map((o) => o.id)).not.toContain("data-platform");
    expect(page.downstreamOwners.find((o) => o.id === "finance-analytics")).toMatchObject({
      email: model.config.owners.get("finance-analytics")?.email,
    });
    const severities = page.downstream.rows.map((r) => r.severity);
    // Breaking first.
    const firstAtRisk = severities.indexOf("at-risk");
    if (firstAtRisk >= 0) expect(severities.slice(firstAtRisk)).not.toContain("breaking");
  });

  it("iam-platform is upstream of everyone and has nothing upstream of another team", () => {
    const page = ownerPage(model, "iam-platform", ALL);
    expect(page.upstream.total).toBe(0);
    expect(page.downstreamOwners.map((o) => o.id)).toContain("finance-analytics");
  });

  it("maxRows cuts the rows, never the totals", () => {
    const all = ownerPage(model, "iam-platform", ALL);
    const cut = ownerPage(model, "iam-platform", { maxRows: 1 });
    expect(all.downstream.total).toBeGreaterThan(1);
    expect(cut.downstream).toEqual({
      rows: all.downstream.rows.slice(0, 1),
      total: all.downstream.total,
    });
    expect(cut.nodes.total).toBe(all.nodes.total);
    expect(cut.downstreamOwners).toEqual(all.downstreamOwners);
  });

  it("refuses an owner that is not declared", () => {
    expect(() => ownerPage(model, "nobody-at-all", ALL)).toThrow(/no owner/);
  });
});

describe("ownerPage on small graphs", () => {
  it("an owner with no nodes has empty tables", () => {
    const model = modelOf(
      `version: 1\nowners:\n  idle: {chat: "#idle"}\nnodes:\n  a: {kind: service}\n`,
    );
    const page = ownerPage(model, "idle", ALL);
    expect(page.nodes.total + page.upstream.total + page.downstream.total).toBe(0);
    expect(page.upstreamOwners).toEqual([]);
    expect(page.downstreamOwners).toEqual([]);
  });

  it("nodes nobody owns upstream are counted under no id", () => {
    const model = modelOf(chainYaml({ a: {}, b: { owner: "t" } }, [["a", "b"]]));
    const page = ownerPage(model, "t", ALL);
    expect(page.upstream.rows).toEqual([{ id: "a", kind: "service", depth: 1 }]);
    expect(page.upstreamOwners).toEqual([{ nodes: 1 }]);
  });

  it("a cycle through two teams: each is upstream and downstream of the other", () => {
    const model = modelOf(
      chainYaml({ a: { owner: "x" }, b: { owner: "y" } }, [
        ["a", "b"],
        ["b", "a"],
      ]),
    );
    const page = ownerPage(model, "x", ALL);
    expect(page.upstream.rows.map((r) => r.id)).toEqual(["b"]);
    expect(page.downstream.rows.map((r) => r.id)).toEqual(["b"]);
    expect(page.downstreamOwners.map((o) => o.id)).toEqual(["y"]);
  });
});
