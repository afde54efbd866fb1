// Kubernetes attribution by object, as a new user meets it: `init` on a repository whose Role
// sits in a base manifest and in a generated multi-document bundle (argo-cd's layout, written
// here by hand), then `check --git` on a change to that Role's verbs in both files.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";

const role = (verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: appset-controller
rules:
- apiGroups: [argoproj.io]
  resources: [appprojects]
  verbs: [${verbs}]
`;

const account = (name: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
`;

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      serviceAccountName: ${name}
      containers:
      - name: main
        image: example/${name}:1
`;

const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: appset-controller
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: appset-controller
subjects:
- kind: ServiceAccount
  name: appset-controller
`;

const bundle = (verbs: string) =>
  [
    account("appset-controller"),
    account("redis"),
    role(verbs),
    binding,
    deployment("appset-controller"),
    deployment("redis"),
  ].join("---\n");

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function repository(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "br-k8s-"));
  dirs.push(dir);
  write(dir, files);
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "manifests"]);
  return dir;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe("Kubernetes objects carried by several files", () => {
  it("init drafts one node per object; check names the Role alone as changed and what runs through it as breaking", () => {
    const verbs = "get, list, create, update, delete";
    const dir = repository({
      "manifests/base/appset-controller-role.yaml": role(verbs),
      "manifests/install.yaml": bundle(verbs),
    });
    const drafted = runCli(["init", "--dry-run"], { cwd: dir });
    expect(drafted.code).toBe(0);
    const deps = join(dir, "..", `${dir.split("/").pop()}-deps.yaml`);
    dirs.push(deps);
    writeFileSync(deps, drafted.stdout);
    expect(drafted.stdout).toContain("  k8s-role/appset-controller:");
    expect(drafted.stdout).toContain(
      "paths: [manifests/base/appset-controller-role.yaml, manifests/install.yaml]",
    );
    expect(drafted.stdout).toContain("kubernetes: [Role/appset-controller]");
    expect(drafted.stdout).not.toMatch(/-2:/);

    write(dir, {
      "manifests/base/appset-controller-role.yaml": role("get, list"),
      "manifests/install.yaml": bundle("get, list"),
    });
    gitIn(dir, ["commit", "-qam", "appset controller: read-only on appprojects"]);
    const checked = runCli(["check", "--deps", deps, "--git", "HEAD~1", "--format", "json"], {
      cwd: dir,
    });
    expect(checked.stderr).not.toContain("Error:");
    const impact = JSON.parse(checked.stdout) as {
      changed: { id: string; classes: string[]; causes: { file: string }[] }[];
      impacted: { id: string; severity: string }[];
    };
    expect(impact.changed.map((c) => [c.id, c.classes, c.causes.map((x) => x.file)])).toEqual([
      [
        "k8s-role/appset-controller",
        ["permissions-removed"],
        ["manifests/base/appset-controller-role.yaml", "manifests/install.yaml"],
      ],
    ]);
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["k8s-role-binding/appset-controller", "breaking"],
      ["service-account/appset-controller", "breaking"],
      ["deployment/appset-controller", "breaking"],
    ]);
    expect(readFileSync(deps, "utf8")).toContain("deployment/redis");
  });
});
