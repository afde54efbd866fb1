import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareModel } from "../analyze.js";
import { bundledModel } from "../testing/bundled-example.js";
import { chainYaml, load, modelOf } from "../testing/helpers.js";
import { bundledSite, links, pageExports, STAMP, target, textOf } from "../testing/site-html.js";
import { HTML_SITE, htmlSite } from "./html-site.js";
import {
  downloadName,
  INLINE_EXPORT_BYTES,
  nodePageExports,
  ownerPageExports,
} from "./impact-exports.js";
import { nodePage } from "./node-page.js";
import { ownerPage } from "./owner-page.js";
import { kindPagePath, nodePagePath, ownerPagePath } from "./site-paths.js";

/** The name an export of the page about `id` downloads as, from its path (`….breaks.csv`). */
const nameOf = (id: string, path: string) => {
  const [table, format] = path.split(".").slice(-2) as [string, "csv" | "json"];
  return downloadName(id, table, format);
};

describe("htmlSite on the bundled example", () => {
  const files = bundledSite();
  const paths = new Set(files.map((f) => f.path));
  const pages = files.filter((f) => f.path.endsWith(".html"));
  const { config } = bundledModel();

  it("writes each file once: a page per node, per owner, per kind, the index and search", () => {
    expect(paths.size).toBe(files.length);
    for (const id of config.nodes.keys()) expect(paths).toContain(nodePagePath(id));
    for (const id of config.owners.keys()) expect(paths).toContain(ownerPagePath(id));
    for (const node of config.nodes.values()) expect(paths).toContain(kindPagePath(node.kind));
    for (const path of ["index.html", "search.html", "search.js", "search-index.js", "style.css"])
      expect(paths).toContain(path);
    // The tables' exports are in their pages, not files beside them.
    expect([...paths].filter((p) => /\.(csv|json)$/.test(p))).toEqual([]);
  });

  it("each impact table downloads from its page as the same CSV and JSON the exports hold", () => {
    const model = bundledModel();
    const id = "iam-role/automation-runner";
    const path = nodePagePath(id);
    const kept = pageExports(pages.find((p) => p.path === path)?.content ?? "");
    const want = nodePageExports(path, nodePage(model, id, { maxRows: 500 }));
    expect(want.length).toBe(2);
    for (const file of want) expect(kept.get(nameOf(id, file.path)), file.path).toBe(file.content);
    const owner = ownerPagePath("data-platform");
    const ownerKept = pageExports(pages.find((p) => p.path === owner)?.content ?? "");
    const ownerWant = ownerPageExports(owner, ownerPage(model, "data-platform", { maxRows: 500 }));
    expect(ownerWant.length).toBeGreaterThan(0);
    for (const file of ownerWant)
      expect(ownerKept.get(nameOf("data-platform", file.path)), file.path).toBe(file.content);
  });

  it("every page says it was generated from the graph, at its commit, at its time", () => {
    const said = `Generated from deps.yaml at commit ${STAMP.commit?.slice(0, 12)} on ${STAMP.generatedAt} by blastradius ${STAMP.version}.`;
    expect(pages.length).toBeGreaterThan(config.nodes.size);
    for (const page of pages) expect(textOf(page.content), page.path).toContain(said);
  });

  it("every page has a language, one h1, one main landmark, a title, and the site's navigation", () => {
    for (const { path, content } of pages) {
      expect(content, path).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(content.match(/<h1[ >]/g), path).toHaveLength(1);
      expect(content.match(/<main[ >]/g), path).toHaveLength(1);
      expect(content, path).toMatch(/<title>[^<]+<\/title>/);
      expect(content, path).toContain('<nav aria-label="Site">');
    }
  });

  it("every link inside the site leads to a file of the site", () => {
    let checked = 0;
    for (const { path, content } of pages)
      for (const href of links(content)) {
        const file = target(path, href);
        if (file === undefined) continue;
        checked++;
        expect(paths, `${path} links ${href}`).toContain(file);
      }
    expect(checked).toBeGreaterThan(pages.length * 5);
  });

  it("a site from outside a repository says it has no commit", () => {
    const { commit: _, ...uncommitted } = STAMP;
    let first: string | undefined;
    for (const file of htmlSite({
      model: bundledModel(),
      stamp: uncommitted,
      maxRows: 5,
    }))
      if (file.path.endsWith(".html")) {
        first = file.content;
        break;
      }
    expect(textOf(first ?? "")).toContain(
      "Generated from deps.yaml (not in a git repository: no commit) on 2026-11-30T12:00:00Z",
    );
  });
});

