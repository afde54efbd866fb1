// The overview pages in markdown: the index (counts per owner, kind and tier, the largest
// blast radii), the owners' list, the kinds' list, and one list per kind and per tier, in pages
// of a bounded size, as the HTML site has them.

import type { DepsConfig, GraphNode } from "../../model.js";
import type { SiteStamp } from "../html/page-shell.js";
import { LIST_PAGE_ROWS, pagedPath, tierPagePath } from "../html/render-overview.js";
import { contactOf } from "../node-page.js";
import type { Counted, Overview } from "../overview.js";
import { shortDescription } from "../search-index.js";
import type { Reach } from "../site-pages.js";
import { ownerPagePath } from "../site-paths.js";
import {
  contactItems,
  count,
  type Here,
  kindLink,
  link,
  mdPage,
  mdTable,
  nodeLink,
  ownerLink,
  plural,
  text,
} from "./fragments.js";
import { HEALTH_PAGE } from "./render-health.js";

export const INDEX_PAGE = "index.md";
export const OWNERS_PAGE = "owners.md";
export const KINDS_PAGE = "kinds.md";

/** The markdown twin of an HTML path (`tiers/0.html` → `tiers/0.md`). */
export const asMarkdown = (path: string) => path.replace(/\.html$/, ".md");

export const tierPagePathMd = (tier: string) => asMarkdown(tierPagePath(tier));

/** Page `n` (from 1) of a paged list of nodes. */
export const pagedPathMd = (path: string, n: number) =>
  asMarkdown(pagedPath(path.replace(/\.md$/, ".html"), n));

/** How many pages a list of `nodes` takes. */
export const listPages = (nodes: number) => Math.max(1, Math.ceil(nodes / LIST_PAGE_ROWS));

export function renderIndexMarkdown(
  o: Overview,
  largest: readonly Reach[],
  healthCount: number,
  stamp: SiteStamp,
): string {
  const here: Here = { path: INDEX_PAGE };
  const counted = (first: string, rows: readonly Counted[], cell: (c: Counted) => string) =>
    mdTable(
      [first, "Nodes", "Tier 0–1"],
      rows.map((c) => [cell(c), count(c.nodes), count(c.critical)]),
    );
  return mdPage(
    [
      "# Dependency documentation",
      `${count(o.nodes)} nodes, ${count(o.edges)} dependencies, ${count(o.owners.length)} owners, ${count(o.kinds.length)} kinds. Each node has a page: what it is, whom to call, what changes it, what it depends on, what depends on it, and what breaks with it.`,
      healthCount > 0
        ? `${link(here, HEALTH_PAGE, plural(healthCount, "graph-health note"))}: nodes without owners or match rules, contracts that cannot be checked, stale rules.`
        : `${link(here, HEALTH_PAGE, "Graph health")}: nothing to note.`,
      "## Largest blast radius",
      largest.length
        ? `The ${largest.length} nodes whose failure breaks the most:\n\n${mdTable(
            ["Node", "Breaking", "At risk"],
            largest.map((r) => [nodeLink(here, r.id), count(r.breaking), count(r.atRisk)]),
          )}`
        : "No node has anything downstream.",
      "## By owner",
      counted("Owner", o.owners, (c) => ownerLink(here, c.key)),
      o.unowned
        ? `${plural(o.unowned, "node")} ${o.unowned === 1 ? "has" : "have"} no declared owner (see ${link(here, HEALTH_PAGE, "graph health")}).`
        : "",
      "## By kind",
      counted("Kind", o.kinds, (c) => kindLink(here, c.key)),
      "## By tier",
      counted("Tier (0 is the most critical)", o.tiers, (c) =>
        link(here, tierPagePathMd(c.key), c.key === "none" ? "not set" : text(c.key)),
      ),
    ],
    stamp,
  );
}

export function renderOwnersIndexMarkdown(
  config: DepsConfig,
  o: Overview,
  stamp: SiteStamp,
): string {
  const here: Here = { path: OWNERS_PAGE };
  return mdPage(
    [
      "# Owners",
      mdTable(
        ["Owner", "Nodes", "Tier 0–1", "How to reach them"],
        o.owners.map((c) => {
          const owner = config.owners.get(c.key);
          return [
            link(here, ownerPagePath(c.key, "md"), text(c.key)),
            count(c.nodes),
            count(c.critical),
            (owner ? contactItems(contactOf(owner)).join("<br>") : "") || "_no contact declared_",
          ];
        }),
      ),
    ],
    stamp,
  );
}

export function renderKindsIndexMarkdown(o: Overview, stamp: SiteStamp): string {
  const here: Here = { path: KINDS_PAGE };
  return mdPage(
    [
      "# Kinds",
      mdTable(
        ["Kind", "Nodes", "Tier 0–1"],
        o.kinds.map((c) => [kindLink(here, c.key), count(c.nodes), count(c.critical)]),
      ),
    ],
    stamp,
  );
}

/** A list of nodes (one kind's, one tier's), in pages of LIST_PAGE_ROWS. */
export function* renderNodeListPagesMarkdown(
  path: string,
  title: string,
  nodes: readonly GraphNode[],
  stamp: SiteStamp,
): Generator<{ path: string; content: string }> {
  const pages = listPages(nodes.length);
  for (let n = 1; n <= pages; n++) {
    const here: Here = { path: pagedPathMd(path, n) };
    const slice = nodes.slice((n - 1) * LIST_PAGE_ROWS, n * LIST_PAGE_ROWS);
    const pager =
      pages > 1
        ? `Page ${n} of ${pages}: ${Array.from({ length: pages }, (_, i) =>
            i + 1 === n ? `**${i + 1}**` : link(here, pagedPathMd(path, i + 1), String(i + 1)),
          ).join(" ")}`
        : "";
    const content = mdPage(
      [
        `# ${text(title)}`,
        `${plural(nodes.length, "node")}.`,
        pager,
        mdTable(
          ["Node", "Kind", "Owner", "Tier", "Description"],
          slice.map((node) => [
            nodeLink(here, node.id),
            text(node.kind),
            ownerLink(here, node.owner),
            node.tier === undefined ? "" : String(node.tier),
            text(shortDescription(node.description ?? "")),
          ]),
        ),
        pager,
      ],
      stamp,
    );
    yield { path: here.path, content };
  }
}
