// A worker thread of a docs build. Started while the main thread reads the graph, it waits for
// the job: the graph as the main thread loaded it (plain data, by structured clone: both see
// the same graph, whatever happens on disk meanwhile) and what the pages show from outside it.
// Then it makes owner and node pages, a chunk at a time from a queue every thread shares
// (page-queue.ts), and writes them into the site's folder itself.

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
import { degree } from "../../core/graph/adjacency.js";
import { type PageQueue, takePages } from "./page-queue.js";
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
  /** The pages every thread takes from, `chunk` at a time. */
  readonly queue: PageQueue;
  /** This thread's number (the main thread is 0): its segment of the queue. */
  readonly thread: number;
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
  /** The work (pageItems): owners first (the larger pages), then nodes by shape. */
  readonly items: readonly PageItem[];
  readonly queue: PageQueue;
  readonly thread: number;
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

/**
 * Every owner's page, then every node's by how many neighbours it has each way (the shape its
 * picture is likely to have: see page-queue.ts), in declaration order within that; the same
 * list in every thread.
 */
export function pageItems(input: DocsSiteInput): PageItem[] {
  const { model } = input;
  const { owners, nodes } = model.config;
  const { compact } = model;
  const shape = (id: string) => {
    const i = compact.indexOf.get(id) as number;
    return Math.min(degree(compact, i, "up"), 9) * 10 + Math.min(degree(compact, i, "down"), 9);
  };
  const byShape = [...nodes.keys()].map((id) => ({ id, shape: shape(id) }));
  // Stable: within a shape, declaration order.
  byShape.sort((a, b) => a.shape - b.shape);
  return [
    ...[...owners.keys()].map((id) => ({ owner: true, id })),
    ...byShape.map(({ id }) => ({ id })),
  ];
}

/** Makes one chunk of pages; false once every page is taken. */
export function pageChunk(run: PageRun): boolean {
  const taken = takePages(run.queue, run.thread, run.chunk);
  if (!taken) return false;
  const [start, end] = taken;
  const format = SITE_FORMATS[run.format];
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
      queue: job.queue,
      thread: job.thread,
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
