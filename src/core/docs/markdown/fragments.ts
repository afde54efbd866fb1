// Small pieces every markdown page of the site is built from. Everything from deps.yaml goes
// through the PR comment's escaping (src/core/render/markdown-escape.ts): no HTML, no link,
// no table cell boundary, no mention. On top of it, nothing here may open a Jinja tag: MkDocs
// sites often run mkdocs-macros, which would execute `{{ … }}` or `{% … %}` before markdown.

import { webUrl } from "../../render/html-escape.js";
import { code as codeSpan, text as inlineText } from "../../render/markdown-escape.js";
import { githubUrl, tierText } from "../html/fragments.js";
import type { SiteStamp } from "../html/page-shell.js";
import type { Contact, Table } from "../node-page.js";
import {
  exportPath,
  kindPagePath,
  nodePagePath,
  ownerPagePath,
  relativeHref,
} from "../site-paths.js";

export { tierText };

/** The page's path from the docs folder, so that every link can be made relative to it. */
export interface Here {
  readonly path: string;
}

const ZWSP = "\u200b";

/**
 * Inline text: the PR comment's escaping, with `{` as a character reference, since Jinja
 * reads `\{%` as a tag whatever markdown thinks of the backslash.
 */
export const text = (value: string): string => inlineText(value).replaceAll("\\{", "&#123;");

/** Text as a code span; a Jinja opener is broken by a zero-width space, as code cannot escape. */
export const code = (value: string): string => codeSpan(value.replace(/\{(?=[{%#])/g, `{${ZWSP}`));

/**
 * Text that starts a line of its own (a description under a heading): also nothing a line
 * starts a block with (a heading, a list, a rule, an admonition, a definition, a code block).
 */
export function paragraph(value: string): string {
  // A digit cannot be escaped: an ordered list's `1.` is broken at its dot.
  return text(value.trim())
    .replace(/^[#+=!:-]/, (m) => `\\${m}`)
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

export function link(here: Here, to: string, label: string): string {
  return `[${label}](${relativeHref(here.path, to)})`;
}

export const nodeLink = (here: Here, id: string) => link(here, nodePagePath(id, "md"), code(id));

export const ownerLink = (here: Here, id: string | undefined) =>
  id === undefined ? "_nobody_" : link(here, ownerPagePath(id, "md"), text(id));

export const kindLink = (here: Here, kind: string) =>
  link(here, kindPagePath(kind, "md"), text(kind));

/**
 * A web address from deps.yaml: a link only when it is http(s), with everything that could end
 * the destination or start a title percent-encoded; otherwise shown and said not to be linked.
 */
export function webLink(url: string | undefined): string {
  if (!url) return "";
  const safe = webUrl(url);
  // A relative link in deps.yaml is relative to the repository, not to this site.
  if (!safe)
    return `${code(url)} _(${/^[./]/.test(url) ? "in the repository" : "not a web address"}: not linked)_`;
  return `[${text(safe)}](${safe.replace(/[^\x21-\x7e]|[()<>"'\\`[\]{}|]/gu, percent)})`;
}

function percent(c: string): string {
  const n = c.charCodeAt(0);
  if (n < 0x80) return `%${n.toString(16).toUpperCase().padStart(2, "0")}`;
  try {
    return encodeURIComponent(c);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate: U+FFFD
  }
}

/** How to reach a team, one item per way, in the order someone in a hurry wants them. */
export function contactItems(contact: Partial<Contact>): string[] {
  const items: string[] = [];
  if (contact.chat) items.push(`Chat: **${text(contact.chat)}**`);
  if (contact.github) {
    const url = githubUrl(contact.github);
    items.push(`GitHub: ${url ? `[${text(contact.github)}](${url})` : text(contact.github)}`);
  }
  if (contact.email) items.push(`Email: ${code(contact.email)}`);
  if (contact.escalation) items.push(`Escalation: ${linkify(contact.escalation)}`);
  return items;
}

/** Text with its web addresses made links (an escalation "PagerDuty: https://…"). */
export function linkify(value: string): string {
  return value
    .split(/(https?:\/\/[^\s<>"')]+)/i)
    .map((part, i) => (i % 2 === 1 ? webLink(part) : text(part)))
    .join("");
}

/** A table; `cells` are already markdown, on one line each (the escaping flattens breaks). */
export function mdTable(headers: readonly string[], cells: readonly (readonly string[])[]): string {
  const row = (r: readonly string[]) => `| ${r.map((c) => c || " ").join(" | ")} |`;
  return [row(headers), `|${headers.map(() => " --- |").join("")}`, ...cells.map(row)].join("\n");
}

/** "Showing 200 of 9,999 …", and for an impact table (`exported`) its CSV and JSON. */
export function tableFoot(
  here: Here,
  table: Table<unknown>,
  name: string,
  order: string,
  exported = true,
): string {
  const shown =
    table.rows.length < table.total
      ? `Showing ${count(table.rows.length)} of ${count(table.total)}, ${order} (\`--max-rows\` sets how many). `
      : "";
  if (!exported) return shown.trim();
  const csv = link(here, exportPath(here.path, name, "csv"), "CSV");
  const json = link(here, exportPath(here.path, name, "json"), "JSON");
  return `${shown}This table as ${csv} or ${json}.`;
}

export const count = (n: number) => n.toLocaleString("en");

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${count(n)} ${n === 1 ? one : many}`;

/** Where the page was generated from, at its foot. */
export function generatedFrom(stamp: SiteStamp): string {
  const commit = stamp.commit
    ? ` at commit ${code(stamp.commit.slice(0, 12))}`
    : " (not in a git repository: no commit)";
  return `_Generated from ${code(stamp.source)}${commit} on ${text(stamp.generatedAt)} by blastradius ${text(stamp.version)}._`;
}

/** A whole page: its blocks, blank lines between, and the stamp at its foot. */
export function mdPage(blocks: readonly string[], stamp: SiteStamp): string {
  return `${[...blocks.filter(Boolean), "---", generatedFrom(stamp)].join("\n\n")}\n`;
}
