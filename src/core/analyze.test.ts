import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { describePath } from "./render/describe-path.js";
import { chainYaml, modelOf } from "./testing/helpers.js";

const summary = (impact: ReturnType<typeof analyze>) =>
  impact.impacted.map((n) => `${n.id}@${n.depth}:${n.severity}`);

describe("analyze", () => {
  it("a diamond reaches the bottom once, at its shortest depth", () => {
    const model = modelOf(
      chainYaml({ a: { paths: ["a/**"] }, b: {}, c: {}, d: {}, e: {} }, [
        ["a", "b"],
        ["a", "c"],
        ["b", "d"],
        ["c", "d"],
        ["d", "e"],
      ]),
    );
    const impact = analyze(model, [{ path: "a/x.tf", status: "modified" }]);
    expect(impact.changed.map((c) => c.id)).toEqual(["a"]);
    expect(summary(impact)).toEqual([
      "b@1:breaking",
      "c@1:breaking",
      "d@2:breaking",
      "e@3:breaking",
    ]);
    expect(describePath(impact.impacted[3]!.path)).toBe(
      "a -[depends-on]-> b -[depends-on]-> d -[depends-on]-> e",
    );
  });

  it("cycles terminate and report each node once", () => {
    const model = modelOf(
      chainYaml({ a: { paths: ["a"] }, b: {}, c: {} }, [
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
      ]),
    );
    const impact = analyze(model, [{ path: "a", status: "modified" }]);
    expect(summary(impact)).toEqual(["b@1:breaking", "c@2:breaking"]);
  });

  it("several changed nodes: depth is from the nearest; a changed node another one reaches is impacted too", () => {
    const model = modelOf(
      chainYaml({ a: { paths: ["a"] }, b: {}, c: { paths: ["c"] }, d: {} }, [
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
      ]),
    );
    const impact = analyze(model, [
      { path: "a", status: "modified" },
      { path: "c", status: "modified" },
    ]);
    expect(impact.changed.map((c) => c.id)).toEqual(["a", "c"]);
    // c is changed itself, and a reaches it through b: it stays changed and is impacted at depth 2.
    expect(summary(impact)).toEqual(["b@1:breaking", "d@1:breaking", "c@2:breaking"]);
    expect(impact.impacted[1]?.path.changed).toBe("c");
    expect(impact.impacted[2]?.path.changed).toBe("a");
    expect(impact.impacted[2]?.path.steps.map((s) => s.to)).toEqual(["b", "c"]);
    // a is upstream of nothing changed: it is not impacted.
    expect(impact.impacted.some((i) => i.id === "a")).toBe(false);
  });

  it("renames match both the old and the new path: the old node loses the file, the new gains it", () => {
    const model = modelOf(
      chainYaml(
        {
          old: { paths: ["old/**"] },
          new: { paths: ["new/**"] },
          both: { paths: ["**/*.tf"] },
          x: {},
        },
        [["old", "x"]],
      ),
    );
    const impact = analyze(model, [
      { path: "new/f.tf", previousPath: "old/f.tf", status: "renamed" },
    ]);
    expect(impact.changed.map((c) => `${c.id}:${c.classes}`)).toEqual([
      "both:renamed",
      "new:added",
      "old:deleted",
    ]);
    expect(impact.changed.find((c) => c.id === "old")?.causes[0]?.evidence[0]?.detail).toBe(
      "moved to new/f.tf, which this node's rules do not match",
    );
    expect(summary(impact)).toEqual(["x@1:breaking"]);
  });

  it("a removed file is a deleted node; unmatched files are listed", () => {
    const model = modelOf(chainYaml({ a: { paths: ["a/*"] }, b: {} }, [["a", "b"]]));
    const impact = analyze(model, [
      { path: "a/x", status: "removed" },
      { path: "README.md", status: "modified" },
    ]);
    expect(impact.changed[0]?.classes).toEqual(["deleted"]);
    expect(impact.unmatchedFiles).toEqual(["README.md"]);
  });

  it("--max-depth cuts the walk and says where", () => {
    const model = modelOf(
      chainYaml({ a: { paths: ["a"] }, b: {}, c: {}, d: {} }, [
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
      ]),
    );
    const impact = analyze(model, [{ path: "a", status: "modified" }], { maxDepth: 2 });
    expect(summary(impact)).toEqual(["b@1:breaking", "c@2:breaking"]);
    expect(impact.truncated).toEqual({ reason: "max-depth", limit: 2, frontier: ["c"] });
    const whole = analyze(model, [{ path: "a", status: "modified" }], { maxDepth: 3 });
    expect(whole.truncated).toBeNull();
  });

  it("severity: breaking only where every edge breaks on the class; the breaking path is shown when longer", () => {
    // a -> b (breaks only on deleted) -> d ; a -> c -> e -> d (break on everything)
    const model = modelOf(
      chainYaml({ a: { paths: ["a"], tier: 0 }, b: {}, c: {}, d: { tier: 0 }, e: {}, f: {} }, [
        ["a", "b", "reads", ["deleted"]],
        ["b", "d"],
        ["a", "c", "calls"],
        ["c", "e"],
        ["e", "d"],
        ["b", "f"],
      ]),
    );
    const modified = analyze(model, [{ path: "a", status: "modified" }]);
    expect(summary(modified)).toEqual([
      "b@1:at-risk",
      "c@1:breaking",
      "d@2:breaking",
      "f@2:at-risk",
      "e@2:breaking",
    ]);
    const d = modified.impacted.find((n) => n.id === "d");
    expect(describePath(d!.path)).toBe("a -[reads]-> b -[depends-on]-> d");
    expect(describePath(d!.breakingPath!)).toBe(
      "a -[calls]-> c -[depends-on]-> e -[depends-on]-> d",
    );
    expect(modified.risk).toBe("high");

    const deleted = analyze(model, [{ path: "a", status: "removed" }]);
    expect(deleted.impacted.every((n) => n.severity === "breaking")).toBe(true);
    expect(deleted.impacted.every((n) => n.breakingPath === undefined)).toBe(true);
  });

  it("owners: deduplicated, with what of theirs is hit; unowned last", () => {
    const model = modelOf(
      chainYaml(
        { a: { paths: ["a"], owner: "iam" }, b: { owner: "bi" }, c: { owner: "bi" }, d: {} },
        [
          ["a", "b", "reads", ["deleted"]],
          ["a", "c"],
          ["a", "d"],
        ],
      ),
    );
    const impact = analyze(model, [{ path: "a", status: "modified" }]);
    expect(impact.owners).toEqual([
      { id: "bi", github: "@acme/bi", chat: undefined, breaking: ["c"], atRisk: ["b"] },
      { id: undefined, github: undefined, chat: undefined, breaking: ["d"], atRisk: [] },
    ]);
  });

  it("no matching file: nothing changed, risk none", () => {
    const model = modelOf(chainYaml({ a: { paths: ["a"] }, b: {} }, [["a", "b"]]));
    const impact = analyze(model, [{ path: "zzz", status: "modified" }]);
    expect(impact).toMatchObject({
      changed: [],
      impacted: [],
      risk: "none",
      unmatchedFiles: ["zzz"],
    });
  });
});
