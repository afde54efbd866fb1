// The rooms of the code, checked: src/core is pure (no file system, no processes, no paths that
// differ by platform), depends on nothing outside itself but a few packages, and its modules do
// not import each other in a circle; src/app and src/ui leave files and processes to adapters.
// Imports are read with TypeScript's own scanner, so `import type`, `export … from` and
// `import()` all count.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const CORE = join(ROOT, "src", "core");

/** Never in the core: they read the world, run things, or spell paths the platform's way. */
const FORBIDDEN = new Set([
  "fs",
  "fs/promises",
  "node:fs",
  "node:fs/promises",
  "child_process",
  "node:child_process",
  "path",
  "node:path",
]);

/** What src/app and src/ui may not import: reading files and running processes is for adapters. */
const REACHES_OUT = /^(node:)?(fs|fs\/promises|child_process)$/;

/** Packages the core's own code may use: parsers and data structures, no I/O. */
const CORE_PACKAGES = new Set([
  // YAML with positions, for deps.yaml and manifests.
  "js-yaml",
  // The graph for `graph` export and layouts.
  "graphology",
]);

/**
 * Packages tests may use besides: the test runner, property testing, and the independent
 * references a unit is checked against (a JSON Schema validator, the glob matcher picomatch,
 * HashiCorp's HCL parser as hcl2json for our HCL reader).
 */
const TEST_PACKAGES = new Set(["vitest", "fast-check", "ajv", "picomatch", "@cdktn/hcl2json"]);

/**
 * Shared test fixtures of the core (graph builders, hostile strings, role plans): held to a
 * test's rules, kept out of the build (tsconfig.build.json), never imported by code.
 */
const TESTING = join(CORE, "testing");

const isTesting = (file: string) =>
  /\.test\.tsx?$/.test(file) || file.startsWith(`${TESTING}${sep}`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

interface Import {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((ref) => ({
    file,
    line: text.slice(0, ref.pos).split("\n").length,
    specifier: ref.fileName,
  }));
}

/** `foo` of `foo/bar`, `@scope/foo` of `@scope/foo/bar`. */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/** The file a relative import names: `./x.js` is x.ts or x.tsx on disk. */
function target(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs)$/, "");
  return [base, `${stem}.ts`, `${stem}.tsx`, join(base, "index.ts")].find((f) => known.has(f));
}

const where = (i: Import) => `${relative(ROOT, i.file).split(sep).join("/")}:${i.line}`;

/** What is wrong with one import of a core file, if anything. */
function problemWith(i: Import): string | undefined {
  const { specifier } = i;
  const testing = isTesting(i.file);
  if (FORBIDDEN.has(specifier))
    return `imports ${specifier}: the core does no I/O and spells paths one way on every platform; take the data (or a reader) as a parameter, and join paths with "/"`;
  if (specifier.startsWith(".")) {
    const to = resolve(dirname(i.file), specifier);
    if (!testing && (to === TESTING || to.startsWith(`${TESTING}${sep}`)))
      return `imports ${specifier}, a test fixture: code never depends on what only tests use`;
    if (to === CORE || to.startsWith(`${CORE}${sep}`)) return undefined;
    return `imports ${specifier}, outside src/core: the core depends on nothing else of the project; move the shared piece into src/core, or the caller out of it`;
  }
  const name = packageOf(specifier);
  if (CORE_PACKAGES.has(name)) return undefined;
  if (testing && TEST_PACKAGES.has(name)) return undefined;
  return `imports ${specifier}, which the core may not use (allowed: ${[...CORE_PACKAGES].join(", ")}${testing ? `; in tests also ${[...TEST_PACKAGES].join(", ")}` : ""})`;
}

