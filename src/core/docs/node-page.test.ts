import { describe, expect, it } from "vitest";
import { analyzeNodes, prepareModel } from "../analyze.js";
import { bundledModel } from "../testing/bundled-example.js";
import { chainYaml, load, modelOf } from "../testing/helpers.js";
import { IF_THIS_BREAKS_CLASS, nodePage } from "./node-page.js";

const ROLE = "iam-role/automation-runner";
const ALL = { maxRows: Number.MAX_SAFE_INTEGER };

describe("nodePage on the bundled example: iam-role/automation-runner", () => {
  const model = bundledModel();
  const page = nodePage(model, ROLE, ALL);

  it("says what it is and who owns it, with how to reach them", () => {
    const node = model.config.nodes.get(ROLE);
    expect(page).toMatchObject({ id: ROLE, kind: node?.kind, tier: node?.tier });
    expect(page.description).toBe(node?.description);
    expect(page.runbook).toMatch(/^https:\/\//);
    expect(page.ownerId).toBe("iam-platform");
    expect(page.owner).toMatchObject({
      id: "iam-platform",
      chat: "#iam-platform",
      github: "@acme/iam-platform",
    });
    expect(page.owner?.escalation).toMatch(/PagerDuty/);
    expect(page.match.terraform).toContain("aws_iam_role.automation_runner");
  });

  it("lists the job runners and the RLS access service as direct dependents, the revenue report under if-this-breaks", () => {
    const byId = new Map(page.downstream.rows.map((r) => [r.id, r]));
    expect(byId.get("service/external-job-runner")).toMatchObject({
      depth: 1,
      via: "assumes-role",
      through: ROLE,
    });
    expect(byId.get("service/rls-access")).toMatchObject({
      depth: 1,
      via: "token-exchange",
      through: ROLE,
    });
    // Direct dependents only: everything further down is under "if this breaks", once.
    expect(page.downstream.rows.every((r) => r.depth === 1 && r.through === ROLE)).toBe(true);
    expect(byId.has("report/revenue")).toBe(false);
    const report = page.ifThisBreaks.nodes.rows.find((r) => r.id === "report/revenue");
    expect(report?.depth).toBeGreaterThan(1);
    // Its path goes through a node that is on the list too, one nearer.
    const before = report?.path.at(-2)?.to;
    expect(page.ifThisBreaks.nodes.rows.find((r) => r.id === before)?.depth).toBe(
      (report?.depth ?? 0) - 1,
    );
    expect(page.downstream.total).toBe(page.downstream.rows.length);
  });

  it("lists the policy it attaches upstream", () => {
    expect(page.upstream.rows).toContainEqual(
      expect.objectContaining({
        id: "iam-policy/warehouse-loader",
        via: "attaches-policy",
        depth: 1,
      }),
    );
    expect(page.downstream.rows.map((r) => r.id)).not.toContain("iam-policy/warehouse-loader");
  });

  it("'if this breaks' is check's analysis of the node deleted, reaching the revenue report", () => {
    const impact = analyzeNodes(model, [{ id: ROLE, classes: ["deleted"] }]);
    const breaks = page.ifThisBreaks;
    expect(breaks.changeClass).toBe(IF_THIS_BREAKS_CLASS);
    expect(breaks.risk).toBe(impact.risk);
    expect(breaks.breaking).toBe(impact.impacted.filter((n) => n.severity === "breaking").length);
    expect(breaks.atRisk).toBe(impact.impacted.filter((n) => n.severity === "at-risk").length);
    expect(breaks.nodes.total).toBe(impact.impacted.length);
    expect(new Set(breaks.nodes.rows.map((r) => r.id))).toEqual(
      new Set(impact.impacted.map((n) => n.id)),
    );
    expect(breaks.nodes.rows.map((r) => r.id)).toContain("report/revenue");
    expect(breaks.owners.map((o) => o.id)).toEqual(impact.owners.map((o) => o.id));
    const finance = breaks.owners.find((o) => o.id === "finance-analytics");
    const declared = model.config.owners.get("finance-analytics");
    expect(finance).toMatchObject({ github: declared?.github, breaking: 1 });
    expect(finance?.email ?? finance?.chat).toBeTruthy();
    expect(finance?.email).toBe(declared?.email);
  });

  it("each what-if row's path starts at the node and ends at the row", () => {
    for (const row of page.ifThisBreaks.nodes.rows) {
      expect(row.path.length).toBe(row.depth);
      expect(row.path.at(-1)?.to).toBe(row.id);
    }
    const severities = page.ifThisBreaks.nodes.rows.map((r) => r.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => (a === b ? 0 : a === "breaking" ? -1 : 1)),
    );
  });

  it("maxRows cuts the rows of every table, never the totals", () => {
    const cut = nodePage(model, ROLE, { maxRows: 2 });
    expect(page.downstream.total).toBeGreaterThan(2);
    expect(cut.downstream.rows).toEqual(page.downstream.rows.slice(0, 2));
    expect(cut.downstream.total).toBe(page.downstream.total);
    expect(cut.ifThisBreaks.nodes.rows).toEqual(page.ifThisBreaks.nodes.rows.slice(0, 2));
    expect(cut.ifThisBreaks.nodes.total).toBe(page.ifThisBreaks.nodes.total);
    expect(cut.ifThisBreaks.breaking).toBe(page.ifThisBreaks.breaking);
    expect(cut.ifThisBreaks.owners).toEqual(page.ifThisBreaks.owners);
    const none = nodePage(model, ROLE, { maxRows: 0 });
    expect(none.upstream).toEqual({ rows: [], total: page.upstream.total });
  });

  it("a node with nothing downstream: empty tables and nothing breaks", () => {
    const leaf = [...model.config.nodes.keys()].find(
      (id) => !analyzeNodes(model, [{ id, classes: ["deleted"] }]).impacted.length,
    );
    expect(leaf).toBeDefined();
    const p = nodePage(model, leaf as string, ALL);
    expect(p.downstream).toEqual({ rows: [], total: 0 });
    expect(p.ifThisBreaks).toMatchObject({ breaking: 0, atRisk: 0, owners: [] });
    expect(p.ifThisBreaks.nodes).toEqual({ rows: [], total: 0 });
    expect(p.upstream.total).toBeGreaterThan(0);
  });

  it("refuses an id that is not a node", () => {
    expect(() => nodePage(model, "no/such-node", ALL)).toThrow(/no node/);
  });
});

