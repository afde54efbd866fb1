// Writes the docs site through a sink the caller opens (a folder, in the CLI and the Action),
// and says what was written: how many files, how large, and the largest page.

import type { SiteFile } from "../../core/docs/html-site.js";

export interface SiteSink {
  write(path: string, content: string): void;
}

export interface WrittenSite {
  readonly files: number;
  readonly bytes: number;
  readonly pages: number;
  /** The largest HTML (or markdown) page, to hold it to its size limit. */
  readonly largestPage: { readonly path: string; readonly bytes: number };
}

export function writeSite(files: Iterable<SiteFile>, sink: SiteSink): WrittenSite {
  let count = 0;
  let bytes = 0;
  let pages = 0;
  let largestPage = { path: "", bytes: 0 };
  for (const file of files) {
    sink.write(file.path, file.content);
    const size = Buffer.byteLength(file.content);
    count++;
    bytes += size;
    if (/\.(html|md)$/.test(file.path)) {
      pages++;
      if (size > largestPage.bytes) largestPage = { path: file.path, bytes: size };
    }
  }
  return { files: count, bytes, pages, largestPage };
}
