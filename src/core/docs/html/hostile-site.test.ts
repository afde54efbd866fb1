// The whole site built from a graph whose every free string is hostile: markup, a script, an
// attribute break-out, `javascript:` and `data:` links, terminal controls. Nothing of it may be
// live in any file the site is made of.

import { describe, expect, it } from "vitest";
import { prepareModel } from "../../analyze.js";
import { compactGraph } from "../../graph/compact-graph.js";
import type { DepsConfig, Edge, GraphNode, Owner } from "../../model.js";
import { chainYaml, load } from "../../testing/helpers.js";
import { CONTROLS, HOSTILE_SHORT } from "../../testing/hostile.js";
import { links, STAMP, textOf } from "../../testing/site-html.js";
import { htmlSite, type SiteFile } from "../html-site.js";
import { searchRows } from "../search-index.js";

/** A tag, an attribute break-out and a script; PWNED marks where each would be live. */
const MARKUP = `<b id=PWNED>x</b>"PWNED-Q' onmouseover=alert(1) x="</script><script>alert('PWNED')</script><!--`;
const h = (value: string) => `${value} ${MARKUP}`;
const SHORT = `${MARKUP.slice(0, 40)}`;

function hostileModel() {
  const result = load({
    "deps.yaml": chainYaml(
      { "svc/a": { owner: "team" }, "svc/b": { owner: "team" }, "svc/c": { owner: "other" } },
      [
        ["svc/a", "svc/b"],
        ["svc/b", "svc/c"],
      ],
    ),
  });
  if (!result.config) throw new Error("fixture does not load");
  const config = result.config;
  const owner = (o: Owner): Owner => ({
    ...o,
    github: h("@acme/x"),
    chat: h("#chat"),
    email: `"><script>alert(1)</script>@x.example`,
    escalation: h(
      'javascript:alert(1) https://x.example/"><script>alert(1)</script> data:text/html,x',
    ),
    description: h("owner description"),
    catalog: { title: h("catalog title") },
  });
  const node = (n: GraphNode, i: number): GraphNode => ({
    ...n,
    kind: `${SHORT}${i % 2}${HOSTILE_SHORT}`,
    description: h(`description${HOSTILE_SHORT}`),
    docs: "javascript:alert(1)",
    runbook:
      i === 0
        ? "JaVaScRiPt:alert(1)"
        : i === 1
          ? "data:text/html,<script>alert(1)</script>"
          : h("https://x.example/"),
    match: {
      paths: [{ glob: "x/**", source: h("x/**") }],
      terraform: [h("aws_iam_role.x")],
      kubernetes: [h("Role/x")],
      cloudformation: [h("t.yaml#X")],
    },
    declaredAt: { file: h("deps.yaml"), line: 3 },
    catalog: { ref: h("component:default/x"), kind: h("Component"), title: h("catalog title") },
    dependsOn: n.dependsOn.map(
      (e): Edge => ({ ...e, via: `${SHORT}${HOSTILE_SHORT}`, description: h("edge") }),
    ),
  });
  const hostileConfig: DepsConfig = {
    ...config,
    owners: new Map([...config.owners].map(([id, o]) => [id, owner(o)])),
    nodes: new Map([...config.nodes].map(([id, n], i) => [id, node(n, i)])),
  };
  return prepareModel(hostileConfig, compactGraph(hostileConfig));
}

describe("a site from a hostile graph", () => {
  const model = hostileModel();
  const files: SiteFile[] = [
    ...htmlSite({
      model,
      stamp: { ...STAMP, source: h("deps.yaml"), commit: h("abc"), version: h("1") },
      maxRows: 50,
      health: [
        {
          code: h("no-owner"),
          severity: "warning",
          node: "svc/a",
          message: h("message"),
          hint: h("hint"),
        },
        { code: "x", severity: "info", owner: "team", message: h("m"), hint: h("h") },
      ],
    }),
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

  it("no link is javascript: or data:, and every web link is http(s)", () => {
    let web = 0;
    for (const { path, content } of html)
      for (const href of links(content)) {
        expect(href, path).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
          expect(href, path).toMatch(/^(https?|mailto):/);
          web++;
        }
        expect(href, path).not.toMatch(/[<>"\s]/);
      }
    expect(web).toBeGreaterThan(0);
  });

  it("no file holds a control a terminal would act on, a raw `<` in data, or a formula", () => {
    for (const { path, content } of files) {
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
    const json = files.find((f) => f.path === "nodes/svc/a.breaks.json");
    const table = JSON.parse(json?.content ?? "{}");
    expect(table.rows[0].kind).toBe(model.config.nodes.get("svc/b")?.kind);
    const index = files.find((f) => f.path === "search-index.js")?.content ?? "";
    const window: { BLASTRADIUS_INDEX?: unknown } = {};
    new Function("window", index)(window);
    expect(window.BLASTRADIUS_INDEX).toEqual(searchRows(model.config));
  });
});

/** The names of the attributes of every tag, reading quoted values as the browser does. */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(
    /<[a-zA-Z][^\s>/]*((?:\s+[^\s=>]+(?:="[^"]*"|=[^\s>"]*)?)*)\s*\/?>/g,
  ))
    for (const attribute of (tag[1] as string).matchAll(/\s+([^\s=>]+)(?:="[^"]*"|=[^\s>"]*)?/g))
      names.push(attribute[1] as string);
  return names;
}
