// A worker thread of a docs build. Started while the main thread reads the graph, it waits for
// the job: the graph as the main thread loaded it (plain data, by structured clone: both see
// the same graph, whatever happens on disk meanwhile) and what the pages show from outside it.
// Then it makes owner and node pages, a chunk at a time from a counter every thread shares,
// and writes them into the site's folder itself.

import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { writeSiteFile } from "../../adapters/fs/write-site.js";
import type { GraphIndexes } from "../../core/analysis-model.js";
import type { DocsSiteInput, SiteFile } from "../../core/docs/site-input.js";
import {
  keepLargest,
  nodePageOf,
  ownerPageOf,
  type Reach,
  reachOf,
} from "../../core/docs/site-pages.js";
import { type DocsFormat, SITE_FORMATS } from "./site-formats.js";
import { type SiteShare, siteInputOf } from "./site-share.js";
import { countFile, newTally, type Tally } from "./write-docs.js";
import { type WriteLock, withWriteLock } from "./write-lock.js";

/** Marks a worker thread started for a docs build (in its workerData). */
export const DOCS_WORKER = "blastradius-docs-pages";

export interface DocsWorkerData {
  readonly kind: typeof DOCS_WORKER;
}

/** What a worker is sent once the graph has loaded. */
export interface DocsWorkerJob {
  readonly model: GraphIndexes;
  readonly format: DocsFormat;
  readonly share: SiteShare;
  /** The folder the site is written into (the writer's staging folder). */
  readonly folder: string;
  /** Int32 [next page]: each thread takes `chunk` pages at a time by Atomics.add. */
  readonly counter: SharedArrayBuffer;
  readonly chunk: number;
  /** Held while a thread writes a file (write-lock.ts). */
  readonly lock: WriteLock;
}

export type DocsWorkerResult =
  | {
      readonly ok: true;
      readonly paths: string[];
      readonly tally: Tally;
      readonly largest: Reach[];
    }
  | { readonly ok: false; readonly message: string };

/** The node and owner pages one thread makes; the main thread runs it too, with its own writer. */
export interface PageRun {
  readonly input: DocsSiteInput;
  readonly format: DocsFormat;
  /** The work, in the order taken: owners first (the larger pages), then nodes. */
  readonly items: readonly PageItem[];
  readonly counter: Int32Array;
  readonly chunk: number;
  readonly largest: Reach[];
  /** Writes one file; its size in bytes. */
  readonly write: (path: string, content: string) => number;
  readonly tally: Tally;
}

export interface PageItem {
  readonly owner?: boolean;
  readonly id: string;
}

/** Every owner's page, then every node's, in declaration order: the same list in every thread. */
export function pageItems(input: DocsSiteInput): PageItem[] {
  const { owners, nodes } = input.model.config;
  return [
    ...[...owners.keys()].map((id) => ({ owner: true, id })),
    ...[...nodes.keys()].map((id) => ({ id })),
  ];
}

/** Makes one chunk of pages; false once every page is taken. */
export function pageChunk(run: PageRun): boolean {
  const start = Atomics.add(run.counter, 0, run.chunk);
  if (start >= run.items.length) return false;
  const format = SITE_FORMATS[run.format];
  const end = Math.min(start + run.chunk, run.items.length);
  for (let i = start; i < end; i++) {
    const item = run.items[i] as PageItem;
    let files: SiteFile[];
    if (item.owner) files = format.ownerFiles(run.input, ownerPageOf(run.input, item.id));
    else {
      const page = nodePageOf(run.input, item.id);
      keepLargest(run.largest, reachOf(page));
      files = format.nodeFiles(run.input, page);
    }
    for (const file of files) countFile(run.tally, file.path, run.write(file.path, file.content));
  }
  return true;
}

/** Runs the worker when this thread was started as one; false otherwise (nothing done). */
export function runDocsWorkerIfAsked(): boolean {
  const port = parentPort;
  if (isMainThread || !port) return false;
  if ((workerData as DocsWorkerData | undefined)?.kind !== DOCS_WORKER) return false;
  port.once("message", (job: DocsWorkerJob) => port.postMessage(runDocsWorker(job)));
  return true;
}

export function runDocsWorker(job: DocsWorkerJob): DocsWorkerResult {
  try {
    const paths: string[] = [];
    const made = new Set<string>([""]);
    const input = siteInputOf(job.model, job.share);
    const run: PageRun = {
      input,
      format: job.format,
      items: pageItems(input),
      counter: new Int32Array(job.counter),
      chunk: job.chunk,
      largest: [],
      tally: newTally(),
      write: (path, content) => {
        const size = withWriteLock(job.lock, () => writeSiteFile(job.folder, path, content, made));
        paths.push(path);
        return size;
      },
    };
    while (pageChunk(run));
    return { ok: true, paths, tally: run.tally, largest: run.largest };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
