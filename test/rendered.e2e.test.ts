// Charts as a new user meets them: `helm template --output-dir` at the base and at the head
// (written here by hand, test/rendered-chart.ts), `init --rendered` on the base render, then
// `check --rendered-base … --rendered-head …` through the built CLI.

import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  BASE,
  HEAD_SAME_LABELS as HEAD,
  renderFiles,
  renderStream,
} from "../src/core/testing/rendered-chart.js";
import { BIN, runCli } from "./git-history.js";
import { type FakeGitHub, startFakeGitHub } from "./github-api/fake-github.js";
import { counts, REPO, seedPull } from "./github-api/scenario.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "br-rendered-e2e-"));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  mkdirSync(join(dir, "repo"));
  write("repo/.github/CODEOWNERS", "* @acme/platform\n");
  for (const [path, text] of Object.entries(renderFiles(BASE)))
    write(`rendered/base/${path}`, text);
  for (const [path, text] of Object.entries(renderFiles(HEAD)))
    write(`rendered/head/${path}`, text);
  write("stream/base.yaml", renderStream(BASE));
  write("stream/head.yaml", renderStream(HEAD));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ImpactJson {
  changed: {
    id: string;
    classes: string[];
    causes: { kind: string; file: string; evidence: { detail: string; file: string }[] }[];
  }[];
  impacted: { id: string; severity: string }[];
  unjudged: { file?: string; reason: string }[];
  unmatchedResources: string[];
}

