// A node's picture as an inline <svg> for its HTML page: boxes that link to their pages, arrows
// pointing downstream with the edge type on them, the centre highlighted. Every text from the
// graph is escaped, and links are emitted only for relative or http(s) addresses.

import { terminalText } from "../render/terminal-escape.js";
import type { Picture, PictureNode } from "./picture.js";
import type { PictureLayout } from "./picture-layout.js";

export interface PictureSvgOptions {
  /** The page of a node, or undefined for a box that links nowhere. */
  readonly hrefOf: (id: string) => string | undefined;
  /** Where a "+N more" box leads: the page's tables. */
  readonly moreHref?: string;
  /** Makes the ids inside this svg unique on its page (markers, title, description). */
  readonly idPrefix: string;
  readonly title: string;
}

/** Fill, border and text of each kind of box; every text colour is at least 4.5:1 on its fill. */
export const PICTURE_STYLE = {
  centre: { fill: "#fde68a", stroke: "#92400e", text: "#1f2937" },
  up: { fill: "#ffffff", stroke: "#4b5563", text: "#1f2937" },
  down: { fill: "#ffffff", stroke: "#4b5563", text: "#1f2937" },
  more: { fill: "#f3f4f6", stroke: "#6b7280", text: "#1f2937" },
} as const;
/** Edge labels and lines: #374151 on the white halo is about 10:1. */
export const EDGE_COLOUR = "#374151";
const FONT = "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";

/**
 * How the pictures look, in the site's stylesheet rather than on every box of every picture: a
 * picture is a third of the bytes it was, and the same colours (PICTURE_STYLE) hold everywhere.
 */
export const PICTURE_CSS = [
  `svg.picture{font-family:${FONT};font-size:12px}`,
  `svg.picture marker path{fill:${EDGE_COLOUR}}`,
  `svg.picture path.edge{fill:none;stroke:${EDGE_COLOUR};stroke-width:1.2}`,
  `svg.picture text{text-anchor:middle;fill:${PICTURE_STYLE.up.text}}`,
  "svg.picture text.kind{font-size:10px}",
  `svg.picture text.via{font-size:11px;fill:${EDGE_COLOUR};stroke:#ffffff;stroke-width:3px;paint-order:stroke}`,
  ...(["up", "down", "more", "centre"] as const).map(
    (role) =>
      `svg.picture .${role} rect{fill:${PICTURE_STYLE[role].fill};stroke:${PICTURE_STYLE[role].stroke};stroke-width:${role === "centre" ? 2.5 : 1}px}` +
      `svg.picture .${role} text:not(.via){fill:${PICTURE_STYLE[role].text}}`,
  ),
  "svg.picture .centre text.name{font-weight:bold}",
].join("\n");

/** Characters of a box's first line (bold on the centre) and of an edge label, at the sizes drawn. */
const LABEL_CHARS = 32;
const CENTRE_CHARS = 28;
const KIND_CHARS = 30;
const EDGE_CHARS = 15;

/**
 * A layout's markup that holds no text of the graph: the edges' lines, where their labels and
 * each box go. Made once per layout, which is shared by every picture of its shape: a site of
 * 10,000 pages draws a few hundred shapes, and writing their numbers was most of each picture.
 */
interface Drawn {
  readonly head: string;
  /** `<path …/>` per edge ("" where there is no route), with `ARROW` for the marker's id. */
  readonly lines: readonly string[];
  /** `<text class="via" x= y=>` per edge with a label slot, else undefined. */
  readonly labels: readonly (string | undefined)[];
  readonly boxes: readonly {
    readonly rect: string;
    /** `<text class="name" x= y=>` for a box of two lines, and the second line's. */
    readonly name: string;
    readonly kind: string;
    /** The one line of a box without a kind. */
    readonly single: string;
  }[];
}

const ARROW = "\u0000";
const drawnOf = new WeakMap<PictureLayout, Drawn>();

function drawn(layout: PictureLayout): Drawn {
  let found = drawnOf.get(layout);
  if (found) return found;
  found = {
    head: `viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}"`,
    lines: layout.edges.map((route) =>
      route.points.length < 2
        ? ""
        : `<path class="edge" d="${route.points.map((p, j) => `${j === 0 ? "M" : "L"}${p.x},${p.y}`).join("")}" marker-end="url(#${ARROW})"/>`,
    ),
    labels: layout.edges.map((route) =>
      route.label ? `<text class="via" x="${route.label.x}" y="${route.label.y + 4}">` : undefined,
    ),
    boxes: layout.nodes.map((box) => {
      const cx = box.x + box.width / 2;
      return {
        rect: `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="5"/>`,
        name: `<text class="name" x="${cx}" y="${box.y + 17}">`,
        kind: `<text class="kind" x="${cx}" y="${box.y + 32}">`,
        single: `<text class="name" x="${cx}" y="${box.y + box.height / 2 + 4}">`,
      };
    }),
  };
  drawnOf.set(layout, found);
  return found;
}

/**
 * The picture as an inline <svg>, drawn by the site's stylesheet (PICTURE_CSS). It is a group
 * labelled by its title and described in words, not role="img": an image's children are
 * presentational, which would hide the links (axe-core checked in Chromium: no violation as
 * rendered here).
 */
