import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { openSiteWriter } from "../adapters/fs/write-site.js";
import { commitOf, findRepoRoot } from "../adapters/git/git.js";
import { writeSite } from "../app/docs/write-docs.js";
import { loadModel } from "../app/load-model.js";
import { VERSION } from "../app/version.js";
import { utcDay } from "../core/config/waivers.js";
import type { SiteStamp } from "../core/docs/html/page-shell.js";
import { htmlSite } from "../core/docs/html-site.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { oneOf, wholeNumber } from "./options.js";

const FORMATS = ["html"] as const;

/**
 * Rows per table: a node page has three (depends on, depended on by, what breaks), and at 500
 * rows a page of a hub of 10,000 nodes was 450 KB; at 100 the largest stays under 200 KB.
 */
const DEFAULT_MAX_ROWS = 100;

interface DocsFlags {
  deps: string;
  out: string;
  format: string;
  maxRows: string;
}

export function registerDocs(program: Command, io: Io, run: RunAction): void {
  program
    .command("docs")
    .description(
      "Write the graph as a static documentation site: a page per node and per owner, with what breaks with each.",
    )
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option(
      "--out <dir>",
      "the folder to write (replaced only if an earlier docs run wrote it)",
      "site",
    )
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "html")
    .option(
      "--max-rows <n>",
      "rows kept of each table and its CSV/JSON export (0: all)",
      String(DEFAULT_MAX_ROWS),
    )
    .action((flags: DocsFlags) => run(() => docs(flags, io)));
}

async function docs(flags: DocsFlags, io: Io): Promise<number> {
  oneOf("--format", flags.format, FORMATS);
  const maxRows = wholeNumber("--max-rows", flags.maxRows) ?? DEFAULT_MAX_ROWS;
  const loaded = loadModel(flags.deps);
  const now = buildTime(io);
  const stamp: SiteStamp = {
    source: flags.deps,
    ...commitOfGraph(flags.deps, io.cwd),
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    version: VERSION,
  };
  const writer = openSiteWriter(resolve(io.cwd, flags.out), flags.out);
  let written: ReturnType<typeof writeSite>;
  try {
    written = writeSite(
      htmlSite({
        model: loaded.model,
        stamp,
        maxRows: maxRows === 0 ? Number.MAX_SAFE_INTEGER : maxRows,
        today: utcDay(now),
        health: [],
      }),
      writer,
    );
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
  io.stdout(
    `${flags.out}: ${written.pages.toLocaleString("en")} pages, ${written.files.toLocaleString("en")} files, ${mib(written.bytes)} (largest page ${written.largestPage.path}, ${kib(written.largestPage.bytes)}). Open ${shownIndex(io.cwd, flags.out)}.\n`,
  );
  return EXIT_OK;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * The time the site says it was generated: now, or SOURCE_DATE_EPOCH when set, so that the
 * same commit builds the same site byte for byte (reproducible-builds.org).
 */
function buildTime(io: Io): Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

/** The commit the graph's repository is at, when it is in one that has a commit. */
function commitOfGraph(deps: string, cwd: string): { commit?: string } {
  const root = findRepoRoot(dirname(resolve(cwd, deps)));
  if (!root) return {};
  try {
    return { commit: commitOf(root, "HEAD") };
  } catch {
    return {};
  }
}

/** Where the index is, as the user would type it: relative below here, else absolute. */
function shownIndex(cwd: string, out: string): string {
  const index = resolve(cwd, out, "index.html");
  const shown = relative(cwd, index);
  return shown.startsWith("..") ? index : shown;
}
