// `blastradius report --git` on a generated history, in markdown, JSON and HTML; the HTML page
// opened in headless Chromium.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleHistory, gitIn, type History, rotateJobRunner } from "./git-history.js";
import { skipWhen } from "./skips.js";

const CHROMIUM = ["chromium", "chromium-browser"].find(
  (c) => spawnSync(c, ["--version"]).status === 0,
);

describe("blastradius report --git", () => {
  let history: History;
  let repo: string;
  beforeAll(() => {
    history = exampleHistory(24 * 40);
    repo = history.dir;
    const commit = history.commit;
    commit(24 * 10, "examples/alerts/revenue.yaml", "an alert before the window");
    commit(
      50,
      "examples/terraform/iam/automation-runner.tf",
      "rotate the automation role",
      "iam-bot",
      rotateJobRunner,
    );
    commit(30, "examples/warehouse/models/orders.sql", "orders: a new column", "data-eng");
    commit(5, "README.md", "docs only");
  });
  afterAll(() => history.remove());
  const run = (...args: string[]) => history.run("report", ...args);

  it("the numbers, the riskiest changes, each owner's digest, and the trend", () => {
    const out = JSON.parse(run("--since", "7d", "--format", "json").stdout);
    expect(out.headline).toEqual({
      changes: 3,
      withImpact: 2,
      byRisk: { none: 1, low: 0, medium: 0, high: 2 },
    });
    expect(out.previous).toEqual({
      changes: 1,
      withImpact: 0,
      byRisk: { none: 1, low: 0, medium: 0, high: 0 },
    });
    expect(out.riskiest.map((c: { title: string }) => c.title)).toEqual([
      "rotate the automation role",
      "orders: a new column",
    ]);
    const finance = out.owners.find((o: { owner: string }) => o.owner === "finance-analytics");
    expect(
      finance.changes.map((c: { title: string; breaking: string[] }) => [c.title, c.breaking]),
    ).toEqual([
      ["orders: a new column", ["report/revenue"]],
      ["rotate the automation role", ["report/revenue"]],
    ]);
    expect(out.hotspots).toContainEqual({ node: "report/revenue", times: 2, breaking: 2 });
    expect(out.health.reach[0]).toEqual({ node: "iam-policy/warehouse-loader", downstream: 12 });
    const markdown = run("--since", "7d").stdout;
    expect(markdown).toContain(
      "**2 of 3 changes had downstream impact** (previous window: 0 of 1, 2 more)",
    );
    expect(markdown).toContain("pie showData title Times impacted this window");
    expect(markdown).toContain(
      "<details><summary>finance-analytics (`@acme/finance-analytics`): 2 upstream changes</summary>",
    );
  });

  it("rates every commit as check --git rates the same change", () => {
    const out = JSON.parse(run("--since", "7d", "--format", "json").stdout);
    const reported = [...out.riskiest, ...out.changes].filter(
      (c: { id: string }, i: number, all: { id: string }[]) =>
        all.findIndex((d) => d.id === c.id) === i,
    ) as { id: string; impact: { risk: string }; title: string }[];
    expect(reported.length).toBeGreaterThanOrEqual(3);
    for (const change of reported) {
      gitIn(repo, ["checkout", "-q", change.id]);
      try {
        const checked = history.run("check", "--git", `${change.id}^`, "--format", "json");
        expect([change.title, JSON.parse(checked.stdout).risk]).toEqual([
          change.title,
          change.impact.risk,
        ]);
      } finally {
        gitIn(repo, ["checkout", "-q", "main"]);
      }
    }
  });

  it(
    "the HTML page opens in headless Chromium with its charts, no console errors, and a screenshot",
    skipWhen(
      CHROMIUM
        ? undefined
        : "chromium is not installed (neither chromium nor chromium-browser answers)",
    ),
    () => {
      const html = join(repo, "report.html");
      const written = run("--git", "--since", "30d", "--format", "html", "--out", html);
      expect(written.status).toBe(0);
      const page = readFileSync(html, "utf8");
      expect(page).not.toMatch(/<script|<link|@import|url\(/);
      const flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--enable-logging=stderr",
        "--v=0",
      ];
      const dom = spawnSync(CHROMIUM as string, [...flags, "--dump-dom", `file://${html}`], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(dom.stdout).toContain("Impacted nodes per day");
      expect((dom.stdout.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
      expect(dom.stderr).not.toMatch(/Uncaught|CONSOLE\(\d+\).*[Ee]rror/);
      const shot = join(repo, "report.png");
      spawnSync(
        CHROMIUM as string,
        [...flags, `--screenshot=${shot}`, "--window-size=1100,1600", `file://${html}`],
        { timeout: 60_000 },
      );
      expect(existsSync(shot)).toBe(true);
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    },
  );
});