describe("htmlSite on awkward graphs", () => {
  it("kinds, owners and ids that could share a file get one each", () => {
    const model = modelOf(`version: 1
owners:
  index: {chat: "#i"}
  Index: {chat: "#j"}
nodes:
  a: {kind: a/b, owner: index}
  b: {kind: a-b, owner: Index}
  c: {kind: index}
  A: {kind: Index}
  a/b: {kind: k}
  a.breaks: {kind: k}
`);
    const files = [...htmlSite({ model, stamp: STAMP, maxRows: 5 })];
    const paths = files.map((f) => f.path);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
    // Each owner's page is about that owner, and the owners' list is the list.
    const page = (p: string) => files.find((f) => f.path === p)?.content ?? "";
    expect(textOf(page(ownerPagePath("index")))).toContain("Chat: #i");
    expect(textOf(page("owners.html"))).toMatch(/^Owners ·/);
    expect(textOf(page("kinds.html"))).toMatch(/^Kinds ·/);
  });

  it("an export too large for its page is a file beside it, and the page links to that file", () => {
    const leaves = Array.from({ length: 3000 }, (_, i) => `a-dependent-with-a-long-name-${i}`);
    const nodes = Object.fromEntries([["hub", {}], ...leaves.map((id) => [id, {}])]);
    const model = modelOf(
      chainYaml(
        nodes,
        leaves.map((id) => ["hub", id] as const),
      ),
    );
    const input = { model, stamp: STAMP, maxRows: Number.MAX_SAFE_INTEGER };
    const path = nodePagePath("hub");
    const files = HTML_SITE.nodeFiles(input, nodePage(model, "hub", input));
    const page = files.find((f) => f.path === path)?.content ?? "";
    const kept = pageExports(page);
    const linked = links(page).map((l) => target(path, l));
    const exports = nodePageExports(path, nodePage(model, "hub", input));
    expect(exports.some((e) => e.content.length > INLINE_EXPORT_BYTES)).toBe(true);
    for (const { path: exported, content } of exports) {
      const name = nameOf("hub", exported);
      if (content.length > INLINE_EXPORT_BYTES) {
        expect(files.find((f) => f.path === exported)?.content).toBe(content);
        expect(linked).toContain(exported);
        expect(kept.has(name)).toBe(false);
      } else expect(kept.get(name)).toBe(content);
    }
  });

  it("a list of more nodes than a page holds is paged, and every page is linked", () => {
    const nodes = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`n${i}`, {}]));
    const files = [...htmlSite({ model: modelOf(chainYaml(nodes, [])), stamp: STAMP, maxRows: 5 })];
    const paths = new Set(files.map((f) => f.path));
    expect(paths).toContain("kinds/service.html");
    expect(paths).toContain("kinds/service~p2.html");
    const first = files.find((f) => f.path === "kinds/service.html")?.content ?? "";
    expect(links(first).map((l) => target("kinds/service.html", l))).toContain(
      "kinds/service~p2.html",
    );
  });
});

describe("htmlSite on generated graphs", () => {
  /** Names as deps.yaml allows them, drawn from the characters that could make two one file. */
  const name = fc
    .tuple(
      fc.constantFrom("a", "A", "i", "0"),
      fc.array(fc.constantFrom("a", "A", ".", "/", "-", "_", ":", "@", "+", "index", "breaks"), {
        maxLength: 6,
      }),
    )
    .map(([first, rest]) => first + rest.join(""));
  const owner = fc.oneof(name, fc.constantFrom("index", "Index"));
  const kind = fc.oneof(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.constantFrom("index", "a/b", "a-b", "A-B", "a~2fb"),
  );

  it("never writes two files to one path, even on a disk that ignores case", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(owner, { maxLength: 3 }),
        fc.array(kind, { minLength: 1, maxLength: 3 }),
        (ids, owners, kinds) => {
          const lines = ["version: 1", owners.length ? "owners:" : "owners: {}"];
          for (const o of owners) lines.push(`  ${JSON.stringify(o)}: {chat: "#x"}`);
          lines.push("nodes:");
          ids.forEach((id, i) => {
            lines.push(
              `  ${JSON.stringify(id)}:`,
              `    kind: ${JSON.stringify(kinds[i % kinds.length])}`,
            );
            if (owners.length)
              lines.push(`    owner: ${JSON.stringify(owners[i % owners.length])}`);
            if (i > 0) lines.push(`    depends_on: [{on: ${JSON.stringify(ids[i - 1])}}]`);
          });
          const result = load({ "deps.yaml": `${lines.join("\n")}\n` });
          if (!result.config || !result.graph) throw new Error(JSON.stringify(result.errors));
          const model = prepareModel(result.config, result.graph);
          const paths = [...htmlSite({ model, stamp: STAMP, maxRows: 5 })].map((f) =>
            f.path.toLowerCase(),
          );
          const seen = new Set<string>();
          for (const path of paths) {
            expect(seen.has(path), path).toBe(false);
            seen.add(path);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("downloadName", () => {
  it("is the id, readable, and tells ids of two folders apart", () => {
    expect(downloadName("iam-role/automation-runner", "breaks", "csv")).toBe(
      "iam-role_automation-runner.breaks.csv",
    );
    expect(downloadName("svc/Api", "breaks", "csv")).not.toBe(
      downloadName("db/Api", "breaks", "csv"),
    );
  });

  it("holds only letters, digits, `.`, `_` and `-`, never starts with a dot, and stays short", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (id) => {
        const name = downloadName(id, "breaks", "json");
        expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.breaks\.json$/);
        expect(name.length).toBeLessThanOrEqual(150 + ".breaks.json".length);
      }),
    );
  });
});
