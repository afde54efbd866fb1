// `blastradius docs` on several threads, through the bundles (worker threads start from the
// bundle's own file): the site is the same byte for byte as on one thread, in both formats,
// with a history and contracts crossing to the workers; every thread makes pages; and the
// Action's bundle, started as a worker, makes pages instead of running the Action again.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOrg, toDepsYaml } from "../bench/generate-org.js";
import { DOCS_WORKER } from "../src/app/docs/docs-worker.js";
import { newPageQueue } from "../src/app/docs/page-queue.js";
import { newWriteLock } from "../src/app/docs/write-lock.js";
import { bundledModel } from "../src/core/testing/bundled-example.js";
import { BIN, type History, ROOT, rotatedHistory } from "./git-history.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

/** Every file under `dir` with its bytes, by path. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), readFileSync(path));
    }
  return files;
}

/** The pages each thread made, from the command's summary ("made on 3 threads (a + b + c …)"). */
function byThread(stdout: string): number[] {
  const m = /made on (\d+) threads \(([\d,+ ]+) owner and node pages\)/.exec(stdout);
  if (!m) return [];
  return (m[2] as string).split(" + ").map((n) => Number(n.replaceAll(",", "")));
}

describe("blastradius docs --threads, from the bundle", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "br-docs-threads-"));
    writeFileSync(join(dir, "deps.yaml"), toDepsYaml(generateOrg({ nodes: 800, seed: 31 })));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const docs = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, "docs", "--no-scan", "--no-contracts", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ...EPOCH },
    });

  for (const format of ["html", "markdown"]) {
    it(`writes the same ${format} site on 3 threads as on 1, every thread making pages`, () => {
      const one = docs("--format", format, "--threads", "1", "--out", `one-${format}`);
      expect(one.stderr).toBe("");
      expect(one.status).toBe(0);
      expect(byThread(one.stdout)).toEqual([]);
      const three = docs("--format", format, "--threads", "3", "--out", `three-${format}`);
      expect(three.stderr).toBe("");
      expect(three.status).toBe(0);
      const made = byThread(three.stdout);
      expect(made).toHaveLength(3);
      for (const pages of made) expect(pages).toBeGreaterThan(0);
      // 800 nodes and their owners, each made once, by one of the threads.
      const owners = readdirSync(
        join(dir, `one-${format}`, format === "html" ? "" : "docs", "owners"),
      );
      expect(made.reduce((a, b) => a + b)).toBe(
        800 + owners.filter((f) => /\.(html|md)$/.test(f)).length,
      );
      const a = tree(join(dir, `one-${format}`));
      const b = tree(join(dir, `three-${format}`));
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
    });
  }

  it("refuses --threads 0 with what to give", () => {
    const zero = docs("--threads", "0", "--out", "zero");
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/--threads takes a whole number of at least 1/);
  });
});

describe("blastradius docs --threads with a history and contracts", () => {
  let history: History;
  beforeAll(() => {
    history = rotatedHistory();
  }, 60_000);
  afterAll(() => history.remove());

  it("the pages read the same history and contract status on every thread", () => {
    const run = (threads: string, out: string) =>
      spawnSync(
        process.execPath,
        [BIN, "docs", "--git", "--since", "7d", "--threads", threads, "--out", out],
        { cwd: history.dir, encoding: "utf8", env: { ...process.env, ...EPOCH } },
      );
    const one = run("1", "one");
    const four = run("4", "four");
    expect(one.status, one.stderr).toBe(0);
    expect(four.status, four.stderr).toBe(0);
    const a = tree(join(history.dir, "one"));
    const b = tree(join(history.dir, "four"));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
    expect(a.get("nodes/iam-role/automation-runner.html")?.toString("utf8")).toContain(
      "rotate the automation role",
    );
  });
});

describe("the Action's bundle started as a docs worker", () => {
  it("waits for its job, makes pages (here: says why it cannot) and does not run the Action", async () => {
    const worker = new Worker(join(ROOT, "dist/index.js"), {
      stdout: true,
      stderr: true,
      env: { ...process.env, GITHUB_EVENT_NAME: "pull_request", INPUT_MODE: "check" },
      workerData: { kind: DOCS_WORKER },
    });
    let out = "";
    worker.stdout.on("data", (chunk) => {
      out += chunk;
    });
    worker.stderr.on("data", (chunk) => {
      out += chunk;
    });
    // A job whose folder is not there: the first page cannot be written.
    const model = bundledModel();
    worker.postMessage({
      model: { config: model.config, compact: model.compact },
      format: "html",
      share: {
        stamp: { source: "deps.yaml", generatedAt: "2026-01-01T00:00:00Z", version: "t" },
        maxRows: 5,
        today: "2026-01-01",
        contracts: { note: "" },
      },
      folder: join(tmpdir(), "br-not-there", "site"),
      // Every owner's and node's page, shared by this worker (thread 1) and one other.
      queue: newPageQueue(model.config.owners.size + model.config.nodes.size, 2),
      thread: 1,
      chunk: 4,
      lock: newWriteLock(),
    });
    const message = await new Promise((resolve) => worker.once("message", resolve));
    await new Promise((resolve) => worker.once("exit", resolve));
    expect(message).toMatchObject({ ok: false, message: expect.stringMatching(/ENOENT/) });
    expect(out).toBe("");
  });
});
