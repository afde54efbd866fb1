// What `blastradius docs` and the Action's `mode: docs` offer, apart from the code that builds
// the site: the command line declares its flags from these without loading it.

/** The site's formats (site-formats.ts holds one builder for each). */
export const DOCS_FORMATS = ["html", "markdown"] as const;
export type DocsFormat = (typeof DOCS_FORMATS)[number];

/** Rows kept of each table when the caller does not say: a page stays small on any graph. */
export const DEFAULT_MAX_ROWS = 50;
