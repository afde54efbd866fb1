// The threaded build's main side, run from source with stand-in workers (the real worker starts
// from the bundle: test/docs-threads.e2e.test.ts): the site it writes equals the one-thread
// site, and a worker that fails or stops fails the build with what happened.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSiteWriter } from "../../adapters/fs/write-site.js";
import { HTML_SITE } from "../../core/docs/html-site.js";
import { MARKDOWN_SITE } from "../../core/docs/markdown-site.js";
import { wholeSite } from "../../core/docs/site-format.js";
import { bundledModel } from "../../core/testing/bundled-example.js";
import { startPageWorkers, writeSiteThreaded } from "./page-threads.js";
import type { DocsFormat } from "./site-formats.js";
import { type SiteShare, siteInputOf } from "./site-share.js";

const SHARE: SiteShare = {
  stamp: { source: "deps.yaml", generatedAt: "2026-01-02T03:04:05Z", version: "test" },
  maxRows: 50,
  today: "2026-01-02",
  contracts: { note: "Status not checked (test)." },
};

/** Every file under `dir` with its bytes, by path. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), readFileSync(path, "utf8"));
    }
  return files;
}

describe("writeSiteThreaded", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "br-threads-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A worker file that does `body` (plain JS, run as a worker thread). */
  const worker = (name: string, body: string) => {
    const file = join(dir, `${name}.mjs`);
    writeFileSync(file, `import { parentPort, workerData } from "node:worker_threads";\n${body}\n`);
    return file;
  };

  const threaded = (format: DocsFormat, workerFile: string, out = "threaded") => {
    const input = siteInputOf(bundledModel(), SHARE);
    const writer = openSiteWriter(join(dir, out), out);
    return {
      writer,
      done: writeSiteThreaded(
        { input, share: SHARE, format, workers: startPageWorkers(2, workerFile) },
        writer,
      ),
    };
  };

  for (const [format, site] of [
    ["html", HTML_SITE],
    ["markdown", MARKDOWN_SITE],
  ] as const) {
    it(`writes the same ${format} site as one thread, workers that take nothing or all`, async () => {
      const single = openSiteWriter(join(dir, "single"), "single");
      for (const file of wholeSite(site, siteInputOf(bundledModel(), SHARE)))
        single.writeNow(file.path, file.content);
      await single.commit();
      // Takes no page: the main thread makes them all, and the workers' empty share is counted.
      const idle = worker(
        "idle",
        `parentPort.once("message", () => parentPort.postMessage({ ok: true, paths: [], tally: { files: 0, bytes: 0, pages: 0, largestPage: { path: "", bytes: 0 } }, largest: [] }));`,
      );
      const { writer, done } = threaded(format, idle);
      const written = await done;
      await writer.commit();
      expect(tree(join(dir, "threaded"))).toEqual(tree(join(dir, "single")));
      expect(written.byThread).toEqual([
        written.pages - [...tree(join(dir, "single")).keys()].filter(isListPage).length,
        0,
        0,
      ]);
    });
  }

  it("fails the build with what a worker said, and stops the others", async () => {
    const failing = worker(
      "fails",
      `parentPort.once("message", () => parentPort.postMessage({ ok: false, message: "boom" }));`,
    );
    const { writer, done } = threaded("html", failing);
    await expect(done).rejects.toThrow("making pages: boom");
    await writer.abort();
    expect(readdirSync(dir).filter((f) => !f.endsWith(".mjs"))).toEqual([]);
  });

  it("fails the build when a worker stops without a word", async () => {
    const exits = worker("exits", `parentPort.once("message", () => process.exit(3));`);
    const { writer, done } = threaded("html", exits);
    await expect(done).rejects.toThrow("a page thread stopped (exit code 3)");
    await writer.abort();
  });
});

/** Pages no thread's chunks make: the lists, the index, search, health (not owners or nodes). */
const isListPage = (path: string) =>
  /\.(html|md)$/.test(path) && !/(^|\/)(nodes|owners)\//.test(path);
