import { describe, expect, it } from "vitest";
import { bundledModel } from "../testing/bundled-example.js";
import { modelOf } from "../testing/helpers.js";
import { overview } from "./overview.js";

describe("overview", () => {
  it("counts the bundled example per owner, kind and tier, every node once in each", () => {
    const { config } = bundledModel();
    const o = overview(config);
    const nodes = [...config.nodes.values()];
    expect(o.nodes).toBe(nodes.length);
    expect(o.edges).toBe(nodes.reduce((n, node) => n + node.dependsOn.length, 0));
    const sum = (list: readonly { nodes: number }[]) => list.reduce((n, c) => n + c.nodes, 0);
    expect(sum(o.kinds)).toBe(o.nodes);
    expect(sum(o.tiers)).toBe(o.nodes);
    expect(sum(o.owners) + o.unowned).toBe(o.nodes);
    // Every declared owner is listed, even one without nodes.
    expect(o.owners.map((c) => c.key).sort()).toEqual([...config.owners.keys()].sort());
    const iam = nodes.filter((n) => n.owner === "iam-platform");
    expect(o.owners.find((c) => c.key === "iam-platform")).toEqual({
      key: "iam-platform",
      nodes: iam.length,
      critical: iam.filter((n) => n.tier !== undefined && n.tier <= 1).length,
    });
    expect(o.kinds.find((c) => c.key === "iam-role")?.nodes).toBe(
      nodes.filter((n) => n.kind === "iam-role").length,
    );
    for (const list of [o.owners, o.kinds, o.tiers])
      expect(list.map((c) => c.key)).toEqual(list.map((c) => c.key).sort());
  });

  it("untiered and unowned nodes", () => {
    const o = overview(
      modelOf(
        `version: 1\nowners:\n  t: {chat: "#t"}\n  idle: {chat: "#i"}\nnodes:\n  a: {kind: k, tier: 0, owner: t}\n  b: {kind: k}\n  c: {kind: j, tier: 3}\n`,
      ).config,
    );
    expect(o.unowned).toBe(2);
    expect(o.owners).toEqual([
      { key: "idle", nodes: 0, critical: 0 },
      { key: "t", nodes: 1, critical: 1 },
    ]);
    expect(o.tiers).toEqual([
      { key: "0", nodes: 1, critical: 1 },
      { key: "3", nodes: 1, critical: 0 },
      { key: "none", nodes: 1, critical: 0 },
    ]);
    expect(o.kinds).toEqual([
      { key: "j", nodes: 1, critical: 0 },
      { key: "k", nodes: 2, critical: 1 },
    ]);
  });
});
