// The markdown site for wikis and Backstage TechDocs (MkDocs' layout): mkdocs.yml and docs/
// with the same pages as the HTML site, drawn from the same page data, one file at a time.
// Pure: the caller writes the files.

import { nodePageExports, ownerPageExports } from "./impact-exports.js";
import { mkdocsConfig, type NavItem, type NavPage } from "./markdown/mkdocs-config.js";
import { HEALTH_PAGE, renderHealthMarkdown } from "./markdown/render-health.js";
import { renderMatchesMarkdown } from "./markdown/render-matches.js";
import { type MarkdownNodeExtras, renderNodePageMarkdown } from "./markdown/render-node-page.js";
import { renderContractsMarkdown, renderHistoryMarkdown } from "./markdown/render-node-sections.js";
import {
  INDEX_PAGE,
  KINDS_PAGE,
  listPages,
  OWNERS_PAGE,
  pagedPathMd,
  renderIndexMarkdown,
  renderKindsIndexMarkdown,
  renderNodeListPagesMarkdown,
  renderOwnersIndexMarkdown,
  tierPagePathMd,
} from "./markdown/render-overview.js";
import { renderOwnerPageMarkdown } from "./markdown/render-owner-page.js";
import type { NodeMatches } from "./matched-today.js";
import type { NodePage } from "./node-page.js";
import { overview } from "./overview.js";
import { neighbourhoodPicture } from "./picture.js";
import { renderPictureMermaid } from "./render-picture-mermaid.js";
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

export interface MarkdownSiteInput extends DocsSiteInput {
  /** What else a node's page shows (its mermaid picture, matches …), as markdown. */
  readonly nodeMarkdown?: (page: NodePage) => MarkdownNodeExtras;
}

const MARKDOWN_SECTIONS: SectionRenderers = {
  contracts: renderContractsMarkdown,
  history: renderHistoryMarkdown,
};

/** The folder MkDocs reads the pages from (mkdocs.yml's `docs_dir`). */
export const DOCS_DIR = "docs";

export const markdownSite = (input: MarkdownSiteInput): Generator<SiteFile> =>
  wholeSite(MARKDOWN_SITE, input);

const docs = (file: SiteFile): SiteFile => ({
  path: `${DOCS_DIR}/${file.path}`,
  content: file.content,
});

export const MARKDOWN_SITE: SiteFormat<MarkdownSiteInput> = {
  nodeFiles(input, page) {
    const path = nodePagePath(page.id, "md");
    const content = renderNodePageMarkdown(page, input.stamp, {
      picture: renderPictureMermaid(neighbourhoodPicture(input.model.compact, page.id)),
      after: {
        ...(input.repository?.matches.get(page.id)
          ? {
              changes: renderMatchesMarkdown(
                input.repository.matches.get(page.id) as NodeMatches,
                input.repository.name,
              ),
            }
          : {}),
        ...outsideSections(input, page.id, { path }, MARKDOWN_SECTIONS),
      },
      ...(input.nodeMarkdown?.(page) ?? {}),
    });
    return [docs({ path, content }), ...nodePageExports(path, page).map(docs)];
  },

  ownerFiles(input, page) {
    const path = ownerPagePath(page.contact.id, "md");
    return [
      docs({ path, content: renderOwnerPageMarkdown(page, input.stamp) }),
      ...ownerPageExports(path, page).map(docs),
    ];
  },

  *otherFiles(input) {
    const { stamp } = input;
    const { config } = input.model;

    const counts = overview(config);
    yield docs({ path: OWNERS_PAGE, content: renderOwnersIndexMarkdown(config, counts, stamp) });
    yield docs({ path: KINDS_PAGE, content: renderKindsIndexMarkdown(counts, stamp) });
    const { byKind, byTier } = nodeLists(config);
    for (const [kind, nodes] of byKind)
      for (const file of renderNodeListPagesMarkdown(
        kindPagePath(kind, "md"),
        `Kind: ${kind}`,
        nodes,
        stamp,
      ))
        yield docs(file);
    for (const [tier, nodes] of byTier)
      for (const file of renderNodeListPagesMarkdown(
        tierPagePathMd(tier),
        tierTitle(tier),
        nodes,
        stamp,
      ))
        yield docs(file);
    yield docs({ path: HEALTH_PAGE, content: renderHealthMarkdown(siteHealth(input), stamp) });
  },

  closingFiles(input, largest) {
    const { stamp } = input;
    const { config } = input.model;
    const counts = overview(config);
    const { byKind, byTier } = nodeLists(config);
    const index = docs({
      path: INDEX_PAGE,
      content: renderIndexMarkdown(counts, largest, siteHealth(input).length, stamp),
    });
    // Every page written above, and nothing else: a test holds the two to each other.
    const listed = (path: string, title: string, count: number): NavPage[] =>
      Array.from({ length: listPages(count) }, (_, i) => ({
        title: i === 0 ? title : `${title} (page ${i + 1})`,
        path: pagedPathMd(path, i + 1),
      }));
    const nav: NavItem[] = [
      { title: "Overview", path: INDEX_PAGE },
      {
        title: "Owners",
        items: [
          { title: "All owners", path: OWNERS_PAGE },
          ...[...config.owners.keys()].map((id) => ({ title: id, path: ownerPagePath(id, "md") })),
        ],
      },
      {
        title: "Kinds",
        items: [
          { title: "All kinds", path: KINDS_PAGE },
          ...[...byKind].flatMap(([kind, nodes]) =>
            listed(kindPagePath(kind, "md"), kind, nodes.length),
          ),
        ],
      },
      {
        title: "Tiers",
        items: [...byTier]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .flatMap(([tier, nodes]) => listed(tierPagePathMd(tier), tierTitle(tier), nodes.length)),
      },
      { title: "Graph health", path: HEALTH_PAGE },
      {
        title: "Nodes",
        items: [...byKind].map(([kind, nodes]) => ({
          title: kind,
          items: nodes.map((node) => ({ title: node.id, path: nodePagePath(node.id, "md") })),
        })),
      },
    ];
    return [
      index,
      { path: "mkdocs.yml", content: mkdocsConfig(`Dependencies: ${stamp.source}`, nav) },
    ];
  },
};
