// Checks a written markdown site (mkdocs.yml and docs/) as MkDocs would: every page the nav
// lists exists, every page written is in the nav, and every relative link of every page
// resolves to a written file. Used by the core's tests and by the end-to-end run of the CLI.

import { load } from "js-yaml";
import { MKDOCS_SCHEMA } from "../docs/markdown/mkdocs-config.js";

export interface MkdocsFile {
  readonly site_name: string;
  readonly docs_dir: string;
  readonly nav: unknown[];
  readonly plugins: unknown[];
  readonly markdown_extensions: unknown[];
}

export function readMkdocs(text: string): MkdocsFile {
  return load(text, { schema: MKDOCS_SCHEMA }) as MkdocsFile;
}

/** Every `title: path` of a nav, sections walked into, in order. */
export function navPages(nav: unknown): { title: string; path: string }[] {
  if (!Array.isArray(nav)) throw new Error(`nav is not a list: ${JSON.stringify(nav)}`);
  return nav.flatMap((item) => {
    const entries = Object.entries(item as Record<string, unknown>);
    if (entries.length !== 1) throw new Error(`nav item with ${entries.length} keys`);
    const [title, value] = entries[0] as [string, unknown];
    return typeof value === "string" ? [{ title, path: value }] : navPages(value);
  });
}

/** `](target)` of every inline link in a page; an escaped `\](` is text, not a link. */
export function linksOf(page: string): string[] {
  return [...page.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1] as string);
}

/** From `from` (a path under docs/), where a relative link lands; undefined: it climbs out. */
export function resolveLink(from: string, href: string): string | undefined {
  const parts = from.split("/").slice(0, -1);
  for (const part of decodeURIComponent(href.split("#")[0] as string).split("/")) {
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** What is wrong with a site, given its files by path from the site's root. */
export function markdownSiteProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const yml = files.get("mkdocs.yml");
  if (yml === undefined) return ["no mkdocs.yml"];
  const config = readMkdocs(yml);
  const docsDir = `${config.docs_dir}/`;
  const docs = new Map(
    [...files].flatMap(([path, content]) =>
      path.startsWith(docsDir) ? [[path.slice(docsDir.length), content] as const] : [],
    ),
  );
  const listed = navPages(config.nav).map((p) => p.path);
  const inNav = new Set(listed);
  if (inNav.size !== listed.length) problems.push("the nav lists a page twice");
  for (const path of inNav) if (!docs.has(path)) problems.push(`nav lists ${path}: not written`);
  for (const [path, content] of docs) {
    if (!path.endsWith(".md")) continue;
    if (!inNav.has(path)) problems.push(`${path} is not in the nav`);
    for (const href of linksOf(content)) {
      if (/^https?:\/\//.test(href)) continue;
      const to = resolveLink(path, href);
      if (to === undefined || !docs.has(to))
        problems.push(`${path}: link ${href} resolves nowhere`);
    }
  }
  return problems;
}
