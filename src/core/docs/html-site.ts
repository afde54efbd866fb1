// The HTML site, one file at a time: a generator, so that a graph of 100,000 nodes is written
// page by page and never held whole. Pure: the caller writes the files.

import type { AnalysisModel } from "../analysis-model.js";
import type { GraphNode } from "../model.js";
import { escapeHtml } from "../render/html-escape.js";
import { graphHealth } from "./graph-health.js";
import type { SiteStamp } from "./html/page-shell.js";
import { renderHealthHtml } from "./html/render-health.js";
import { type NodePageExtras, renderNodePageHtml } from "./html/render-node-page.js";
import {
  type Reach,
  renderIndexHtml,
  renderKindsIndexHtml,
  renderNodeListPages,
  renderOwnersIndexHtml,
  tierPagePath,
} from "./html/render-overview.js";
import { renderOwnerPageHtml } from "./html/render-owner-page.js";
import { renderSearchPage, SEARCH_JS } from "./html/search-page.js";
import { SITE_CSS } from "./html/style.js";
import { nodePageExports, ownerPageExports } from "./impact-exports.js";
import type { NodeMatches } from "./matched-today.js";
import { type NodePage, nodePage } from "./node-page.js";
import { overview } from "./overview.js";
import { ownerPage } from "./owner-page.js";
import { neighbourhoodPicture } from "./picture.js";
import type { LayoutPicture } from "./picture-layout.js";
import { renderPictureSvg } from "./render-picture-svg.js";
import { searchIndexScript, searchRows } from "./search-index.js";
import { kindPagePath, nodePagePath, ownerPagePath, relativeHref } from "./site-paths.js";

export interface SiteFile {
  /** From the site's root, with `/`. */
  readonly path: string;
  readonly content: string;
}

export interface DocsSiteInput {
  readonly model: AnalysisModel;
  readonly stamp: SiteStamp;
  /** Rows kept of each table and its exports. */
  readonly maxRows: number;
  /** YYYY-MM-DD: waivers in the what-if's contracts hold until their date. */
  readonly today?: string;
  /** Lays out each node's neighbourhood picture; without it, pages have no picture. */
  readonly layout?: LayoutPicture;
  /** What each node's rules match in the repository today, when it was read. */
  readonly repository?: {
    readonly name?: string;
    readonly matches: ReadonlyMap<string, NodeMatches>;
  };
  /** What else a node's page shows (contracts, history), as HTML. */
  readonly nodeExtras?: (page: NodePage) => NodePageExtras;
}

/** How many of the largest blast radii the index lists. */
const LARGEST = 20;

export function* htmlSite(input: DocsSiteInput): Generator<SiteFile> {
  const { model, stamp, maxRows, today } = input;
  const { config } = model;
  const options = { maxRows, ...(today ? { today } : {}) };
  yield { path: "style.css", content: SITE_CSS };
  yield { path: "search.js", content: SEARCH_JS };
  yield { path: "search-index.js", content: searchIndexScript(searchRows(config)) };
  yield { path: "search.html", content: renderSearchPage(stamp, config.nodes.size) };

  const largest: Reach[] = [];
  for (const id of config.nodes.keys()) {
    const page = nodePage(model, id, options);
    const path = nodePagePath(id);
    const extras = input.nodeExtras?.(page) ?? {};
    yield {
      path,
      content: renderNodePageHtml(page, stamp, {
        ...extras,
        ...(input.repository ? { matches: input.repository.matches.get(id) } : {}),
        ...(input.repository?.name ? { repository: input.repository.name } : {}),
        ...(input.layout ? { picture: pictureOf(input, id, path) } : {}),
      }),
    };
    yield* nodePageExports(path, page);
    keepLargest(largest, {
      id,
      breaking: page.ifThisBreaks.breaking,
      atRisk: page.ifThisBreaks.atRisk,
    });
  }

  for (const id of config.owners.keys()) {
    const page = ownerPage(model, id, options);
    const path = ownerPagePath(id);
    yield { path, content: renderOwnerPageHtml(page, stamp) };
    yield* ownerPageExports(path, page);
  }

  const counts = overview(config);
  yield { path: "owners.html", content: renderOwnersIndexHtml(config, counts, stamp) };
  yield { path: "kinds.html", content: renderKindsIndexHtml(counts, stamp) };
  const byKind = new Map<string, GraphNode[]>();
  const byTier = new Map<string, GraphNode[]>();
  for (const node of config.nodes.values()) {
    push(byKind, node.kind, node);
    push(byTier, node.tier === undefined ? "none" : String(node.tier), node);
  }
  for (const [kind, nodes] of byKind)
    yield* renderNodeListPages(kindPagePath(kind), `Kind: ${kind}`, nodes, stamp);
  for (const [tier, nodes] of byTier)
    yield* renderNodeListPages(
      tierPagePath(tier),
      tier === "none" ? "Nodes without a tier" : `Tier ${tier}`,
      nodes,
      stamp,
    );
  const health = graphHealth(config, {
    ...(input.repository ? { matches: input.repository.matches } : {}),
    ...(today ? { today } : {}),
  });
  yield { path: "health.html", content: renderHealthHtml(health, stamp) };
  yield { path: "index.html", content: renderIndexHtml(counts, largest, health.length, stamp) };
}

/** The node's neighbourhood as an inline SVG, each box a link to its page. */
function pictureOf(input: DocsSiteInput, id: string, path: string): string {
  const layout = input.layout as LayoutPicture;
  const picture = neighbourhoodPicture(input.model.compact, id);
  const svg = renderPictureSvg(picture, layout(picture), {
    hrefOf: (other) => relativeHref(path, nodePagePath(other)),
    moreHref: "#depends-on",
    idPrefix: "pic",
    title: `${id}: what it depends on (left) and what depends on it (right)`,
  });
  return `<figure class="picture">${svg}<figcaption>What <code>${escapeHtml(id)}</code> depends on, on the left, and what depends on it, on the right; arrows point the way a failure travels. Each box is a link to its page; the tables below list every node.</figcaption></figure>`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Keeps the LARGEST nodes with the most breaking (then at-risk) nodes downstream, in order. */
function keepLargest(list: Reach[], reach: Reach): void {
  if (reach.breaking + reach.atRisk === 0) return;
  const larger = (a: Reach, b: Reach) =>
    a.breaking - b.breaking || a.atRisk - b.atRisk || (a.id < b.id ? 1 : -1);
  if (list.length === LARGEST && larger(reach, list[LARGEST - 1] as Reach) <= 0) return;
  let at = list.length;
  while (at > 0 && larger(reach, list[at - 1] as Reach) > 0) at--;
  list.splice(at, 0, reach);
  if (list.length > LARGEST) list.pop();
}