/** Strongly connected components of more than one module (or a module importing itself). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

const files = sourceFiles(CORE);
const known = new Set(files);
const imports = files.flatMap(importsOf);

describe("src/core", () => {
  it("is found and read (a check of nothing would pass)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.specifier === "js-yaml")).toBe(true);
    expect(files.some((f) => f === join(TESTING, "helpers.ts"))).toBe(true);
  });

  it("imports no file system, process or platform path module, no package outside its list, and nothing outside src/core", () => {
    const problems = imports.flatMap((i) => {
      const problem = problemWith(i);
      return problem ? [`${where(i)} ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("has no import cycle among its modules, type imports included", () => {
    expect(cyclesAmong(imports, known, CORE)).toEqual([]);
  });
});

/** The import cycles among a set of modules, as their paths under `under`. */
function cyclesAmong(all: readonly Import[], among: ReadonlySet<string>, under: string): string[] {
  const graph = new Map<string, string[]>();
  for (const i of all) {
    if (!i.specifier.startsWith(".")) continue;
    const to = target(i.file, i.specifier, among);
    if (to === undefined) continue;
    graph.set(i.file, [...(graph.get(i.file) ?? []), to]);
  }
  return cycles(graph).map((c) =>
    c.map((f) => relative(under, f).split(sep).join("/")).join(" ↔ "),
  );
}

describe("src", () => {
  it("has no import cycle among all its modules (app, adapters, cli, action, ui too)", () => {
    const everything = sourceFiles(join(ROOT, "src"));
    expect(everything.length).toBeGreaterThan(files.length);
    expect(
      cyclesAmong(everything.flatMap(importsOf), new Set(everything), join(ROOT, "src")),
    ).toEqual([]);
  });
});

describe("src/app and src/ui", () => {
  it("neither read files nor run processes themselves: that is what adapters are for", () => {
    const reaching = ["app", "ui"]
      .flatMap((room) => sourceFiles(join(ROOT, "src", room)))
      .filter((file) => !/\.test\.tsx?$/.test(file))
      .flatMap(importsOf)
      .filter((i) => REACHES_OUT.test(i.specifier))
      .map(
        (i) => `${where(i)} imports ${i.specifier}: move the reading or running into src/adapters`,
      );
    expect(reaching).toEqual([]);
  });
});

describe("the checks themselves", () => {
  const at = (file: string, specifier: string): Import => ({
    file: join(CORE, file),
    line: 1,
    specifier,
  });

  it("refuse each kind of import the core may not have", () => {
    for (const bad of [
      at("x.ts", "node:fs"),
      at("x.ts", "fs"),
      at("x.ts", "node:child_process"),
      at("x.ts", "node:path"),
      at("x.ts", "path"),
      at("x.ts", "node:os"),
      at("x.ts", "@octokit/rest"),
      at("x.ts", "vitest"),
      at("a/x.ts", "../../app/load-model.js"),
      at("a/x.ts", "../../../test/helpers.js"),
      at("a/x.test.ts", "../../../test/helpers.js"),
      at("x.test.ts", "../adapters/git/git.js"),
      at("a/x.ts", "../testing/helpers.js"),
      at("testing/x.ts", "../../adapters/git/git.js"),
      at("testing/x.ts", "node:fs"),
    ])
      expect(problemWith(bad), bad.specifier).toBeDefined();
  });

  it("keep app/ and ui/ from files and processes, not from paths", () => {
    for (const bad of ["node:fs", "fs", "node:fs/promises", "child_process", "node:child_process"])
      expect(REACHES_OUT.test(bad), bad).toBe(true);
    for (const good of ["node:path", "node:os", "./fs.js", "fs-extra"])
      expect(REACHES_OUT.test(good), good).toBe(false);
  });

  it("let the core use its own modules and its packages, and its tests their fixtures", () => {
    for (const good of [
      at("a/x.ts", "../model.js"),
      at("x.ts", "./a/b.js"),
      at("x.ts", "js-yaml"),
      at("x.ts", "graphology"),
      at("a/x.test.ts", "../testing/helpers.js"),
      at("testing/x.ts", "vitest"),
      at("testing/x.ts", "../model.js"),
      at("x.test.ts", "fast-check"),
    ])
      expect(problemWith(good), good.specifier).toBeUndefined();
  });

  it("find a cycle of type imports and one of three modules, and none in a chain", () => {
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["a"]],
          ["c", ["d"]],
          ["d", ["e"]],
          ["e", ["c"]],
          ["f", ["g"]],
        ]),
      ),
    ).toEqual([
      ["a", "b"],
      ["c", "d", "e"],
    ]);
  });
});
