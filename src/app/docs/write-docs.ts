// Writes the docs site through a sink the caller opens (a folder, in the CLI and the Action),
// and says what was written: how many files, how large, and the largest page.

import type { SiteFile } from "../../core/docs/html-site.js";

export interface SiteSink {
  /** A promise back: wait for it before writing more (the sink has enough in flight). */
  write(path: string, content: string): Promise<void> | undefined;
}

export interface WrittenSite {
  readonly files: number;
  readonly bytes: number;
  readonly pages: number;
  /** The largest HTML (or markdown) page, to hold it to its size limit. */
  readonly largestPage: { readonly path: string; readonly bytes: number };
}

export async function writeSite(files: Iterable<SiteFile>, sink: SiteSink): Promise<WrittenSite> {
  let count = 0;
  let bytes = 0;
  let pages = 0;
  let largestPage = { path: "", bytes: 0 };
  for (const file of files) {
    const wait = sink.write(file.path, file.content);
    if (wait) await wait;
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
