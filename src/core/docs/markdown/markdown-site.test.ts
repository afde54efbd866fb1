import { describe, expect, it } from "vitest";
import { modelOf } from "../../testing/helpers.js";
import { CONTROLS, expectInert, HOSTILE, HOSTILE_SHORT } from "../../testing/hostile.js";
import {
  linksOf,
  markdownSiteProblems,
  navPages,
  readMkdocs,
} from "../../testing/markdown-site.js";
import { markdownSite } from "../markdown-site.js";
import { nodePagePath, ownerPagePath } from "../site-paths.js";

const STAMP = {
  source: "deps.yaml",
  commit: "0123456789abcdef0123",
  generatedAt: "2026-11-30T12:00:00Z",
  version: "0.0.0",
};

/** What a deps.yaml author can put in every free-text field, short enough for `kind`. */
const ATTACK =
  "<script>alert(1)</script> [x](javascript:alert(1)) | `tick` {{ config }} {% raw %} {# c #}";

/** A graph whose every free-text field is hostile, with ids YAML 1.1 would read as non-strings. */
function hostileGraph() {
  const text = `${ATTACK} ${HOSTILE}`;
  return {
    version: 1,
    owners: {
      on: {
        github: "@acme/on",
        chat: `#chan ${ATTACK}`,
        escalation: `PagerDuty ${ATTACK} https://pd.example.com/x?(a)[b]{{c}}`,
        email: "a|b@example.com",
        description: `# heading ${text}`,
      },
      "team@x": { github: "@solo", chat: "x|y" },
    },
    nodes: {
      yes: {
        kind: `k ${ATTACK}`.slice(0, 64),
        owner: "on",
        tier: 0,
        description: `- a list item? ${text}`,
        docs: "./docs/yes.md",
        runbook: "https://wiki.example.com/run(book)",
        match: { paths: ["iam/{{x}}.tf"] },
      },
      "null/1:20": {
        kind: "service",
        owner: "team@x",
        description: "1. not an ordered list",
        depends_on: [{ on: "yes", via: "assumes-role", description: text }],
      },
      "a+b/c": {
        kind: `k ${HOSTILE_SHORT} {{x}}`,
        depends_on: [{ on: "null/1:20", via: "reads" }],
      },
    },
  };
}

function site(graph: object, extras = {}): Map<string, string> {
  const model = modelOf(JSON.stringify(graph));
  return new Map(
    [...markdownSite({ model, stamp: STAMP, maxRows: 500, ...extras })].map((f) => [
      f.path,
      f.content,
    ]),
  );
}