describe("nodePage on small graphs", () => {
  it("an owner key no owner declares: the key is kept, no contact is made up", () => {
    const result = load({
      "deps.yaml": chainYaml({ a: { owner: "ghost" }, b: { owner: "real" } }, [["a", "b"]]),
    });
    if (!result.config || !result.graph) throw new Error("fixture does not load");
    const owners = new Map(result.config.owners);
    owners.delete("ghost");
    const model = prepareModel({ ...result.config, owners }, result.graph);
    const page = nodePage(model, "a", ALL);
    expect(page.ownerId).toBe("ghost");
    expect(page.owner).toBeUndefined();
    expect(page.ifThisBreaks.owners).toEqual([
      expect.objectContaining({ id: "real", github: "@acme/real", breaking: 1 }),
    ]);
    const b = nodePage(model, "b", ALL);
    expect(b.upstream.rows).toEqual([expect.objectContaining({ id: "a", owner: "ghost" })]);
  });

  it("a node without an owner has neither key nor contact", () => {
    const page = nodePage(modelOf(chainYaml({ a: {} }, [])), "a", ALL);
    expect(page.ownerId).toBeUndefined();
    expect(page.owner).toBeUndefined();
    expect(page.upstream.total + page.downstream.total).toBe(0);
  });

  it("a cycle: every other node once, on both sides, the node itself never", () => {
    const model = modelOf(
      chainYaml({ a: {}, b: {}, c: {}, d: {} }, [
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
        ["c", "d"],
      ]),
    );
    const page = nodePage(model, "a", ALL);
    expect(page.downstream.rows.map((r) => [r.id, r.depth])).toEqual([["b", 1]]);
    expect(page.upstream.rows.map((r) => [r.id, r.depth])).toEqual([
      ["c", 1],
      ["b", 2],
    ]);
    const impacted = page.ifThisBreaks.nodes.rows.map((r) => r.id).sort();
    expect(impacted).toEqual(
      analyzeNodes(model, [{ id: "a", classes: ["deleted"] }])
        .impacted.map((n) => n.id)
        .sort(),
    );
    expect(impacted).not.toContain("a");
  });
});
