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
import { markdownSite } from "../core/docs/markdown-site.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { oneOf, wholeNumber } from "./options.js";

const FORMATS = ["html", "markdown"] as const;

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
    .option("--max-rows <n>", "rows kept of each table and its CSV/JSON export (0: all)", "500")
    .action((flags: DocsFlags) => run(() => docs(flags, io)));
}

async function docs(flags: DocsFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, FORMATS);
  const maxRows = wholeNumber("--max-rows", flags.maxRows) ?? 500;
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
    const input = {
      model: loaded.model,
      stamp,
      maxRows: maxRows === 0 ? Number.MAX_SAFE_INTEGER : maxRows,
      today: utcDay(now),
      health: [],
    };
    written = writeSite(format === "markdown" ? markdownSite(input) : htmlSite(input), writer);
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
  io.stdout(
    `${flags.out}: ${written.pages.toLocaleString("en")} pages, ${written.files.toLocaleString("en")} files, ${mib(written.bytes)} (largest page ${written.largestPage.path}, ${kib(written.largestPage.bytes)}). ${format === "markdown" ? `Build it with mkdocs or Backstage TechDocs from ${shownPath(io.cwd, flags.out, "mkdocs.yml")}` : `Open ${shownPath(io.cwd, flags.out, "index.html")}`}.\n`,
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

/** Where a file of the site is, as the user would type it: relative below here, else absolute. */
function shownPath(cwd: string, out: string, file: string): string {
  const index = resolve(cwd, out, file);
  const shown = relative(cwd, index);
  return shown.startsWith("..") ? index : shown;
}
