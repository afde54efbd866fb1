import { describe, expect, it } from "vitest";
import { modelOf } from "../testing/helpers.js";
import type { Picture } from "./picture.js";
import { neighbourhoodPicture } from "./picture.js";
import type { PictureLayout } from "./picture-layout.js";
import {
  describePicture,
  EDGE_COLOUR,
  PICTURE_CSS,
  PICTURE_STYLE,
  renderPictureSvg,
  safeHref,
} from "./render-picture-svg.js";

const EXAMPLE = `version: 1
owners: {}
nodes:
  iam-policy/warehouse-loader: {kind: iam-policy, tier: 1}
  iam-role/automation-runner:
    kind: iam-role
    tier: 0
    depends_on: [{on: iam-policy/warehouse-loader, via: attaches-policy}]
  service/external-job-runner:
    kind: service
    tier: 1
    depends_on: [{on: iam-role/automation-runner, via: assumes-role}]
  service/rls-access:
    kind: service
    tier: 0
    depends_on: [{on: iam-role/automation-runner, via: token-exchange}]
`;

/** A plain layout: one row per node, edges straight across; the renderer only reads it. */
function rowLayout(picture: Picture): PictureLayout {
  return {
    width: 400,
    height: 50 * picture.nodes.length,
    nodes: picture.nodes.map((_, i) => ({ x: 10, y: 50 * i, width: 176, height: 40 })),
    edges: picture.edges.map((e) => ({
      points: [
        { x: 100, y: 50 * e.from + 20 },
        { x: 300, y: 50 * e.to + 20 },
      ],
      ...(e.label ? { label: { x: 200, y: 25 * (e.from + e.to) + 20 } } : {}),
    })),
  };
}

/**
 * Well-formed enough for an XML parser: tags balance, attribute values are quoted and hold no
 * `<` or `"`, and text holds no `<` or `>` and no `&` that is not an entity.
 */
