// The HTML site, one file at a time: a generator, so that a graph of 100,000 nodes is written
// page by page and never held whole. Pure: the caller writes the files.

import { escapeHtml } from "../render/html-escape.js";
import { nodeHref } from "./html/fragments.js";
import { renderHealthHtml } from "./html/render-health.js";
import { renderNodePageHtml } from "./html/render-node-page.js";
import { renderContractsHtml, renderHistoryHtml } from "./html/render-node-sections.js";
import {
  renderIndexHtml,
  renderKindsIndexHtml,
  renderNodeListPages,
  renderOwnersIndexHtml,
  tierPagePath,
} from "./html/render-overview.js";
import { renderOwnerPageHtml } from "./html/render-owner-page.js";
import { renderSearchPage, SEARCH_JS } from "./html/search-page.js";
import { SITE_CSS } from "./html/style.js";
import { nodePageExports, ownerPageExports, placeExports } from "./impact-exports.js";
import { overview } from "./overview.js";
import { neighbourhoodPicture } from "./picture.js";
import { renderPictureSvg } from "./render-picture-svg.js";
import { searchIndexScript, searchRows } from "./search-index.js";
import { type SiteFormat, wholeSite } from "./site-format.js";
import type { DocsSiteInput, SiteFile } from "./site-input.js";
import {
  nodeLists,
  outsideSections,
  type SectionRenderers,
  siteHealth,
  tierTitle,
} from "./site-pages.js";
import { kindPagePath, nodePagePath, ownerPagePath } from "./site-paths.js";

export type { DocsSiteInput, SiteFile } from "./site-input.js";

const HTML_SECTIONS: SectionRenderers = {
  contracts: renderContractsHtml,
  history: renderHistoryHtml,
};

export const htmlSite = (input: DocsSiteInput): Generator<SiteFile> => wholeSite(HTML_SITE, input);

export const HTML_SITE: SiteFormat = {
  nodeFiles(input, page) {
    const path = nodePagePath(page.id);
    const exports = placeExports(nodePageExports(path, page));
    return [
      {
        path,
        content: renderNodePageHtml(page, input.stamp, {
          after: outsideSections(input, page.id, { path }, HTML_SECTIONS),
          ...(input.nodeExtras?.(page) ?? {}),
          // After the extras: the page must link its exports where they are.
          exports: exports.inline,
          ...(input.repository ? { matches: input.repository.matches.get(page.id) } : {}),
          ...(input.repository?.name ? { repository: input.repository.name } : {}),
          ...(input.layout ? { picture: pictureOf(input, page.id, path) } : {}),
        }),
      },
      ...exports.files,
    ];
  },

  ownerFiles(input, page) {
    const path = ownerPagePath(page.contact.id);
    const exports = placeExports(ownerPageExports(path, page));
    return [
      { path, content: renderOwnerPageHtml(page, input.stamp, exports.inline) },
      ...exports.files,
    ];
  },

  *otherFiles(input) {
    const { stamp } = input;
    const { config } = input.model;
    yield { path: "style.css", content: SITE_CSS };
    yield { path: "search.js", content: SEARCH_JS };
    yield { path: "search-index.js", content: searchIndexScript(searchRows(config)) };
    yield { path: "search.html", content: renderSearchPage(stamp, config.nodes.size) };
    const counts = overview(config);
    yield { path: "owners.html", content: renderOwnersIndexHtml(config, counts, stamp) };
    yield { path: "kinds.html", content: renderKindsIndexHtml(counts, stamp) };
    const { byKind, byTier } = nodeLists(config);
    for (const [kind, nodes] of byKind)
      yield* renderNodeListPages(kindPagePath(kind), `Kind: ${kind}`, nodes, stamp);
    for (const [tier, nodes] of byTier)
      yield* renderNodeListPages(tierPagePath(tier), tierTitle(tier), nodes, stamp);
    yield { path: "health.html", content: renderHealthHtml(siteHealth(input), stamp) };
  },

  closingFiles(input, largest) {
    const counts = overview(input.model.config);
    const notes = siteHealth(input).length;
    return [{ path: "index.html", content: renderIndexHtml(counts, largest, notes, input.stamp) }];
  },
};

/** The node's neighbourhood as an inline SVG, each box a link to its page. */
function pictureOf(input: DocsSiteInput, id: string, path: string): string {
  const layout = input.layout;
  if (!layout) return "";
  const picture = neighbourhoodPicture(input.model.compact, id);
  const svg = renderPictureSvg(picture, layout(picture), {
    hrefOf: (other) => nodeHref({ path }, other),
    moreHref: "#depends-on",
    idPrefix: "pic",
    title: `${id}: what it depends on (left) and what depends on it (right)`,
  });
  return `<figure class="picture">${svg}<figcaption>What <code>${escapeHtml(id)}</code> depends on, on the left, and what depends on it, on the right; arrows point the way a failure travels. Each box is a link to its page; the tables below list every node.</figcaption></figure>`;
}
