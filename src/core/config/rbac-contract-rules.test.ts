import { describe, expect, it } from "vitest";
import { load, located } from "../testing/helpers.js";
import { formatDiagnostic } from "./locate-diagnostics.js";

const deps = (allows: string, upstreamMatch = "kubernetes: [ClusterRole/argocd-server]") =>
  [
    "version: 1",
    "owners:",
    "  o: {github: '@o'}",
    "nodes:",
    "  k8s-role/argocd-server:",
    "    kind: k8s-role",
    "    owner: o",
    "    match:",
    `      ${upstreamMatch}`,
    "  service/argocd:",
    "    kind: service",
    "    owner: o",
    "    depends_on:",
    "      - on: k8s-role/argocd-server",
    "        via: runs-as",
    "        expects:",
    `          allows: ${allows}`,
    "",
  ].join("\n");

const shown = (yaml: string) => {
  const result = located(load({ "deps.yaml": yaml }));
  return {
    errors: result.errors.map((d) => formatDiagnostic(d)),
    warnings: result.warnings.map((d) => formatDiagnostic(d)),
  };
};

describe("RBAC permissions in contracts", () => {
  it("loads permissions as a Role's rules write them", () => {
    const result = load({
      "deps.yaml": deps(
        '[list secrets, "create appprojects.argoproj.io", get pods/log, "get */scale", "* *.*", get /healthz]',
      ),
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("refuses one that does not parse, saying where and the syntax", () => {
    const { errors } = shown(deps('[list secrets, "list secret*"]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("deps.yaml:17:35");
    expect(errors[0]).toContain("nodes.service/argocd.depends_on[0].expects.allows[1]");
    expect(errors[0]).toContain('"list secret*" is not an RBAC permission');
    expect(errors[0]).toContain("<verb> <resource>[.<group>][/<subresource>]");
  });

  it("refuses a verb Kubernetes does not know, with what was meant", () => {
    const { errors } = shown(
      deps("\n            - list secrets\n            - {action: lsit configmaps, pending: true}"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("deps.yaml:19:");
    expect(errors[0]).toContain("expects.allows[1]");
    expect(errors[0]).toContain('"lsit" is not a Kubernetes verb — did you mean "list"?');
  });

  it('warns of a group literally named "core"', () => {
    const { errors, warnings } = shown(deps("[list secrets.core]"));
    expect(errors).toEqual([]);
    expect(warnings.join()).toContain('the core group is written without one: "list secrets"');
  });

  it("warns when the contract can never be checked", () => {
    const rbac = shown(deps("[list secrets]", "terraform: [aws_iam_role.x]"));
    expect(rbac.errors).toEqual([]);
    expect(rbac.warnings).toHaveLength(1);
    expect(rbac.warnings[0]).toContain("deps.yaml:17:");
    expect(rbac.warnings[0]).toContain("no match.kubernetes or match.paths rules");
    const iam = shown(deps("[s3:GetObject]"));
    expect(iam.warnings).toHaveLength(1);
    expect(iam.warnings[0]).toContain("stands only for Kubernetes objects");
    const account = shown(
      deps("[list secrets]", "kubernetes: [ServiceAccount/argocd/argocd-server]"),
    );
    expect(account.warnings).toHaveLength(1);
    expect(account.warnings[0]).toContain("no Role or ClusterRole");
    expect(shown(deps("[list secrets]", "kubernetes: ['*Role/argocd-*']")).warnings).toEqual([]);
    // A node that matches files may hold either: nothing to say.
    expect(shown(deps("[list secrets]", "paths: [manifests/**]")).warnings).toEqual([]);
  });
});
