import { describe, expect, it } from "vitest";
import { load, located } from "../testing/helpers.js";
import { formatDiagnostic } from "./locate-diagnostics.js";

const deps = (paths: string) =>
  [
    "version: 1",
    "owners:",
    "  o: {github: '@o'}",
    "nodes:",
    "  iam-policy/x:",
    "    kind: iam-policy",
    "    owner: o",
    "    match:",
    `      paths: ${paths}`,
    "",
  ].join("\n");

describe("match.paths globs in deps.yaml", () => {
  it("loads the documented syntax", () => {
    const result = load({
      "deps.yaml": deps(
        `["**/iam/**/policies/**/*.json", "jobs/job-[0-9].yaml", "{a,b}/**", "x/{1..3}.tf", docs/]`,
      ),
    });
    expect(result.errors).toEqual([]);
  });

  it("refuses an extglob by node and rule, saying what to write", () => {
    const result = load({ "deps.yaml": deps(`[ok/**, "policies/@(a|b).json"]`) });
    const errors = located(result).errors.map((d) => formatDiagnostic(d));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/nodes\.iam-policy\/x\.match\.paths\[1\]/);
    expect(errors[0]).toMatch(/"policies\/@\(a\|b\)\.json" uses an extglob/);
    expect(errors[0]).toMatch(/\{a,b\}/);
  });

  it("refuses a range that would compile to a huge matcher", () => {
    const result = load({ "deps.yaml": deps(`["x/{1..1000000}.tf"]`) });
    expect(result.errors.map((d) => d.code)).toEqual(["path-glob"]);
  });
});
