// Files an overlay uses from afar, through the built CLI: `init` drafts the graph, a commit
// changes a file that is not beside the overlay's kustomization (a base's Role, a base's
// kustomization, a patch kept in a shared folder, a middle layer's patch), and `check` must
// name the deployed object's node, as kustomize emits it (namespace prod, prefix prod-).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";

const role = (resources: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app
rules:
  - apiGroups: [""]
    resources: [${resources}]
    verbs: [${verbs}]
`;

const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
subjects:
  - kind: ServiceAccount
    name: app
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

interface Impact {
  changed: { id: string; classes: string[] }[];
  unjudged?: { file?: string; reason: string }[];
}

/** init's graph over `files` committed, then `change` committed and checked against it. */
function checkAfter(files: Record<string, string>, change: Record<string, string>): Impact {
  const dir = mkdtempSync(join(tmpdir(), "br-afar-"));
  dirs.push(dir);
  write(dir, files);
  const drafted = runCli(["init", "--dry-run"], { cwd: dir });
  expect(drafted.code).toBe(0);
  write(dir, { "deps.yaml": drafted.stdout });
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "base"]);
  write(dir, change);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "change"]);
  const result = runCli(["check", "--git", "HEAD~1", "--format", "json"], { cwd: dir });
  expect(result.stderr).not.toContain("Error");
  return JSON.parse(result.stdout) as Impact;
}

const classesOf = (impact: Impact, id: string) => impact.changed.find((c) => c.id === id)?.classes;

const prod = "namespace: prod\nnamePrefix: prod-\nresources:\n  - ../../base\n";

describe("a file an overlay uses from afar", () => {
  it("a base's Role narrowed narrows the overlay's Role", () => {
    const impact = checkAfter(
      {
        "base/role.yaml": role("secrets, configmaps", "get, list"),
        "base/kustomization.yaml": "resources:\n  - role.yaml\n",
        "overlays/prod/kustomization.yaml": prod,
      },
      { "base/role.yaml": role("secrets", "get") },
    );
    expect(classesOf(impact, "k8s-role/prod-app")).toEqual(["permissions-removed"]);
  });

  it("a base's kustomization that drops a binding deletes the overlay's binding", () => {
    const impact = checkAfter(
      {
        "base/role.yaml": role("secrets", "get"),
        "base/binding.yaml": binding,
        "base/kustomization.yaml": "resources:\n  - role.yaml\n  - binding.yaml\n",
        "overlays/prod/kustomization.yaml": prod,
      },
      { "base/kustomization.yaml": "resources:\n  - role.yaml\n" },
    );
    expect(classesOf(impact, "k8s-role-binding/prod-app")).toEqual(["deleted"]);
    expect(classesOf(impact, "k8s-role/prod-app")).toBeUndefined();
  });

  it("a patch kept in a shared folder, or deep below the overlay, changes the overlay's Role", () => {
    for (const [path, named] of [
      ["patches/role.yaml", "../../patches/role.yaml"],
      ["overlays/prod/patches/rbac/role.yaml", "patches/rbac/role.yaml"],
    ] as const) {
      const impact = checkAfter(
        {
          "base/role.yaml": role("secrets", "get"),
          "base/kustomization.yaml": "resources:\n  - role.yaml\n",
          "overlays/prod/kustomization.yaml": `${prod}patches:\n  - path: ${named}\n`,
          [path]: role("secrets, configmaps", "get, list"),
        },
        { [path]: role("secrets", "get") },
      );
      expect(classesOf(impact, "k8s-role/prod-app")).toEqual(["permissions-removed"]);
    }
  });

  it("a middle layer's patch changes the top overlay's Role", () => {
    const impact = checkAfter(
      {
        "base/role.yaml": role("secrets", "get"),
        "base/kustomization.yaml": "resources:\n  - role.yaml\n",
        "overlays/common/kustomization.yaml":
          "resources:\n  - ../../base\npatches:\n  - path: role-patch.yaml\n",
        "overlays/common/role-patch.yaml": role("secrets, configmaps", "get, list, watch"),
        "overlays/prod/kustomization.yaml":
          "namespace: prod\nnamePrefix: prod-\nresources:\n  - ../common\n",
      },
      { "overlays/common/role-patch.yaml": role("secrets", "get") },
    );
    expect(classesOf(impact, "k8s-role/prod-app")).toEqual(["permissions-removed"]);
  });
});
