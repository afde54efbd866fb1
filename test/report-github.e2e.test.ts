// `blastradius report --repo`: a week of merged pull requests across two repositories on the
// local GitHub API, and the weekly issue posted, then updated.

import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadModel } from "../src/app/load-model.js";
import { analyze } from "../src/core/analyze.js";
import { metaOf, renderComment } from "../src/core/render/render-comment.js";
import { ACTIONS_BOT, type FakeGitHub, startFakeGitHub } from "./github-api/fake-github.js";
import { ROLE_FILE, ROOT } from "./github-api/scenario.js";

const BIN = join(ROOT, "bin/blastradius.cjs");
const daysAgo = (d: number) =>
  new Date(Date.now() - d * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");

describe("blastradius report --repo", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const model = loadModel(join(ROOT, "deps.yaml")).model;
    // infra#1: our comment recorded its blast radius at merge.
    const atMerge = analyze(model, [{ path: ROLE_FILE, status: "modified" }]);
    fake.addPull("acme/infra", {
      number: 1,
      title: "rotate the automation role",
      author: "iam-bot",
      mergedAt: daysAgo(2),
      updatedAt: daysAgo(2),
      files: [{ filename: ROLE_FILE, status: "modified" }],
    });
    fake.addComment(
      "acme/infra",
      1,
      renderComment(atMerge, {
        meta: metaOf(atMerge, {
          deps: "deps.yaml",
          repo: "acme/infra",
          pullRequest: 1,
          headSha: "b".repeat(40),
          baseSha: "a".repeat(40),
          validAt: daysAgo(2),
          files: { seen: 1, total: 1 },
        }),
        mentionOwners: false,
      }),
      ACTIONS_BOT,
    );
    // infra#2: no comment: recomputed from its files.
    fake.addPull("acme/infra", {
      number: 2,
      title: "docs",
      author: "dana",
      mergedAt: daysAgo(1),
      updatedAt: daysAgo(1),
      files: [{ filename: "README.md", status: "modified" }],
    });
    // data#3: someone else's comment quotes our marker: not ours, so recomputed.
    fake.addPull("acme/data", {
      number: 3,
      title: "orders: a new column",
      author: "data-eng",
      mergedAt: daysAgo(3),
      updatedAt: daysAgo(3),
      files: [{ filename: "examples/warehouse/models/orders.sql", status: "modified" }],
    });
    fake.addComment(
      "acme/data",
      3,
      '<!-- blastradius:comment "deps.yaml" -->\n<!-- blastradius:analysis\n{"headSha":"x","validAt":"x","risk":"none","changed":[],"impacted":[]}\n-->',
      { login: "mallory", type: "User" },
    );
    // Outside the window (the previous one), and not merged.
    fake.addPull("acme/infra", {
      number: 4,
      title: "last week",
      author: "dana",
      mergedAt: daysAgo(10),
      updatedAt: daysAgo(10),
      files: [{ filename: ROLE_FILE, status: "modified" }],
    });
    fake.addPull("acme/data", {
      number: 5,
      title: "still open",
      updatedAt: daysAgo(1),
      files: [{ filename: ROLE_FILE, status: "modified" }],
    });
  });
  afterEach(async () => {
    await fake.close();
    expect(fake.problems).toEqual([]);
  });

  const run = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [
          BIN,
          "report",
          "--deps",
          join(ROOT, "deps.yaml"),
          "--repo",
          "acme/infra",
          "acme/data",
          ...args,
        ],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? "",
            GITHUB_TOKEN: "test-token",
            GITHUB_API_URL: fake.url,
          },
        },
        (error, stdout, stderr) =>
          done({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr }),
      );
    });

  it("the week's numbers, at-merge analyses where recorded, and each owner's digest", async () => {
    const result = await run("--since", "7d", "--format", "json");
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.headline).toEqual({
      changes: 3,
      withImpact: 2,
      byRisk: { none: 1, low: 0, medium: 0, high: 2 },
    });
    expect(out.previous.changes).toBe(1);
    expect(
      out.changes.map((c: { id: string; repo: string; recomputed: boolean }) => [
        c.repo,
        c.id,
        c.recomputed,
      ]),
    ).toEqual([
      ["acme/infra", "#2", true],
      ["acme/infra", "#1", false],
      ["acme/data", "#3", true],
    ]);
    const finance = out.owners.find((o: { owner: string }) => o.owner === "finance-analytics");
    expect(finance.changes.map((c: { id: string }) => c.id).sort()).toEqual(["#1", "#3"]);
    expect(out.requests).toBeGreaterThan(0);
  });

  it("--post-issue creates the week's issue, and a second run updates the same one", async () => {
    const first = await run("--since", "7d", "--post-issue");
    expect(first.stderr).toContain("report issue created");
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]?.labels).toEqual(["blast-radius-report"]);
    expect(fake.issues[0]?.body).toContain("**2 of 3 changes had downstream impact**");
    const second = await run("--since", "7d", "--post-issue");
    expect(second.stderr).toContain("report issue updated");
    expect(fake.issues).toHaveLength(1);
  });

  it("suspects --repo: merged pull requests that touched anything upstream, nearest first", async () => {
    const result = await new Promise<{ stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [
          BIN,
          "suspects",
          "report/revenue",
          "--deps",
          join(ROOT, "deps.yaml"),
          "--repo",
          "acme/infra",
          "acme/data",
          "--since",
          "7d",
          "--format",
          "json",
        ],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? "",
            GITHUB_TOKEN: "test-token",
            GITHUB_API_URL: fake.url,
          },
        },
        (_error, stdout, stderr) => done({ stdout, stderr }),
      );
    });
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(
      out.suspects.map((s: { id: string; node: string; distance: number }) => [
        s.id,
        s.node,
        s.distance,
      ]),
    ).toEqual([
      ["acme/data#3", "table/warehouse.orders", 2],
      ["acme/infra#1", "iam-role/automation-runner", 5],
    ]);
    expect(out.suspects[1].url).toBe("https://github.com/acme/infra/pull/1");
  });
});
