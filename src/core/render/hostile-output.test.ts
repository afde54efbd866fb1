// Every output, given an Impact (or report, graph, suspects list) whose every foreign string
// carries OSC 52, clear-screen, conceal, C1 CSI, a bidi override, a forged verdict line and
// workflow commands: none of it reaches a terminal, the log or GitHub alive.

import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { DepGraph } from "../graph/dep-graph.js";
import { buildReport } from "../report/build-report.js";
import {
  renderReportHtml,
  renderReportJson,
  renderReportMarkdown,
} from "../report/render-report.js";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { CONTROLS, expectInert, HOSTILE, hostileImpact } from "../testing/hostile.js";
import { renderJson } from "./impact-json.js";
import { renderComment } from "./render-comment.js";
import { renderGraph } from "./render-graph.js";
import { renderBrokenGraph, renderGraphDiff } from "./render-graph-diff.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderImpactMermaid } from "./render-mermaid.js";
import {
  renderSuspectsJson,
  renderSuspectsMarkdown,
  renderSuspectsText,
  type SuspectsReport,
} from "./render-suspects.js";
import { renderText } from "./render-text.js";

const h = (value: string) => `${value}${HOSTILE}`;
const impact = hostileImpact();
/** The renderer's own colours: the only escape sequences it may print. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: our own colour codes are the point
const OWN_COLOURS = /\u001b\[(?:0|1|2|31|32|33|36)m/g;

describe("a hostile value in every field", () => {
  it("check / pr --format text, without and with colour", () => {
    const plain = renderText(impact);
    expectInert(plain);
    // Every part of the text is there, escaped: nothing was dropped to pass.
    for (const part of [
      "Changed",
      "Breaking (1)",
      "At risk (1)",
      "Contracts",
      "talk to",
      "Pending and waived contracts",
      "at risk only: contract kept",
      "Owners to notify",
    ])
      expect(plain).toContain(part);
    const coloured = renderText(impact, { color: true });
    expect(coloured).toMatch(OWN_COLOURS);
    expectInert(coloured, { colours: OWN_COLOURS });
    // The conceal (8) and clear-screen sequences are not among the colours let through.
    expect(coloured).not.toContain("\u001b[8m");
    expect(coloured).not.toContain("\u001b[2J");
  });

  it("markdown, the comment and the chart", () => {
    const markdown = renderMarkdown(impact, { mentionOwners: true });
    expectInert(markdown);
    // Every contract part is there, escaped: the waiver's reason is the PR author's text.
    for (const part of [
      "🔴 broken (waiver ended",
      "Talk to",
      "⏳ pending: would break",
      "⏸️ waived until",
      "the PR author says it is fine",
      "at risk only: contract kept",
    ])
      expect(markdown).toContain(part);
    // The hostile owner handle is not a mention even with mentions on: not a valid handle.
    expect(markdown).not.toMatch(/(^|\s)@acme\/data/m);
    expectInert(renderImpactMermaid(impact).text);
    const meta = {
      version: 1,
      deps: h("deps.yaml"),
      repo: "acme/infra",
      pullRequest: 1,
      headSha: "a".repeat(40),
      baseSha: "b".repeat(40),
      validAt: "2026-01-01T00:00:00Z",
      risk: "high" as const,
      peakRisk: "high" as const,
      changed: [],
      impactedCount: 0,
      impacted: [],
      impactedCut: false,
      owners: [],
      files: { seen: 1, total: 1 },
    };
    expectInert(renderComment(impact, { meta, mentionOwners: false }));
  });

  it("JSON carries the value exactly, with no raw control", () => {
    const json = renderJson(impact);
    expectInert(json);
    const parsed = JSON.parse(json);
    expect(parsed.changed[0].id).toBe(h("iam-role/runner"));
    expect(parsed.impacted[0].id).toBe(h("svc/access"));
  });

  it("suspects as text, markdown and JSON", () => {
    const report: SuspectsReport = {
      node: h("svc/access"),
      since: 0,
      source: h("git history"),
      suspects: [
        {
          commit: {
            sha: "0123456789abcdef0123456789abcdef01234567",
            time: 60,
            author: h("Mallory"),
            subject: h("harmless refactor"),
            files: [h("iam/role.tf")],
            url: `https://github.com/acme/infra/commit/x) [click](https://evil.example${HOSTILE}`,
          },
          node: h("iam-role/runner"),
          distance: 1,
          files: [h("iam/role.tf")],
          classes: ["trust-narrowed"],
          path: { nodes: [h("iam-role/runner"), h("svc/access")], vias: [h("assumes-role")] },
        },
      ],
    };
    expectInert(renderSuspectsText(report));
    expectInert(renderSuspectsMarkdown(report));
    // The URL cannot close the link and open another one.
    expect(renderSuspectsMarkdown(report)).not.toContain("](https://evil.example");
    const json = renderSuspectsJson(report);
    expectInert(json);
    expect(JSON.parse(json).suspects[0].title).toBe(h("harmless refactor"));
  });

  it("the graph's own changes in the comment", () => {
    expectInert(
      renderGraphDiff(h("deps.yaml"), {
        nodesAdded: [h("svc/new")],
        nodesRemoved: [h("svc/old")],
        nodesChanged: [{ id: h("svc/a"), fields: ["owner"] }],
        edgesAdded: [{ from: h("svc/a"), to: h("svc/b"), via: h("calls") }],
        edgesRemoved: [{ from: h("svc/c"), to: h("svc/d"), via: h("reads") }],
      } as Parameters<typeof renderGraphDiff>[1]),
    );
    expectInert(renderBrokenGraph(h("deps.yaml"), [h("deps.yaml:3: not a valid id")]));
  });

  it("graph as mermaid, dot and JSON", () => {
    const graph: DepGraph = new DirectedGraph();
    const node = (id: string) => ({
      id,
      kind: h("service"),
      description: h("does things"),
      match: { paths: [], terraform: [], kubernetes: [] },
      dependsOn: [],
      declaredAt: { file: "deps.yaml" },
    });
    graph.addNode(h("svc/a"), node(h("svc/a")));
    graph.addNode(h("svc/b"), node(h("svc/b")));
    graph.addEdge(h("svc/a"), h("svc/b"), {
      from: h("svc/b"),
      to: h("svc/a"),
      via: h("calls"),
      index: 0,
    });
    for (const format of ["mermaid", "dot", "json"] as const)
      expectInert(renderGraph(graph, format));
    expect(JSON.parse(renderGraph(graph, "json")).nodes[0].id).toBe(h("svc/a"));
  });

  it("the report as markdown, HTML and JSON", () => {
    const model = modelOf(
      chainYaml({ root: { paths: ["root/**"], owner: "o0", tier: 0 }, leaf: { owner: "o1" } }, [
        ["root", "leaf"],
      ]),
    );
    const report = buildReport(
      model,
      { since: 0, until: 86_400 * 7, source: h("git history of /repo") },
      [
        {
          id: "0123456789abcdef0123456789abcdef01234567",
          title: h("harmless refactor"),
          author: h("Mallory"),
          time: 60,
          url: `https://github.com/acme/infra/commit/x)${HOSTILE}`,
          files: [{ path: h("root/role.tf"), status: "modified" }],
        },
      ],
      [],
    );
    expectInert(renderReportMarkdown(report));
    expectInert(renderReportHtml(report));
    const json = renderReportJson(report);
    expectInert(json);
    expect(JSON.parse(json).changes[0].title).toBe(h("harmless refactor"));
  });

  it("any string at all, in every field, leaves no control in text, markdown or JSON", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (payload) => {
        const impact = hostileImpact(payload);
        const outputs = [
          renderText(impact),
          renderText(impact, { color: true }).replace(OWN_COLOURS, ""),
          renderMarkdown(impact),
          renderImpactMermaid(impact).text,
          renderJson(impact),
        ];
        return outputs.every((out) => !CONTROLS.test(out));
      }),
      { numRuns: 300 },
    );
  });
});
