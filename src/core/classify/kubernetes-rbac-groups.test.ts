import { describe, expect, it } from "vitest";
import { classifyManifestFiles } from "./kubernetes-rbac.js";

const role = (groups: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app}\nrules:\n  - {apiGroups: [${groups}], resources: [secrets], verbs: [get]}\n`;

const compare = (before: string, after: string) =>
  classifyManifestFiles([{ path: "r.yaml", base: role(before), head: role(after) }])
    .get("r.yaml")
    ?.map((c) => [c.classes, c.evidence.map((e) => e.detail)]);

describe("the core API group", () => {
  it('written "" is not a group named "core", which the API server does not know', () => {
    expect(compare('""', '"core"')).toEqual([
      [
        ["permissions-removed", "permissions-added"],
        ["no longer allows get core/secrets", 'now allows get "core"/secrets'],
      ],
    ]);
    expect(compare('"core"', '""')?.[0]?.[0]).toEqual(["permissions-removed", "permissions-added"]);
  });

  it('is covered by a rule for every group ("*")', () => {
    expect(compare('""', '"*"')).toEqual([[["permissions-added"], ["now allows get */secrets"]]]);
    expect(compare('"", "core"', '"*"')?.[0]?.[0]).toEqual(["permissions-added"]);
    expect(compare('"*"', '""')?.[0]?.[0]).toEqual(["permissions-removed"]);
  });
});

describe("wildcards in RBAC rules", () => {
  const role = (resources: string, names?: string) =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: ns}\nrules:\n- apiGroups: [""]\n  resources: [${resources}]\n  verbs: [get]\n${names ? `  resourceNames: [${names}]\n` : ""}`;
  const classes = (base: string, head: string) =>
    classifyManifestFiles([{ path: "r.yaml", base, head }]).get("r.yaml")?.[0]?.classes ?? [];

  it("a * or ? inside a name is a literal character, as the API server reads it", () => {
    expect(classes(role("secrets"), role('"secret?"'))).toContain("permissions-removed");
    expect(classes(role("secrets"), role('"secret*"'))).toContain("permissions-removed");
    expect(classes(role("pods", "app"), role("pods", '"app*"'))).toContain("permissions-removed");
  });

  it("a whole * is every resource, and */scale every scale subresource", () => {
    expect(classes(role("secrets"), role('"*"'))).toEqual(["permissions-added"]);
    expect(classes(role('"deployments/scale"'), role('"*/scale"'))).toEqual(["permissions-added"]);
  });
});
