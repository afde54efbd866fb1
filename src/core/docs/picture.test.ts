import { describe, expect, it } from "vitest";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { neighbourhoodPicture, type Picture } from "./picture.js";

/** The part of the bundled example around the automation role (deps.yaml at the root). */
const EXAMPLE = `version: 1
owners: {}
nodes:
  iam-policy/warehouse-loader: {kind: iam-policy, tier: 1}
  iam-role/automation-runner:
    kind: iam-role
    tier: 0
    depends_on: [{on: iam-policy/warehouse-loader, via: attaches-policy}]
  iam-role/job-runner: {kind: service-account, tier: 1}
  service/external-job-runner:
    kind: service
    tier: 1
    depends_on:
      - {on: iam-role/job-runner, via: runs-as}
      - {on: iam-role/automation-runner, via: assumes-role}
  service/deploy-pipeline:
    kind: service
    tier: 2
    depends_on: [{on: iam-role/automation-runner, via: assumes-role}]
  service/rls-access:
    kind: service
    tier: 0
    depends_on: [{on: iam-role/automation-runner, via: token-exchange}]
  job/overnight-load:
    kind: job
    tier: 1
    depends_on:
      - {on: service/external-job-runner, via: runs-on}
      - {on: service/rls-access, via: calls}
      - {on: iam-policy/warehouse-loader, via: uses-policy}
`;

/** The picture as readable lines: boxes by role and hop, edges by label between names. */
function outline(picture: Picture) {
  const name = (i: number) => {
    const n = picture.nodes[i];
    return n?.id ?? n?.label ?? `?${i}`;
  };
  return {
    nodes: picture.nodes.map((n) => `${n.role}${n.hop} ${n.id ?? n.label}`),
    edges: picture.edges.map((e) => `${name(e.from)} -${e.label}-> ${name(e.to)}`),
  };
}

const graphOf = (yaml: string) => modelOf(yaml).compact;

describe("neighbourhoodPicture", () => {
  it("draws the automation role with its policy upstream and the three services downstream, most critical first", () => {
    const picture = neighbourhoodPicture(graphOf(EXAMPLE), "iam-role/automation-runner");
    expect(outline(picture)).toEqual({
      nodes: [
        "centre0 iam-role/automation-runner",
        "up1 iam-policy/warehouse-loader",
        "down1 service/rls-access",
        "down1 service/external-job-runner",
        "down1 service/deploy-pipeline",
      ],
      edges: [
        "iam-policy/warehouse-loader -attaches-policy-> iam-role/automation-runner",
        "iam-role/automation-runner -token-exchange-> service/rls-access",
        "iam-role/automation-runner -assumes-role-> service/external-job-runner",
        "iam-role/automation-runner -assumes-role-> service/deploy-pipeline",
      ],
    });
    expect(picture.nodes.map((n) => n.key)).toEqual(["n0", "n1", "n2", "n3", "n4"]);
    expect(picture.nodes[0]?.kind).toBe("iam-role");
  });

  it("follows a chain one more hop while the picture stays small, and not beyond maxNodes", () => {
    const graph = graphOf(EXAMPLE);
    // The runner host identity: one dependent, which has one dependent of its own.
    expect(outline(neighbourhoodPicture(graph, "iam-role/job-runner"))).toEqual({
      nodes: [
        "centre0 iam-role/job-runner",
        "down1 service/external-job-runner",
        "down2 job/overnight-load",
      ],
      edges: [
        "iam-role/job-runner -runs-as-> service/external-job-runner",
        "service/external-job-runner -runs-on-> job/overnight-load",
      ],
    });
    expect(
      outline(neighbourhoodPicture(graph, "iam-role/job-runner", { maxNodes: 2 })).nodes,
    ).toEqual(["centre0 iam-role/job-runner", "down1 service/external-job-runner"]);
    // Two dependents upstream of the load: no second hop there (only chains get one).
    const load = outline(neighbourhoodPicture(graph, "job/overnight-load"));
    expect(load.nodes.filter((n) => n.includes("2 "))).toEqual([]);
  });

  it("caps a column, keeping the lowest tier then declaration order, and folds the rest into one box", () => {
    const nodes: Record<string, { tier?: number }> = { hub: { tier: 0 } };
    const edges: [string, string, string][] = [];
    for (let i = 0; i < 12; i++) {
      nodes[`d${i}`] = i % 3 === 0 ? { tier: 3 - i / 3 } : {};
      edges.push(["hub", `d${i}`, `v${i}`]);
    }
    const picture = neighbourhoodPicture(graphOf(chainYaml(nodes, edges)), "hub", {
      maxPerColumn: 4,
    });
    // Tiers: d0 3, d3 2, d6 1, d9 0; the rest have none and come last.
    expect(outline(picture)).toEqual({
      nodes: ["centre0 hub", "down1 d9", "down1 d6", "down1 d3", "more1 +9 more"],
      edges: ["hub -v9-> d9", "hub -v6-> d6", "hub -v3-> d3", "hub --> +9 more"],
    });
    expect(picture.nodes[4]).toEqual({
      key: "n4",
      label: "+9 more",
      role: "more",
      hop: 1,
      more: 9,
    });
    // Upstream too, with the box pointing into the centre.
    const up = neighbourhoodPicture(
      graphOf(
        chainYaml(
          nodes,
          edges.map(([a, b, v]) => [b, a, v]),
        ),
      ),
      "hub",
      { maxPerColumn: 4 },
    );
    expect(outline(up).edges).toContain("+9 more --> hub");
    expect(outline(up).nodes[4]).toBe("more1 +9 more");
  });

  it("draws a node on both sides of a cycle once, with both edges, and survives longer cycles", () => {
    const yaml = chainYaml({ a: {}, b: {}, c: {} }, [
      ["a", "b", "feeds"],
      ["b", "a", "answers"],
      ["b", "c", "x"],
      ["c", "a", "y"],
    ]);
    const picture = neighbourhoodPicture(graphOf(yaml), "a");
    expect(outline(picture)).toEqual({
      nodes: ["centre0 a", "up1 c", "down1 b"],
      edges: ["c -y-> a", "b -answers-> a", "a -feeds-> b"],
    });
    for (const id of ["a", "b", "c"]) {
      const p = neighbourhoodPicture(graphOf(yaml), id);
      expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
      for (const e of p.edges) {
        expect(p.nodes[e.from]).toBeDefined();
        expect(p.nodes[e.to]).toBeDefined();
      }
    }
  });

  it("draws a node alone, and refuses an id the graph does not have", () => {
    const graph = graphOf(chainYaml({ lone: {} }, []));
    expect(outline(neighbourhoodPicture(graph, "lone"))).toEqual({
      nodes: ["centre0 lone"],
      edges: [],
    });
    expect(() => neighbourhoodPicture(graph, "nope")).toThrow(/no node "nope"/);
  });
});
