import { describe, expect, it } from "vitest";
import { checkGlob, describeSkip, filterFiles } from "./scan-filter.js";

describe("filterFiles", () => {
  const files = [
    "main.tf",
    "examples/a/main.tf",
    "examples/b/main.tf",
    "modules/x/main.tf",
    "modules/x/.terraform/modules/vpc/main.tf",
    ".terraform/providers/p.tf",
    "web/node_modules/pkg/deploy.yaml",
    "web/node_modules/other/x.yaml",
    "go/vendor/k8s.io/rbac.yaml",
    "tests/fixtures/role.tf",
    "constructor/main.tf",
  ];

  it("excludes what each glob matches (a folder takes its files), and counts each reason", () => {
    const { kept, skipped } = filterFiles(files, ["examples", "tests/**/*.tf", "docs/**"]);
    expect(kept).toEqual(["main.tf", "modules/x/main.tf", "constructor/main.tf"]);
    expect(skipped.map(describeSkip)).toEqual([
      '--exclude "examples": 2 file(s) skipped (excluded)',
      '--exclude "tests/**/*.tf": 1 file(s) skipped (excluded)',
      '--exclude "docs/**": 0 file(s) skipped (it matches no file: check the glob)',
      ".terraform/: 2 folder(s) skipped (modules and providers that `terraform init` downloaded)",
      "node_modules/: 1 folder(s) skipped (installed packages)",
      "vendor/: 1 folder(s) skipped (vendored third-party code)",
    ]);
  });

  it("keeps everything but others' folders when nothing is excluded", () => {
    expect(filterFiles(["a.tf", "b/c.yaml"], []).kept).toEqual(["a.tf", "b/c.yaml"]);
    expect(filterFiles(["a.tf"], []).skipped).toEqual([]);
  });

  it("refuses globs that are empty or leave the repository", () => {
    expect(checkGlob("")).toBe("is empty");
    expect(checkGlob("/etc/**")).toMatch(/absolute/);
    expect(checkGlob("../other/**")).toMatch(/leaves the repository/);
    expect(checkGlob("examples/")).toBeUndefined();
    expect(checkGlob("examples/!(keep)/**")).toMatch(/^uses an extglob/);
  });

  it("excludes in linear time: a long path against a glob that backtracks as a regex", () => {
    const deep = `${"iam/policies/".repeat(2000)}x.txt`;
    const { kept, skipped } = filterFiles(
      [deep, "iam/p/policies/a.json"],
      ["**/iam/**/policies/**/*.json"],
    );
    expect(kept).toEqual([deep]);
    expect(skipped[0]?.count).toBe(1);
  });

  it("a glob matching a folder excludes the files below it, at any depth", () => {
    const { kept } = filterFiles(["a/b/c/d.tf", "a/x/c/d.tf", "a/b.tf"], ["a/{b,q}"]);
    expect(kept).toEqual(["a/x/c/d.tf", "a/b.tf"]);
  });
});
