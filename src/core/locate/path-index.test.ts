import { describe, expect, it } from "vitest";
import { parsePathRule } from "../config/normalise.js";
import { PathIndex } from "./path-index.js";

function indexOf(rules: Record<string, string[]>): PathIndex {
  const index = new PathIndex();
  for (const [node, globs] of Object.entries(rules))
    for (const g of globs) index.add(node, parsePathRule(g));
  return index;
}

const nodesFor = (index: PathIndex, path: string, repo?: string) =>
  [...new Set(index.match(path, repo).map((h) => h.node))].sort();

describe("PathIndex", () => {
  const index = indexOf({
    literal: ["terraform/iam/role.tf"],
    globstar: ["terraform/iam/**"],
    ext: ["**/*.tf"],
    dirext: ["modules/*.tf"],
    brace: ["services/{rls,access}/**"],
    klass: ["jobs/job-[0-9].yaml"],
    dotfiles: [".github/workflows/**"],
    trailing: ["docs/"],
    qualified: ["acme/infra:terraform/iam/**"],
    deep: ["a/**/b/*.sql"],
    multiext: ["backups/*.tar.gz"],
  });
  const table: [string, string | undefined, string[]][] = [
    ["terraform/iam/role.tf", undefined, ["ext", "globstar", "literal", "qualified"]],
    ["terraform/iam/role.tf", "acme/infra", ["ext", "globstar", "literal", "qualified"]],
    ["terraform/iam/role.tf", "ACME/Infra", ["ext", "globstar", "literal", "qualified"]],
    ["terraform/iam/role.tf", "acme/other", ["ext", "globstar", "literal"]],
    ["terraform/iam/nested/deeper/x.json", "acme/other", ["globstar"]],
    ["terraform/iam", undefined, ["globstar", "qualified"]],
    ["terraform/iamx/role.json", undefined, []],
    ["modules/a.tf", undefined, ["dirext", "ext"]],
    ["modules/sub/a.tf", undefined, ["ext"]],
    ["a.tf", undefined, ["ext"]],
    [".hidden/a.tf", undefined, ["ext"]],
    ["services/rls/policy.yaml", undefined, ["brace"]],
    ["services/access/x/y.yaml", undefined, ["brace"]],
    ["services/other/x.yaml", undefined, []],
    ["jobs/job-7.yaml", undefined, ["klass"]],
    ["jobs/job-x.yaml", undefined, []],
    [".github/workflows/ci.yml", undefined, ["dotfiles"]],
    [".github/CODEOWNERS", undefined, []],
    ["docs/readme.md", undefined, ["trailing"]],
    ["docs/.vitepress/config.ts", undefined, ["trailing"]],
    ["a/b/x.sql", undefined, ["deep"]],
    ["a/1/2/b/x.sql", undefined, ["deep"]],
    ["a/1/2/b/c/x.sql", undefined, []],
    ["backups/db.tar.gz", undefined, ["multiext"]],
    ["backups/db.gz", undefined, []],
    ["README.md", undefined, []],
  ];
  for (const [path, repo, expected] of table) {
    it(`${path}${repo ? ` in ${repo}` : ""} -> ${expected.join(", ") || "nothing"}`, () => {
      expect(nodesFor(index, path, repo)).toEqual(expected);
    });
  }

  it("agrees with testing every glob directly", async () => {
    const picomatch = (await import("picomatch")).default;
    const globs = ["**/*.tf", "x/**", "x/*.json", "x/y/z.txt", "*.md", "{a,b}/**/c", "x/[ab].tf"];
    const paths = [
      "x/a.tf",
      "x/y/z.txt",
      "x/q.json",
      "README.md",
      "a/c",
      "b/q/c",
      "x/b.tf",
      "y/x/a.tf",
    ];
    const idx = indexOf(Object.fromEntries(globs.map((g, i) => [`n${i}`, [g]])));
    for (const path of paths) {
      const direct = globs
        .flatMap((g, i) => (picomatch(g, { dot: true })(path) ? [`n${i}`] : []))
        .sort();
      expect(nodesFor(idx, path), path).toEqual(direct);
    }
  });
});

describe("PathIndex, property", () => {
  it("finds exactly the globs picomatch matches, for random globs and paths", async () => {
    const fc = (await import("fast-check")).default;
    const { referenceMatcher } = await import("../testing/glob-reference.js");
    const segment = fc.constantFrom("a", "b", "ab", ".x", "c.tf", "d.tar.gz", ".tf", "x.json");
    const globPart = fc.constantFrom(
      "a",
      "b",
      ".x",
      "*",
      "**",
      "*.tf",
      "*.gz",
      "*.tar.gz",
      "{a,b}",
      "[ab]",
      "?",
      "c.tf",
      "*.json",
    );
    const glob = fc.array(globPart, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/"));
    fc.assert(
      fc.property(
        fc.array(glob, { minLength: 1, maxLength: 40 }),
        fc.array(path, { maxLength: 10 }),
        (globs, paths) => {
          const idx = new PathIndex();
          globs.forEach((g, i) => {
            idx.add(`n${i}`, parsePathRule(g));
          });
          for (const p of paths) {
            const direct = globs.flatMap((g, i) => (referenceMatcher(g)(p) ? [`n${i}`] : []));
            expect(nodesFor(idx, p), `${p} against ${globs.join(" ")}`).toEqual(
              [...new Set(direct)].sort(),
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("PathIndex, hostile paths", () => {
  it("walks a deep path once: 2,000 paths of 1,000 segments against globs at many depths", () => {
    // Looking up every directory prefix of the path as a string cost its length times its
    // depth: minutes on such paths. Within vitest's timeout, it is a walk down the tree.
    const index = indexOf({
      top: ["zz/**"],
      deep: [`${"iam/policies/".repeat(3)}**/*.json`],
      other: ["**/iam/**/policies/**/*.json"],
    });
    const paths = Array.from({ length: 2000 }, (_, i) => `${"iam/policies/".repeat(500)}x${i}.txt`);
    for (const p of paths) expect(nodesFor(index, p)).toEqual([]);
    expect(nodesFor(index, `${"iam/policies/".repeat(500)}x.json`)).toEqual(["deep", "other"]);
  });
});

describe("PathIndex.mayMatchIn", () => {
  it("says a folder may hold a matched file only for a literal there or an unusual glob above", () => {
    const index = indexOf({
      single: ["iam/role.tf"],
      below: ["k8s/**"],
      typed: ["policies/**/*.json"],
      odd: ["mods/{a,b}/main.tf"],
    });
    expect(index.mayMatchIn("iam")).toBe(true);
    expect(index.mayMatchIn("mods/a")).toBe(true);
    // The usual shapes match a folder's files by extension, asked directly: no listing.
    expect(index.mayMatchIn("k8s")).toBe(false);
    expect(index.mayMatchIn("policies/app")).toBe(false);
    expect(index.mayMatchIn("iam/sub")).toBe(false);
    expect(index.mayMatchIn(".")).toBe(false);
  });
});
