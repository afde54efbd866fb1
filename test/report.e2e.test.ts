// `blastradius report --git` on a generated history, in markdown, JSON and HTML; the HTML page
// opened in headless Chromium.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleHistory, gitIn, type History, rotateJobRunner } from "./git-history.js";
import { skipWhen } from "./skips.js";

const CHROMIUM = ["chromium", "chromium-browser"].find(
  (c) => spawnSync(c, ["--version"]).status === 0,
);

// An id with no place to break a line: the page must still fit a 1280-pixel window.
const LONG_ID =
  "table/warehouse.revenue_daily_by_region_product_line_and_currency_with_tax_adjustments_restated_for_audit";
const LONG_FILE = "examples/warehouse/models/revenue_daily_restated_for_audit.sql";
const LONG_NODE = `
  ${LONG_ID}:
    kind: table
    owner: data-platform
    tier: 2
    match:
      paths: [${LONG_FILE}]
`;

/**
 * The page's layout in a 1280x800 window, read by a script appended to a copy of it (the page
 * itself has none): the window's width, the page's, and the right edges of the changes table
 * and of its box.
 */
function measureIn(chromium: string, flags: readonly string[], html: string) {
  const probe = html.replace(/\.html$/, ".measure.html");
  const script = `<script>{const box=document.querySelector(".table-box");const right=(e)=>e?Math.ceil(e.getBoundingClientRect().right):-1;document.documentElement.setAttribute("data-measure",[innerWidth,document.documentElement.scrollWidth,right(document.querySelector("table")),right(box)].join(" "))}</script>`;
  writeFileSync(probe, readFileSync(html, "utf8").replace("</body>", `${script}</body>`));
  const dom = spawnSync(
    chromium,
    [...flags, "--window-size=1280,800", "--dump-dom", `file://${probe}`],
    {
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  const found = /data-measure="(\d+) (\d+) (-?\d+) (-?\d+)"/.exec(dom.stdout);
  if (!found) throw new Error(`no measurement in Chromium's DOM:\n${dom.stderr.slice(-2000)}`);
  const [window, page, table, box] = found.slice(1).map(Number) as [number, number, number, number];
  return { window, page, table, box };
}

describe("blastradius report --git", () => {
  let history: History;
  let repo: string;
  beforeAll(() => {
    history = exampleHistory(24 * 40);
    repo = history.dir;
    const commit = history.commit;
    // Twenty days back, outside the 7-day window and the one before it, inside the page's 30
    // (in time order: git reads history newest first and stops at the window's start).
    commit(
      24 * 20 + 1,
      "deps.yaml",
      "a table with a long name",
      "data-eng",
      (text) => text + LONG_NODE,
    );
    commit(24 * 20, LONG_FILE, "restate revenue for the audit", "data-eng");
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

  it("the HTML page opens in headless Chromium with its charts and riskiest changes, fits 1280 pixels, no console errors, and a screenshot", {
    ...skipWhen(
      CHROMIUM
        ? undefined
        : "chromium is not installed (neither chromium nor chromium-browser answers)",
    ),
    // Three Chromium starts and two reports: on two busy cores, more than the default 30 s.
    timeout: 120_000,
  }, () => {
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
    // The markdown's riskiest changes, the same lines.
    const markdown = run("--git", "--since", "30d").stdout;
    const mdLines = (markdown.split("### Riskiest changes\n\n")[1] ?? "")
      .split("\n\n")[0]
      ?.split("\n")
      .map((line) =>
        line
          .replace(/^- /, "")
          .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
          .replaceAll("`", ""),
      );
    const section = dom.stdout.split("<h2>Riskiest changes</h2>")[1]?.split("</ul>")[0] ?? "";
    const htmlLines = [...section.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) =>
      (m[1] as string)
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    );
    expect(htmlLines.length).toBeGreaterThanOrEqual(2);
    expect(htmlLines[0]).toContain("rotate the automation role");
    expect(htmlLines).toEqual(mdLines);
    expect(dom.stdout).toContain(LONG_ID);

    const size = measureIn(CHROMIUM as string, flags, html);
    expect(size.window).toBe(1280);
    expect(size.table).toBeGreaterThan(0);
    expect(size.box).toBeLessThanOrEqual(size.window);
    expect(size.table).toBeLessThanOrEqual(size.window);
    expect(size.page).toBeLessThanOrEqual(size.window);

    const shot = join(repo, "report.png");
    spawnSync(
      CHROMIUM as string,
      [...flags, `--screenshot=${shot}`, "--window-size=1280,800", `file://${html}`],
      { timeout: 60_000 },
    );
    expect(existsSync(shot)).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});
