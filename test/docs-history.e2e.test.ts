// `blastradius docs --git` on a generated local history: each node page lists the upstream
// changes `suspects` lists for it, and the contracts show their status at HEAD (the 2 a.m.
// rotation breaks the job runners' trust). Both formats. And a build stopped halfway leaves
// nothing behind.

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOrg, toDepsYaml } from "../bench/generate-org.js";
import { pageExports } from "../src/core/testing/site-html.js";
import { BIN, type History, rotatedHistory } from "./git-history.js";

/** A page's text without its markup, one space between words. */
const words = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");

/** The page's text from one section's heading to the next h2. */
function section(page: string, heading: string): string {
  const text = words(page);
  const at = text.indexOf(` ${heading} `);
  expect(at, `${heading} in the page`).toBeGreaterThanOrEqual(0);
  const next = text
    .slice(at + heading.length + 2)
    .search(/ (If this breaks|Recent upstream changes|Contracts|Generated from) /);
  return text.slice(at, next < 0 ? undefined : at + heading.length + 2 + next);
}

describe("blastradius docs --git", () => {
  let history: History;
  beforeAll(() => {
    history = rotatedHistory();
    history.commit(1, "examples/dashboards/sales-ops.json", "a panel on the sales dashboard");
  }, 60_000);
  afterAll(() => history.remove());

  const page = (site: string, path: string) => readFileSync(join(history.dir, site, path), "utf8");

  it("each page lists its upstream changes, as suspects does, and the contracts' status at HEAD", () => {
    const result = history.run("docs", "--out", "site", "--git", "--since", "7d", "--no-scan");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const suspects = JSON.parse(
      history.run("suspects", "dashboard/revenue-exec", "--since", "7d", "--format", "json").stdout,
    );
    const recent = section(
      page("site", "nodes/dashboard/revenue-exec.html"),
      "Recent upstream changes",
    );
    expect(suspects.suspects).toHaveLength(1);
    expect(recent).toContain("rotate the automation role");
    expect(recent).toContain("iam-bot");
    expect(recent).toMatch(
      new RegExp(`iam-role/automation-runner ${suspects.suspects[0].distance} `),
    );
    // Downstream of the dashboard, or beside it: not its suspect.
    expect(recent).not.toContain("a panel on the sales dashboard");
    expect(
      section(page("site", "nodes/dashboard/sales-ops.html"), "Recent upstream changes"),
    ).toContain("a panel on the sales dashboard");
    // Upstream of nothing that changed: none.
    expect(
      section(page("site", "nodes/iam-policy/warehouse-loader.html"), "Recent upstream changes"),
    ).toContain("None in this window");

    const contracts = section(page("site", "nodes/iam-role/automation-runner.html"), "Contracts");
    expect(contracts).toContain("Status checked against the repository at HEAD");
    expect(contracts).toMatch(
      /service\/external-job-runner expects iam-role\/automation-runner to trust arn:aws:iam::111111111111:role\/job-runner service\/external-job-runner broken/,
    );
  });

  it("the markdown pages say the same", () => {
    const result = history.run(
      "docs",
      "--out",
      "wiki",
      "--format",
      "markdown",
      "--git",
      "--no-scan",
    );
    expect(result.status).toBe(0);
    const md = page("wiki", "docs/nodes/dashboard/revenue-exec.md");
    expect(md).toContain("## Recent upstream changes");
    expect(md).toContain("rotate the automation role");
    expect(page("wiki", "docs/nodes/iam-role/automation-runner.md")).toMatch(/\| broken \|/);
  });

  it("without a history, pages have no recent changes section; --no-contracts says so", () => {
    const result = history.run("docs", "--out", "plain", "--no-contracts", "--no-scan");
    expect(result.status).toBe(0);
    const node = words(page("plain", "nodes/iam-role/automation-runner.html"));
    expect(node).not.toContain("Recent upstream changes");
    expect(node).toContain("Status not checked (--no-contracts)");
  });

  it("a plan that cannot be read, or a window that makes no sense, stops the build (exit 2)", () => {
    for (const args of [
      ["--plan", "nothere.json"],
      ["--since", "nonsense"],
    ]) {
      const result = history.run("docs", "--out", "bad", "--no-scan", ...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(history.dir)).not.toContain("bad");
    }
  });

  it("the CSV of what breaks gives each path from the node itself, no cell taken for a formula", () => {
    const kept = pageExports(page("site", "nodes/iam-role/automation-runner.html"));
    const csv = (kept.get("iam-role_automation-runner.breaks.csv") ?? "").split("\r\n");
    expect(csv[0]).toBe("severity,node,kind,owner,tier,depth,path");
    expect(csv).toContain(
      "breaking,service/rls-access,service,data-access,0,1,iam-role/automation-runner -[token-exchange]-> service/rls-access",
    );
  });

  it("--git and --repo together are refused with what to do", () => {
    const both = history.run("docs", "--out", "x", "--git", "--repo", "a/b");
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/give one history/);
    expect(both.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("blastradius docs, interrupted", () => {
  it("leaves nothing beside the folder when stopped with Ctrl-C halfway", async () => {
    const dir = mkdtempSync(join(tmpdir(), "br-docs-int-"));
    try {
      writeFileSync(join(dir, "deps.yaml"), toDepsYaml(generateOrg({ nodes: 3000, seed: 7 })));
      const child = spawn(process.execPath, [BIN, "docs", "--out", "site", "--no-scan"], {
        cwd: dir,
        stdio: "ignore",
      });
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      // Interrupted once the site is being written: its staging folder is there.
      const started = Date.now();
      while (!readdirSync(dir).some((f) => f.startsWith(".site.")) && Date.now() - started < 60_000)
        await new Promise((r) => setTimeout(r, 20));
      expect(readdirSync(dir).some((f) => f.startsWith(".site."))).toBe(true);
      child.kill("SIGINT");
      await exited;
      expect(readdirSync(dir).sort()).toEqual(["deps.yaml"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
