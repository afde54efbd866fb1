// `blastradius docs --format markdown` as a user runs it: the built CLI writes mkdocs.yml and
// docs/ into a folder, MkDocs' layout holds (the nav lists every page, every link resolves),
// and a second run replaces the folder it wrote.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { markdownSiteProblems } from "../src/core/testing/markdown-site.js";
import { ROOT, runCli } from "./git-history.js";

const dir = mkdtempSync(join(tmpdir(), "br-docs-md-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return files;
}

describe("blastradius docs --format markdown", () => {
  const out = join(dir, "wiki");
  const args = ["docs", "--deps", join(ROOT, "deps.yaml"), "--format", "markdown", "--out", out];

  it("writes mkdocs.yml and docs/ whose nav lists every page and whose links all resolve", () => {
    const run = runCli(args);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /pages, \d+ files, .*Build it with mkdocs or Backstage TechDocs from .*mkdocs\.yml\.\n$/,
    );
    const files = readTree(out);
    expect(files.has("mkdocs.yml")).toBe(true);
    expect(markdownSiteProblems(files)).toEqual([]);
    const page = files.get("docs/nodes/iam-role/automation-runner.md") as string;
    expect(page).toContain("- Chat: **#iam-platform**");
    expect(page).toContain("`token-exchange`");
    expect(page).toMatch(/\| breaking \| \[`report\/revenue`\]/);
    expect(files.get("docs/nodes/iam-role/automation-runner.breaks.csv")).toMatch(
      /^severity,node,kind,owner,tier,depth,path\r\n/,
    );
    // Again into the folder it wrote: replaced, not refused.
    expect(runCli(args).code).toBe(0);
  });

  it("refuses an unknown format with a clear message and exit 2", () => {
    const run = runCli([
      "docs",
      "--deps",
      join(ROOT, "deps.yaml"),
      "--format",
      "wiki",
      "--out",
      join(dir, "x"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of html, markdown; got "wiki"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
