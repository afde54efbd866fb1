// Reading the docs site's HTML in tests without a browser: its text as a reader sees it, the
// links it holds, and a bundled-example site to look at.

import { dataUrlText } from "../docs/data-url.js";
import type { SiteStamp } from "../docs/html/page-shell.js";
import { htmlSite, type SiteFile } from "../docs/html-site.js";
import { bundledModel } from "./bundled-example.js";

export const STAMP: SiteStamp = {
  source: "deps.yaml",
  commit: "0123456789abcdef0123456789abcdef01234567",
  generatedAt: "2026-11-30T12:00:00Z",
  version: "9.9.9-test",
};

/** Character references back to characters: `&#60;` `&lt;` `&amp;` … */
export function unescapeHtml(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&(lt|gt|quot|apos|nbsp|amp);/g, (_, name: string) => ENTITIES[name] as string);
}
const ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  amp: "&",
};

/** What a reader sees: the tags gone (inline ones without a space), the references read, the spaces collapsed. */
export function textOf(html: string): string {
  return unescapeHtml(
    html.replace(/<\/?(?:a|b|code|em|small|span|strong)\b[^>]*>/g, "").replace(/<[^>]*>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** The part of a page from one heading (by its id) to the next heading of its level or above. */
export function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  const next = html.slice(start + 1).search(/<h[12][ >]/);
  return next < 0 ? html.slice(start) : html.slice(start, start + 1 + next);
}

/** Every href and src in a page, read back from its attribute. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => unescapeHtml(m[1] as string));
}

/** The names of the attributes of every tag, reading quoted values as the browser does. */
export function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(
    /<[a-zA-Z][^\s>/]*((?:\s+[^\s=>]+(?:="[^"]*"|=[^\s>"]*)?)*)\s*\/?>/g,
  ))
    for (const attribute of (tag[1] as string).matchAll(/\s+([^\s=>]+)(?:="[^"]*"|=[^\s>"]*)?/g))
      names.push(attribute[1] as string);
  return names;
}

/** The file a relative link from `from` leads to, from the site's root, or undefined for a web one. */
export function target(from: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const url = new URL(href, `file:///site/${from}`);
  return decodeURIComponent(url.pathname).replace(/^\/site\//, "");
}

let cached: SiteFile[] | undefined;

/** The whole site of the bundled example, generated once per test file. */
export function bundledSite(): SiteFile[] {
  cached ??= [...htmlSite({ model: bundledModel(), stamp: STAMP, maxRows: 500 })];
  return cached;
}

/**
 * The exact form of the site's own `data:` links: a table's CSV or JSON kept in its page. Any
 * other `data:` link (one a graph wrote) must never appear.
 */
export const EXPORT_LINK =
  /<a href="(data:(?:text\/csv|application\/json);charset=utf-8;base64,[A-Za-z0-9+/=]*)" download="([^"]*)">/g;

/** The exports a page keeps in itself: each file's name (as it downloads) and its text. */
export function pageExports(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of html.matchAll(EXPORT_LINK))
    found.set(unescapeHtml(m[2] as string), dataUrlText(m[1] as string));
  return found;
}

/** Every `data:` href of a page that is not one of its own exports (none, on a sound site). */
export function foreignDataLinks(html: string): string[] {
  return links(html.replace(EXPORT_LINK, "<a>")).filter((href) => /^\s*data:/i.test(href));
}
