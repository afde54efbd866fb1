// Locating a manifest change by the objects it changed, not by the file: a base manifest and a
// generated bundle carrying the same Role (modelled on argo-cd's manifests/ layout).

import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { classifyManifestFiles } from "../classify/kubernetes-rbac.js";
import type { FileChange } from "../model.js";
import { modelOf } from "../testing/helpers.js";

const role = (verbs: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: appset\nrules:\n- apiGroups: [argoproj.io]\n  resources: [appprojects]\n  verbs: [${verbs}]\n`;
const deployment = (image: string, name = "redis") =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      serviceAccountName: ${name}\n      containers:\n      - name: c\n        image: ${image}\n`;

const DEPS = `version: 1
owners:
  o: {github: '@o'}
nodes:
  k8s-role/appset:
    kind: k8s-role
    owner: o
    match: {paths: [base/role.yaml, install.yaml], kubernetes: [Role/appset]}
  deployment/redis:
    kind: deployment
    owner: o
    match: {paths: [install.yaml], kubernetes: [Deployment/redis]}
  k8s-role-binding/appset:
    kind: k8s-role-binding
    owner: o
    match: {paths: [install.yaml], kubernetes: [RoleBinding/appset]}
    depends_on: [{on: k8s-role/appset, via: binds-role}]
  legacy/whole-file:
    kind: service
    owner: o
    match: {paths: [install.yaml]}
`;

function changes(files: { path: string; base?: string; head?: string }[]): FileChange[] {
  const classified = classifyManifestFiles(files);
  return files.map((f) => {
    const resources = classified.get(f.path);
    return {
      path: f.path,
      status: f.base === undefined ? "added" : f.head === undefined ? "removed" : "modified",
      ...(resources ? { resources } : {}),
    };
  });
}

describe("locating manifest changes by object", () => {
  const model = modelOf(DEPS);

  it("an object removed from one of its files but still in another this change leaves alone is not deleted", () => {
    const bundle = `${role("get")}---\n${deployment("redis:7")}`;
    // install.yaml drops its copy of the Role; base/role.yaml, untouched, still declares it.
    const impact = analyze(
      model,
      changes([{ path: "install.yaml", base: bundle, head: deployment("redis:7") }]),
    );
    expect(impact.changed.map((c) => c.id)).not.toContain("k8s-role/appset");
    // Both of its files lose it: then it is gone.
    const gone = analyze(
      model,
      changes([
        { path: "install.yaml", base: bundle, head: deployment("redis:7") },
        { path: "base/role.yaml", base: role("get") },
      ]),
    );
    expect(gone.changed.find((c) => c.id === "k8s-role/appset")?.classes).toEqual(["deleted"]);
  });

  it("a Role changed in two files is one changed node with a cause per file; the bundle's other objects are not", () => {
    const bundle = (verbs: string) => `${role(verbs)}---\n${deployment("redis:7")}`;
    const impact = analyze(
      model,
      changes([
        { path: "base/role.yaml", base: role("get, create"), head: role("get") },
        { path: "install.yaml", base: bundle("get, create"), head: bundle("get") },
      ]),
    );
    expect(impact.changed.map((c) => [c.id, c.classes, c.causes.map((x) => x.file)])).toEqual([
      ["k8s-role/appset", ["permissions-removed"], ["base/role.yaml", "install.yaml"]],
      // A node with only path rules keeps today's behaviour: the whole file.
      ["legacy/whole-file", ["permissions-removed"], ["install.yaml"]],
    ]);
    expect(impact.impacted.map((n) => n.id)).toEqual(["k8s-role-binding/appset"]);
    expect(impact.quietFiles).toEqual([
      {
        file: "install.yaml",
        nodes: ["deployment/redis", "k8s-role-binding/appset"],
        reason: "none of these nodes' objects changed",
      },
    ]);
  });

  it("says which fields of a non-RBAC object change", () => {
    const impact = analyze(
      model,
      changes([{ path: "install.yaml", base: deployment("redis:7"), head: deployment("redis:8") }]),
    );
    const redis = impact.changed.find((c) => c.id === "deployment/redis");
    expect(redis?.classes).toEqual(["modified"]);
    expect(redis?.causes[0]?.evidence.map((e) => e.detail)).toEqual([
      "spec.template.spec.containers[0].image changes",
    ]);
  });

  it("a manifest whose contents were not read concerns every node it matches, as unknown", () => {
    const impact = analyze(model, [{ path: "install.yaml", status: "modified" }]);
    expect(impact.changed.map((c) => `${c.id}:${c.classes}`)).toEqual([
      "deployment/redis:unknown",
      "k8s-role-binding/appset:unknown",
      "k8s-role/appset:unknown",
      "legacy/whole-file:modified",
    ]);
  });

  it("a change outside any object concerns every node of the file", () => {
    const text = (port: number) => `${deployment("redis:7")}---\nsettings: {port: ${port}}\n`;
    const impact = analyze(
      model,
      changes([{ path: "install.yaml", base: text(1), head: text(2) }]),
    );
    expect(impact.changed.map((c) => `${c.id}:${c.classes}`)).toEqual([
      "deployment/redis:modified",
      "k8s-role-binding/appset:modified",
      "k8s-role/appset:modified",
      "legacy/whole-file:modified",
    ]);
    expect(impact.changed[0]?.causes[0]?.evidence[0]?.detail).toBe(
      "parts of the file that are not Kubernetes objects change",
    );
  });

  it("a reformatted manifest is quiet, and says so truthfully", () => {
    const text = deployment("redis:7");
    const impact = analyze(
      model,
      changes([{ path: "install.yaml", base: text, head: `# generated\n${text}` }]),
    );
    expect(impact.changed).toEqual([]);
    expect(impact.quietFiles[0]?.reason).toBe(
      "nothing that matters changed: comments or formatting",
    );
  });
});

describe("classifying manifests object by object", () => {
  it("an object moved from one changed file to another is a move, not a deletion", () => {
    const result = classifyManifestFiles([
      { path: "a.yaml", base: `${deployment("redis:7")}---\n${role("get")}`, head: role("get") },
      { path: "b.yaml", base: role("get"), head: `${role("get")}---\n${deployment("redis:8")}` },
    ]);
    // Reported on both sides, each at its own line, so a node matching either file sees it.
    const [left] = result.get("a.yaml") ?? [];
    expect(left?.classes).toEqual(["modified"]);
    expect(left?.evidence.map((e) => [e.file, e.line, e.detail])).toEqual([
      ["a.yaml", 4, "spec.template.spec.containers[0].image changes"],
      ["a.yaml", 4, "Deployment redis moves to b.yaml"],
    ]);
    const [moved] = result.get("b.yaml") ?? [];
    expect(moved?.classes).toEqual(["modified"]);
    expect(moved?.evidence.map((e) => e.detail)).toEqual([
      "spec.template.spec.containers[0].image changes",
      "Deployment redis moves here from a.yaml",
    ]);
  });

  it("an unchanged object moved between files changes nothing; one gone everywhere is deleted", () => {
    const result = classifyManifestFiles([
      { path: "a.yaml", base: `${deployment("x")}---\n${role("get")}`, head: "" },
      { path: "b.yaml", base: "", head: deployment("x") },
    ]);
    expect(result.get("b.yaml")).toEqual([]);
    expect(result.get("a.yaml")?.map((c) => [c.address, c.classes])).toEqual([
      ["Role/appset", ["deleted"]],
    ]);
  });

  it("reads RoleList and RoleBindingList items, with or without their own kind", () => {
    const list = (verbs: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: prometheus-k8s, namespace: default}\n  rules: [{apiGroups: [""], resources: [pods], verbs: [${verbs}]}]\n- metadata: {name: prometheus-k8s, namespace: kube-system}\n  rules: [{apiGroups: [""], resources: [pods], verbs: [${verbs}]}]\n`;
    const result = classifyManifestFiles([
      { path: "roles.yaml", base: list("get, list"), head: list("get") },
    ]);
    expect(result.get("roles.yaml")?.map((c) => [c.address, c.classes])).toEqual([
      ["Role/default/prometheus-k8s", ["permissions-removed"]],
      ["Role/kube-system/prometheus-k8s", ["permissions-removed"]],
    ]);
  });

  it("labels bumped on every object: modified, naming metadata.labels", () => {
    const sa = (v: string) =>
      `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: op\n  namespace: monitoring\n  labels: {app.kubernetes.io/version: ${v}}\n`;
    const result = classifyManifestFiles([{ path: "sa.yaml", base: sa("0.1"), head: sa("0.2") }]);
    expect(
      result.get("sa.yaml")?.map((c) => [c.address, c.classes, c.evidence[0]?.detail]),
    ).toEqual([["ServiceAccount/monitoring/op", ["modified"], "metadata.labels change"]]);
  });

  it("a binding left pointing at a deleted role is named once, however many manifests share the folder", () => {
    const binding =
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: appset}\nroleRef: {kind: Role, name: appset}\nsubjects: [{kind: ServiceAccount, name: appset}]\n";
    const context = [
      { path: "binding.yaml", text: binding },
      { path: "binding.yaml", text: binding },
    ];
    const result = classifyManifestFiles(
      [
        { path: "role.yaml", base: role("get") },
        { path: "other.yaml", base: deployment("a"), head: deployment("b") },
      ],
      context,
    );
    const changes = result.get("role.yaml") ?? [];
    expect(changes.map((c) => [c.address, c.classes])).toEqual([["Role/appset", ["deleted"]]]);
    expect(changes[0]?.evidence.filter((e) => e.address === "RoleBinding/appset")).toHaveLength(1);
  });
});
