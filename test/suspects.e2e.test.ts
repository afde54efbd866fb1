// `blastradius suspects` on a generated local git history.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleHistory, type History, rotateJobRunner } from "./git-history.js";

describe("blastradius suspects --git", () => {
  let history: History;
  beforeAll(() => {
    // The repository's first commit, in the window: it adds everything, and is no suspect.
    history = exampleHistory(5);
    const commit = history.commit;
    commit(
      3,
      "examples/terraform/iam/automation-runner.tf",
      "rotate the automation role",
      "iam-bot",
      rotateJobRunner,
    );
    commit(1, "examples/alerts/revenue.yaml", "tune the freshness alert");
    commit(0.5, "examples/dashboards/sales-ops.json", "a panel on the sales dashboard");
  });
  afterAll(() => history.remove());

  const run = (...args: string[]) => history.run("suspects", ...args);

  it("the upstream IAM change of 3 hours ago comes first; changes elsewhere and downstream are not suspects", () => {
    const result = run("dashboard/revenue-exec", "--since", "7d", "--format", "json");
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.suspects.map((s: { title: string }) => s.title)).toEqual([
      "rotate the automation role",
    ]);
    expect(out.suspects[0]).toMatchObject({
      author: "iam-bot",
      node: "iam-role/automation-runner",
      distance: 6,
      // Read as check --git reads it: the trust policy's principal was rotated.
      classes: ["trust-narrowed", "trust-widened"],
      path: [
        "iam-role/automation-runner",
        "service/external-job-runner",
        "job/overnight-load",
        "table/warehouse.orders",
        "table/warehouse.revenue_daily",
        "report/revenue",
        "dashboard/revenue-exec",
      ],
    });
  });

  it("a change downstream of the node is not a suspect; a change to the node itself is", () => {
    const result = run("table/warehouse.orders", "--since", "7d", "--format", "json");
    const suspects = JSON.parse(result.stdout).suspects;
    expect(suspects.map((s: { node: string }) => s.node)).toEqual(["iam-role/automation-runner"]);
    const text = run("alert/revenue-freshness", "--since", "2h").stdout;
    expect(text).toContain("1. ");
    expect(text).toContain("tune the freshness alert");
    expect(text).toContain("changed the node itself");
    expect(text).not.toContain("rotate the automation role");
  });

  it("a window with nothing upstream, an unknown node, a bad --since", () => {
    expect(run("report/revenue", "--since", "10m").stdout).toContain(
      "none: nothing upstream changed",
    );
    const unknown = run("report/revenu");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('did you mean "report/revenue"?');
    const bad = run("report/revenue", "--since", "yesterday");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--since takes a duration such as 24h");
  });
});
