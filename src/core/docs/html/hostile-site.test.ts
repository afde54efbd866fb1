// The whole site built from a graph whose every free string is hostile: markup, a script, an
// attribute break-out, `javascript:` and `data:` links, terminal controls. Nothing of it may be
// live in any file the site is made of.

import { describe, expect, it } from "vitest";
import { CONTROLS } from "../../testing/hostile.js";
import { h, hostileHealth, hostileModel, MARKUP } from "../../testing/hostile-graph.js";
import {
  attributeNames,
  foreignDataLinks,
  links,
  pageExports,
  STAMP,
  textOf,
} from "../../testing/site-html.js";
import { htmlSite, type SiteFile } from "../html-site.js";
import { downloadName } from "../impact-exports.js";
import { searchRows } from "../search-index.js";
import { renderHealthHtml } from "./render-health.js";

describe("a site from a hostile graph", () => {
  const model = hostileModel();
  const files: SiteFile[] = [
    ...htmlSite({
      model,
      stamp: { ...STAMP, source: h("deps.yaml"), commit: h("abc"), version: h("1") },
      maxRows: 50,
    }),
    // The site's own health notes come from the graph; these carry hostile text in every field.
    { path: "health-hostile.html", content: renderHealthHtml(hostileHealth, STAMP) },
  ];
  const html = files.filter((f) => f.path.endsWith(".html"));
  /** The site's own script tags: the search page's two. */
  const OWN_SCRIPT = /<script src="(?:\.\.\/)*search(?:-index)?\.js"><\/script>/g;

  it("is built, and shows the hostile text (a site that left it out would prove nothing)", () => {
    expect(html.length).toBeGreaterThan(5);
    const node = html.find((f) => f.path === "nodes/svc/a.html")?.content ?? "";
    expect(textOf(node)).toContain(MARKUP);
    expect(textOf(node)).toContain("javascript:alert(1)");
  });

  it("no page holds a script, an element or an attribute the graph wrote", () => {
    for (const { path, content } of html) {
      const own = content.replace(OWN_SCRIPT, "");
      expect(own, path).not.toMatch(/<script/i);
      expect(content, path).not.toContain("<b id=PWNED");
      expect(content, path).not.toContain('"PWNED-Q');
      expect(content, path).not.toContain("<!--");
      // The text may say it, escaped; no tag may have it as an attribute.
      const handlers = attributeNames(content).filter((name) => /^on/i.test(name));
      expect(handlers, path).toEqual(path === "search.html" ? ["onsubmit"] : []);
    }
  });

  it("no link is javascript:, none is data: but the site's own exports, every web link is http(s)", () => {
    let web = 0;
    for (const { path, content } of html) {
      expect(foreignDataLinks(content), path).toEqual([]);
      for (const href of links(content)) {
        if (href.startsWith("data:")) continue;
        expect(href, path).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
          expect(href, path).toMatch(/^(https?|mailto):/);
          web++;
        }
        expect(href, path).not.toMatch(/[<>"\s]/);
      }
    }
    expect(web).toBeGreaterThan(0);
  });

  /** Every file, and every export a page keeps in itself as if it were a file beside it. */
  const everyFile = [
    ...files,
    ...html.flatMap((page) =>
      [...pageExports(page.content)].map(([name, content]) => ({
        path: `${page.path.slice(0, page.path.lastIndexOf("/") + 1)}${name}`,
        content,
      })),
    ),
  ];

  it("the pages keep their tables' exports, CSV and JSON", () => {
    const names = everyFile.map((f) => f.path);
    expect(names).toContain(`nodes/svc/${downloadName("svc/a", "breaks", "csv")}`);
    expect(names).toContain(`nodes/svc/${downloadName("svc/a", "breaks", "json")}`);
  });

  it("no file or export holds a control a terminal would act on, a raw `<` in data, or a formula", () => {
    for (const { path, content } of everyFile) {
      const found = CONTROLS.exec(content.replaceAll("\r\n", "\n"));
      expect(found, `${path}: U+${found?.[0].charCodeAt(0).toString(16)}`).toBeNull();
      // search.js is the site's own, the same whatever the graph.
      if (path.endsWith(".json") || path === "search-index.js")
        expect(content, path).not.toContain("<");
      if (path.endsWith(".csv"))
        for (const line of content.split("\r\n"))
          for (const field of line.split(",")) expect(field, path).not.toMatch(/^"?\s*[=+\-@]/);
    }
  });

  it("the exports and the search index still read back as the graph's text", () => {
    const json = everyFile.find(
      (f) => f.path === `nodes/svc/${downloadName("svc/a", "breaks", "json")}`,
    );
    const table = JSON.parse(json?.content ?? "{}");
    expect(table.rows[0].kind).toBe(model.config.nodes.get("svc/b")?.kind);
    const index = files.find((f) => f.path === "search-index.js")?.content ?? "";
    const window: { BLASTRADIUS_INDEX?: unknown } = {};
    new Function("window", index)(window);
    expect(window.BLASTRADIUS_INDEX).toEqual(searchRows(model.config));
  });
});
