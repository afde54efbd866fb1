import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareOverlays } from "./kustomize-changes.js";
import { evaluateOverlay, MAX_PATCHES, type SideFile } from "./kustomize-overlay.js";
import { applyJsonPatch, mergePatch, selects } from "./kustomize-patch.js";

const object = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "Role",
  names: ["reader", "prod-reader"],
  namespace: "prod",
  labels: { team: "web" },
  annotations: {},
};

describe("selects", () => {
  it("matches literal names (written or emitted), `.*` wildcards and simple label selectors", () => {
    expect(selects({ kind: "Role", name: "reader" }, object)).toBe(true);
    expect(selects({ name: "prod-reader" }, object)).toBe(true);
    expect(selects({ name: "read.*" }, object)).toBe(true);
    expect(selects({ name: "writer" }, object)).toBe(false);
    expect(selects({ group: "rbac.authorization.k8s.io", version: "v1" }, object)).toBe(true);
    expect(selects({ group: "apps" }, object)).toBe(false);
    expect(selects({ labelSelector: "team=web" }, object)).toBe(true);
    expect(selects({ labelSelector: "team!=web" }, object)).toBe(false);
  });

  it("does not run a regular expression from the pull request", () => {
    expect(selects({ name: "(a+)+$" }, object)).toBe(
      'the target pattern "(a+)+$" is a regular expression, not evaluated',
    );
    expect(selects({ labelSelector: "team in (web, api)" }, object)).toBe(
      'the selector "team in (web, api)" is not evaluated',
    );
  });
});

describe("patches that reach for an object's prototype", () => {
  it("are not applied", () => {
    const base = { rules: [] };
    expect(mergePatch(base, JSON.parse('{"__proto__": {"polluted": true}}'))).toBeUndefined();
    const result = applyJsonPatch(base, [{ op: "add", path: "/__proto__/polluted", value: true }]);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("a kustomization from a pull request", () => {
  it("with more patches than evaluated is unresolved, not walked", () => {
    const patches = Array.from(
      { length: MAX_PATCHES + 1 },
      () => "  - patch: '[{op: remove, path: /x}]'\n    target: {kind: Role}",
    );
    const o = evaluateOverlay(
      "k/kustomization.yaml",
      new Map<string, SideFile>([["k/kustomization.yaml", `patches:\n${patches.join("\n")}\n`]]),
    );
    expect(o.unresolved.map((u) => u.reason)).toEqual([
      `k/kustomization.yaml has ${MAX_PATCHES + 1} patches: more than the ${MAX_PATCHES} evaluated`,
    ]);
  });

  it("never throws, whatever it holds", () => {
    const yamlish = fc.oneof(
      fc.string(),
      fc.jsonValue({ maxDepth: 4 }).map((v) =>
        JSON.stringify({
          resources: ["a.yaml"],
          patches: [{ patch: JSON.stringify(v), target: { kind: "Role" } }],
        }),
      ),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    );
    const role =
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n";
    fc.assert(
      fc.property(yamlish, yamlish, (before, after) => {
        const side = (text: string) =>
          evaluateOverlay(
            "k/kustomization.yaml",
            new Map<string, SideFile>([
              ["k/kustomization.yaml", text],
              ["k/a.yaml", role],
            ]),
          );
        const changes = compareOverlays("k/kustomization.yaml", side(before), side(after));
        expect(Array.isArray(changes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a JSON 6902 patch on the object's name or namespace", () => {
  it("that writes one is not applied: kustomize names the object around its patches", () => {
    const binding = { kind: "RoleBinding", metadata: { name: "app", namespace: "prod" } };
    for (const op of [
      { op: "add", path: "/metadata/namespace", value: "elsewhere" },
      { op: "replace", path: "/metadata/name", value: "other" },
      { op: "move", from: "/metadata/name", path: "/spec/x" },
    ]) {
      const result = applyJsonPatch(binding, [op]);
      expect(result.ok, JSON.stringify(op)).toBe(false);
    }
    expect(applyJsonPatch(binding, [{ op: "add", path: "/metadata/labels", value: {} }]).ok).toBe(
      true,
    );
  });
});
