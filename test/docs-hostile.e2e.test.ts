// The docs site of a hostile graph opened in headless Chromium: what the browser parses, not
// what a regular expression reads, holds no element, attribute or script the graph wrote.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSiteWriter } from "../src/adapters/fs/write-site.js";
import { writeSite } from "../src/app/docs/write-docs.js";
import { renderHealthHtml } from "../src/core/docs/html/render-health.js";
import { htmlSite } from "../src/core/docs/html-site.js";
import { kindPagePath, nodePagePath, ownerPagePath } from "../src/core/docs/site-paths.js";
import { hostileHealth, hostileModel } from "../src/core/testing/hostile-graph.js";
import { attributeNames, foreignDataLinks, STAMP } from "../src/core/testing/site-html.js";
import { skipWhen } from "./skips.js";

const CHROMIUM = ["chromium", "chromium-browser"].find(
  (c) => spawnSync(c, ["--version"]).status === 0,
);

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--enable-logging=stderr",
  "--v=0",
];

describe("the docs site of a hostile graph in headless Chromium", {
  ...skipWhen(
    CHROMIUM
      ? undefined
      : "chromium is not installed (neither chromium nor chromium-browser answers)",
  ),
  // One Chromium start per page, on two busy cores.
  timeout: 120_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), "br-docs-hostile-"));
  const site = join(dir, "site");
  const model = hostileModel();
  beforeAll(async () => {
    const writer = openSiteWriter(site, "site");
    // The site's own health notes come from the graph; the page is drawn here from notes with
    // hostile text in every field.
    const files = [...htmlSite({ model, stamp: STAMP, maxRows: 50 })].map((f) =>
      f.path === "health.html" ? { ...f, content: renderHealthHtml(hostileHealth, STAMP) } : f,
    );
    await writeSite(files, writer);
    await writer.commit();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const kind = model.config.nodes.get("svc/a")?.kind as string;
  it.each([
    ["a node's page", nodePagePath("svc/a")],
    ["another node's page", nodePagePath("svc/b")],
    ["an owner's page", ownerPagePath("team")],
    ["a kind's list", kindPagePath(kind)],
    ["the owners' list", "owners.html"],
    ["graph health", "health.html"],
    ["the index", "index.html"],
    // The search draws the graph's text into the page as it runs.
    ["the search, searching", "search.html?q=pwned"],
  ])("%s: nothing the graph wrote is live", (_, page) => {
    const dom = spawnSync(CHROMIUM as string, [...FLAGS, "--dump-dom", `file://${site}/${page}`], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(dom.status).toBe(0);
    // The page did show the hostile text (as text)…
    expect(dom.stdout).toContain("PWNED");
    // …and no script, handler or element of it ran or was made.
    // (The text says data-pwned; only a script or handler that ran makes it an attribute.)
    expect(dom.stdout).not.toMatch(/data-pwned="/);
    expect(dom.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en"><head>/);
    expect(dom.stdout).not.toMatch(/<b id="PWNED"/i);
    const handlers = attributeNames(dom.stdout).filter((name) => /^on/i.test(name));
    expect(handlers).toEqual(page.startsWith("search") ? ["onsubmit"] : []);
    expect(dom.stdout).not.toMatch(/href="\s*javascript:/i);
    // The only data: links are the page's own downloads of its tables.
    expect(foreignDataLinks(dom.stdout)).toEqual([]);
    expect(dom.stderr).not.toMatch(/Uncaught|CONSOLE\(\d+\).*[Ee]rror/);
    if (page.startsWith("search")) expect(dom.stdout).toMatch(/\d+ nodes? found/);
  });
});
