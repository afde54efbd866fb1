import { describe, expect, it } from "vitest";
import { load, located } from "../../testing/helpers.js";
import { formatDiagnostic } from "../locate-diagnostics.js";
import { entityId, parseEntityRef, refKey } from "./entity-ref.js";

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Billing
  description: |
    Bills customers.
    Second line.
spec:
  type: service
  owner: team-a
  system: payments
  dependsOn: [resource:default/billing-db]
  consumesApis: [finance/ledger]
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: billing-db
spec:
  type: database
  owner: user:ann
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ledger, namespace: finance }
spec: { type: openapi, owner: group:default/team-a, lifecycle: production, definition: "openapi: 3.0.0" }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: payments }
spec: { owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
  annotations: { github.com/team-slug: acme/team-a }
spec: { type: team, profile: { displayName: Team A, email: a@example.com }, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ann }
spec: { memberOf: [team-a] }
`;

describe("entity refs", () => {
  it("parses full and short forms with the defaults a field implies", () => {
    expect(parseEntityRef("resource:default/pgdb")).toEqual({
      kind: "resource",
      namespace: "default",
      name: "pgdb",
    });
    expect(parseEntityRef("team-a", { kind: "group" })).toEqual({
      kind: "group",
      namespace: "default",
      name: "team-a",
    });
    expect(parseEntityRef("backstage/maintainers", { kind: "group" })).toEqual({
      kind: "group",
      namespace: "backstage",
      name: "maintainers",
    });
    expect(parseEntityRef("pgdb")).toBeUndefined();
    expect(parseEntityRef("")).toBeUndefined();
    expect(parseEntityRef(42)).toBeUndefined();
    const ref = parseEntityRef("Component:Default/My-Service");
    expect(ref && refKey(ref)).toBe("component:default/my-service");
    expect(ref && entityId(ref)).toBe("component:my-service");
  });
});

describe("Backstage catalogs in include:", () => {
  it("entities become nodes, relations edges in the direction impact flows, groups owners", () => {
    const result = load({
      "deps.yaml": "version: 1\ninclude: [catalog-info.yaml]\n",
      "catalog-info.yaml": CATALOG,
    });
    expect(located(result).errors).toEqual([]);
    const nodes = result.config?.nodes;
    expect([...(nodes?.keys() ?? [])].sort()).toEqual([
      "api:finance/ledger",
      "component:billing",
      "resource:billing-db",
      "system:payments",
    ]);
    const billing = nodes?.get("component:billing");
    expect(billing?.description).toBe("Bills customers.");
    expect(billing?.owner).toBe("group:team-a");
    expect(billing?.declaredAt).toEqual({ file: "catalog-info.yaml", line: 4 });
    expect(billing?.dependsOn.map((e) => [e.to, e.via, e.origin?.line])).toEqual([
      ["resource:billing-db", "depends-on", 12],
      // consumesApis implies the kind; the namespace is written.
      ["api:finance/ledger", "consumes-api", 13],
    ]);
    expect(nodes?.get("system:payments")?.dependsOn.map((e) => [e.to, e.via])).toEqual([
      ["component:billing", "has-part"],
    ]);
    expect(nodes?.get("resource:billing-db")?.owner).toBe("user:ann");
    const team = result.config?.owners.get("group:team-a");
    expect(team?.github).toBe("@acme/team-a");
    expect(team?.email).toBe("a@example.com");
    expect(team?.catalog).toEqual({ title: "Team A", members: ["user:ann"] });
    expect(located(result).warnings).toEqual([]);
  });

  it("deps.yaml adds match rules, edges and a tier on top of an entity, by id or full ref", () => {
    const result = load({
      "deps.yaml": [
        "version: 1",
        "include: [catalog-info.yaml]",
        "owners:",
        "  group:team-a: { github: '@acme/payments', chat: '#payments' }",
        "nodes:",
        "  resource:default/billing-db:",
        "    tier: 0",
        "    match: { paths: [db/**], terraform: [aws_db_instance.billing] }",
        "  report/invoices:",
        "    kind: report",
        "    owner: group:team-a",
        "    depends_on: [{ on: component:default/billing, via: reads }]",
        "  component:billing:",
        "    depends_on: [{ on: resource:billing-db, via: writes, breaks_on: [deleted] }]",
      ].join("\n"),
      "catalog-info.yaml": CATALOG,
    });
    expect(located(result).errors).toEqual([]);
    const nodes = result.config?.nodes;
    const db = nodes?.get("resource:billing-db");
    expect(db?.tier).toBe(0);
    expect(db?.kind).toBe("resource");
    expect(db?.match.paths.map((r) => r.source)).toEqual(["db/**"]);
    expect(db?.catalog?.ref).toBe("resource:default/billing-db");
    expect(nodes?.has("resource:default/billing-db")).toBe(false);
    expect(nodes?.get("report/invoices")?.dependsOn.map((e) => e.to)).toEqual([
      "component:billing",
    ]);
    // The declared edge replaces the catalog's to the same node; the others stay.
    expect(
      nodes?.get("component:billing")?.dependsOn.map((e) => [e.to, e.via, e.breaksOn]),
    ).toEqual([
      ["resource:billing-db", "writes", ["deleted"]],
      ["api:finance/ledger", "consumes-api", undefined],
    ]);
    // deps.yaml's owner fields win; the catalog's organisation stays.
    const team = result.config?.owners.get("group:team-a");
    expect(team?.github).toBe("@acme/payments");
    expect(team?.chat).toBe("#payments");
    expect(team?.catalog?.members).toEqual(["user:ann"]);
  });

  it("a node without kind must add to an entity; without catalogs, kind is required", () => {
    const withCatalog = load({
      "deps.yaml": "version: 1\ninclude: [c.yaml]\nnodes:\n  resource:nope:\n    tier: 1\n",
      "c.yaml": CATALOG,
    });
    expect(located(withCatalog).errors.map(formatDiagnostic)).toEqual([
      'deps.yaml:4:3 nodes.resource:nope: error: node "resource:nope" has no kind, and no catalog entity has that id (add `kind:`, or use the id of an entity from an included Backstage catalog (e.g. resource:pgdb))',
    ]);
    const without = load({ "deps.yaml": "version: 1\nnodes:\n  svc/a:\n    tier: 1\n" });
    expect(located(without).errors.map((d) => [d.code, d.line])).toEqual([["missing-kind", 3]]);
  });

  it("Locations are followed; remote and glob targets, bad refs and YAML errors are reported with lines", () => {
    const result = load({
      "deps.yaml": "version: 1\ninclude: [all.yaml]\n",
      "all.yaml": [
        "apiVersion: backstage.io/v1alpha1",
        "kind: Location",
        "metadata: { name: all }",
        "spec:",
        "  targets:",
        "    - ./one.yaml",
        "    - https://github.com/acme/x/blob/main/catalog-info.yaml",
        "    - ./teams/*.yaml",
      ].join("\n"),
      "one.yaml": [
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata: { name: one }",
        "spec:",
        "  owner: 'group:'",
        "  dependsOn: [two, resource:ghost, component:one]",
        "---",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Resource",
        "metadata: { name: two }",
        "spec: { owner: team-b, colour: blue }",
      ].join("\n"),
    });
    expect(located(result).errors).toEqual([]);
    expect(located(result).warnings.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      "all.yaml:7 catalog-remote-target",
      "all.yaml:8 catalog-glob-target",
      "one.yaml:3 no-owner",
      "one.yaml:5 catalog-invalid-ref",
      "one.yaml:6 catalog-ref-without-kind",
      "one.yaml:6 catalog-self-relation",
      "one.yaml:6 catalog-unknown-entity",
      "one.yaml:11 catalog-unknown-field",
      "one.yaml:11 catalog-unknown-owner",
    ]);
    // A ref without a kind still finds the only entity of that name.
    expect(result.config?.nodes.get("component:one")?.dependsOn.map((e) => e.to)).toEqual([
      "resource:two",
    ]);

    const broken = load({
      "deps.yaml": "version: 1\ninclude: [bad.yaml]\n",
      "bad.yaml": "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: x\n",
    });
    expect(located(broken).errors.map((d) => [d.file, d.code])).toEqual([
      ["bad.yaml", "yaml-syntax"],
    ]);
  });
});

describe("hostile catalogs", () => {
  // Serialising the value for the message would expand 10^9 entries: the test would not finish.
  it("an alias bomb in a relation field is a warning, not an expansion", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const text = [
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata:",
      "  name: bomb",
      `  labels: {${levels.map((l) => l.replace(/^(\w): /, "$1: ")).join(", ")}}`,
      "spec:",
      "  owner: group:x",
      "  dependsOn: [*i]",
    ].join("\n");
    const result = load({ "deps.yaml": "version: 1\ninclude: [c.yaml]\n", "c.yaml": text });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain("catalog-invalid-ref");
  });
});

describe("Backstage source locations as path rules", () => {
  it("a folder name is matched as written, never read as a glob", async () => {
    const { readCatalog } = await import("./read-catalog.js");
    const { PathIndex } = await import("../../locate/path-index.js");
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
  annotations:
    backstage.io/source-location: "url:https://github.com/acme/site/tree/main/app/@(group)/{a,b}/"
spec: { type: service, owner: team-a }
`;
    const catalog = readCatalog("c.yaml", text);
    const node = catalog.nodes[0]?.node;
    expect(node?.match.paths.map((r) => r.glob)).toEqual(["app/\\@\\(group\\)/\\{a,b\\}/**"]);
    const index = PathIndex.fromNodes(node ? [node] : []);
    expect(index.match("app/@(group)/{a,b}/page.tsx", "acme/site")).toHaveLength(1);
    expect(index.match("app/group/a/page.tsx", "acme/site")).toHaveLength(0);
  });
});
