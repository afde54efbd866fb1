// Hostile Kubernetes contents through the built CLI: an overlay patch that spells out millions
// of RBAC combinations, one whose copies double the object, and a render writing a Role twice.
// Each is answered (unknown, or not judged) without a stack trace.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";

const role = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app
x: [1]
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get"]
`;

const prod = "namespace: prod\nresources:\n  - ../../base\n";

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

function checkPatch(patch: string) {
  const dir = mkdtempSync(join(tmpdir(), "br-hostile-"));
  dirs.push(dir);
  write(dir, {
    "base/role.yaml": role,
    "base/kustomization.yaml": "resources:\n  - role.yaml\n",
    "overlays/prod/kustomization.yaml": prod,
  });
  const drafted = runCli(["init", "--dry-run"], { cwd: dir });
  write(dir, { "deps.yaml": drafted.stdout });
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "base"]);
  write(dir, {
    "overlays/prod/kustomization.yaml": `${prod}patches:\n  - target: {kind: Role, name: app}\n    patch: |-\n${patch}`,
  });
  gitIn(dir, ["commit", "-qam", "hostile"]);
  const result = runCli(["check", "--git", "HEAD~1", "--format", "json"], { cwd: dir });
  expect(result.stderr).not.toMatch(/Error|at .*\.js/);
  return JSON.parse(result.stdout) as Impact;
}

const words = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(", ");

describe("hostile overlay patches", () => {
  it("a Role given 1,500 verbs × 1,500 resources is unknown, not expanded", () => {
    const impact = checkPatch(
      `      - {op: add, path: /rules/-, value: {apiGroups: [""], verbs: [${words("v", 1500)}], resources: [${words("r", 1500)}]}}\n`,
    );
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["k8s-role/prod.app", ["unknown"]],
    ]);
  });

  it("40 copies doubling the object leave the overlay unjudged, saying to give the renders", () => {
    const impact = checkPatch("      - {op: copy, from: /x, path: /x/-}\n".repeat(40));
    expect(impact.changed.map((c) => c.classes)).toEqual([["unknown"]]);
    expect(impact.unjudged?.[0]?.reason).toContain("give the rendered manifests");
  });
});

describe("a render writing a Role twice", () => {
  it("is not judged", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-twice-"));
    dirs.push(dir);
    write(dir, { "r/base/t/role.yaml": role, "r/head/t/role.yaml": role });
    write(dir, { "r/head/t/zz-role.yaml": role.replace('"secrets"', '"pods"') });
    write(dir, {
      "deps.yaml":
        "version: 1\nnodes:\n  k8s-role/app:\n    kind: k8s-role\n    match:\n      kubernetes: [Role/app]\n",
    });
    const result = runCli(
      ["check", "--rendered-base", "r/base", "--rendered-head", "r/head", "--format", "json"],
      { cwd: dir },
    );
    const impact = JSON.parse(result.stdout) as Impact;
    expect(impact.unjudged?.map((u) => u.file)).toEqual(["r/head/t/zz-role.yaml"]);
    expect(impact.unjudged?.[0]?.reason).toContain("is written twice at the head");
  });
});
