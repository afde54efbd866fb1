import { describe, expect, it } from "vitest";
import { grantCovered, grants } from "./kubernetes-rbac.js";
import { parseRbacPermission, rbacAllows } from "./rbac-permission.js";

const role = (...rules: Record<string, unknown>[]) =>
  grants({ kind: "ClusterRole", name: "r", body: { rules } });

describe("an RBAC permission as a contract writes it", () => {
  it("is a verb, a resource, its group after a dot and a subresource after a slash", () => {
    expect(parseRbacPermission("list secrets")).toEqual({
      verb: "list",
      resource: "secrets",
      group: "",
    });
    expect(parseRbacPermission("create appprojects.argoproj.io")).toEqual({
      verb: "create",
      resource: "appprojects",
      group: "argoproj.io",
    });
    expect(parseRbacPermission("get deployments.apps/scale")).toEqual({
      verb: "get",
      resource: "deployments",
      group: "apps",
      subresource: "scale",
    });
    expect(parseRbacPermission("get /healthz")).toEqual({ verb: "get", url: "/healthz" });
    expect(parseRbacPermission("list *.*")).toEqual({ verb: "list", resource: "*", group: "*" });
  });

  it("takes * only as a whole part", () => {
    for (const bad of [
      "list secret*",
      "li* secrets",
      "list secrets.app*",
      "get pods/*",
      "list",
      "list  secrets",
      "list secrets extra",
      "list Secrets",
    ])
      expect(parseRbacPermission(bad), bad).toBeUndefined();
  });
});

describe("what a Role's rules allow", () => {
  it("the same verb, group and resource, on every name", () => {
    const g = role({ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] });
    expect(rbacAllows(g, "list secrets")).toBe(true);
    expect(rbacAllows(g, "watch secrets")).toBe(false);
    expect(rbacAllows(g, "list configmaps")).toBe(false);
    expect(rbacAllows(g, "list secrets.apps")).toBe(false);
  });

  it("not a resource limited to resourceNames", () => {
    const g = role({
      apiGroups: [""],
      resources: ["secrets"],
      resourceNames: ["db"],
      verbs: ["list"],
    });
    expect(rbacAllows(g, "list secrets")).toBe(false);
  });

  it("the core group is not a group named core", () => {
    const core = role({ apiGroups: ["core"], resources: ["secrets"], verbs: ["list"] });
    expect(rbacAllows(core, "list secrets")).toBe(false);
    expect(rbacAllows(core, "list secrets.core")).toBe(true);
  });

  it("a resource is not its subresources, but * is every resource and */log every log", () => {
    const pods = role({ apiGroups: [""], resources: ["pods"], verbs: ["get"] });
    expect(rbacAllows(pods, "get pods/log")).toBe(false);
    const all = role({ apiGroups: [""], resources: ["*"], verbs: ["get"] });
    expect(rbacAllows(all, "get pods/log")).toBe(true);
    expect(rbacAllows(all, "get *")).toBe(true);
    expect(rbacAllows(all, "get *.*")).toBe(false);
    const logs = role({ apiGroups: [""], resources: ["*/log"], verbs: ["get"] });
    expect(rbacAllows(logs, "get pods/log")).toBe(true);
    expect(rbacAllows(logs, "get pods")).toBe(false);
    expect(rbacAllows(logs, "get */log")).toBe(true);
    // pods/* is no wildcard to the API server.
    const star = role({ apiGroups: [""], resources: ["pods/*"], verbs: ["get"] });
    expect(rbacAllows(star, "get pods/log")).toBe(false);
  });

  it("a wildcard verb or group covers every one; a wanted * needs a rule's *", () => {
    const g = role({ apiGroups: ["*"], resources: ["deployments"], verbs: ["*"] });
    expect(rbacAllows(g, "delete deployments.apps")).toBe(true);
    expect(rbacAllows(g, "* deployments.*")).toBe(true);
    const narrow = role({ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] });
    expect(rbacAllows(narrow, "* deployments.apps")).toBe(false);
    expect(rbacAllows(narrow, "get deployments.*")).toBe(false);
  });

  it("non-resource URLs, with a trailing *", () => {
    const g = role({ nonResourceURLs: ["/healthz", "/logs/*"], verbs: ["get"] });
    expect(rbacAllows(g, "get /healthz")).toBe(true);
    expect(rbacAllows(g, "get /logs/kubelet")).toBe(true);
    expect(rbacAllows(g, "get /metrics")).toBe(false);
    expect(rbacAllows(g, "get healthz")).toBe(false);
  });

  it("a literal * or ? inside a word grants nothing more", () => {
    const g = role({ apiGroups: [""], resources: ["secret*", "pod?"], verbs: ["l*"] });
    expect(rbacAllows(g, "list secrets")).toBe(false);
    expect(rbacAllows(g, "l* pods")).toBe(undefined);
  });

  it("a slash in a name or group is no separator: it cannot pass for a subresource", () => {
    const named = role({
      apiGroups: [""],
      resources: ["secrets"],
      resourceNames: ["a/b"],
      verbs: ["get"],
    });
    const logs = role({ apiGroups: [""], resources: ["*/a"], verbs: ["get"] });
    expect(named.every((g) => grantCovered(g, logs))).toBe(false);
    const grouped = role({ apiGroups: ["x/secrets"], resources: ["a"], verbs: ["get"] });
    expect(rbacAllows(grouped, "get secrets")).toBe(false);
  });
});