describe("charts rendered at the base and at the head", () => {
  it("init --rendered drafts the chart's objects; check names the changed objects, their templates, and what breaks", () => {
    const init = runCli(
      ["init", "--repo", "repo", "--rendered", "rendered/base", "--out", "deps.yaml"],
      { cwd: dir },
    );
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("9 node(s), 7 edge(s)");
    expect(init.stdout).toContain("6 rendered file(s) from rendered/base");
    // CODEOWNERS speaks of the repository's paths, not the render's.
    expect(init.stdout).toContain("9 node(s) without an owner");

    const check = runCli(
      [
        "check",
        "--rendered-base",
        "rendered/base",
        "--rendered-head",
        "rendered/head",
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect(check.stderr).not.toContain("Error");
    expect(check.code).toBe(0);
    const impact = JSON.parse(check.stdout) as ImpactJson;
    expect(impact.changed.map((c) => [c.id, c.classes, c.causes.map((x) => x.kind)])).toEqual([
      ["deployment/watcher", ["modified"], ["rendered"]],
      ["k8s-cluster-role/watcher", ["permissions-removed"], ["rendered"]],
      ["k8s-role-binding/watcher-leader-election", ["trust-narrowed"], ["rendered"]],
    ]);
    const role = impact.changed.find((c) => c.id === "k8s-cluster-role/watcher");
    expect(role?.causes[0]?.evidence).toEqual([
      expect.objectContaining({
        file: "rendered/head/kube-watcher/templates/clusterrole.yaml",
        detail: "no longer allows delete core/pods (from kube-watcher/templates/clusterrole.yaml)",
      }),
    ]);
    const breaking = impact.impacted.filter((n) => n.severity === "breaking").map((n) => n.id);
    expect(breaking).toEqual(
      expect.arrayContaining([
        "k8s-cluster-role-binding/watcher",
        "service-account/watcher",
        "deployment/watcher",
      ]),
    );
    expect(impact.unjudged).toEqual([]);
    expect(impact.unmatchedResources).toEqual([]);

    // The same renders as single streams, and the text a person reads.
    const text = runCli(
      [
        "check",
        "--rendered-base",
        "stream/base.yaml",
        "--rendered-head",
        "stream/head.yaml",
        "--fail-on",
        "medium",
      ],
      { cwd: dir },
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      "ClusterRole/watcher: no longer allows delete core/pods (from kube-watcher/templates/clusterrole.yaml) (stream/head.yaml:",
    );
  });

  it("objects no node matches are listed, and a render that does not parse is not judged", () => {
    writeFileSync(
      join(dir, "empty-deps.yaml"),
      "version: 1\nowners: {}\nnodes:\n  other:\n    kind: service\n    match: {kubernetes: [Deployment/other/*]}\n",
    );
    mkdirSync(join(dir, "broken"), { recursive: true });
    writeFileSync(join(dir, "broken/head.yaml"), "kind: [\n");
    const check = runCli(
      [
        "check",
        "--deps",
        "empty-deps.yaml",
        "--rendered-base",
        "stream/base.yaml",
        "--rendered-head",
        "broken/head.yaml",
        "--format",
        "json",
        "--fail-on",
        "high",
      ],
      { cwd: dir },
    );
    const impact = JSON.parse(check.stdout) as ImpactJson;
    expect(impact.unjudged).toEqual([
      {
        file: "broken/head.yaml",
        reason: expect.stringContaining("not a YAML stream of Kubernetes objects (line 2: YAML:"),
      },
    ]);
    // Not judged fails the gate (--on-incomplete fail, the default).
    expect(check.code).toBe(1);

    const unmatched = runCli(
      [
        "check",
        "--deps",
        "empty-deps.yaml",
        "--rendered-base",
        "rendered/base",
        "--rendered-head",
        "rendered/head",
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect((JSON.parse(unmatched.stdout) as ImpactJson).unmatchedResources).toEqual([
      "ClusterRole/watcher",
      "Deployment/monitoring/watcher",
      "RoleBinding/monitoring/watcher-leader-election",
    ]);
    const said = runCli(
      [
        "check",
        "--deps",
        "empty-deps.yaml",
        "--rendered-base",
        "rendered/base",
        "--rendered-head",
        "rendered/head",
      ],
      { cwd: dir },
    );
    expect(said.stdout).toContain(
      "3 changed resources of a plan, change set or render matched no node: ClusterRole/watcher,",
    );
  });

  it("combines with changed files: the chart's files and its render's objects are both causes", () => {
    writeFileSync(
      join(dir, "both-deps.yaml"),
      `version: 1
owners: {}
nodes:
  chart-source:
    kind: helm-chart
    match: {paths: ["charts/kube-watcher/**"]}
  watcher-role:
    kind: k8s-cluster-role
    match: {kubernetes: [ClusterRole/watcher]}
  watcher:
    kind: deployment
    depends_on: [{on: watcher-role, via: binds-role}]
`,
    );
    const check = runCli(
      [
        "check",
        "--deps",
        "both-deps.yaml",
        "--files",
        "charts/kube-watcher/values.yaml",
        "--rendered-base",
        "rendered/base",
        "--rendered-head",
        "rendered/head",
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect(check.code).toBe(0);
    const impact = JSON.parse(check.stdout) as ImpactJson;
    expect(impact.changed.map((c) => [c.id, c.causes.map((x) => x.kind)])).toEqual([
      ["chart-source", ["file"]],
      ["watcher-role", ["rendered"]],
    ]);
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([["watcher", "breaking"]]);
  });

  it("bad paths and half a pair exit 2 with a clear message", () => {
    const half = runCli(["check", "--rendered-base", "rendered/base"], { cwd: dir });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain(
      "--rendered-base and --rendered-head go together: only --rendered-base was given",
    );
    const missing = runCli(
      ["check", "--rendered-base", "rendered/base", "--rendered-head", "rendered/nope"],
      { cwd: dir },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--rendered-head rendered/nope: no such file or folder");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const init = runCli(["init", "--repo", "repo", "--rendered", "nope", "--dry-run"], {
      cwd: dir,
    });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain("--rendered nope: no such file or folder");
  });
});

describe("blastradius pr with renders", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    seedPull(fake);
  });
  afterEach(async () => {
    await fake.close();
    expect(fake.problems).toEqual([]);
  });

  const pr = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [BIN, "pr", `${REPO}#7`, ...args],
        {
          cwd: dir,
          env: {
            PATH: process.env.PATH ?? "",
            GITHUB_API_URL: fake.url,
            GITHUB_TOKEN: "test-token",
            NO_COLOR: "1",
          },
        },
        (error, stdout, stderr) =>
          done({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr }),
      );
    });

  it("the render's objects join the pull request's analysis (unmatched by that graph), and half a pair is refused", async () => {
    const result = await pr([
      "--rendered-base",
      "rendered/base",
      "--rendered-head",
      "rendered/head",
      "--format",
      "json",
    ]);
    expect(result.stderr).not.toContain("Error");
    const impact = JSON.parse(result.stdout) as ImpactJson;
    expect(impact.unmatchedResources).toEqual(
      expect.arrayContaining(["ClusterRole/watcher", "Deployment/monitoring/watcher"]),
    );
    const before = counts(fake).reads;
    const half = await pr(["--rendered-head", "rendered/head"]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain("only --rendered-head was given");
    // Refused before GitHub is asked anything.
    expect(counts(fake).reads).toBe(before);
  });
});
