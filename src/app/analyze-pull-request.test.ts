// How often the pull-request pipeline loads each graph: once per commit, whatever it does with
// it. A typed fake port in memory counts every read by commit and path, and the loader is
// watched (the real one runs) to count the loads themselves.

import { describe, expect, it, vi } from "vitest";
import type { FileChange } from "../core/model.js";
import { analyzePullRequest } from "./analyze-pull-request.js";
import { parseDepsLocation } from "./deps-location.js";
import type { GitHubPort, PullRequestInfo } from "./github-port.js";
import { loadRemoteDeps } from "./load-remote-deps.js";

vi.mock("./load-remote-deps.js", async (original) => {
  const real = await original<typeof import("./load-remote-deps.js")>();
  return { ...real, loadRemoteDeps: vi.fn(real.loadRemoteDeps) };
});

/** Where each graph was loaded from, in order: owner/repo@sha as the messages say. */
function loads(): string[] {
  const calls = vi.mocked(loadRemoteDeps).mock.calls.map(([, , where]) => where);
  vi.mocked(loadRemoteDeps).mockClear();
  return calls;
}

const REPO = "acme/infra";
const BASE = "b".repeat(40);
const HEAD = "h".repeat(40);

const graph = (extra = "") =>
  `version: 1\ninclude: [teams.yaml]\nnodes:\n  svc/api: {kind: service, owner: platform, match: {paths: ["api/**"]}}\n  job/etl: {kind: job, owner: platform, depends_on: [svc/api]}\n${extra}`;
const TEAMS = "version: 1\nowners:\n  platform: {github: '@acme/platform'}\n";

/** A pull request in memory: files at each commit, the changed files, and every read counted. */
function pullRequest(
  atBase: Record<string, string>,
  atHead: Record<string, string>,
  changed: FileChange[],
) {
  const reads = new Map<string, number>();
  const refused = (): never => {
    throw new Error("not used by analyzePullRequest");
  };
  const pull: PullRequestInfo = {
    repo: REPO,
    number: 7,
    title: "t",
    author: "someone",
    state: "open",
    htmlUrl: `https://github.com/${REPO}/pull/7`,
    headSha: HEAD,
    baseSha: BASE,
    baseRef: "main",
    labels: [],
    changedFiles: changed.length,
    updatedAt: "2026-11-30T00:00:00Z",
  };
  const port: GitHubPort = {
    getPullRequest: async () => pull,
    listPullRequestFiles: async () => changed,
    readFile: async (repo, path, ref) => {
      expect(repo).toBe(REPO);
      const key = `${ref === HEAD ? "head" : ref === BASE ? "base" : ref}:${path}`;
      reads.set(key, (reads.get(key) ?? 0) + 1);
      return (ref === HEAD ? atHead : ref === BASE ? atBase : {})[path];
    },
    listComments: refused,
    createComment: refused,
    updateComment: refused,
    deleteComment: refused,
    addLabels: refused,
    removeLabel: refused,
    requestReviewers: refused,
    listMergedPullRequests: refused,
    listIssuesWithLabel: refused,
    createIssue: refused,
    updateIssue: refused,
    requestCount: () => 0,
  };
  return { port, reads };
}

const query = { repo: REPO, number: 7, deps: parseDepsLocation("deps.yaml") };
const AT_BASE = `${REPO}@${BASE.slice(0, 12)}`;
const AT_HEAD = `${REPO}@${HEAD.slice(0, 12)}`;

describe("analyzePullRequest reads each graph once", () => {
  it("a pull request that adds deps.yaml: the head's graph is read once, as the preview", async () => {
    const head = { "deps.yaml": graph(), "teams.yaml": TEAMS };
    const { port, reads } = pullRequest({}, head, [
      { path: "deps.yaml", status: "added" },
      { path: "teams.yaml", status: "added" },
    ]);
    loads();
    const analysis = await analyzePullRequest(port, query);
    expect(analysis.preview).toBe(true);
    expect(analysis.graphSource).toBe(AT_HEAD);
    expect(analysis.graphChange).toBeUndefined();
    expect(loads()).toEqual([AT_BASE, AT_HEAD]);
    // Each file of the head's graph is fetched once by the loader, and once more as a changed
    // file the classifier looks into (a .yaml may be a CloudFormation template).
    expect(Object.fromEntries(reads)).toEqual({
      "base:deps.yaml": 1,
      "head:deps.yaml": 2,
      "head:teams.yaml": 2,
    });
  });

  it("a pull request that edits the graph: base and head read once each, and compared", async () => {
    const base = { "deps.yaml": graph(), "teams.yaml": TEAMS };
    const head = {
      "deps.yaml": graph("  job/report: {kind: job, owner: platform, depends_on: [job/etl]}\n"),
      "teams.yaml": TEAMS,
    };
    const { port, reads } = pullRequest(base, head, [
      { path: "deps.yaml", status: "modified" },
      { path: "api/main.go", status: "modified" },
    ]);
    loads();
    const analysis = await analyzePullRequest(port, query);
    expect(analysis.preview).toBe(false);
    expect(analysis.graphChange).toMatchObject({ kind: "diff", file: "deps.yaml" });
    expect(analysis.impact.changed.map((c) => c.id)).toEqual(["svc/api"]);
    expect(loads()).toEqual([AT_BASE, AT_HEAD]);
    // teams.yaml is not changed: only the loader reads it, once per commit.
    expect(reads.get("base:teams.yaml")).toBe(1);
    expect(reads.get("head:teams.yaml")).toBe(1);
  });

  it("a pull request that leaves the graph alone: the head's graph is not read", async () => {
    const base = { "deps.yaml": graph(), "teams.yaml": TEAMS };
    const { port, reads } = pullRequest(base, base, [{ path: "api/main.go", status: "modified" }]);
    loads();
    const analysis = await analyzePullRequest(port, query);
    expect(analysis.graphChange).toBeUndefined();
    expect(loads()).toEqual([AT_BASE]);
    expect([...reads.keys()].filter((k) => k.endsWith(".yaml"))).toEqual([
      "base:deps.yaml",
      "base:teams.yaml",
    ]);
  });
});
