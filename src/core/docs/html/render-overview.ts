// The overview pages: the index (counts per owner, kind and tier, the largest blast radii),
// the owners' list, the kinds' list, and one list per kind and per tier, in pages of a bounded
// size so that a graph of 100,000 nodes never makes a page nobody can open.

import type { DepsConfig, GraphNode } from "../../model.js";
import { contactOf } from "../node-page.js";
import type { Counted, Overview } from "../overview.js";
import { shortDescription } from "../search-index.js";
import type { Reach } from "../site-pages.js";
import { ownerPagePath } from "../site-paths.js";
import {
  contactItems,
  count,
  type Here,
  htmlTable,
  kindLink,
  link,
  nodeLink,
  ownerLink,
  text,
} from "./fragments.js";
import { htmlPage, type SiteStamp } from "./page-shell.js";

/** Rows per page of a list of nodes. */
export const LIST_PAGE_ROWS = 1000;

export type { Reach } from "../site-pages.js";

export const tierPagePath = (tier: string) => `tiers/${tier === "none" ? "none" : tier}.html`;

/** Page `n` (from 1) of a paged list: the first keeps the list's own path. */
export const pagedPath = (path: string, n: number) =>
  n === 1 ? path : path.replace(/\.html$/, `~p${n}.html`);

export function renderIndexHtml(
  o: Overview,
  largest: readonly Reach[],
  healthCount: number,
  stamp: SiteStamp,
): string {
  const here: Here = { path: "index.html" };
  const countedTable = (
    caption: string,
    first: string,
    rows: readonly Counted[],
    cell: (c: Counted) => string,
  ) =>
    htmlTable(
      caption,
      [first, "Nodes", "Tier 0–1"],
      rows.map((c) => [cell(c), count(c.nodes), count(c.critical)]),
    );
  const body = `<h1>Dependency documentation</h1>
<p>${count(o.nodes)} nodes, ${count(o.edges)} dependencies, ${count(o.owners.length)} owners, ${count(o.kinds.length)} kinds. Each node has a page: what it is, whom to call, what changes it, what it depends on, what depends on it, and what breaks with it. ${link(here, "search.html", "Search")} by id, kind, owner, tier or description.</p>
${healthCount > 0 ? `<p>${link(here, "health.html", `${count(healthCount)} graph-health note${healthCount === 1 ? "" : "s"}`)}: nodes without owners or match rules, contracts that cannot be checked, stale rules.</p>` : `<p>${link(here, "health.html", "Graph health")}: nothing to note.</p>`}
<h2 id="largest">Largest blast radius</h2>
${
  largest.length
    ? htmlTable(
        `The ${largest.length} nodes whose failure breaks the most`,
        ["Node", "Breaking", "At risk"],
        largest.map((r) => [nodeLink(here, r.id), count(r.breaking), count(r.atRisk)]),
      )
    : '<p class="note">No node has anything downstream.</p>'
}
<h2 id="by-owner">By owner</h2>
${countedTable("Nodes per owner", "Owner", o.owners, (c) => ownerLink(here, c.key))}
${o.unowned ? `<p>${count(o.unowned)} node${o.unowned === 1 ? " has" : "s have"} no declared owner (see ${link(here, "health.html", "graph health")}).</p>` : ""}
<h2 id="by-kind">By kind</h2>
${countedTable("Nodes per kind", "Kind", o.kinds, (c) => kindLink(here, c.key))}
<h2 id="by-tier">By tier</h2>
${countedTable("Nodes per tier (0 is the most critical)", "Tier", o.tiers, (c) => link(here, tierPagePath(c.key), c.key === "none" ? "not set" : text(c.key)))}`;
  return htmlPage({ path: "index.html", title: "Overview", body, stamp });
}

export function renderOwnersIndexHtml(config: DepsConfig, o: Overview, stamp: SiteStamp): string {
  const here: Here = { path: "owners.html" };
  const body = `<h1>Owners</h1>
${htmlTable(
  `${count(o.owners.length)} owners`,
  ["Owner", "Nodes", "Tier 0–1", "How to reach them"],
  o.owners.map((c) => {
    const owner = config.owners.get(c.key);
    return [
      link(here, ownerPagePath(c.key), text(c.key)),
      count(c.nodes),
      count(c.critical),
      (owner ? contactItems(contactOf(owner)).join("<br>") : "") ||
        '<span class="note">no contact declared</span>',
    ];
  }),
)}`;
  return htmlPage({ path: here.path, title: "Owners", body, stamp });
}

export function renderKindsIndexHtml(o: Overview, stamp: SiteStamp): string {
  const here: Here = { path: "kinds.html" };
  const body = `<h1>Kinds</h1>
${htmlTable(
  `${count(o.kinds.length)} kinds`,
  ["Kind", "Nodes", "Tier 0–1"],
  o.kinds.map((c) => [kindLink(here, c.key), count(c.nodes), count(c.critical)]),
)}`;
  return htmlPage({ path: here.path, title: "Kinds", body, stamp });
}

/** A list of nodes (one kind's, one tier's), in pages of LIST_PAGE_ROWS. */
export function* renderNodeListPages(
  path: string,
  title: string,
  nodes: readonly GraphNode[],
  stamp: SiteStamp,
): Generator<{ path: string; content: string }> {
  const pages = Math.max(1, Math.ceil(nodes.length / LIST_PAGE_ROWS));
  for (let n = 1; n <= pages; n++) {
    const here: Here = { path: pagedPath(path, n) };
    const slice = nodes.slice((n - 1) * LIST_PAGE_ROWS, n * LIST_PAGE_ROWS);
    const pager =
      pages > 1
        ? `<nav aria-label="Pages"><p>Page ${n} of ${pages}: ${Array.from(
            { length: pages },
            (_, i) =>
              i + 1 === n
                ? `<b aria-current="page">${i + 1}</b>`
                : link(here, pagedPath(path, i + 1), String(i + 1)),
          ).join(" ")}</p></nav>`
        : "";
    const body = `<h1>${text(title)}</h1>
<p>${count(nodes.length)} node${nodes.length === 1 ? "" : "s"}.</p>
${pager}
${htmlTable(
  text(title),
  ["Node", "Kind", "Owner", "Tier", "Description"],
  slice.map((node) => [
    nodeLink(here, node.id),
    text(node.kind),
    ownerLink(here, node.owner),
    node.tier === undefined ? "" : String(node.tier),
    text(shortDescription(node.description ?? "")),
  ]),
)}
${pager}`;
    yield { path: here.path, content: htmlPage({ path: here.path, title, body, stamp }) };
  }
}
