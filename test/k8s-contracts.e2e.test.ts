// A contract on a ClusterRole (`allows: [list secrets]`) through `check --git`, as a platform
// team meets it: the change that removes what the dependent needs breaks it, one that removes
// something else leaves it at risk; a misspelt verb is refused with where it is.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";

const role = (secrets: string, configmaps: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: argocd-server
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [${secrets}]
- apiGroups: [""]
  resources: [configmaps]
  verbs: [${configmaps}]
- apiGroups: [argoproj.io]
  resources: [applications, appprojects]
  verbs: ["*"]
`;

const deps = (allows: string) => `version: 1
owners:
  platform: { github: "@acme/platform" }
  gitops: { github: "@acme/gitops" }
nodes:
  k8s-role/argocd-server:
    kind: k8s-role
    owner: platform
    match:
      paths: [manifests/**]
      kubernetes: [ClusterRole/argocd-server]
  service/argocd-server:
    kind: service
    owner: gitops
    depends_on:
      - on: k8s-role/argocd-server
        via: binds-role
        expects:
          allows: ${allows}
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A repository at base, then one commit with the ClusterRole's new rules. */
function change(allows: string, head: string): string {
  const dir = mkdtempSync(join(tmpdir(), "br-k8s-contracts-"));
  dirs.push(dir);
  write(dir, {
    "deps.yaml": deps(allows),
    "manifests/argocd-server.yaml": role("get, list, watch", "get, list"),
  });
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "base"]);
  write(dir, { "manifests/argocd-server.yaml": head });
  gitIn(dir, ["commit", "-qam", "argocd-server: narrower"]);
  return dir;
}

interface Impact {
  contracts: { dependent: string; expectation: string; status: string; reason: string }[];
  impacted: { id: string; severity: string }[];
}

const check = (dir: string) => {
  const run = runCli(["check", "--git", "HEAD~1", "--format", "json"], { cwd: dir });
  return { ...run, impact: run.stdout ? (JSON.parse(run.stdout) as Impact) : undefined };
};

describe("contracts on a ClusterRole's RBAC rules, through check --git", () => {
  it("removing the permission the dependent expects breaks it", () => {
    const dir = change(
      '[list secrets, "create appprojects.argoproj.io"]',
      role("get", "get, list"),
    );
    const { impact, stderr } = check(dir);
    expect(stderr).not.toContain("Error");
    expect(impact?.contracts.map((c) => [c.expectation, c.status, c.reason])).toEqual([
      [
        "allows list secrets",
        "broken",
        "k8s-role/argocd-server no longer allows list secrets; it did at base",
      ],
      [
        "allows create appprojects.argoproj.io",
        "kept",
        "k8s-role/argocd-server still allows create appprojects.argoproj.io",
      ],
    ]);
    expect(impact?.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["service/argocd-server", "breaking"],
    ]);
  });

  it("removing something else keeps the contract: at risk, not breaking", () => {
    const dir = change("[list secrets]", role("get, list, watch", "get"));
    const { impact } = check(dir);
    expect(impact?.contracts.map((c) => c.status)).toEqual(["kept"]);
    expect(impact?.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["service/argocd-server", "at-risk"],
    ]);
  });

  it("a verb Kubernetes does not know is refused, saying where and what was meant", () => {
    const dir = change("[lsit secrets]", role("get", "get"));
    const { code, stderr, stdout } = check(dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      "deps.yaml:19:20 nodes.service/argocd-server.depends_on[0].expects.allows[0]",
    );
    expect(stderr).toContain('"lsit" is not a Kubernetes verb — did you mean "list"?');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
