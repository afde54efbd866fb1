import { describe, expect, it } from "vitest";
import { compileObjectPattern } from "../classify/kubernetes-address.js";
import { load, located } from "../testing/helpers.js";
import { formatDiagnostic } from "./locate-diagnostics.js";

const deps = (kubernetes: string, paths = "[manifests/**]") =>
  [
    "version: 1",
    "owners:",
    "  o: {github: '@o'}",
    "nodes:",
    "  k8s-role/x:",
    "    kind: k8s-role",
    "    owner: o",
    "    match:",
    `      paths: ${paths}`,
    `      kubernetes: ${kubernetes}`,
    "",
  ].join("\n");

describe("match.kubernetes in deps.yaml", () => {
  it("loads patterns with and without a namespace, globs included", () => {
    const result = load({
      "deps.yaml": deps(
        "[Role/monitoring/prometheus-k8s, ClusterRole/argocd-server, Role/*/argocd-*]",
      ),
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.config?.nodes.get("k8s-role/x")?.match.kubernetes).toEqual([
      "Role/monitoring/prometheus-k8s",
      "ClusterRole/argocd-server",
      "Role/*/argocd-*",
    ]);
  });

  it("says where a misspelt kind is, and what was meant", () => {
    const result = load({ "deps.yaml": deps("[Role/a, Rolebinding/argocd/b]") });
    const errors = located(result).errors.map((d) => formatDiagnostic(d));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("deps.yaml:10");
    expect(errors[0]).toContain("nodes.k8s-role/x.match.kubernetes[1]");
    expect(errors[0]).toContain('did you mean "RoleBinding"?');
  });

  it("refuses malformed patterns and a namespace on a cluster-scoped kind", () => {
    const result = load({ "deps.yaml": deps("[Role, 'Role/a/b/c', ClusterRole/ns/x]") });
    const messages = result.errors.map((e) => e.message);
    expect(messages.some((m) => m.includes('"Role" is not an object pattern'))).toBe(true);
    expect(messages.some((m) => m.includes("Role/a/b/c"))).toBe(true);
    expect(messages.some((m) => m.includes("gives a namespace to ClusterRole"))).toBe(true);
  });

  it("warns on a kind near a known one, and accepts a custom resource's kind", () => {
    const near = load({ "deps.yaml": deps("[Deploymnet/ns/a]") });
    expect(near.errors).toEqual([]);
    expect(near.warnings.map((w) => w.message).join()).toContain('did you mean "Deployment"?');
    const custom = load({ "deps.yaml": deps("[Application/argocd/guestbook]") });
    expect(custom.errors).toEqual([]);
    expect(custom.warnings).toEqual([]);
  });

  it("accepts objects without paths: rendered manifests are matched by object alone", () => {
    const result = load({ "deps.yaml": deps("[Role/a]", "[]") });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe("object patterns", () => {
  const matches = (pattern: string, address: string) => compileObjectPattern(pattern).test(address);
  it("match per segment: * never crosses /, the namespace segment is part of the pattern", () => {
    expect(matches("Deployment/monitoring/*", "Deployment/monitoring/grafana")).toBe(true);
    expect(matches("Deployment/monitoring/*", "Deployment/other/grafana")).toBe(false);
    expect(matches("Role/*/argocd-*", "Role/argocd/argocd-server")).toBe(true);
    expect(matches("Role/*", "Role/argocd/argocd-server")).toBe(false);
    expect(matches("Role/argocd-server", "Role/argocd-server")).toBe(true);
    expect(matches("Role/argocd-server", "Role/argocd/argocd-server")).toBe(false);
    expect(matches("Role/a.b", "Role/aXb")).toBe(false);
  });
});
