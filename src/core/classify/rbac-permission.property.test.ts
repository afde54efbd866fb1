// rbacAllows over grants() against the API server's own rule matching, written out from
// k8s.io/kubernetes pkg/apis/rbac/v1/evaluation_helpers.go (RuleAllows and its helpers),
// on rules as written: nothing shared with the grant strings the code reads.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grantCovered, grants } from "./kubernetes-rbac.js";
import { coveredBy, grantTextCovers, rbacAllows } from "./rbac-permission.js";

interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

type Request =
  | { verb: string; group: string; resource: string; subresource: string }
  | { verb: string; path: string };

const verbMatches = (r: Rule, verb: string) => r.verbs.some((v) => v === "*" || v === verb);
const groupMatches = (r: Rule, group: string) =>
  (r.apiGroups ?? []).some((g) => g === "*" || g === group);
function resourceMatches(r: Rule, combined: string, sub: string): boolean {
  for (const res of r.resources ?? []) {
    if (res === "*" || res === combined) return true;
    if (sub === "") continue;
    if (res.length === 2 + sub.length && res.startsWith("*/") && res.endsWith(sub)) return true;
  }
  return false;
}
// A contract is about every object: a request without a name.
const nameMatches = (r: Rule) => (r.resourceNames ?? []).length === 0;
function urlMatches(r: Rule, path: string): boolean {
  for (const u of r.nonResourceURLs ?? []) {
    if (u === "*" || u === path) return true;
    if (u.endsWith("*") && path.startsWith(u.slice(0, -1))) return true;
  }
  return false;
}
function ruleAllows(r: Rule, q: Request): boolean {
  if ("path" in q) return verbMatches(r, q.verb) && urlMatches(r, q.path);
  const combined = q.subresource ? `${q.resource}/${q.subresource}` : q.resource;
  return (
    verbMatches(r, q.verb) &&
    groupMatches(r, q.group) &&
    resourceMatches(r, combined, q.subresource) &&
    nameMatches(r)
  );
}

const verbs = ["get", "list", "watch", "*", "l*"];
const groups = ["", "apps", "core", "*", "argoproj.io"];
const resources = ["pods", "secrets", "*", "pods/log", "*/log", "*/scale", "pods/*", "secret*"];
const urls = ["/healthz", "/healthz/*", "/healthz*", "*", "/metrics", "/"];

const rule: fc.Arbitrary<Rule> = fc.oneof(
  fc.record(
    {
      verbs: fc.subarray(verbs, { minLength: 1 }),
      apiGroups: fc.subarray(groups, { minLength: 1 }),
      resources: fc.subarray(resources, { minLength: 1 }),
      resourceNames: fc.subarray(["db", "*"]),
    },
    { requiredKeys: ["verbs", "apiGroups", "resources"] },
  ),
  fc.record({
    verbs: fc.subarray(verbs, { minLength: 1 }),
    nonResourceURLs: fc.subarray(urls, { minLength: 1 }),
  }),
);

const wanted = fc.oneof(
  fc.record({
    verb: fc.constantFrom("get", "list", "watch", "*"),
    group: fc.constantFrom("", "apps", "core", "*", "argoproj.io"),
    resource: fc.constantFrom("pods", "secrets", "*"),
    subresource: fc.constantFrom("", "log", "scale"),
  }),
  fc.record({
    verb: fc.constantFrom("get", "list", "*"),
    path: fc.constantFrom("/healthz", "/healthz/ready", "/metrics", "/", "/other"),
  }),
);

const written = (q: Request) =>
  "path" in q
    ? `${q.verb} ${q.path}`
    : `${q.verb} ${q.resource}${q.group ? `.${q.group}` : ""}${q.subresource ? `/${q.subresource}` : ""}`;

const roleOf = (rules: Rule[]) => ({ kind: "Role", name: "r", body: { rules } });

describe("RBAC permissions against the API server's matching", () => {
  it("rbacAllows says what RuleAllows says, for any rules and permission", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 4 }), wanted, (rules, q) => {
        expect(rbacAllows(grants(roleOf(rules)), written(q))).toBe(
          rules.some((r) => ruleAllows(r, q)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("the indexed test of a list says what a walk of the list says", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 3 }), fc.array(rule, { maxLength: 3 }), (a, b) => {
        const by = grants(roleOf(a));
        const test = coveredBy(by);
        for (const g of grants(roleOf(b)))
          expect(test(g), g).toBe(by.some((x) => grantTextCovers(x, g)));
      }),
      { numRuns: 2000 },
    );
  });

  it("a Role whose grants cover another's allows every permission the other does", () => {
    // What the comparison of Roles rests on: covered grants never lose a permission.
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 3 }),
        fc.array(rule, { maxLength: 3 }),
        wanted,
        (a, b, q) => {
          const ga = grants(roleOf(a));
          const gb = grants(roleOf(b));
          if (!ga.every((g) => grantCovered(g, gb))) return;
          if (a.some((r) => ruleAllows(r, q))) expect(b.some((r) => ruleAllows(r, q))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
