// Backstage catalogs as graph sources, against real public catalogs read in place from
// ../shared/realdata/backstage: janus-idp's showcase, Backstage's example catalog, the
// Backstage demo (custom kinds) and giantswarm's company catalog.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { loadAll } from "js-yaml";
import { expect, it } from "vitest";
import { readTextFile } from "../../src/adapters/fs/read-text.js";
import { analyze, prepareModel } from "../../src/core/analyze.js";
import { parseEntityRef, refKey } from "../../src/core/config/backstage/entity-ref.js";
import { type LoadResult, loadDeps, type ReadText } from "../../src/core/config/load-deps.js";
import type { Diagnostic } from "../../src/core/model.js";
import { SHARED_DATA } from "../shared-data.js";
import { describeOnShared } from "../skips.js";

const BACKSTAGE = SHARED_DATA.backstage;
const JANUS = join(BACKSTAGE, "janus-idp-backstage-showcase", "catalog-entities");
const EXAMPLES = join(BACKSTAGE, "catalog-model-examples", "examples");
const DEMO = join(BACKSTAGE, "backstage-demo");
const GIANTSWARM = join(BACKSTAGE, "giantswarm");

/**
 * deps.yaml lives in memory, beside the catalogs (includes stay inside the deps file's tree);
 * everything else is read from disk.
 */
const ENTRY = join(BACKSTAGE, "deps.yaml");
function loadWith(deps: string): LoadResult {
  const reader: ReadText = (file) =>
    file === ENTRY ? { ok: true, text: deps } : readTextFile(file);
  return loadDeps(ENTRY, reader);
}

const includes = (...files: string[]) =>
  `version: 1\ninclude:\n${files.map((f) => `  - ${JSON.stringify(relative(BACKSTAGE, f))}`).join("\n")}\n`;

function loaded(deps: string) {
  const result = loadWith(deps);
  expect(result.errors, JSON.stringify(result.errors, null, 2)).toEqual([]);
  if (!result.config || !result.graph) throw new Error("did not load");
  return { result, config: result.config, model: prepareModel(result.config, result.graph) };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith(".yaml") ? [path] : [];
  });
}

// Independent of the reader: which relations each entity writes, and which way they point.
const DEPENDS: Record<string, { kind?: string; outward: boolean }> = {
  dependsOn: { outward: true },
  dependencyOf: { outward: false },
  consumesApis: { kind: "api", outward: true },
  providesApis: { kind: "api", outward: false },
  subcomponentOf: { kind: "component", outward: false },
  system: { kind: "system", outward: false },
  domain: { kind: "domain", outward: false },
  subdomainOf: { kind: "domain", outward: false },
};
const ORGANISATION: Record<string, string> = {
  parent: "group",
  children: "group",
  members: "user",
  memberOf: "group",
};

interface WrittenRelation {
  file: string;
  entity: string;
  field: string;
  target: string;
  outward: boolean;
  organisation: boolean;
}

function writtenRelations(files: readonly string[]): WrittenRelation[] {
  const out: WrittenRelation[] = [];
  for (const file of files) {
    for (const raw of loadAll(readFileSync(file, "utf8")) as unknown[]) {
      const doc = (raw ?? {}) as { kind?: string; metadata?: { name?: string }; spec?: object };
      if (!doc.kind || doc.kind === "Location") continue;
      const kind = String(doc.kind).toLowerCase();
      const entity = `${kind}:${String(doc.metadata?.name).toLowerCase()}`;
      for (const [field, value] of Object.entries(doc.spec ?? {})) {
        const values = Array.isArray(value) ? value : [value];
        const shape = DEPENDS[field];
        const org = ORGANISATION[field];
        if (!shape && !org && !/api|depend/i.test(field)) continue;
        for (const v of values) {
          const ref = parseEntityRef(v, { kind: shape?.kind ?? org });
          out.push({
            file,
            entity,
            field,
            target: ref ? refKey(ref).replace(":default/", ":") : String(v),
            outward: shape?.outward ?? true,
            organisation: org !== undefined,
          });
        }
      }
    }
  }
  return out;
}

/** Every written relation is an edge, an owner's organisation link, or a warning that names it. */
function expectAccountedFor(
  relations: readonly WrittenRelation[],
  result: LoadResult,
): { edges: number; org: number; warned: number } {
  const config = result.config;
  if (!config) throw new Error("did not load");
  const counts = { edges: 0, org: 0, warned: 0 };
  const warningsOf = (file: string) => result.warnings.filter((w: Diagnostic) => w.file === file);
  for (const r of relations) {
    const [from, to] = r.outward ? [r.entity, r.target] : [r.target, r.entity];
    if (!r.organisation && config.nodes.get(from)?.dependsOn.some((e) => e.to === to)) {
      counts.edges++;
      continue;
    }
    if (r.organisation) {
      const owner = config.owners.get(r.entity)?.catalog;
      const linked =
        owner?.parent === r.target ||
        owner?.members?.includes(r.target) ||
        config.owners.get(r.target)?.catalog?.parent === r.entity ||
        config.owners.get(r.target)?.catalog?.members?.includes(r.entity);
      if (linked) {
        counts.org++;
        continue;
      }
    }
    const warned = warningsOf(r.file).some(
      (w) =>
        w.message.includes(r.target) ||
        w.message.includes(`spec.${r.field} is not a field`) ||
        // A duplicate entity's relations are reported with the duplicate.
        (w.code === "catalog-duplicate-entity" &&
          w.message.includes(`:${r.entity.split(":")[1]}"`)),
    );
    expect(warned, `${relative(BACKSTAGE, r.file)}: ${r.entity} ${r.field} ${r.target}`).toBe(true);
    counts.warned++;
  }
  return counts;
}

