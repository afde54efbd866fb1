// `blastradius docs` as a reader meets it: every link of the written site resolves (on the
// bundled example and on a generated graph of 2,000 nodes whose ids need encoding), and the site
// opened offline in headless Chromium: no console errors, nothing fetched from elsewhere,
// axe-core finds no serious violation, search answers, the picture is laid out, the skip link
// comes first, and screenshots of the index, a node page and an owner page.

import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOrg, type Org, toDepsYaml } from "../bench/generate-org.js";
import { pageExports } from "../src/core/testing/site-html.js";
import { type Browser, launchChromium } from "./chromium-cdp.js";
import { ROOT, runCli } from "./git-history.js";
import { checkSiteLinks, siteFiles } from "./site-links.js";
import { skipWhen } from "./skips.js";

const CHROMIUM = ["chromium", "chromium-browser"].find(
  (c) => spawnSync(c, ["--version"]).status === 0,
);
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

const NODE_PAGE = "nodes/iam-role/automation-runner.html";
const OWNER_PAGE = "owners/iam-platform.html";

let dir: string;
let site: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "blastradius-docs-"));
  site = join(dir, "site");
  const written = runCli(["docs", "--out", site]);
  expect(written.stderr).toBe("");
  expect(written.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }), 60_000);

/**
 * The generated organisation with ids a file name cannot hold as they are: upper case, `:`,
 * `@`, `+`, dots, and segments of dots that must not climb out of nodes/.
 */
function awkwardIds(org: Org): Org {
  const renamed = new Map<string, string>();
  org.nodes.forEach((node, i) => {
    const [kind, name] = node.id.split("/") as [string, string];
    const awkward = [
      `${kind}/${name.toUpperCase()}`,
      `${kind}/${name}:eu-west-1@prod+canary`,
      `${kind}/acme.${name}.v2`,
      `${kind}/../${name}`,
      `${kind}/.../${name}@${i}`,
      `${kind.toUpperCase()}/Mixed.Case:${name}`,
    ][i % 6] as string;
    renamed.set(node.id, awkward);
  });
  const ownerOf = (owner: string) => owner.replace(/^team-(\d+)$/, "Team:$1@ACME+ops.eu");
  return {
    ...org,
    owners: org.owners.map(ownerOf),
    nodes: org.nodes.map((node) => ({
      ...node,
      id: renamed.get(node.id) as string,
      ...(node.owner ? { owner: ownerOf(node.owner) } : {}),
      dependsOn: node.dependsOn.map((e) => ({ ...e, on: renamed.get(e.on) as string })),
    })),
  };
}

/** Text that becomes markup, a script or a link wherever it is not escaped. */
const HOSTILE = `<img src=x onerror=alert(1)><script src="https://evil.example/x.js"></script><a href="javascript:alert(1)">call</a>`;

