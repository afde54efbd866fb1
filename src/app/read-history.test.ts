// The history docs and suspects read: from a real local git history of the bundled example, and
// from pull requests through a fake GitHub port; each change located once, and the same for
// every node as the old per-node reading.

import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rotatedHistory } from "../../test/git-history.js";
import { commitsBetween, originRepo } from "../adapters/git/git.js";
import { upstreamChangesFrom } from "../core/explore/recent-changes.js";
import type { FileChange } from "../core/model.js";
import { referenceUpstreamChanges } from "../core/testing/recent-changes-reference.js";
import { classifyCommits } from "./classify-commits.js";
import type { GitHubPort, MergedPullRequest } from "./github-port.js";
import { loadModel } from "./load-model.js";
import { readHistory } from "./read-history.js";

const NOW = Math.floor(Date.now() / 1000);
const WEEK = NOW - 7 * 86_400;

describe("readHistory from the local git history", () => {
  // The suspects end-to-end test's history.
  const history = rotatedHistory();
  history.commit(1, "examples/alerts/revenue.yaml", "tune the freshness alert");
  history.commit(0.5, "examples/dashboards/sales-ops.json", "a panel on the sales dashboard");
  afterAll(() => history.remove());
  const { model } = loadModel(join(history.dir, "deps.yaml"));

  it("locates each commit once; every node gets what the old per-node reading gave", async () => {
    const read = await readHistory({ git: history.dir }, { since: WEEK, now: NOW, model });
    // The first commit added everything and is left out; the three after it each touch a node.
    expect(read.located.map((l) => l.commit.subject)).toEqual([
      "a panel on the sales dashboard",
      "tune the freshness alert",
      "rotate the automation role",
    ]);
    const repo = originRepo(history.dir);
    const commits = await classifyCommits(
      history.dir,
      model.paths,
      commitsBetween(history.dir, WEEK).filter((c) => !c.root),
      repo,
    );
    let suspects = 0;
    for (const id of model.config.nodes.keys()) {
      const split = upstreamChangesFrom(model, id, read.located);
      expect(split, id).toEqual(referenceUpstreamChanges(model, id, commits, repo));
      suspects += split.length;
    }
    // Not an empty comparison: the rotation reaches most of the example.
    expect(suspects).toBeGreaterThan(10);
    expect(upstreamChangesFrom(model, "dashboard/revenue-exec", read.located)[0]).toMatchObject({
      node: "iam-role/automation-runner",
      distance: 6,
      classes: ["trust-narrowed", "trust-widened"],
    });
  });

  it("names its source for a page (the repository, the window) and for suspects (the root)", async () => {
    const read = await readHistory({ git: history.dir }, { since: WEEK, now: NOW, model });
    const day = new Date(WEEK * 1000).toISOString().slice(0, 10);
    expect(read.source).toMatch(
      new RegExp(`^git history of br-history-\\w+ since ${day} \\d\\d:\\d\\d UTC$`),
    );
    expect(read.origin).toBe(`git history of ${history.dir}`);
    const none = await readHistory({ git: history.dir }, { since: NOW - 60, now: NOW, model });
    expect(none.located).toEqual([]);
  });
});

describe("readHistory from pull requests merged on GitHub", () => {
  const { model } = loadModel(join(new URL("../..", import.meta.url).pathname, "deps.yaml"));
  const refused = async (): Promise<never> => {
    throw new Error("not used by readHistory");
  };
  const pulls: MergedPullRequest[] = [
    {
      repo: "Acme/Infra",
      number: 12,
      title: "rotate the automation role",
      author: "iam-bot",
      htmlUrl: "https://github.com/Acme/Infra/pull/12",
      mergedAt: NOW - 3600,
    },
    {
      repo: "Acme/Infra",
      number: 13,
      title: "readme",
      author: "dana",
      htmlUrl: "https://github.com/Acme/Infra/pull/13",
      mergedAt: NOW - 60,
    },
  ];
  const files: Record<number, FileChange[]> = {
    12: [{ path: "examples/terraform/iam/automation-runner.tf", status: "modified" }],
    13: [{ path: "README.md", status: "modified" }],
  };
  const port = {
    listMergedPullRequests: async (repo: string) => pulls.filter((p) => p.repo === repo),
    listComments: async () => [],
    listPullRequestFiles: async (_repo: string, number: number) => files[number] ?? [],
    getPullRequest: refused,
    readFile: refused,
    createComment: refused,
    updateComment: refused,
    deleteComment: refused,
    addLabels: refused,
    removeLabel: refused,
    requestReviewers: refused,
    listIssuesWithLabel: refused,
    createIssue: refused,
    updateIssue: refused,
    requestCount: () => 0,
  } satisfies GitHubPort;

  it("each pull request a change with its repository-qualified files; only those touching a node", async () => {
    const read = await readHistory(
      { repos: ["Acme/Infra"], port },
      { since: WEEK, now: NOW, model },
    );
    expect(read.origin).toBe("pull requests merged in Acme/Infra");
    expect(read.source).toMatch(/^pull requests merged in Acme\/Infra since \S+ \d\d:\d\d UTC$/);
    expect(read.located.map((l) => [l.commit.sha, l.commit.url])).toEqual([
      ["Acme/Infra#12", "https://github.com/Acme/Infra/pull/12"],
    ]);
    expect(read.located[0]?.commit.changes?.[0]?.repo).toBe("acme/infra");
    expect(read.located[0]?.changed.map((c) => c.id)).toEqual(["iam-role/automation-runner"]);
    expect(
      upstreamChangesFrom(model, "service/external-job-runner", read.located).map((s) => s.node),
    ).toEqual(["iam-role/automation-runner"]);
  });
});
