import { describe, expect, it } from "vitest";
import { load, located } from "../testing/helpers.js";
import { loadDeps } from "./load-deps.js";
import { formatDiagnostic } from "./locate-diagnostics.js";

const where = (result: ReturnType<typeof load>) =>
  located(result).errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.path ?? ""}`);

describe("loadDeps: a valid graph", () => {
  it("loads nodes, owners, both edge forms and includes", () => {
    const result = load({
      "deps.yaml": [
        "version: 1",
        "include: [teams/bi.yaml]",
        "owners:",
        "  iam: {github: '@acme/iam', chat: '#iam'}",
        "nodes:",
        "  iam-role/a:",
        "    kind: iam-role",
        "    owner: iam",
        "    tier: 0",
        "    match: {paths: ['acme/infra:terraform/iam/**', './x.tf'], terraform: ['module.jobs.*']}",
        "  svc/b:",
        "    kind: service",
        "    owner: iam",
        "    depends_on:",
        "      - iam-role/a",
        "",
      ].join("\n"),
      "teams/bi.yaml": [
        "version: 1",
        "nodes:",
        "  dash/c:",
        "    kind: dashboard",
        "    owner: iam",
        "    depends_on:",
        "      - {on: svc/b, via: reads, breaks_on: [deleted]}",
        "",
      ].join("\n"),
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const config = result.config;
    expect(config?.files).toEqual(["deps.yaml", "teams/bi.yaml"]);
    expect(config?.nodes.get("iam-role/a")?.match.paths).toEqual([
      { repo: "acme/infra", glob: "terraform/iam/**", source: "acme/infra:terraform/iam/**" },
      { glob: "x.tf", source: "./x.tf" },
    ]);
    expect(config?.nodes.get("svc/b")?.dependsOn[0]).toMatchObject({
      from: "svc/b",
      to: "iam-role/a",
      via: "depends-on",
    });
    expect(config?.nodes.get("dash/c")?.dependsOn[0]).toMatchObject({
      via: "reads",
      breaksOn: ["deleted"],
    });
    const graph = result.graph;
    const b = graph?.indexOf.get("svc/b") ?? -1;
    const dependents = [...(graph?.targets.subarray(graph.offsets[b], graph.offsets[b + 1]) ?? [])];
    expect(dependents.map((i) => graph?.ids[i])).toEqual(["dash/c"]);
  });
});

describe("loadDeps: every error, with where", () => {
  it("YAML syntax errors carry file:line:column", () => {
    const result = load({ "deps.yaml": "version: 1\nnodes:\n  a: [unclosed\n" });
    expect(where(result)).toEqual(["deps.yaml:4:1 yaml-syntax "]);
  });

  it("duplicate keys are errors at the second key", () => {
    const result = load({ "deps.yaml": "version: 1\nnodes:\n  a: {kind: x}\n  a: {kind: y}\n" });
    expect(where(result)).toEqual(["deps.yaml:4:3 duplicate-key nodes.a"]);
  });

  it("schema errors name the key path and expected vs got", () => {
    const result = load({
      "deps.yaml": [
        "version: 1",
        "nodes:",
        "  svc/access:",
        "    kind: service",
        "    tier: high",
        "    depends_on:",
        "      - svc/db",
        "      - on: svc/db",
        "        via: 42",
        "    ownr: x",
        "  svc/db: {kind: db}",
        "",
      ].join("\n"),
    });
    const errors = located(result).errors;
    expect(errors.map(formatDiagnostic)).toEqual(
      [
        'deps.yaml:5:11 nodes.svc/access.tier: error: expected a whole number from 0 to 3, got the string "high"',
        "deps.yaml:9:14 nodes.svc/access.depends_on[1].via: error: expected a string, got the number 42",
        'deps.yaml:10:5 nodes.svc/access.ownr: error: unknown key "ownr" (did you mean "owner"?)',
        'deps.yaml:8:9 nodes.svc/access.depends_on[1]: error: node "svc/access" already depends on "svc/db" (declare each dependency once; put every way it breaks in one entry\'s breaks_on)',
      ].sort(byLine),
    );
  });

  it("breaks_on takes the change classes, with a suggestion; a via's default applies without it", () => {
    const yaml = [
      "version: 1",
      "nodes:",
      "  role: {kind: iam-role}",
      "  svc:",
      "    kind: service",
      "    depends_on:",
      "      - {on: role, via: assumes-role, breaks_on: [deleted, trust-narowed]}",
      "",
    ].join("\n");
    expect(located(load({ "deps.yaml": yaml })).errors.map(formatDiagnostic)).toEqual([
      'deps.yaml:7:60 nodes.svc.depends_on[0].breaks_on[1]: error: the string "trust-narowed" is not one of deleted, replaced, renamed, trust-narrowed, permissions-removed, unknown, trust-widened, permissions-added, modified, added (did you mean "trust-narrowed"?)',
    ]);
    const defaults = load({
      "deps.yaml": yaml.replace(", breaks_on: [deleted, trust-narowed]", ""),
    });
    expect(defaults.config?.nodes.get("svc")?.dependsOn[0]?.breaksOn).toEqual([
      "deleted",
      "replaced",
      "renamed",
      "trust-narrowed",
      "unknown",
    ]);
  });

  it("unknown nodes get a did-you-mean, unknown owners too", () => {
    const result = load({
      "deps.yaml": [
        "version: 1",
        "owners: {iam-platform: {}}",
        "nodes:",
        "  iam-role/automation: {kind: iam-role, owner: iam-platfrom}",
        "  svc/access:",
        "    kind: service",
        "    owner: iam-platform",
        "    depends_on: [iam-role/automaton, nothing-like-it]",
        "",
      ].join("\n"),
    });
    expect(located(result).errors.map(formatDiagnostic)).toEqual([
      'deps.yaml:4:48 nodes.iam-role/automation.owner: error: unknown owner "iam-platfrom" — did you mean "iam-platform"? (declare "iam-platfrom" under owners:, or use one of the declared owners)',
      'deps.yaml:8:18 nodes.svc/access.depends_on[0]: error: unknown node "iam-role/automaton" — did you mean "iam-role/automation"? (change it to "iam-role/automation", or declare "iam-role/automaton" under nodes:)',
      'deps.yaml:8:38 nodes.svc/access.depends_on[1]: error: unknown node "nothing-like-it" (declare "nothing-like-it" under nodes:, or fix the id)',
    ]);
  });

  it("self-dependencies are errors", () => {
    const result = load({
      "deps.yaml": "version: 1\nnodes:\n  a:\n    kind: x\n    depends_on: [a]\n",
    });
    expect(where(result)).toEqual(["deps.yaml:5:18 self-dependency nodes.a.depends_on[0]"]);
  });

  it("include cycles and missing includes point at the include line", () => {
    const result = load({
      "deps.yaml": "version: 1\ninclude:\n  - a.yaml\n  - missing.yaml\n",
      "a.yaml": "version: 1\ninclude: [b.yaml]\n",
      "b.yaml": "version: 1\ninclude: [a.yaml]\n",
    });
    const errors = located(result).errors;
    expect(errors.map((d) => `${d.file}:${d.line} ${d.code}: ${d.message}`)).toEqual([
      "deps.yaml:4 include-missing: cannot include missing.yaml: no such file",
      "b.yaml:2 include-cycle: include cycle: a.yaml -> b.yaml -> a.yaml",
    ]);
  });

  it("an absolute include or one that leaves the root is an error at its line, never read", () => {
    const asked: string[] = [];
    const files: Record<string, string> = {
      "infra/deps.yaml":
        "version: 1\ninclude:\n  - /etc/passwd\n  - ../../outside.yaml\n  - teams/../../infra/a.yaml\n  - ../shared.yaml\n",
      "infra/a.yaml": "version: 1\n",
      "shared.yaml": "version: 1\n",
      "../outside.yaml": "version: 1\n",
    };
    const result = loadDeps(
      "infra/deps.yaml",
      (file) => {
        asked.push(file);
        const text = files[file];
        return text === undefined
          ? {
              ok: false,
              diagnostic: {
                severity: "error",
                code: "file-not-found",
                file,
                message: "no such file",
              },
            }
          : { ok: true, text };
      },
      { root: "." },
    );
    expect(
      located(result).errors.map((d) => `${d.file}:${d.line} ${d.code}: ${d.message}`),
    ).toEqual([
      "infra/deps.yaml:3 include-outside-root: include /etc/passwd is an absolute path; not read",
      "infra/deps.yaml:4 include-outside-root: include ../../outside.yaml resolves to ../outside.yaml, outside ./ (the repository holding the deps file, or without one its own folder); not read",
    ]);
    expect(asked).toEqual(["infra/deps.yaml", "infra/a.yaml", "shared.yaml"]);
  });

  it("without a root, includes stay in the deps file's own folder", () => {
    const result = load(
      {
        "deps/deps.yaml": "version: 1\ninclude: [../up.yaml, ./sub/../in.yaml]\n",
        "up.yaml": "version: 1\n",
        "deps/in.yaml": "version: 1\n",
      },
      "deps/deps.yaml",
    );
    expect(result.errors.map((d) => d.code)).toEqual(["include-outside-root"]);
    expect([...result.sources.keys()]).toEqual(["deps/deps.yaml", "deps/in.yaml"]);
  });

  it("a Backstage Location cannot leave the root either", () => {
    const result = load({
      "deps.yaml": "version: 1\ninclude: [catalog.yaml]\n",
      "catalog.yaml":
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: l}\nspec:\n  targets: [../x.yaml, /dev/zero]\n",
    });
    expect(result.errors.map((d) => `${d.file} ${d.code}`)).toEqual([
      "catalog.yaml include-outside-root",
      "catalog.yaml include-outside-root",
    ]);
  });

  it("an include reached twice without a cycle is read once", () => {
    const result = load({
      "deps.yaml": "version: 1\ninclude: [a.yaml, b.yaml]\n",
      "a.yaml": "version: 1\ninclude: [c.yaml]\n",
      "b.yaml": "version: 1\ninclude: [c.yaml]\n",
      "c.yaml": "version: 1\nnodes: {x: {kind: k}}\n",
    });
    expect(result.errors).toEqual([]);
    expect(result.config?.files).toEqual(["deps.yaml", "a.yaml", "c.yaml", "b.yaml"]);
  });

  it("a node declared in two files is an error naming both", () => {
    const result = load({
      "deps.yaml": "version: 1\ninclude: [b.yaml]\nnodes:\n  x: {kind: k}\n",
      "b.yaml": "version: 1\nnodes:\n  y: {kind: k}\n  x: {kind: k}\n",
    });
    expect(located(result).errors.map(formatDiagnostic)).toEqual([
      'b.yaml:4:3 nodes.x: error: node "x" is declared twice; it was first declared in deps.yaml (nodes.x) (keep one declaration of "x")',
    ]);
  });

  it("collects all errors, not just the first", () => {
    const result = load({
      "deps.yaml":
        "version: 2\nnodes:\n  a: {kind: 1}\n  b: {kind: k, tier: -1}\n  c: {kind: k, depends_on: [zz]}\n",
    });
    expect(result.errors.map((d) => d.code)).toEqual([
      "schema",
      "schema",
      "schema",
      "unknown-node",
    ]);
  });
});

describe("loadDeps: warnings", () => {
  it("warns on nodes without owner, unused owners and cycles, and still builds the graph", () => {
    const result = load({
      "deps.yaml": [
        "version: 1",
        "owners: {idle: {}, used: {}}",
        "nodes:",
        "  a: {kind: k, owner: used, depends_on: [c]}",
        "  b: {kind: k, owner: used, depends_on: [a]}",
        "  c: {kind: k, depends_on: [b]}",
        "",
      ].join("\n"),
    });
    expect(result.errors).toEqual([]);
    expect(result.graph?.ids).toHaveLength(3);
    expect(located(result).warnings.map(formatDiagnostic)).toEqual([
      'deps.yaml:2:10 owners.idle: warning: owner "idle" owns no node (remove it, or set it as the owner of its nodes)',
      "deps.yaml:4:3 nodes.a: warning: dependency cycle: a -> c -> b -> a (the analysis handles cycles, but a cycle usually means an edge points the wrong way)",
      'deps.yaml:6:3 nodes.c: warning: node "c" has no owner (add `owner:` so the right team hears when it is impacted)',
    ]);
  });
});

describe("loadDeps: hostile input is an error, not a crash or a hang", () => {
  const cases: [string, string, string][] = [
    ["an empty file", "", "empty-file"],
    ["comments only", "# nothing\n\n", "empty-file"],
    ["a list", "- a\n- b\n", "schema"],
    ["a scalar", "hello\n", "schema"],
    ["null", "~\n", "schema"],
    ["deep nesting", `${"[".repeat(5000)}\n`, "yaml-syntax"],
    ["__proto__ as a node id", "version: 1\nnodes:\n  __proto__: {kind: x}\n", "schema"],
    ["__proto__ as a top-level key", "version: 1\n__proto__: {polluted: true}\n", "schema"],
    ["constructor as an owner id", "version: 1\nowners: {constructor: 1}\n", "schema"],
    [
      "toString as a node id",
      "version: 1\nnodes:\n  toString: {kind: x}\n  b: {kind: x, depends_on: [toString]}\n",
      "schema",
    ],
    ["a tab-indented mess", "version: 1\n\tnodes:\n", "yaml-syntax"],
    ["a multi-document stream", "version: 1\n---\nversion: 1\n", "yaml-syntax"],
    ["a custom tag", "version: 1\nnodes: !!js/function 'x'\n", "yaml-syntax"],
  ];
  for (const [name, text, code] of cases) {
    it(name, () => {
      const result = load({ "deps.yaml": text });
      expect(result.config).toBeUndefined();
      expect(result.errors.map((d) => d.code)).toContain(code);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      for (const d of located(result).errors) expect(formatDiagnostic(d)).toMatch(/^deps\.yaml/);
    });
  }

  it("an alias bomb is refused", () => {
    const lines = ["version: 1", "nodes:", "  base: &n", "    kind: k", "    depends_on:"];
    for (let i = 0; i < 500; i++) lines.push(`      - t${i}`);
    for (let i = 0; i < 500; i++) lines.push(`  t${i}: {kind: k}`);
    for (let i = 0; i < 5000; i++) lines.push(`  c${i}: *n`);
    const result = load({ "deps.yaml": `${lines.join("\n")}\n` });
    expect(result.errors.map((d) => d.code)).toEqual(["alias-bomb"]);
  });

  it("small, legitimate aliases still load", () => {
    const result = load({
      "deps.yaml":
        "version: 1\nnodes:\n  a: {kind: k}\n  b: {kind: k, depends_on: [{on: a, breaks_on: &b [deleted]}]}\n  c: {kind: k, depends_on: [{on: a, breaks_on: *b}]}\n",
    });
    expect(result.errors).toEqual([]);
  });
});

function byLine(a: string, b: string): number {
  const line = (s: string) => Number(/:(\d+):/.exec(s)?.[1]);
  return line(a) - line(b);
}
