// The frame every page of the HTML site shares: landmarks, the site's navigation, a search
// box, and where the page was generated from. One stylesheet, no script but the search page's,
// nothing fetched from elsewhere: the site opens from a folder, offline.

import { escapeHtml } from "../../render/html-escape.js";
import { relativeHref } from "../site-paths.js";

/** Where the site comes from, said at the foot of every page. */
export interface SiteStamp {
  /** The graph's file, as given. */
  readonly source: string;
  /** The commit the graph was read at, when it is in a git repository. */
  readonly commit?: string;
  /** ISO 8601, UTC. */
  readonly generatedAt: string;
  readonly version: string;
}

export interface ShellPage {
  /** The page's own path from the site's root: links are made relative to it. */
  readonly path: string;
  readonly title: string;
  readonly body: string;
  readonly stamp: SiteStamp;
  /** Scripts of the site to load at the end of the body, as paths from the root. */
  readonly scripts?: readonly string[];
}

const NAV: readonly [string, string][] = [
  ["index.html", "Overview"],
  ["owners.html", "Owners"],
  ["kinds.html", "Kinds"],
  ["health.html", "Graph health"],
  ["search.html", "Search"],
];

export function htmlPage(page: ShellPage): string {
  const href = (to: string) => escapeHtml(relativeHref(page.path, to));
  const nav = NAV.map(
    ([to, label]) =>
      `<a href="${href(to)}"${to === page.path ? ' aria-current="page"' : ""}>${label}</a>`,
  ).join("");
  const scripts = (page.scripts ?? []).map((s) => `<script src="${href(s)}"></script>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · blastradius docs</title>
<link rel="stylesheet" href="${href("style.css")}">
</head><body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Site">${nav}</nav>
<form role="search" aria-label="Site" action="${href("search.html")}" method="get"><label for="site-q" class="visually-hidden">Search nodes</label><input id="site-q" name="q" type="search" placeholder="Search nodes, owners, kinds"><button type="submit">Search</button></form></header>
<main id="main">
${page.body}
</main>
<footer><p>${generatedFrom(page.stamp)}</p></footer>
${scripts}</body></html>
`;
}

export function generatedFrom(stamp: SiteStamp): string {
  const commit = stamp.commit
    ? ` at commit <code>${escapeHtml(stamp.commit.slice(0, 12))}</code>`
    : " (not in a git repository: no commit)";
  return `Generated from <code>${escapeHtml(stamp.source)}</code>${commit} on ${escapeHtml(stamp.generatedAt)} by blastradius ${escapeHtml(stamp.version)}.`;
}
