// The HTML site, one file at a time: a generator, so that a graph of 100,000 nodes is written
// page by page and never held whole. Pure: the caller writes the files.

import type { AnalysisModel } from "../analysis-model.js";
import type { GraphNode } from "../model.js";
import type { SiteStamp } from "./html/page-shell.js";
import type { HealthNote } from "./graph-health.js";
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
import { type NodePage, nodePage } from "./node-page.js";
import { overview } from "./overview.js";
import { ownerPage } from "./owner-page.js";
import { searchIndexScript, searchRows } from "./search-index.js";
import { kindPagePath, nodePagePath, ownerPagePath } from "./site-paths.js";

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
  readonly health: readonly HealthNote[];
  /** What else a node's page shows (its picture, matches, contracts, history), as HTML. */
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
    yield { path, content: renderNodePageHtml(page, stamp, input.nodeExtras?.(page) ?? {}) };
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
  yield { path: "owners/index.html", content: renderOwnersIndexHtml(config, counts, stamp) };
  yield { path: "kinds/index.html", content: renderKindsIndexHtml(counts, stamp) };
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
  yield { path: "health.html", content: renderHealthHtml(input.health, stamp) };
  yield {
    path: "index.html",
    content: renderIndexHtml(counts, largest, input.health.length, stamp),
  };
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
