// Kustomize overlays through the built CLI: `check --git` on a repository with a base, a
// production overlay (namespace, prefix, image pin, a patch on the RoleBinding) and a
// documentation snippet carrying a RoleBinding of the same name. The patch changes the
// overlay's binding, the image bump the overlay's Deployment; the snippet's node is not changed.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";

const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
- kind: ServiceAccount
  name: ci
  namespace: ci
`;

const patch = (subjects: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
subjects:
- kind: ServiceAccount
  name: ci
  namespace: ci
${subjects}`;

const overlay = (
  tag: string,
  resources = "  - ../../base\n",
) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: prod
namePrefix: prod-
resources:
${resources}images:
  - name: nginx
    newTag: ${tag}
patches:
  - path: patch-binding.yaml
`;

const files: Record<string, string> = {
  "docs/examples/binding.yaml": binding,
  "base/kustomization.yaml": "resources:\n  - binding.yaml\n  - deployment.yaml\n",
  "base/binding.yaml": binding,
  "base/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25.3
`,
  "overlays/prod/kustomization.yaml": overlay("1.25.3"),
  "overlays/prod/patch-binding.yaml": patch("- kind: Group\n  name: sre\n"),
};

// The snippet's node is what `init` drafts from files read as objects (the patch among them).
const deps = `version: 1
owners:
  web: {github: "@acme/web"}
nodes:
  k8s-role-binding/deployer:
    kind: k8s-role-binding
    match:
      paths: [base/binding.yaml, docs/examples/binding.yaml, overlays/prod/patch-binding.yaml]
      kubernetes: [RoleBinding/deployer]
  prod/deployer:
    kind: k8s-role-binding
    match:
      paths: [overlays/prod/**]
      kubernetes: [RoleBinding/prod/prod-deployer]
  prod/web:
    kind: deployment
    owner: web
    match:
      paths: [overlays/prod/**]
      kubernetes: [Deployment/prod/prod-web]
    depends_on:
      - on: prod/deployer
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function write(dir: string, contents: Record<string, string>): void {
  for (const [path, text] of Object.entries(contents)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), "br-kustomize-"));
  dirs.push(dir);
  write(dir, { ...files, "deps.yaml": deps });
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "base and overlay"]);
  return dir;
}

interface Impact {
  changed: {
    id: string;
    classes: string[];
    causes: { file: string; evidence: { address?: string; line?: number; detail: string }[] }[];
  }[];
  impacted: { id: string; severity: string }[];
  unjudged?: { file?: string; reason: string }[];
}

function check(dir: string): Impact {
  const result = runCli(["check", "--git", "HEAD", "--format", "json"], { cwd: dir });
  expect(result.stderr).not.toContain("Error");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Impact;
}

describe("kustomize overlays in check --git", () => {
  it("a patch and an image bump change the overlay's objects, not the snippet's", () => {
    const dir = repository();
    write(dir, {
      "overlays/prod/patch-binding.yaml": patch(""),
      "overlays/prod/kustomization.yaml": overlay("1.25.4"),
    });
    const impact = check(dir);
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["prod/deployer", ["trust-narrowed"]],
      ["prod/web", ["modified"]],
    ]);
    const evidence = impact.changed.flatMap((c) => c.causes.flatMap((x) => x.evidence));
    expect(evidence).toEqual([
      expect.objectContaining({
        address: "RoleBinding/prod/prod-deployer",
        detail: "no longer binds Group sre",
      }),
      expect.objectContaining({
        address: "Deployment/prod/prod-web",
        line: 8,
        detail: "image nginx: 1.25.3 → 1.25.4",
      }),
    ]);
    expect(impact.impacted).toEqual([
      expect.objectContaining({ id: "prod/web", severity: "breaking" }),
    ]);
  });

  it("init drafts the overlay's objects as deployed, and not the patch file as an object; check on that graph names the overlay's binding alone", () => {
    const dir = repository();
    const drafted = runCli(["init", "--dry-run"], { cwd: dir });
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain("kubernetes: [RoleBinding/prod/prod-deployer]");
    expect(drafted.stdout).toContain(
      "paths: [overlays/prod/kustomization.yaml, overlays/prod/patch-binding.yaml, base/kustomization.yaml, base/binding.yaml]",
    );
    expect(drafted.stdout).toContain("paths: [base/binding.yaml, docs/examples/binding.yaml]");
    const deps = join(dir, "..", `${dir.split("/").pop()}-deps.yaml`);
    dirs.push(deps);
    writeFileSync(deps, drafted.stdout);
    write(dir, { "overlays/prod/patch-binding.yaml": patch("") });
    const result = runCli(["check", "--deps", deps, "--git", "HEAD", "--format", "json"], {
      cwd: dir,
    });
    expect(result.stderr).not.toContain("Error");
    const impact = JSON.parse(result.stdout) as Impact;
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["k8s-role-binding/prod-deployer", ["trust-narrowed"]],
    ]);
  });

  it("an overlay's new namespace deletes its objects where they were, though a patch file of theirs is untouched", () => {
    const dir = repository();
    const drafted = runCli(["init", "--dry-run"], { cwd: dir });
    const deps = join(dir, "..", `${dir.split("/").pop()}-ns-deps.yaml`);
    dirs.push(deps);
    writeFileSync(deps, drafted.stdout);
    write(dir, {
      "overlays/prod/kustomization.yaml": overlay("1.25.3").replace(
        "namespace: prod",
        "namespace: production",
      ),
    });
    const result = runCli(["check", "--deps", deps, "--git", "HEAD", "--format", "json"], {
      cwd: dir,
    });
    const impact = JSON.parse(result.stdout) as Impact;
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["k8s-role-binding/prod-deployer", ["deleted"]],
    ]);
  });

  it("a remote base added to the overlay is unknown and says to give the rendered manifests", () => {
    const dir = repository();
    write(dir, {
      "overlays/prod/kustomization.yaml": overlay(
        "1.25.3",
        "  - ../../base\n  - github.com/acme/platform//monitoring?ref=v1.2.0\n",
      ),
    });
    const result = runCli(["check", "--git", "HEAD"], { cwd: dir });
    expect(result.stderr).not.toContain("Error");
    expect(result.stdout).toContain("prod/deployer");
    expect(result.stdout).toContain("prod/web");
    expect(result.stdout).toContain(
      "the remote resource github.com/acme/platform//monitoring?ref=v1.2.0 is not fetched",
    );
    expect(result.stdout).toContain("check --rendered-base/--rendered-head");
    const impact = check(dir);
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["prod/deployer", ["unknown"]],
      ["prod/web", ["unknown"]],
    ]);
    expect(impact.changed.some((c) => c.id === "k8s-role-binding/deployer")).toBe(false);
  });
});