export function renderPictureSvg(
  picture: Picture,
  layout: PictureLayout,
  options: PictureSvgOptions,
): string {
  const prefix = idToken(options.idPrefix);
  const arrow = `${prefix}-arrow`;
  const parts = drawn(layout);
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" class="picture" ${parts.head} role="group" aria-labelledby="${prefix}-title" aria-describedby="${prefix}-desc"><title id="${prefix}-title">${xml(options.title)}</title><desc id="${prefix}-desc">${xml(describePicture(picture))}</desc><defs><marker id="${arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>`;
  for (let i = 0; i < picture.edges.length; i++) {
    const line = parts.lines[i];
    if (!line) continue;
    svg += line.replace(ARROW, arrow);
    const edge = picture.edges[i] as Picture["edges"][number];
    const label = parts.labels[i];
    if (edge.label && label)
      svg += `${label}${edge.label.length > EDGE_CHARS ? `<title>${xml(edge.label)}</title>` : ""}${xml(cut(edge.label, EDGE_CHARS))}</text>`;
  }
  for (let i = 0; i < picture.nodes.length; i++) {
    const box = parts.boxes[i];
    if (box) svg += renderBox(picture.nodes[i] as PictureNode, box, options);
  }
  return `${svg}</svg>`;
}

function renderBox(
  node: PictureNode,
  box: Drawn["boxes"][number],
  options: PictureSvgOptions,
): string {
  const centre = node.role === "centre";
  const name = node.id ?? node.label;
  const label = xml(cut(node.label, centre ? CENTRE_CHARS : LABEL_CHARS));
  const lines = node.kind
    ? `${box.name}${label}</text>${box.kind}${xml(cut(node.kind, KIND_CHARS))}</text>`
    : `${box.single}${label}</text>`;
  const title = `<title>${xml(node.kind ? `${name} (${node.kind})` : name)}</title>`;
  const raw =
    node.role === "more"
      ? options.moreHref
      : centre || !node.id
        ? undefined
        : options.hrefOf(node.id);
  const href = raw === undefined ? undefined : safeHref(raw);
  if (href === undefined) return `<g class="${node.role}">${title}${box.rect}${lines}</g>`;
  // Named by its <title> (the whole id): an aria-label would not contain the cut text shown.
  return `<a href="${xml(href)}" class="${node.role}">${title}${box.rect}${lines}</a>`;
}

/** What the picture shows, in words: for a screen reader and for the page's text alternative. */
export function describePicture(picture: Picture): string {
  const centre = picture.nodes.find((n) => n.role === "centre");
  const side = (role: "up" | "down") => {
    const near = picture.nodes.filter((n) => n.role === role && n.hop === 1).map((n) => n.label);
    const far = picture.nodes.filter((n) => n.role === role && n.hop === 2).length;
    const more = picture.nodes.find((n) => n.role === "more" && sideOfMore(picture, n) === role);
    const count = near.length + (more?.more ?? 0);
    if (count === 0) return undefined;
    let text = `${near.join(", ")}${more ? ` and ${more.more} more` : ""}`;
    if (far > 0) text += ` (and ${far} one step further)`;
    return { count, text };
  };
  const up = side("up");
  const down = side("down");
  const name = centre?.label ?? "";
  const upText = up
    ? `${name} depends on ${plural(up.count, "node")}: ${up.text}.`
    : `${name} depends on nothing in the graph.`;
  const downText = down
    ? `${plural(down.count, "node")} ${down.count === 1 ? "depends" : "depend"} on it: ${down.text}.`
    : "Nothing in the graph depends on it.";
  return `${upText} ${downText}`;
}

/** A "more" box points into the centre (upstream) or out of it (downstream). */
function sideOfMore(picture: Picture, more: PictureNode): "up" | "down" {
  const index = picture.nodes.indexOf(more);
  return picture.edges.some((e) => e.from === index) ? "up" : "down";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Text cut to `max` characters in the middle, by code point so a surrogate pair is never split:
 * an id's kind and the end of its name both stay (`service/exte…-job-runner`).
 */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - (max - 1 - head)).join("")}`;
}

/**
 * Text made safe for XML and HTML alike: controls shown as escapes (an XML parser rejects most
 * of them), then the five markup characters as entities.
 */
export function xml(text: string): string {
  const clean = terminalText(text);
  return MARKUP.test(clean) ? clean.replace(MARKUP_ALL, (c) => ENTITY[c] as string) : clean;
}

const MARKUP = /[&<>"']/;
const MARKUP_ALL = /[&<>"']/g;

const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** An id token from the caller's prefix: letters, digits, - and _ only, starting with a letter. */
function idToken(prefix: string): string {
  const clean = prefix.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z]/.test(clean) ? clean : `p${clean}`;
}

/**
 * The address when it is http(s) or relative, else undefined. Browsers drop ASCII whitespace
 * and controls inside a scheme (`java\tscript:`), so they are ignored before looking for one.
 */
export function safeHref(href: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what a browser ignores in a scheme
  const bare = href.replace(/[\u0000-\u0020\u007f]/g, "");
  if (/^https?:\/\//i.test(bare)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare)) return undefined;
  // `//host` and `/\host` leave the site without a scheme.
  if (/^[/\\]{2}/.test(bare)) return undefined;
  return href;
}