describeOnShared("backstage", "Backstage catalogs (real data)", () => {
  it("janus-idp's showcase: Locations are followed, and changing keycloak impacts the showcase", () => {
    const { config, model, result } = loaded(
      `${includes(join(JANUS, "all.yaml"))}nodes:\n  resource:keycloak:\n    match: { paths: [deploy/keycloak/**] }\n`,
    );
    expect(config.nodes.size).toBe(9);
    const showcase = config.nodes.get("component:backstage-showcase");
    expect(showcase?.owner).toBe("group:janus-authors");
    expect(showcase?.dependsOn.map((e) => e.to).sort()).toEqual([
      "resource:argocd",
      "resource:github",
      "resource:keycloak",
      "resource:obc",
      "resource:pgdb",
    ]);
    expect(
      config.nodes
        .get("system:janus-idp")
        ?.dependsOn.map((e) => e.to)
        .sort(),
    ).toEqual([
      "api:nexus-repo-manager3",
      "api:petstore",
      "component:backstage-showcase",
      "resource:argocd",
      "resource:github",
      "resource:keycloak",
      "resource:obc",
      "resource:pgdb",
    ]);
    // The catalog's source annotations become repository-qualified rules, the deps.yaml one is added.
    expect(config.nodes.get("resource:keycloak")?.match.paths.map((r) => r.source)).toEqual([
      "deploy/keycloak/**",
    ]);
    expect(showcase?.match.paths.map((r) => r.source)).toEqual(["redhat-developer/rhdh:**"]);
    expect(config.owners.get("group:janus-authors")?.declaredAt.file).toContain(
      "janus-authors.yaml",
    );

    const impact = analyze(model, [{ path: "deploy/keycloak/realm.json", status: "modified" }]);
    expect(impact.changed.map((c) => c.id)).toEqual(["resource:keycloak"]);
    expect(impact.impacted.map((i) => [i.id, i.severity])).toEqual([
      ["component:backstage-showcase", "breaking"],
      ["system:janus-idp", "breaking"],
    ]);
    expect(impact.owners.map((o) => o.id)).toEqual(["group:janus-authors"]);
    // The source rule matches only in its own repository.
    const inRepo = analyze(model, [
      { path: "packages/app/src/App.tsx", status: "modified", repo: "redhat-developer/rhdh" },
    ]);
    expect(inRepo.changed.map((c) => c.id)).toEqual(["component:backstage-showcase"]);
    expect(
      analyze(model, [{ path: "packages/app/src/App.tsx", status: "modified" }]).changed,
    ).toEqual([]);

    const files = yamlFiles(JANUS);
    const counts = expectAccountedFor(writtenRelations(files), result);
    expect(counts).toEqual({ edges: 13, org: 0, warned: 0 });
  });

  it("Backstage's example catalog: 45 files, APIs provided and consumed, artist-lookup on artists-db", () => {
    const files = yamlFiles(EXAMPLES);
    expect(files.length).toBe(45);
    const { config, model, result } = loaded(
      includes(join(EXAMPLES, "all.yaml"), join(EXAMPLES, "acme-corp.yaml")),
    );
    // Every file that holds entities is reached through the two Locations; the other two are
    // OpenAPI documents an API's definition points at.
    const read = new Set(result.sources.keys());
    expect(
      files
        .filter((f) => !read.has(f))
        .map((f) => relative(EXAMPLES, f))
        .sort(),
    ).toEqual(["apis/petstore-webhook.oas.yaml", "apis/petstore.oas.yaml"]);
    const kinds = new Map<string, number>();
    for (const node of config.nodes.values()) kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      api: 9,
      component: 13,
      domain: 2,
      resource: 1,
      system: 3,
    });
    const catalogOwners = [...config.owners.values()].filter((o) => o.catalog);
    expect(catalogOwners.filter((o) => o.id.startsWith("group:")).length).toBe(8);
    expect(catalogOwners.filter((o) => o.id.startsWith("user:")).length).toBe(17);
    expect(config.owners.get("group:team-a")?.catalog?.parent).toBe("group:backstage");
    expect(config.owners.get("group:team-a")?.catalog?.members).toContain("user:guest");

    expect(
      config.nodes.get("component:artist-lookup")?.dependsOn.map((e) => [e.to, e.via]),
    ).toEqual([["resource:artists-db", "depends-on"]]);
    // providesApis: the API depends on the component that provides it.
    expect(config.nodes.get("api:petstore")?.dependsOn.map((e) => [e.to, e.via])).toContainEqual([
      "component:petstore",
      "provided-by",
    ]);
    const consumers = [...config.nodes.values()].filter((n) =>
      n.dependsOn.some((e) => e.via === "consumes-api"),
    );
    expect(consumers.length).toBeGreaterThan(0);
    // The nonstandard apiConsumedBy is data and a warning, with its line.
    const apiConsumedBy = result.warnings.find((w) => w.message.startsWith("spec.apiConsumedBy"));
    expect(apiConsumedBy?.file).toContain("artist-lookup-component.yaml");
    expect(apiConsumedBy?.line).toBe(39);
    expect(config.nodes.get("component:artist-lookup")?.catalog?.extra).toEqual({
      "spec.apiConsumedBy": ["component:www-artist"],
    });

    const impact = analyze(model, [], {});
    expect(impact.changed).toEqual([]);
    const counts = expectAccountedFor(writtenRelations(files), result);
    expect(counts.edges).toBeGreaterThan(20);
    expect(counts.org).toBeGreaterThan(20);
  });

  it("the demo's custom kinds load as nodes, with a warning and their fields kept", () => {
    const files = [
      join(DEMO, "catalog-info.yaml"),
      join(DEMO, "examples", "ai-resources.yaml"),
      join(DEMO, "examples", "mcp-server-api.yaml"),
    ];
    const { config, result } = loaded(includes(...files));
    const ai = [...config.nodes.values()].filter((n) => n.catalog?.kind === "AiResource");
    expect(ai.length).toBe(6);
    expect(ai[0]?.owner).toBe("group:backstage/maintainers");
    expect(ai[0]?.catalog?.extra?.["spec.agents"]).toEqual(["claude-code"]);
    expect(result.warnings.filter((w) => w.code === "catalog-unknown-kind")).toHaveLength(1);
    expect(result.warnings.find((w) => w.code === "catalog-unknown-owner")?.message).toContain(
      '"group:backstage/maintainers"',
    );
    expect(config.nodes.get("component:backstage-demo")?.dependsOn.map((e) => e.to)).toEqual([
      "api:demo-graphql",
    ]);
    expectAccountedFor(writtenRelations(files), result);
  });

  it("giantswarm's catalog: 75 components owned by 12 groups; duplicates and missing owners are warnings", () => {
    const files = [join(GIANTSWARM, "groups.yaml"), join(GIANTSWARM, "charts.yaml")];
    const { config, result } = loaded(includes(...files));
    const components = [...config.nodes.values()].filter((n) => n.kind === "component");
    // 75 documents, 7 of them repeating a name already declared (Backstage would refuse those too).
    expect(components.length).toBe(68);
    expect(result.warnings.filter((w) => w.code === "catalog-duplicate-entity")).toHaveLength(7);
    const groups = [...config.owners.values()].filter(
      (o) => o.catalog && o.id.startsWith("group:"),
    );
    expect(groups.map((g) => g.id)).toContain("group:team-shield");
    const byOwner = new Map<string, number>();
    for (const c of components) byOwner.set(c.owner ?? "-", (byOwner.get(c.owner ?? "-") ?? 0) + 1);
    expect(byOwner.get("group:team-shield")).toBeGreaterThan(10);
    expect([...byOwner.keys()].every((o) => o.startsWith("group:"))).toBe(true);
    // Owners the group file does not declare become named stand-ins, one warning each.
    const unknownOwners = result.warnings.filter((w) => w.code === "catalog-unknown-owner");
    expect(unknownOwners.map((w) => w.message.match(/shown as "([^"]+)"/)?.[1]).sort()).toEqual([
      "group:team-phoenix",
      "group:team-rocket",
      "group:team-team-name",
    ]);
    expect(config.owners.get("group:team-shield")?.catalog?.title).toBe("Team Shield");
    expectAccountedFor(writtenRelations(files), result);
  });

  it("all four catalogs load together into one graph", () => {
    const { config, result } = loaded(
      includes(
        join(JANUS, "all.yaml"),
        join(EXAMPLES, "all.yaml"),
        join(EXAMPLES, "acme-corp.yaml"),
        join(DEMO, "catalog-info.yaml"),
        join(DEMO, "examples", "ai-resources.yaml"),
        join(DEMO, "examples", "mcp-server-api.yaml"),
        join(GIANTSWARM, "groups.yaml"),
        join(GIANTSWARM, "charts.yaml"),
      ),
    );
    expect(config.nodes.size).toBeGreaterThan(100);
    expect(result.errors).toEqual([]);
  });
});