describe("every internal link of the docs site resolves", () => {
  it("on the bundled example: every page, every href and src, every #fragment", () => {
    const report = checkSiteLinks(site);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThanOrEqual(30);
    expect(report.links).toBeGreaterThan(1000);
    // Each node and owner has its page, and nothing was written outside the folder's layout.
    const files = siteFiles(site);
    expect(files).toContain(NODE_PAGE);
    expect(files).toContain(OWNER_PAGE);
    expect(files.filter((f) => !/^(nodes|owners|kinds|tiers)\/|^[^/]+$/.test(f))).toEqual([]);
  });

  it("on a generated graph of 2,000 nodes whose ids need encoding, and a hostile one", {
    timeout: 180_000,
  }, () => {
    const org = awkwardIds(generateOrg({ nodes: 2000, seed: 17 }));
    const deps = join(dir, "org.yaml");
    // A GitHub team's slug cannot hold the owners' awkward names. The hostile team and node
    // write markup, a script's address and a javascript: link wherever deps.yaml takes free text.
    const yaml = toDepsYaml(org)
      .replace(/github: "@acme\/[^"]*"/g, 'github: "@acme/ops"')
      .replace(
        "owners:\n",
        `owners:\n  Hostile.Team: {chat: ${JSON.stringify(HOSTILE)}, escalation: ${JSON.stringify(`javascript:alert(1) ${HOSTILE}`)}, description: ${JSON.stringify(HOSTILE)}}\n`,
      );
    writeFileSync(
      deps,
      `${yaml}  hostile/node:\n    kind: "<svg/onload=alert(1)>"\n    owner: Hostile.Team\n    description: ${JSON.stringify(HOSTILE)}\n    depends_on: [{on: ${JSON.stringify(org.nodes[0]?.id)}, via: calls}]\n`,
    );
    const out = join(dir, "org-site");
    const written = runCli(["docs", "--deps", deps, "--out", out, "--max-rows", "50"]);
    expect(written.stderr).toBe("");
    expect(written.code).toBe(0);
    const files = new Set(siteFiles(out));
    // One page per node and per owner, each id in its own file.
    const nodePages = [...files].filter((f) => f.startsWith("nodes/") && f.endsWith(".html"));
    expect(nodePages).toHaveLength(org.nodes.length + 1);
    // Nodes 0 to 79 are IAM roles named iam-<i>: node 3 is "iam-role/../iam-3", node 5
    // "IAM-ROLE/Mixed.Case:iam-5", node 4 "iam-role/.../iam-4@4".
    expect(files).toContain("nodes/iam-role/~2e~2e/iam-3.html");
    expect(files).toContain("nodes/iam-role/~2e~2e~2e/iam-4~404.html");
    expect(files).toContain("nodes/~49~41~4d-~52~4f~4c~45/~4dixed.~43ase~3aiam-5.html");
    const report = checkSiteLinks(out);
    expect(report.broken.slice(0, 20)).toEqual([]);
    expect(report.pages).toBeGreaterThan(org.nodes.length + org.owners.length);
    // The hostile text is shown, as text: none of its tags, handlers or scripts is a tag.
    for (const page of ["nodes/hostile/node.html", "owners/~48ostile.~54eam.html"]) {
      const html = readFileSync(join(out, page), "utf8");
      expect(html).toMatch(/(&lt;|&#60;)img src=x onerror=alert\(1\)(&gt;|&#62;)/);
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.length).toBeGreaterThan(20);
      expect(
        tags.filter((tag) =>
          /^<(img|iframe|object|embed)\b|\son[a-z]+=|javascript:|^<script\b(?! src="(\.\.\/)*search)/i.test(
            tag,
          ),
        ),
      ).toEqual([]);
    }
    rmSync(out, { recursive: true, force: true });
  });
});

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

/**
 * axe-core's serious and critical WCAG 2 A/AA violations on the open page, said in full, and
 * how many elements its contrast rule passed (so a check that ran on nothing cannot pass).
 */
async function axeFindings(
  browser: Browser,
): Promise<{ serious: string[]; contrastChecked: number }> {
  if ((await browser.evaluate<string>("typeof axe")) === "undefined")
    await browser.evaluate(readFileSync(AXE, "utf8"));
  // preload:false: axe would fetch the stylesheet again with a request file:// refuses.
  const found = await browser.evaluate<{ violations: Violation[]; contrast: number }>(
    `axe.run(document, {preload: false, runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then((r) => ({violations: r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary)})), contrast: r.passes.filter((p) => p.id === "color-contrast").reduce((n, p) => n + p.nodes.length, 0)}))`,
  );
  return {
    serious: found.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join("\n  ")}`),
    contrastChecked: found.contrast,
  };
}

describe(
  "the docs site in headless Chromium",
  skipWhen(
    CHROMIUM
      ? undefined
      : "chromium is not installed (neither chromium nor chromium-browser answers)",
  ),
  () => {
    let browser: Browser;
    const url = (page: string) => {
      const [path, query] = page.split("?") as [string, string | undefined];
      return pathToFileURL(join(site, path)).href + (query === undefined ? "" : `?${query}`);
    };
    beforeAll(async () => {
      browser = await launchChromium(CHROMIUM as string);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it.each([
      ["index.html"],
      [NODE_PAGE],
      [OWNER_PAGE],
      ["search.html?q=rls"],
      ["health.html"],
      ["owners.html"],
      ["kinds.html"],
      ["kinds/iam-role.html"],
    ])(
      "%s: no console error, nothing fetched from elsewhere, no serious axe-core violation",
      async (page) => {
        const problems = browser.problems.length;
        const requests = browser.requests.length;
        await browser.open(url(page));
        expect(browser.problems.slice(problems)).toEqual([]);
        const loaded = browser.requests.slice(requests);
        expect(loaded.length).toBeGreaterThanOrEqual(2);
        expect(loaded.filter((u) => !u.startsWith("file://"))).toEqual([]);
        expect(
          await browser.evaluate<string>("getComputedStyle(document.body).fontFamily"),
        ).toMatch(/system-ui/);
        const axe = await axeFindings(browser);
        expect(axe.serious).toEqual([]);
        expect(axe.contrastChecked).toBeGreaterThan(10);
      },
      60_000,
    );

    it("a table's CSV and JSON download from its page offline, as the page holds them", async () => {
      const folder = mkdtempSync(join(tmpdir(), "br-downloads-"));
      try {
        await browser.downloadInto(folder);
        await browser.open(url(NODE_PAGE));
        const kept = pageExports(readFileSync(join(site, NODE_PAGE), "utf8"));
        expect([...kept.keys()].sort()).toEqual([
          "iam-role_automation-runner.breaks.csv",
          "iam-role_automation-runner.breaks.json",
        ]);
        for (const [name, text] of kept) {
          await browser.evaluate(
            `document.querySelector('#main a[download=${JSON.stringify(name)}]').click()`,
          );
          const file = join(folder, name);
          for (let waited = 0; !existsSync(file) && waited < 100; waited++)
            await new Promise((resolve) => setTimeout(resolve, 100));
          expect(readdirSync(folder)).toContain(name);
          expect(readFileSync(file, "utf8")).toBe(text);
        }
        expect(
          JSON.parse(kept.get("iam-role_automation-runner.breaks.json") ?? "").rows.length,
        ).toBe((kept.get("iam-role_automation-runner.breaks.csv") ?? "").split("\r\n").length - 2);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }, 60_000);

    it("search finds the RLS access service from the address and from typing, offline", async () => {
      await browser.open(url("search.html?q=rls"));
      const results = () =>
        browser.evaluate<{ text: string; href: string }[]>(
          `[...document.querySelectorAll("#results a")].map((a) => ({text: a.textContent, href: a.href}))`,
        );
      const found = await results();
      expect(found.map((r) => r.text)).toContain("service/rls-access");
      for (const r of found) expect(existsSync(fileURLToPath(r.href))).toBe(true);
      expect(
        await browser.evaluate<string>(`document.getElementById("status").textContent`),
      ).toMatch(/^\d+ nodes? found/);
      await browser.evaluate(
        `(() => { const q = document.getElementById("q"); q.value = "owner:iam-platform"; q.dispatchEvent(new Event("input")); })()`,
      );
      const owned = (await results()).map((r) => r.text);
      expect(owned).toContain("iam-role/automation-runner");
      expect(owned).not.toContain("service/rls-access");
    }, 30_000);

    it("Tab from the top reaches the skip link first, and it leads to #main", async () => {
      for (const page of ["index.html", NODE_PAGE, OWNER_PAGE]) {
        await browser.open(url(page));
        await browser.press("Tab");
        const focused = await browser.evaluate<{
          href: string | null;
          text: string;
          visible: boolean;
        }>(
          `(() => { const a = document.activeElement; const r = a.getBoundingClientRect(); return {href: a.getAttribute("href"), text: a.textContent, visible: r.left >= 0 && r.top >= 0 && r.width > 0}; })()`,
        );
        expect([page, focused]).toEqual([
          page,
          { href: "#main", text: "Skip to content", visible: true },
        ]);
        expect(await browser.evaluate<string>(`document.getElementById("main").tagName`)).toBe(
          "MAIN",
        );
        await browser.press("Enter");
        expect(await browser.evaluate<string>("location.hash")).toBe("#main");
      }
    }, 30_000);

    it("the node page's picture is present and laid out: a real size, no two boxes overlap", async () => {
      await browser.open(url(NODE_PAGE));
      const picture = await browser.evaluate<{
        width: number;
        height: number;
        boxes: { label: string; x: number; y: number; width: number; height: number }[];
      } | null>(`(() => {
      const svg = document.querySelector("main svg[role=img], main svg.picture, main figure.picture svg");
      if (!svg) return null;
      const r = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll("a > rect, g > rect")].map((rect) => {
        const b = rect.getBoundingClientRect();
        return {label: rect.parentElement.textContent, x: b.x, y: b.y, width: b.width, height: b.height};
      });
      return {width: r.width, height: r.height, boxes};
    })()`);
      if (picture === null)
        throw new Error(
          `${NODE_PAGE} has no picture: no <svg role="img">, svg.picture or figure.picture svg in <main> (the neighbourhood picture is not wired into the node page)`,
        );
      expect(picture.width).toBeGreaterThan(100);
      expect(picture.height).toBeGreaterThan(50);
      expect(picture.boxes.length).toBeGreaterThanOrEqual(3);
      const overlaps: string[] = [];
      picture.boxes.forEach((a, i) => {
        for (const b of picture.boxes.slice(i + 1)) {
          const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
          const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
          if (x > 0.5 && y > 0.5) overlaps.push(`${a.label} / ${b.label}`);
        }
        expect(a.width * a.height).toBeGreaterThan(0);
      });
      expect(overlaps).toEqual([]);
    }, 30_000);

    it("screenshots of the index, a node page and an owner page", async () => {
      for (const [page, name] of [
        ["index.html", "index.png"],
        [NODE_PAGE, "node-page.png"],
        [OWNER_PAGE, "owner-page.png"],
      ] as const) {
        await browser.open(url(page));
        const shot = join(dir, name);
        writeFileSync(shot, await browser.screenshot());
        // A PNG of the 1280-pixel window, with more on it than a blank page compresses to.
        const png = readFileSync(shot);
        expect(png.subarray(1, 4).toString()).toBe("PNG");
        expect(png.readUInt32BE(16)).toBe(1280);
        expect(statSync(shot).size).toBeGreaterThan(20_000);
      }
    }, 60_000);
  },
);
