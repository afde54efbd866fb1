// Pull-request contents that would expand past memory or the stack: a Role spelling out
// millions of combinations (plain manifest, overlay patch) and a JSON 6902 patch whose copies
// double the object. Each is answered, as `unknown` or unresolved, never expanded.

import { describe, expect, it } from "vitest";
import { classifyManifestFiles, compareObject, MAX_RBAC_GRANTS } from "./kubernetes-rbac.js";
import { compareOverlays } from "./kustomize-changes.js";
import { evaluateOverlay, type SideFile } from "./kustomize-overlay.js";
import { applyJsonPatch, MAX_PATCH_OPERATIONS, MAX_PATCHED_CHARS } from "./kustomize-patch.js";

const words = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(", ");

const role = (rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app}\nrules:\n${rules}`;
const small = "  - {apiGroups: [''], resources: [secrets], verbs: [get]}\n";
const huge = (n: number) =>
  `  - {apiGroups: [''], resources: [${words("r", n)}], verbs: [${words("v", n)}]}\n`;

describe("a Role spelling out more combinations than compared", () => {
  it("is unknown in a plain manifest, with how many", () => {
    const changes = classifyManifestFiles([
      { path: "k/role.yaml", base: role(small), head: role(small + huge(400)) },
    ]).get("k/role.yaml");
    expect(changes?.map((c) => [c.address, c.classes])).toEqual([["Role/app", ["unknown"]]]);
    expect(changes?.[0]?.evidence[0]?.detail).toContain(
      `not compared: Role app spells out 160,001 verb, group, resource and name combinations, more than the ${MAX_RBAC_GRANTS.toLocaleString("en-US")} compared`,
    );
  });

  it("is compared right up to the bound, whichever side holds it", () => {
    // 70 × 70 = 4,900 combinations: compared, each one said.
    const at = classifyManifestFiles([
      { path: "r.yaml", base: role(small), head: role(small + huge(70)) },
    ]).get("r.yaml");
    expect(at?.[0]?.classes).toEqual(["permissions-added"]);
    const before = compareObject(
      {
        kind: "Role",
        name: "app",
        body: {
          rules: [
            {
              verbs: [...Array(100).keys()].map(String),
              resources: [...Array(100).keys()].map(String),
            },
          ],
        },
      },
      { kind: "Role", name: "app", body: { rules: [] } },
      { path: "r.yaml" },
    );
    expect(before?.classes).toEqual(["unknown"]);
  });

  it("is unknown when an overlay's inline patch gives it, without blowing the stack", () => {
    const kustomization = (patches: string) =>
      `resources: [role.yaml]\nnamespace: prod\n${patches}`;
    const patch = `patches:\n  - target: {kind: Role, name: app}\n    patch: |-\n      - {op: add, path: /rules/-, value: {apiGroups: [""], verbs: [${words("v", 1500)}], resources: [${words("r", 1500)}]}}\n`;
    const side = (k: string) =>
      evaluateOverlay(
        "o/kustomization.yaml",
        new Map<string, SideFile>([
          ["o/kustomization.yaml", k],
          ["o/role.yaml", role(small)],
        ]),
      );
    const changes = compareOverlays(
      "o/kustomization.yaml",
      side(kustomization("")),
      side(kustomization(patch)),
    );
    expect(changes.map((c) => [c.address, c.classes])).toEqual([["Role/prod/app", ["unknown"]]]);
    expect(changes[0]?.evidence.map((e) => e.detail).join("\n")).toContain(
      "spells out 2,250,001 verb",
    );
  });
});

describe("a JSON 6902 patch past the bounds", () => {
  const doubling = (n: number) =>
    Array.from({ length: n }, () => ({ op: "copy", from: "/x", path: "/x/-" }));

  it("whose copies double the object is refused once it passes the size", () => {
    const result = applyJsonPatch({ x: [1] }, doubling(40));
    expect(result).toEqual({
      ok: false,
      reason: `the patched object would exceed ${MAX_PATCHED_CHARS.toLocaleString("en-US")} characters`,
      bound: true,
    });
    // A few copies are applied as written.
    const few = applyJsonPatch({ x: [1] }, doubling(3));
    expect(few).toEqual({ ok: true, value: { x: [1, [1], [1, [1]], [1, [1], [1, [1]]]] } });
  });

  it("with more operations than applied is refused", () => {
    const ops = Array.from({ length: MAX_PATCH_OPERATIONS + 1 }, () => ({
      op: "add",
      path: "/y",
      value: 1,
    }));
    const result = applyJsonPatch({}, ops);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.bound).toBe(true);
    expect(applyJsonPatch({}, ops.slice(1)).ok).toBe(true);
  });

  it("leaves the overlay unresolved, saying to give the rendered manifests", () => {
    const k = (ops: string) =>
      `resources: [role.yaml]\npatches:\n  - target: {kind: Role, name: app}\n    patch: |-\n${ops}`;
    const copies = "      - {op: copy, from: /x, path: /x/-}\n".repeat(40);
    const side = (text: string) =>
      evaluateOverlay(
        "o/kustomization.yaml",
        new Map<string, SideFile>([
          ["o/kustomization.yaml", text],
          ["o/role.yaml", `${role(small)}x: [1]\n`],
        ]),
      );
    const head = side(k(copies));
    expect(head.unresolved.map((u) => u.reason)).toEqual([
      `the patch in o/kustomization.yaml is not applied to Role app: the patched object would exceed ${MAX_PATCHED_CHARS.toLocaleString("en-US")} characters`,
    ]);
    const changes = compareOverlays(
      "o/kustomization.yaml",
      side(k("      - {op: test, path: /x, value: [1]}\n")),
      head,
    );
    expect(changes.map((c) => [c.system, c.classes])).toEqual([
      ["kubernetes", ["unknown"]],
      ["file", ["unknown"]],
    ]);
    expect(changes.find((c) => c.system === "file")?.evidence[0]?.detail).toContain(
      "give the rendered manifests",
    );
  });
});
