// Small pieces every HTML page of the site is built from: links to nodes and owners, a team's
// contacts, tables with their exports.

import { escapeHtml, webUrl } from "../../render/html-escape.js";
import { downloadName } from "../impact-exports.js";
import type { Contact, Table } from "../node-page.js";
import {
  exportPath,
  kindPagePath,
  nodePagePath,
  ownerPagePath,
  relativeHref,
} from "../site-paths.js";

/** The page's path, so that every link can be made relative to it. */
export interface Here {
  readonly path: string;
}

export const text = escapeHtml;

export function link(here: Here, to: string, label: string, attrs = ""): string {
  return `<a href="${escapeHtml(relativeHref(here.path, to))}"${attrs}>${label}</a>`;
}

export function nodeLink(here: Here, id: string): string {
  const links = linksOf(here).nodes;
  return (
    links.get(id) ??
    remember(links, id, link(here, nodePagePath(id), `<code>${escapeHtml(id)}</code>`))
  );
}

/** The address of a node's page from this page (not escaped: the caller escapes it). */
export function nodeHref(here: Here, id: string): string {
  const links = linksOf(here).hrefs;
  return links.get(id) ?? remember(links, id, relativeHref(here.path, nodePagePath(id)));
}

export function ownerLink(here: Here, id: string | undefined): string {
  if (id === undefined) return '<span class="note">nobody</span>';
  const links = linksOf(here).owners;
  return links.get(id) ?? remember(links, id, link(here, ownerPagePath(id), escapeHtml(id)));
}

/**
 * Links already made, by the folder of the page they are on: every page of a folder links to
 * a node the same way, and a site of 10,000 nodes makes millions of these links. Looked up by
 * the id itself (the graph's own string, whose hash is kept), never by a key built per call.
 * Bounded, so that a long-lived process holds no more than a few megabytes.
 */
interface FolderLinks {
  readonly nodes: Map<string, string>;
  readonly owners: Map<string, string>;
  readonly hrefs: Map<string, string>;
}
const linksByFolder = new Map<string, FolderLinks>();
let lastPath: string | undefined;
let lastLinks: FolderLinks | undefined;
let cachedLinks = 0;
const MAX_CACHED_LINKS = 200_000;

function linksOf(here: Here): FolderLinks {
  if (here.path === lastPath && lastLinks) return lastLinks;
  const folder = here.path.slice(0, here.path.lastIndexOf("/") + 1);
  let links = linksByFolder.get(folder);
  if (!links) {
    links = { nodes: new Map(), owners: new Map(), hrefs: new Map() };
    linksByFolder.set(folder, links);
  }
  lastPath = here.path;
  lastLinks = links;
  return links;
}

/** Keeps a link just made (the callers look it up first, without a closure per call). */
function remember(links: Map<string, string>, id: string, made: string): string {
  if (cachedLinks >= MAX_CACHED_LINKS) {
    for (const other of linksByFolder.values()) {
      other.nodes.clear();
      other.owners.clear();
      other.hrefs.clear();
    }
    cachedLinks = 0;
  }
  links.set(id, made);
  cachedLinks++;
  return made;
}

export const kindLink = (here: Here, kind: string) =>
  link(here, kindPagePath(kind), escapeHtml(kind));

/** A link to a web page given in deps.yaml: only http(s), shown as its address. */
export function webLink(url: string | undefined): string {
  const safe = webUrl(url);
  if (safe) return `<a href="${escapeHtml(safe)}">${escapeHtml(safe)}</a>`;
  return url ? `${escapeHtml(url)} <span class="note">(not a web address: not linked)</span>` : "";
}

/** `@org/team` is a team page on GitHub, `@user` a profile. */
export function githubUrl(handle: string): string | undefined {
  const m = /^@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\/([A-Za-z0-9._-]+))?$/.exec(handle);
  if (!m) return undefined;
  return m[2] ? `https://github.com/orgs/${m[1]}/teams/${m[2]}` : `https://github.com/${m[1]}`;
}

