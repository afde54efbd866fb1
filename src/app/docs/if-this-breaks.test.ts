// A node page's "if this breaks" is the analysis `check` runs, told by the page without
// sorting every impacted node: its counts, owners and rows against analyzeNodes itself, on the
// bundled example and on random graphs, with tables cut short so that the cut is tested.

import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnalysisModel } from "../../core/analysis-model.js";
import { analyzeNodes, whatIf } from "../../core/analyze.js";
import { IF_THIS_BREAKS_CLASS, nodePage } from "../../core/docs/node-page.js";
import type { ImpactedNode } from "../../core/model.js";
import { chainYaml, modelOf } from "../../core/testing/helpers.js";
import { loadModel } from "../load-model.js";

/** The order the page promises, spelt out independently: breaking, nearest, most critical, id. */
function expectedOrder(impacted: readonly ImpactedNode[]): ImpactedNode[] {
  const key = (n: ImpactedNode) => [n.severity === "breaking" ? 0 : 1, n.depth, n.tier ?? 2];
  return [...impacted].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++)
      if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

function expectSameAsAnalysis(model: AnalysisModel, id: string, maxRows: number): void {
  const page = nodePage(model, id, { maxRows });
  const impact = analyzeNodes(model, [{ id, classes: [IF_THIS_BREAKS_CLASS] }]);
  const breaks = page.ifThisBreaks;
  const breaking = impact.impacted.filter((n) => n.severity === "breaking");
  expect(breaks.risk).toBe(impact.risk);
  expect(breaks.breaking).toBe(breaking.length);
  expect(breaks.atRisk).toBe(impact.impacted.length - breaking.length);
  expect(breaks.nodes.total).toBe(impact.impacted.length);
  expect(breaks.owners.map((o) => [o.id, o.breaking, o.atRisk])).toEqual(
    impact.owners.map((o) => [o.id, o.breaking.length, o.atRisk.length]),
  );
  const expected = expectedOrder(impact.impacted).slice(0, maxRows);
  expect(breaks.nodes.rows.map((r) => [r.id, r.severity, r.depth, r.tier])).toEqual(
    expected.map((n) => [n.id, n.severity, n.depth, n.tier]),
  );
  expect(breaks.nodes.rows.map((r) => r.path.map((s) => s.to).join(">"))).toEqual(
    expected.map((n) =>
      (n.severity === "breaking" ? (n.breakingPath ?? n.path) : n.path).steps
        .map((s) => s.to)
        .join(">"),
    ),
  );
}

describe("a node page's if-this-breaks against analyzeNodes", () => {
  const example = loadModel(fileURLToPath(new URL("../../../deps.yaml", import.meta.url))).model;

  it("is the analysis on every node of the bundled example, whole and cut to 2 rows", () => {
    expect(example.config.nodes.has("iam-role/automation-runner")).toBe(true);
    for (const id of example.config.nodes.keys()) {
      expectSameAsAnalysis(example, id, 500);
      expectSameAsAnalysis(example, id, 2);
    }
  });

  it("is the analysis on random graphs, at every cut", () => {
    const graphs = fc.integer({ min: 2, max: 14 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        tiers: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), {
          minLength: n,
          maxLength: n,
        }),
        edges: fc.uniqueArray(
          fc.record({
            on: fc.nat(n - 1),
            dependent: fc.nat(n - 1),
            breaks: fc.option(fc.subarray(["deleted", "renamed", "modified"]), { nil: undefined }),
          }),
          { selector: (e) => `${e.on}>${e.dependent}`, maxLength: n * 3 },
        ),
        maxRows: fc.integer({ min: 0, max: 6 }),
      }),
    );
    fc.assert(
      fc.property(graphs, ({ n, tiers, edges, maxRows }) => {
        const nodes: Record<string, { tier?: number; owner?: string }> = {};
        for (let i = 0; i < n; i++) {
          const tier = tiers[i];
          nodes[`n${i}`] = {
            ...(tier !== undefined ? { tier } : {}),
            ...(i % 3 ? { owner: `team-${i % 2}` } : {}),
          };
        }
        const yaml = chainYaml(
          nodes,
          edges
            .filter((e) => e.on !== e.dependent)
            .map((e) => [`n${e.on}`, `n${e.dependent}`, "calls", e.breaks] as const),
        );
        const model = modelOf(yaml);
        for (const id of model.config.nodes.keys()) expectSameAsAnalysis(model, id, maxRows);
      }),
      { numRuns: 150 },
    );
  });

  it("builds one impacted node as the whole list has it, from one changed node or several", () => {
    const ids = [...example.config.nodes.keys()];
    for (const seeds of [ids.slice(0, 1), ids.slice(0, 3), ids.filter((_, i) => i % 4 === 0)]) {
      const { impact, radius } = whatIf(
        example,
        seeds.map((id) => ({ id, classes: [IF_THIS_BREAKS_CLASS] })),
      );
      const listed = new Map(impact.impacted.map((n) => [n.id, n]));
      let visited = 0;
      radius.forEach((node, depth, breaking) => {
        visited++;
        const one = radius.impactOf(node);
        const whole = listed.get(example.compact.ids[node] as string);
        expect(one?.id).toBe(whole?.id);
        expect([one?.depth, one?.severity, one?.path]).toEqual([
          whole?.depth,
          whole?.severity,
          whole?.path,
        ]);
        expect([depth, breaking]).toEqual([whole?.depth, whole?.severity === "breaking"]);
      });
      expect(visited).toBe(impact.impacted.length);
    }
  });
});
