// Every link of a generated docs site, checked without a browser: each href and src of every
// .html page either leaves for the web (http, https, mailto: only from <a>), names a file that
// was written, or is one of the page's own exports (a `data:` download that reads back), and a
// #fragment names an id in the page it points to.

import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { EXPORT_LINK, pageExports } from "../src/core/testing/site-html.js";

export interface LinkReport {
  readonly pages: number;
  readonly links: number;
  /** "page: attribute=value (why)", one per link that does not resolve. */
  readonly broken: string[];
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An attribute's value as the browser reads it (named and numeric character references). */
const unescapeHtml = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });

/** Every file under `root`, as paths from it with `/`. */
export function siteFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) =>
      posix.join(posix.relative(root, entry.parentPath), entry.name).replace(/^\.\//, ""),
    )
    .map((path) => path.split("\\").join("/"));
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => unescapeHtml(m[1] as string)));
}

export function checkSiteLinks(root: string): LinkReport {
  const files = new Set(siteFiles(root));
  const pages = [...files].filter((f) => f.endsWith(".html"));
  const ids = new Map<string, Set<string>>();
  const idsIn = (page: string) => {
    let found = ids.get(page);
    if (!found) {
      found = idsOf(readFileSync(join(root, page), "utf8"));
      ids.set(page, found);
    }
    return found;
  };
  const broken: string[] = [];
  let links = 0;
  for (const page of pages) {
    const source = readFileSync(join(root, page), "utf8");
    // The page's own exports (a `data:` link to download, in exactly one form) are checked by
    // reading them back; any other `data:` link is reported below.
    try {
      links += pageExports(source).size;
    } catch (error) {
      broken.push(`${page}: an export that does not read back (${String(error)})`);
    }
    const html = source.replace(EXPORT_LINK, "<a>");
    for (const m of html.matchAll(/<([a-z]+)\b[^>]*?\s(href|src)="([^"]*)"/gi)) {
      links++;
      const tag = (m[1] as string).toLowerCase();
      const attribute = m[2] as string;
      const value = unescapeHtml(m[3] as string);
      const say = (why: string) =>
        broken.push(`${page}: <${tag} ${attribute}="${value}"> (${why})`);
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      if (scheme !== undefined || value.startsWith("//")) {
        // Only a link a reader follows may leave the site; what the page loads must not.
        if (tag !== "a") say("a page must load nothing from elsewhere");
        else if (!["http", "https", "mailto"].includes(scheme ?? "")) say("not a web address");
        continue;
      }
      const [beforeHash, fragment] = value.split("#", 2) as [string, string | undefined];
      const path = beforeHash.split("?")[0] as string;
      let target = page;
      if (path !== "") {
        let decoded: string;
        try {
          decoded = decodeURIComponent(path);
        } catch {
          say("bad percent-encoding");
          continue;
        }
        target = posix.normalize(posix.join(posix.dirname(page), decoded));
        if (target.startsWith("../") || !files.has(target)) {
          say(`no file ${target}`);
          continue;
        }
      }
      if (fragment !== undefined && fragment !== "" && target.endsWith(".html")) {
        if (!idsIn(target).has(decodeURIComponent(fragment)))
          say(`no id "${fragment}" in ${target}`);
      }
    }
  }
  return { pages: pages.length, links, broken };
}