/** How to reach a team, one item per way, in the order someone in a hurry wants them. */
export function contactItems(contact: Partial<Contact>): string[] {
  const items: string[] = [];
  if (contact.chat) items.push(`Chat: <b>${escapeHtml(contact.chat)}</b>`);
  if (contact.github) {
    const url = githubUrl(contact.github);
    items.push(
      `GitHub: ${url ? `<a href="${escapeHtml(url)}">${escapeHtml(contact.github)}</a>` : escapeHtml(contact.github)}`,
    );
  }
  if (contact.email) {
    const mail = /^[^@\s"<>]+@[^@\s"<>]+$/.test(contact.email)
      ? `<a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a>`
      : escapeHtml(contact.email);
    items.push(`Email: ${mail}`);
  }
  if (contact.escalation) items.push(`Escalation: ${linkify(contact.escalation)}`);
  return items;
}

/**
 * A team's contacts in one table cell, or a note that there are none. Made once per set of
 * contacts: a site's pages list the same few hundred teams a hundred thousand times.
 */
export function contactCell(contact: Partial<Contact>): string {
  // Looked up field by field: the fields are the owners' own strings, whose hashes are kept, where
  // a key joined from them would be a new string to hash on every row.
  let level: Map<string, unknown> = contactCells;
  for (const field of [contact.chat, contact.github, contact.email]) {
    const key = field ?? "";
    let next = level.get(key) as Map<string, unknown> | undefined;
    if (!next) {
      next = new Map();
      level.set(key, next);
    }
    level = next;
  }
  const last = contact.escalation ?? "";
  let cell = level.get(last) as string | undefined;
  if (cell === undefined) {
    if (++contactCellCount > MAX_CACHED_LINKS) {
      contactCells.clear();
      contactCellCount = 0;
    }
    cell = contactItems(contact).join("<br>") || '<span class="note">no contact declared</span>';
    level.set(last, cell);
  }
  return cell;
}
const contactCells = new Map<string, unknown>();
let contactCellCount = 0;

/** Text with its web addresses made links (an escalation "PagerDuty: https://…"). */
export function linkify(value: string): string {
  return value
    .split(/(https?:\/\/[^\s<>"')]+)/i)
    .map((part, i) => (i % 2 === 1 ? webLink(part) : escapeHtml(part)))
    .join("");
}

export function tierText(tier: number | undefined): string {
  if (tier === undefined) return "2 (not set)";
  return ["0 (most critical)", "1", "2", "3 (least critical)"][tier] ?? String(tier);
}

/** A table in a scrolling box; `cells` are already HTML. */
export function htmlTable(
  caption: string,
  headers: readonly string[],
  cells: readonly (readonly string[])[],
): string {
  const head = headers.map((h) => `<th scope="col">${h}</th>`).join("");
  // Concatenated, not mapped and joined: a site of 10,000 nodes has a million rows, and the
  // arrays a map and a join make for each cost more than the strings.
  let body = "";
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] as readonly string[];
    body += r === 0 ? "<tr>" : "\n<tr>";
    for (let c = 0; c < row.length; c++) body += `<td>${row[c]}</td>`;
    body += "</tr>";
  }
  return `<div class="table-box"><table><caption>${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

/** A page's exports: the id the page is about, and those it keeps in itself. */
export interface PageExportLinks {
  /** The node's or owner's id: the exports download under its name. */
  readonly about: string;
  /** An export's path (as if it were a file) → its `data:` URL; the others are files beside it. */
  readonly inline: ReadonlyMap<string, string>;
}

/**
 * "Showing 200 of 9,999, most severe first", and for an impact table its CSV and JSON, which
 * hold the same rows: downloads kept in the page, or links to the files beside it (too large to
 * keep). `exports` false: the table has none.
 */
export function tableFoot(
  here: Here,
  table: Table<unknown>,
  name: string,
  order: string,
  exports: PageExportLinks | false,
): string {
  const shown =
    table.rows.length < table.total
      ? `Showing ${count(table.rows.length)} of ${count(table.total)}, ${order} (<code>--max-rows</code> sets how many). `
      : "";
  if (exports === false) return shown ? `<p class="exports">${shown}</p>` : "";
  const one = (format: "csv" | "json", label: string) => {
    const path = exportPath(here.path, name, format);
    const href = exports.inline.get(path) ?? relativeHref(here.path, path);
    const file = downloadName(exports.about, name, format);
    return `<a href="${escapeHtml(href)}" download="${escapeHtml(file)}">${label}</a>`;
  };
  return `<p class="exports">${shown}Download this table as ${one("csv", "CSV")} or ${one("json", "JSON")}.</p>`;
}

export const count = (n: number) => n.toLocaleString("en");
