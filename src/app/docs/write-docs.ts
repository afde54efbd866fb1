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
  /** With more than one thread: the owner and node pages each made, this thread first. */
  readonly byThread?: readonly number[];
}

/** What has been written so far, counted file by file (each thread keeps its own). */
export interface Tally {
  files: number;
  bytes: number;
  pages: number;
  largestPage: { path: string; bytes: number };
}

export const newTally = (): Tally => ({
  files: 0,
  bytes: 0,
  pages: 0,
  largestPage: { path: "", bytes: 0 },
});

export function countFile(tally: Tally, path: string, bytes: number): void {
  tally.files++;
  tally.bytes += bytes;
  if (/\.(html|md)$/.test(path)) {
    tally.pages++;
    const largest = tally.largestPage;
    // Ties go by path: the same page whichever thread wrote it first.
    if (bytes > largest.bytes || (bytes === largest.bytes && path < largest.path))
      tally.largestPage = { path, bytes };
  }
}

/** Adds another thread's (or part's) count. */
export function addTally(tally: Tally, other: WrittenSite): void {
  tally.files += other.files;
  tally.bytes += other.bytes;
  tally.pages += other.pages;
  const a = tally.largestPage;
  const b = other.largestPage;
  if (b.bytes > a.bytes || (b.bytes === a.bytes && b.path !== "" && b.path < a.path))
    tally.largestPage = { ...b };
}

export async function writeSite(files: Iterable<SiteFile>, sink: SiteSink): Promise<WrittenSite> {
  const tally = newTally();
  for (const file of files) {
    const wait = sink.write(file.path, file.content);
    if (wait) await wait;
    countFile(tally, file.path, Buffer.byteLength(file.content));
  }
  return tally;
}
