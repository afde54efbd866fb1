// A docs build on several threads. The workers start while the main thread reads the graph;
// once it has, each is sent the graph (by structured clone) and what the pages show from
// outside it. The main thread writes the files that are neither a node's nor an owner's
// (lists, health, search), then every thread takes owner and node pages a chunk at a time from
// the shared queue (page-queue.ts) until none is left, and the main thread closes the site (the
// index needs every node's blast radius). Each page depends only on its node or owner, so the
// site is the same byte for byte whatever the number of threads.

import { Worker } from "node:worker_threads";
import type { SiteWriter } from "../../adapters/fs/write-site.js";
import type { DocsSiteInput } from "../../core/docs/site-input.js";
import { keepLargest, type Reach } from "../../core/docs/site-pages.js";
import {
  DOCS_WORKER,
  type DocsWorkerData,
  type DocsWorkerJob,
  type DocsWorkerResult,
  type PageRun,
  pageChunk,
  pageItems,
} from "./docs-worker.js";
import { newPageQueue, stopPageQueue } from "./page-queue.js";
import { type DocsFormat, SITE_FORMATS } from "./site-formats.js";
import type { SiteShare } from "./site-share.js";
import { addTally, countFile, newTally, type WrittenSite } from "./write-docs.js";
import { newWriteLock, stopWrites, withWriteLock } from "./write-lock.js";

/** Pages a thread takes at a time: small enough to even out, large enough not to contend. */
export const PAGES_PER_CHUNK = 32;

/** A worker thread started for the pages, and what it will have said when it stops. */
export interface PageWorker {
  readonly worker: Worker;
  readonly result: Promise<DocsWorkerResult>;
}

/** Starts `count` workers from `file` (the bundle); they wait for their job. */
export function startPageWorkers(count: number, file: string): PageWorker[] {
  const data: DocsWorkerData = { kind: DOCS_WORKER };
  return Array.from({ length: count }, () => {
    const worker = new Worker(file, { workerData: data });
    const result = new Promise<DocsWorkerResult>((resolve) => {
      worker.once("message", (message: DocsWorkerResult) => resolve(message));
      worker.once("error", (error) => resolve({ ok: false, message: error.message }));
      worker.once("exit", (code) =>
        resolve({ ok: false, message: `a page thread stopped (exit code ${code})` }),
      );
    });
    return { worker, result };
  });
}

/** Stops workers, whatever they are doing; once it resolves, none writes anything more. */
export async function stopPageWorkers(workers: readonly PageWorker[]): Promise<void> {
  await Promise.all(workers.map(({ worker }) => worker.terminate()));
}

export interface ThreadedBuild {
  readonly input: DocsSiteInput;
  readonly share: SiteShare;
  readonly format: DocsFormat;
  /** Started, waiting for their job; stopped when this returns or throws. */
  readonly workers: readonly PageWorker[];
}

export async function writeSiteThreaded(
  build: ThreadedBuild,
  writer: SiteWriter,
): Promise<WrittenSite> {
  const items = pageItems(build.input);
  const queue = newPageQueue(items.length, build.workers.length + 1);
  const lock = newWriteLock();
  // Every file through the lock, this thread's too (write-lock.ts says why).
  const write = (path: string, content: string) =>
    withWriteLock(lock, () => writer.writeNow(path, content));
  const job: Omit<DocsWorkerJob, "thread"> = {
    model: { config: build.input.model.config, compact: build.input.model.compact },
    format: build.format,
    share: build.share,
    folder: writer.folder,
    queue,
    chunk: PAGES_PER_CHUNK,
    lock,
  };
  let failed: Error | undefined;
  const results = build.workers.map(({ worker, result }, i) => {
    worker.postMessage({ ...job, thread: i + 1 } satisfies DocsWorkerJob);
    return result.then((said) => {
      if (!said.ok) failed ??= new Error(`making pages: ${said.message}`);
      return said;
    });
  });
  // Ctrl-C: no thread takes another page or writes another file; then the folder is removed.
  writer.onInterrupt(() => {
    stopPageQueue(queue);
    stopWrites(lock);
  });
  try {
    const tally = newTally();
    let written = 0;
    for (const file of SITE_FORMATS[build.format].otherFiles(build.input)) {
      countFile(tally, file.path, write(file.path, file.content));
      // The event loop runs now and then: a worker's failure, or Ctrl-C, is heard.
      if (++written % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const largest: Reach[] = [];
    const own: PageRun = {
      input: build.input,
      format: build.format,
      items,
      queue,
      thread: 0,
      chunk: PAGES_PER_CHUNK,
      largest,
      tally: newTally(),
      write,
    };
    // A chunk at a time, letting the event loop run between: a worker's failure, or Ctrl-C,
    // is heard within a chunk.
    while (failed === undefined && pageChunk(own))
      await new Promise((resolve) => setImmediate(resolve));
    addTally(tally, own.tally);
    const byThread = [own.tally.pages];
    for (const result of results) {
      const done = await result;
      if (!done.ok) continue;
      writer.adopt(done.paths, done.tally.bytes);
      addTally(tally, done.tally);
      byThread.push(done.tally.pages);
      for (const reach of done.largest) keepLargest(largest, reach);
    }
    if (failed) throw failed;
    for (const file of SITE_FORMATS[build.format].closingFiles(build.input, largest))
      countFile(tally, file.path, write(file.path, file.content));
    return { ...tally, byThread };
  } finally {
    // Every page taken, then every thread stopped: none writes into the folder once this
    // returns (a failed build's folder is removed next).
    stopPageQueue(queue);
    await stopPageWorkers(build.workers);
  }
}