/** The headings the renderers write; a foreign value only ever follows a fixed start. */
const OWN_HEADING =
  /^(# `|# (Dependency documentation|Owners|Kinds|Graph health)$|# (Kind: |Tier \d|Nodes without)|## (`|Whom to call|Neighbourhood|What changes it|Depends on|Depended on by|If this breaks|How to reach them|Their nodes|Who can break|Whom they can|Largest|By )|### (Whom to call|What breaks with it) \()/;

/** A table row's cells: split on the pipes that are not escaped. */
const cells = (line: string) => line.split(/(?<!\\)\|/).length - 2;

describe("markdownSite with hostile text in every field", () => {
  const files = site(hostileGraph());
  const pages = [...files].filter(([path]) => path.endsWith(".md"));

  it("writes a page per node and owner under docs/, every one in the nav, every link resolving", () => {
    for (const id of ["yes", "null/1:20", "a+b/c"])
      expect(files.has(`docs/${nodePagePath(id, "md")}`), id).toBe(true);
    for (const id of ["on", "team@x"])
      expect(files.has(`docs/${ownerPagePath(id, "md")}`), id).toBe(true);
    expect(markdownSiteProblems(files)).toEqual([]);
  });

  it("injects no HTML, no link, no Jinja tag, and breaks no table", () => {
    expect(pages.length).toBeGreaterThan(8);
    for (const [path, page] of pages) {
      expect(page, path).not.toMatch(/<script|<\/script/i);
      expect(
        linksOf(page).filter((l) => !/^(https:\/\/|[./a-z0-9~-])/.test(l)),
        path,
      ).toEqual([]);
      expect(page, path).not.toMatch(/(?<!\\)\]\(javascript/);
      expect(page, path).not.toMatch(/\{[{%#]/);
      expectInert(page, { shows: false });
      // No line a foreign value started: headings and list items are the renderer's own.
      for (const line of page.split("\n")) {
        if (line.startsWith("#")) expect(line, path).toMatch(OWN_HEADING);
        if (line.startsWith("- "))
          expect(line, path).toMatch(/^- (Chat|GitHub|Email|Escalation): /);
      }
      // Every row of a table has as many cells as its header.
      const lines = page.split("\n");
      lines.forEach((line, i) => {
        if (!line.startsWith("| ") || lines[i - 1]?.startsWith("|")) return;
        for (let j = i + 1; lines[j]?.startsWith("|"); j++)
          expect(cells(lines[j] as string), `${path}: ${lines[j]}`).toBe(cells(line));
      });
    }
    const yes = files.get("docs/nodes/yes.md") as string;
    expectInert(yes);
    // The description is there, made inert, not dropped.
    expect(yes).toContain("\\- a list item? &lt;script\\>alert(1)");
    expect(yes).toContain("`./docs/yes.md` _(in the repository: not linked)_");
    expect(yes).toContain("(https://wiki.example.com/run%28book%29)");
    expect(yes).toContain("Email: `a\\|b@example.com`");
    expect(files.get("docs/nodes/null/1~3a20.md")).toContain("\n\n1\\. not an ordered list\n");
    expect(files.get("docs/owners/on.md")).toContain("\n\n\\# heading &lt;script");
  });

  it("writes mkdocs.yml that reads back with every title a string, as given", () => {
    const yml = files.get("mkdocs.yml") as string;
    for (const line of yml.split("\n").filter((l) => /^\s*- /.test(l)))
      expect(line, line).toMatch(/^\s*- "/);
    const config = readMkdocs(yml);
    expect(config.docs_dir).toBe("docs");
    expect(config.plugins).toEqual(["techdocs-core"]);
    const titles = navPages(config.nav).map((p) => p.title);
    expect(titles).toEqual(expect.arrayContaining(["yes", "null/1:20", "a+b/c", "on", "team@x"]));
    expect(yml).toContain('"yes": "nodes/yes.md"');
    expect(yml).toContain('"on": "owners/on.md"');
    expect(yml).toContain("!!python/name:pymdownx.superfences.fence_code_format");
    // Controls in a kind (a nav section's title) are shown as escapes, never written raw.
    expect(CONTROLS.exec(yml)).toBeNull();
    // MkDocs puts nav titles into every page as HTML, unescaped: no markup reaches them.
    expect(yml).toMatch(/&#60;/);
    expect(yml).not.toMatch(/<[a-z!/]/i);
    expect(titles).toContain("k \\x1b]52;c;eA==\\x07\\x1b[2J\\x1b[8m\\x9b2J\\u202e ::x {{x}}");
  });
});

describe("markdownSite's node page extras", () => {
  it("puts the mermaid picture under Neighbourhood and sections after the one named", () => {
    const files = site(hostileGraph(), {
      nodeMarkdown: (page: { id: string }) => ({
        picture: `\`\`\`mermaid\nflowchart LR\n  n0["${page.id}"]\n\`\`\``,
        after: { relations: "## Contracts\n\nnone" },
      }),
    });
    const page = files.get("docs/nodes/yes.md") as string;
    expect(page).toContain('## Neighbourhood\n\n```mermaid\nflowchart LR\n  n0["yes"]\n```');
    const at = (s: string) => page.indexOf(s);
    expect(at("## Whom to call")).toBeLessThan(at("## Neighbourhood"));
    expect(at("## Depended on by")).toBeLessThan(at("## Contracts"));
    expect(at("## Contracts")).toBeLessThan(at("## If this breaks"));
  });
});

describe("the site checker", () => {
  it("finds a page missing from the nav, a nav entry not written and a link to nowhere", () => {
    const files = site(hostileGraph());
    const broken = new Map(files);
    broken.delete("docs/nodes/yes.md");
    broken.set("docs/stray.md", "[x](nodes/none.md) [y](../../out.md) [z](https://a.example)");
    expect(markdownSiteProblems(broken).sort()).toEqual(
      expect.arrayContaining([
        "nav lists nodes/yes.md: not written",
        "stray.md is not in the nav",
        "stray.md: link nodes/none.md resolves nowhere",
        "stray.md: link ../../out.md resolves nowhere",
      ]),
    );
    expect(markdownSiteProblems(broken).some((p) => p.includes("a.example"))).toBe(false);
  });
});
