import { describe, expect, it } from "vitest";
import type { ImpactedNode, PathStep } from "../model.js";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { blastRadius } from "./blast-radius.js";

const byId = (nodes: readonly ImpactedNode[]) => new Map(nodes.map((n) => [n.id, n]));

describe("an impacted node's paths", () => {
  const { compact } = modelOf(
    chainYaml({ a: {}, b: {}, c: {}, d: {} }, [
      ["a", "b", "iam"],
      ["b", "c", "http"],
      ["b", "d", "queue"],
    ]),
  );

  it("are built once: every read gives the same frozen object", () => {
    const c = byId(blastRadius(compact, [{ id: "a", classes: ["modified"] }]).impacted).get("c");
    if (!c) throw new Error("c is not impacted");
    expect(c.path).toBe(c.path);
    expect(c.breakingPath).toBe(c.breakingPath);
    expect(Object.isFrozen(c.path)).toBe(true);
    expect(Object.isFrozen(c.path.steps)).toBe(true);
    expect(() => (c.path.steps as PathStep[]).push(c.path.steps[0] as PathStep)).toThrow();
    expect(c.path.steps).toEqual([
      { from: "a", to: "b", via: "iam" },
      { from: "b", to: "c", via: "http" },
    ]);
  });

  it("share the step of an edge they both take, and serialise as plain data", () => {
    const impacted = byId(blastRadius(compact, [{ id: "a", classes: ["modified"] }]).impacted);
    const c = impacted.get("c") as ImpactedNode;
    const d = impacted.get("d") as ImpactedNode;
    expect(c.path.steps[0]).toBe(d.path.steps[0]);
    expect(Object.isFrozen(c.path.steps[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(d))).toEqual({
      id: "d",
      kind: "service",
      depth: 2,
      severity: "breaking",
      path: {
        changed: "a",
        changeClass: "modified",
        steps: [
          { from: "a", to: "b", via: "iam" },
          { from: "b", to: "d", via: "queue" },
        ],
      },
    });
  });

  it("of a changed node another changed node reaches are kept the same way", () => {
    const seeds = [
      { id: "a", classes: ["modified" as const] },
      { id: "b", classes: ["modified" as const] },
    ];
    const b = byId(blastRadius(compact, seeds).impacted).get("b");
    if (!b) throw new Error("b is not impacted");
    expect(b.path).toBe(b.path);
    expect(b.path.steps).toEqual([{ from: "a", to: "b", via: "iam" }]);
    expect(Object.isFrozen(b.path)).toBe(true);
  });
});
