// The site's formats by name: a new format is one line here, for the command line, the Action
// and the worker threads alike.

import { HTML_SITE } from "../../core/docs/html-site.js";
import { MARKDOWN_SITE } from "../../core/docs/markdown-site.js";
import type { SiteFormat } from "../../core/docs/site-format.js";

export const SITE_FORMATS = {
  html: HTML_SITE,
  markdown: MARKDOWN_SITE,
} as const satisfies Record<string, SiteFormat>;

export type DocsFormat = keyof typeof SITE_FORMATS;
export const DOCS_FORMATS = Object.keys(SITE_FORMATS) as readonly DocsFormat[];
