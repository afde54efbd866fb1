// Contracts on Roles and ClusterRoles, from manifests at base and head through analyze.

import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { classifyManifestFiles } from "./classify/kubernetes-rbac.js";
import { judgeExpectation } from "./contracts.js";
import { modelOf } from "./testing/helpers.js";

const clusterRole = (rules: string, extra = "") =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: argocd-server}\n${extra}rules:\n${rules}`;
const SECRETS = `  - {apiGroups: [""], resources: [secrets], verbs: [get, list]}\n`;
const CONFIGMAPS = `  - {apiGroups: [""], resources: [configmaps], verbs: [get]}\n`;
const PROJECTS = `  - {apiGroups: [argoproj.io], resources: [appprojects], verbs: [create]}\n`;

const model = (expects: string, via = "runs-as") =>
  modelOf(`version: 1
owners:
  platform: { github: "@acme/platform" }
  apps: { github: "@acme/apps" }
nodes:
  k8s-role/argocd-server:
    kind: k8s-role
    owner: platform
    match: { paths: [k8s/**], kubernetes: [ClusterRole/argocd-server] }
  svc/argocd:
    kind: service
    owner: apps
    depends_on:
      - on: k8s-role/argocd-server
        via: ${via}
        expects: ${expects}
  job/sync: { kind: job, owner: apps, depends_on: [svc/argocd] }
`);

const run = (expects: string, base: string, head: string, via?: string) => {
  const path = "k8s/argocd-server.yaml";
  const resources = classifyManifestFiles([{ path, base, head }]).get(path);
  return analyze(
    model(expects, via),
    [{ path, status: "modified", ...(resources ? { resources } : {}) }],
    {},
  );
};
const severities = (impact: ReturnType<typeof analyze>) =>
  Object.fromEntries(impact.impacted.map((n) => [n.id, n.severity]));

describe("a contract on a ClusterRole's RBAC rules", () => {
  it("breaks its dependent when the change removes the permission it expects", () => {
    const impact = run(
      "{ allows: [list secrets, create appprojects.argoproj.io] }",
      clusterRole(SECRETS + PROJECTS),
      clusterRole(`  - {apiGroups: [""], resources: [secrets], verbs: [get]}\n${PROJECTS}`),
    );
    expect(impact.changed[0]?.classes).toEqual(["permissions-removed"]);
    expect(impact.contracts.map((c) => [c.expectation, c.status, c.reason])).toEqual([
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
    expect(severities(impact)).toEqual({ "svc/argocd": "breaking", "job/sync": "breaking" });
  });

  it("holds the edge when what is removed is something else: at risk at most", () => {
    for (const via of ["runs-as", "binds-role"]) {
      const impact = run(
        "{ allows: [list secrets] }",
        clusterRole(SECRETS + CONFIGMAPS),
        clusterRole(SECRETS),
        via,
      );
      expect(impact.changed[0]?.classes).toEqual(["permissions-removed"]);
      expect(impact.contracts[0]).toMatchObject({
        status: "kept",
        decides: ["permissions-removed"],
      });
      expect(severities(impact)).toEqual({ "svc/argocd": "at-risk", "job/sync": "at-risk" });
    }
    // Without the contract, the same change breaks it (runs-as breaks on permissions-removed).
    const bare = run("{ exists: true }", clusterRole(SECRETS + CONFIGMAPS), clusterRole(SECRETS));
    expect(severities(bare)["svc/argocd"]).toBe("breaking");
  });

  it("is kept when only other fields of the ClusterRole change", () => {
    const impact = run(
      "{ allows: [list secrets] }",
      clusterRole(SECRETS),
      clusterRole(SECRETS, "  labels: {team: platform}\n").replace(
        "metadata: {name: argocd-server}\n  labels: {team: platform}\n",
        "metadata: {name: argocd-server, labels: {team: platform}}\n",
      ),
    );
    expect(impact.changed[0]?.classes).toEqual(["modified"]);
    expect(impact.contracts[0]).toMatchObject({
      status: "kept",
      reason: "k8s-role/argocd-server still allows list secrets",
    });
  });

  it("is unchecked when the controller writes the rules (an aggregated ClusterRole), saying why", () => {
    const aggregated = (label: string) =>
      clusterRole(
        "  []\n",
        `aggregationRule:\n  clusterRoleSelectors: [{matchLabels: {${label}: "true"}}]\n`,
      );
    const impact = run("{ allows: [list secrets] }", aggregated("a"), aggregated("b"));
    expect(impact.changed[0]?.classes).toContain("unknown");
    expect(impact.contracts[0]?.status).toBe("unchecked");
    expect(impact.contracts[0]?.reason).toBe(
      "whether k8s-role/argocd-server allows list secrets cannot be told: ClusterRole argocd-server has an aggregationRule: the controller fills its rules from the ClusterRoles it selects, which only the cluster knows",
    );
    // Unchecked decides nothing: breaks_on does, as without a contract.
    expect(severities(impact)["svc/argocd"]).toBe("breaking");
  });

  it("is unchecked when a ClusterRole it aggregates changes", () => {
    const path = "k8s/roles.yaml";
    const member = (verbs: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: member, labels: {agg: "true"}}\nrules:\n  - {apiGroups: [""], resources: [secrets], verbs: [${verbs}]}\n`;
    const aggregator = clusterRole(
      "  []\n",
      `aggregationRule:\n  clusterRoleSelectors: [{matchLabels: {agg: "true"}}]\n`,
    );
    const resources = classifyManifestFiles([
      {
        path,
        base: `${aggregator}---\n${member("get, list")}`,
        head: `${aggregator}---\n${member("get")}`,
      },
    ]).get(path);
    const impact = analyze(model("{ allows: [list secrets] }"), [
      { path, status: "modified", ...(resources ? { resources } : {}) },
    ]);
    const contract = impact.contracts.find((c) => c.upstream === "k8s-role/argocd-server");
    expect(contract?.status).toBe("unchecked");
    expect(contract?.reason).toContain("has an aggregationRule");
  });

  it("is unchecked when the rules spell out more than is compared", () => {
    const many = (extra: string) =>
      clusterRole(
        `  - apiGroups: [""]\n    verbs: [${Array.from({ length: 80 }, (_, i) => `v${i}`).join(", ")}]\n    resources: [${Array.from({ length: 80 }, (_, i) => `r${i}`).join(", ")}]\n${extra}`,
      );
    const impact = run("{ allows: [list secrets] }", many(SECRETS), many(""));
    expect(impact.contracts[0]?.status).toBe("unchecked");
    expect(impact.contracts[0]?.reason).toContain("more than the 5,000 compared");
  });

  it("is broken when the ClusterRole is deleted", () => {
    const path = "k8s/argocd-server.yaml";
    const resources = classifyManifestFiles([{ path, base: clusterRole(SECRETS) }]).get(path);
    const impact = analyze(model("{ allows: [list secrets] }"), [
      { path, status: "removed", ...(resources ? { resources } : {}) },
    ]);
    expect(impact.contracts[0]).toMatchObject({
      status: "broken",
      reason: "k8s-role/argocd-server is deleted, so it no longer allows list secrets",
    });
  });
});

describe("a contract on a ClusterRole as it is (state)", () => {
  const state = (manifest: string, value: string) => {
    const path = "k8s/argocd-server.yaml";
    return judgeExpectation(
      { kind: "allows", value, keyPath: ["allows", 0] },
      {
        id: "k8s-role/argocd-server",
        mode: "state",
        deleted: false,
        resources: classifyManifestFiles([{ path, head: manifest }]).get(path) ?? [],
      },
    );
  };

  it("reads the rules at the commit: allowed, not allowed, unknown for an aggregated role", () => {
    expect(state(clusterRole(SECRETS), "list secrets")).toMatchObject({
      status: "kept",
      reason: "k8s-role/argocd-server still allows list secrets",
      evidence: { file: "k8s/argocd-server.yaml", line: 3 },
    });
    expect(state(clusterRole(SECRETS), "list secrets.apps")).toMatchObject({
      status: "broken",
      reason: "k8s-role/argocd-server does not allow list secrets.apps",
    });
    const aggregated = clusterRole(
      "  []\n",
      "aggregationRule:\n  clusterRoleSelectors: [{matchLabels: {a: 'true'}}]\n",
    );
    expect(state(aggregated, "list secrets").status).toBe("unchecked");
  });
});
