import { relative, resolve } from "node:path";
import type { Command } from "commander";
import {
  buildDocs,
  buildTime,
  DEFAULT_MAX_ROWS,
  DOCS_FORMATS,
  describeWritten,
  graphCommit,
} from "../app/docs/build-docs.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { oneOf, wholeNumber } from "./options.js";

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
    .option("--format <format>", `output: ${DOCS_FORMATS.join(", ")}`, "html")
    .option(
      "--max-rows <n>",
      "rows kept of each table and its CSV/JSON export (0: all)",
      String(DEFAULT_MAX_ROWS),
    )
    .action((flags: DocsFlags) => run(() => docs(flags, io)));
}

function docs(flags: DocsFlags, io: Io): number {
  const format = oneOf("--format", flags.format, DOCS_FORMATS);
  const maxRows = wholeNumber("--max-rows", flags.maxRows) ?? DEFAULT_MAX_ROWS;
  const commit = graphCommit(flags.deps, io.cwd);
  const written = buildDocs({
    deps: flags.deps,
    source: flags.deps,
    outDir: resolve(io.cwd, flags.out),
    shownOut: flags.out,
    format,
    maxRows,
    generatedAt: buildTime(io.env.SOURCE_DATE_EPOCH, new Date()),
    ...(commit ? { commit } : {}),
  });
  io.stdout(`${flags.out}: ${describeWritten(written)}. Open ${shownIndex(io.cwd, flags.out)}.\n`);
  return EXIT_OK;
}

/** Where the index is, as the user would type it: relative below here, else absolute. */
function shownIndex(cwd: string, out: string): string {
  const index = resolve(cwd, out, "index.html");
  const shown = relative(cwd, index);
  return shown.startsWith("..") ? index : shown;
}
