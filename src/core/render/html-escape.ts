// Text and links for HTML pages (the weekly report, the docs site): one escaping for both.

import { terminalText } from "./terminal-escape.js";

/** Text that neither escaping changes: printable ASCII without markup characters. */
const PLAIN = /^[\x20-\x21\x23-\x25\x28-\x3b\x3d\x3f-\x7e]*$/;

/**
 * Text for a page, in element content or a quoted attribute: no markup, and no control or bidi
 * override that `cat` of the file would act on.
 */
export const escapeHtml = (s: string): string =>
  // Nearly every id and name is plain: one test, no copy (the docs site escapes millions).
  PLAIN.test(s) ? s : terminalText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only a web address becomes a link: a `javascript:` or `data:` URL would run on a click. */
export const webUrl = (url: string | undefined): string | undefined =>
  url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
