// The site's formats by name, for the command line, the Action and the worker threads alike (a
// new format is its name in docs-options.ts and its builder here).

import { HTML_SITE } from "../../core/docs/html-site.js";
import { MARKDOWN_SITE } from "../../core/docs/markdown-site.js";
import type { SiteFormat } from "../../core/docs/site-format.js";
import type { DocsFormat } from "./docs-options.js";

export type { DocsFormat } from "./docs-options.js";

export const SITE_FORMATS = {
  html: HTML_SITE,
  markdown: MARKDOWN_SITE,
} as const satisfies Record<DocsFormat, SiteFormat>;
