// Everything that comes from files or YAML goes through here before it reaches markdown,
// so that it cannot break the layout, inject HTML, ping anyone, link anywhere or
// cross-reference an issue. Markdown is printed to terminals too (`--format markdown`,
// the explorer's `m`): terminal controls are made inert here as well.

import { terminalText } from "./terminal-escape.js";

/** Text as an inline code span; safe in table cells. Mentions, links and HTML are inert in code. */
export function code(value: string): string {
  const flat = terminalText(value).replace(/\|/g, "\\|");
  let fence = "`";
  while (flat.includes(fence)) fence += "`";
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A zero-width space: reads the same, and breaks the patterns GitHub links. */
const ZWSP = "\u200b";

/**
 * Plain text with markdown and HTML meaning removed, `@` defused, and nothing GitHub would
 * autolink (docs: "Autolinked references and URLs"; GFM's extended autolinks): URLs
 * (`scheme://`, `www.`), e-mail addresses and `user@sha` (the `@`), issue and pull-request
 * references (`#26`, `GH-26`, `owner/repo#26`) and commit SHAs (7 to 40 hex characters).
 */
export function text(value: string): string {
  return (
    terminalText(value)
      // Inline text: these are the characters that mean something mid-line.
      .replace(/[\\`*_{}[\]|~>&<@]/g, (c) =>
        c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === "@" ? `@${ZWSP}` : `\\${c}`,
      )
      .replace(AUTOLINKED, unlinked)
  );
}

/**
 * What GitHub links: `scheme://` (http, https, ftp), `mailto:` and `xmpp:` need the scheme and
 * its colon together; `www.`; `#26`, `GH-26` and so `owner/repo#26`; a SHA. (`@` is done above.)
 */
const AUTOLINKED = /:(?=\/\/)|\b(?:mailto|xmpp):|\bwww\.|#(?=\d)|\bGH-(?=\d)|\b[0-9a-f]{7,}\b/gi;

function unlinked(match: string): string {
  if (match === ":") return `:${ZWSP}`;
  if (match.endsWith(":")) return `${match.slice(0, -1)}${ZWSP}:`;
  if (match.endsWith(".")) return `${match.slice(0, 3)}${ZWSP}.`;
  if (match === "#" || match.endsWith("-")) return `${match}${ZWSP}`;
  return shaBroken(match);
}

/**
 * A hex run cut into pieces of six, too short for a SHA. Runs of digits only are left whole:
 * they are account ids and numbers (ARNs must copy intact), and GitHub links a SHA only when
 * the commit exists, which a run of digits almost never names.
 */
function shaBroken(run: string): string {
  if (!/[a-f]/i.test(run)) return run;
  return run.replace(/.{6}(?=.)/g, (piece) => `${piece}${ZWSP}`);
}

/**
 * A link to a URL from the API (a commit page): only http(s), with everything that could end the
 * destination, start a title or act on a terminal percent-encoded. Anything else is the label.
 */
export function link(label: string, url: string | undefined): string {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return label;
  const safe = url.replace(/[^\x21-\x7e]|[()<>"'\\`]/gu, percentEncoded);
  return `[${label}](${safe})`;
}

function percentEncoded(c: string): string {
  const ascii = c.charCodeAt(0);
  if (ascii < 0x80) return `%${ascii.toString(16).toUpperCase().padStart(2, "0")}`;
  try {
    return encodeURIComponent(c);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate: U+FFFD
  }
}
