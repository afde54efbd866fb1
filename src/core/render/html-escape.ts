// Text and links for HTML pages (the weekly report, the docs site): one escaping for both.

import { terminalText } from "./terminal-escape.js";

/**
 * Text for a page, in element content or a quoted attribute: no markup, and no control or bidi
 * override that `cat` of the file would act on.
 */
export const escapeHtml = (s: string): string =>
  terminalText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only a web address becomes a link: a `javascript:` or `data:` URL would run on a click. */
export const webUrl = (url: string | undefined): string | undefined =>
  url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
