// `blastradius suspects` on a generated local git history.

import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/blastradius.js");

describe("blastradius suspects --git", () => {
  let repo: string;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const git = (env: Record<string, string>, ...args: string[]) => {
    const result = spawnSync(
      "git",
      ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args],
      {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, ...env },
      },
    );
    if (result.status !== 0) throw new Error(result.stderr);
  };
  const commit = (hours: number, file: string, message: string, author = "dana") => {
    appendFileSync(join(repo, file), "\n# edited\n");
    const when = hoursAgo(hours);
    git(
      { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_AUTHOR_NAME: author },
      "commit",
      "-qam",
      message,
    );
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-suspects-"));
    cpSync(join(ROOT, "deps.yaml"), join(repo, "deps.yaml"));
    cpSync(join(ROOT, "examples"), join(repo, "examples"), { recursive: true });
    git({}, "init", "-q", "-b", "main");
    git({}, "add", ".");
    // The repository's first commit, in the window: it adds everything, and is no suspect.
    const base = hoursAgo(5);
    git({ GIT_AUTHOR_DATE: base, GIT_COMMITTER_DATE: base }, "commit", "-qm", "base");
    commit(
      3,
      "examples/terraform/iam/automation-runner.tf",
      "rotate the automation role",
      "iam-bot",
    );
    commit(1, "examples/alerts/revenue.yaml", "tune the freshness alert");
    commit(0.5, "examples/dashboards/sales-ops.json", "a panel on the sales dashboard");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, "suspects", ...args], { cwd: repo, encoding: "utf8" });

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
      classes: ["unknown"],
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
