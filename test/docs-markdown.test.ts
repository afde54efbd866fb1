// The markdown site of the bundled example, in process: the automation role's page says what
// the issue asks of it, from the same page data as the HTML site, and the site holds together
// as MkDocs reads it (the nav lists every page, every link resolves).

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadModel } from "../src/app/load-model.js";
import { nodePageExports } from "../src/core/docs/impact-exports.js";
import { markdownSite } from "../src/core/docs/markdown-site.js";
import { nodePage } from "../src/core/docs/node-page.js";
import { markdownSiteProblems, navPages, readMkdocs } from "../src/core/testing/markdown-site.js";

const model = loadModel(fileURLToPath(new URL("../deps.yaml", import.meta.url))).model;
const stamp = { source: "deps.yaml", generatedAt: "2026-11-30T12:00:00Z", version: "0.0.0" };
const files = new Map(
  [...markdownSite({ model, stamp, maxRows: 500 })].map((f) => [f.path, f.content]),
);
const RUNNER = "docs/nodes/iam-role/automation-runner.md";

describe("the bundled example as markdown", () => {
  it("holds together: every page in the nav, every nav entry written, every link resolving", () => {
    expect(markdownSiteProblems(files)).toEqual([]);
    const nav = navPages(readMkdocs(files.get("mkdocs.yml") as string).nav);
    for (const id of model.config.nodes.keys())
      expect(
        nav.some((p) => p.title === id),
        id,
      ).toBe(true);
    expect(nav.length).toBe([...files.keys()].filter((p) => p.endsWith(".md")).length);
  });

  it("shows the automation role's owner, chat, downstream with edge types and whom to call", () => {
    const page = files.get(RUNNER) as string;
    expect(page).toContain("| Owner | [iam-platform](../../owners/iam-platform.md) |");
    expect(page).toContain("- Chat: **#iam-platform**");
    const row = (id: string) => page.split("\n").find((l) => l.startsWith(`| [\`${id}\`]`)) ?? "";
    expect(row("service/external-job-runner")).toContain("| 1 | `assumes-role` |");
    expect(row("service/rls-access")).toContain("| 1 | `token-exchange` |");
    const breaks = page.slice(page.indexOf("## If this breaks"));
    expect(breaks).toMatch(/\| breaking \| \[`report\/revenue`\]\(\.\.\/report\/revenue\.md\) \|/);
    expect(breaks).toContain(
      "| [finance-analytics](../../owners/finance-analytics.md) | 1 | 0 | GitHub: [@\u200bacme/finance-analytics](https://github.com/orgs/acme/teams/finance-analytics)<br>Email: `finance-analytics@acme.example` |",
    );
    expect(page).toMatch(
      /_Generated from `deps\.yaml` \(not in a git repository: no commit\) on 2026-11-30T12:00:00Z by blastradius 0\.0\.0\._\n$/,
    );
  });

  it("draws the page from nodePage, the same data as the HTML site, and exports its rows", () => {
    const data = nodePage(model, "iam-role/automation-runner", { maxRows: 500 });
    const page = files.get(RUNNER) as string;
    const breaks = page.slice(page.indexOf("## If this breaks"));
    expect(breaks).toContain(`(${data.ifThisBreaks.nodes.total})`);
    let at = 0;
    for (const row of data.ifThisBreaks.nodes.rows) {
      const next = breaks.indexOf(`| ${row.severity} | [\`${row.id}\`]`, at);
      expect(next, row.id).toBeGreaterThan(at);
      at = next;
    }
    for (const file of nodePageExports("nodes/iam-role/automation-runner.md", data))
      expect(files.get(`docs/${file.path}`), file.path).toBe(file.content);
    expect(breaks).toContain(
      "[CSV](automation-runner.breaks.csv) or [JSON](automation-runner.breaks.json)",
    );
  });
});