function expectWellFormed(svg: string) {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of svg.matchAll(token)) {
    const [, close, name, , selfClose, text, stray] = m;
    expect(stray, `a stray < at ${m.index}`).toBeUndefined();
    if (text !== undefined) {
      expect(text).not.toMatch(/>|&(?!(amp|lt|gt|quot|#\d+);)/);
      continue;
    }
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) stack.push(name as string);
  }
  expect(stack).toEqual([]);
}

/** WCAG relative luminance and contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const render = (picture: Picture, hrefOf = (id: string) => `${id}.html`) =>
  renderPictureSvg(picture, rowLayout(picture), {
    hrefOf,
    moreHref: "#depends-on",
    idPrefix: "pic",
    title: "Neighbourhood",
  });

describe("renderPictureSvg", () => {
  const example = neighbourhoodPicture(modelOf(EXAMPLE).compact, "iam-role/automation-runner");
  const svg = render(example);

  it("draws the example with a title, a description in words, and a link on every neighbour", () => {
    expectWellFormed(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 400 200"/);
    // Drawn by the site's stylesheet: no colour or font on the elements themselves.
    expect(svg).not.toMatch(/ (fill|stroke|font-size|style)=/);
    // Not role="img": its children are presentational, so the links would be hidden from
    // assistive technology (axe-core reports it as nested-interactive, serious).
    expect(svg).toContain('role="group" aria-labelledby="pic-title" aria-describedby="pic-desc"');
    // Each link is named by its <title>, the whole id: an aria-label would not contain the
    // cut text shown (axe: label-content-name-mismatch).
    expect(svg).not.toContain("aria-label=");
    expect(svg).toContain('<title id="pic-title">Neighbourhood</title>');
    expect(describePicture(example)).toBe(
      "iam-role/automation-runner depends on 1 node: iam-policy/warehouse-loader. 2 nodes depend on it: service/rls-access, service/external-job-runner.",
    );
    expect(svg).toContain(`<desc id="pic-desc">${describePicture(example)}</desc>`);
    expect([...svg.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "iam-policy/warehouse-loader.html",
      "service/rls-access.html",
      "service/external-job-runner.html",
    ]);
    // The centre is this page: highlighted, not a link.
    expect(svg).toMatch(
      /<g class="centre"><title>iam-role\/automation-runner \(iam-role\)<\/title><rect [^>]*\/><text class="name"/,
    );
    for (const via of ["attaches-policy", "assumes-role", "token-exchange"])
      expect(svg).toContain(`>${via}</text>`);
  });

  it("points every arrow at one marker of its own, and refers to nothing else", () => {
    expect(svg).toContain('<marker id="pic-arrow"');
    const urls = [...svg.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    expect(urls).toHaveLength(example.edges.length);
    expect(new Set(urls)).toEqual(new Set(["#pic-arrow"]));
    expect(svg).not.toMatch(/<script|<image|<use|<foreignObject|xlink:href|@import|on\w+=/i);
    const other = renderPictureSvg(example, rowLayout(example), {
      hrefOf: () => undefined,
      idPrefix: '1 bad"id',
      title: "t",
    });
    expect(other).toContain('<marker id="p1_bad_id-arrow"');
    expect(other).not.toContain("<a ");
  });

  it("keeps text at 4.5:1 or more against what it is drawn on, in the stylesheet that draws it", () => {
    const groups = svg.match(/<(a|g) [^>]*>.*?<\/\1>/g) ?? [];
    expect(groups).toHaveLength(example.nodes.length);
    const roles = new Set(groups.map((g) => /class="(\w+)"/.exec(g)?.[1]));
    expect(roles).toEqual(new Set(["centre", "up", "down"]));
    const rule = (selector: string) =>
      new RegExp(`${selector.replace(/[.()]/g, "\\$&")}\\{([^}]*)\\}`).exec(PICTURE_CSS)?.[1] ?? "";
    const colour = (declarations: string, property: string) =>
      new RegExp(`(?:^|;)${property}:(#[0-9a-f]{6})`).exec(declarations)?.[1] as string;
    for (const role of ["centre", "up", "down", "more"] as const) {
      const fill = colour(rule(`svg.picture .${role} rect`), "fill");
      const text = colour(rule(`svg.picture .${role} text:not(.via)`), "fill");
      expect([fill, text]).toEqual([PICTURE_STYLE[role].fill, PICTURE_STYLE[role].text]);
      expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
    }
    // Edge labels sit on a white halo.
    const via = rule("svg.picture text.via");
    expect(via).toContain("stroke:#ffffff");
    expect(contrast("#ffffff", colour(via, "fill"))).toBeGreaterThanOrEqual(4.5);
    expect(colour(via, "fill")).toBe(EDGE_COLOUR);
  });

  it("escapes hostile ids, kinds and edge types, and links only to http(s) or relative pages", () => {
    const hostile = `</text></svg><script>alert(1)</script>"'&`;
    const picture: Picture = {
      nodes: [
        {
          key: "n0",
          id: `c${hostile}`,
          label: `c${hostile}`,
          kind: hostile,
          role: "centre",
          hop: 0,
        },
        { key: "n1", id: "up\u001b[2J\u202e", label: "up\u001b[2J\u202e", role: "up", hop: 1 },
        { key: "n2", id: "js", label: "js", role: "down", hop: 1 },
        { key: "n3", id: "tab", label: "tab", role: "down", hop: 1 },
        { key: "n4", id: "slashes", label: "slashes", role: "down", hop: 1 },
        { key: "n5", label: "+3 more", role: "more", hop: 1, more: 3 },
      ],
      edges: [
        { from: 1, to: 0, label: hostile },
        { from: 0, to: 2, label: "a".repeat(40) },
        { from: 0, to: 3, label: "x" },
        { from: 0, to: 4, label: "y" },
        { from: 0, to: 5, label: "" },
      ],
    };
    const hrefs: Record<string, string> = {
      "up\u001b[2J\u202e": `up.html?q="><script>`,
      js: "javascript:alert(1)",
      tab: " java\tscript:alert(1)",
      slashes: "/\\evil.example",
    };
    const out = renderPictureSvg(picture, rowLayout(picture), {
      hrefOf: (id) => hrefs[id],
      moreHref: "https://docs.example/x?a=1&b=2",
      idPrefix: "h",
      title: hostile,
    });
    expectWellFormed(out);
    expect(out).not.toMatch(/<script|javascript:|alert\(1\)<\/script/i);
    expect(out).not.toContain("\u001b");
    expect(out).not.toContain("\u202e");
    expect(out).toContain("&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;");
    expect(out).toContain("&quot;&#39;&amp;");
    expect([...out.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "up.html?q=&quot;&gt;&lt;script&gt;",
      "https://docs.example/x?a=1&amp;b=2",
    ]);
    // A long edge type is cut in its middle on the arrow, whole in its tooltip.
    expect(out).toContain(
      `<title>${"a".repeat(40)}</title>${"a".repeat(7)}…${"a".repeat(7)}</text>`,
    );
  });

  it("accepts http(s) and relative addresses and nothing else", () => {
    for (const ok of ["a.html", "../b/c.html#x", "/d", "https://e.example", "HTTP://f", "#g"])
      expect(safeHref(ok)).toBe(ok);
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:x",
      "\u0000javascript:x",
      "java\nscript:x",
      "data:text/html,x",
      "vbscript:x",
      "//evil.example",
      "/\\evil.example",
      " \t//evil",
    ])
      expect(safeHref(bad)).toBeUndefined();
  });
});
