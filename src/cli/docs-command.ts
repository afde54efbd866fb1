import { relative, resolve } from "node:path";
import type { Command } from "commander";
import {
  buildDocs,
  buildTime,
  DEFAULT_MAX_ROWS,
  DOCS_FORMATS,
  describeWritten,
  graphCommit,
  graphRepository,
} from "../app/docs/build-docs.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { oneOf, wholeNumber } from "./options.js";

interface DocsFlags {
  deps: string;
  out: string;
  format: string;
  maxRows: string;
  scan: boolean;
  root?: string;
  exclude?: string[];
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
    .option(
      "--root <dir>",
      "the repository whose files the rules are matched in (default: the git repository holding the graph, else its folder)",
    )
    .option("--exclude <glob...>", "files or folders of the repository not to read (repeatable)")
    .option("--no-scan", "do not read the repository: pages then do not say what rules match today")
    .action((flags: DocsFlags) => run(() => docs(flags, io)));
}

async function docs(flags: DocsFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, DOCS_FORMATS);
  const maxRows = wholeNumber("--max-rows", flags.maxRows) ?? DEFAULT_MAX_ROWS;
  const commit = graphCommit(flags.deps, io.cwd);
  const written = await buildDocs({
    deps: flags.deps,
    source: flags.deps,
    outDir: resolve(io.cwd, flags.out),
    shownOut: flags.out,
    format,
    maxRows,
    generatedAt: buildTime(io.env.SOURCE_DATE_EPOCH, new Date()),
    ...(commit ? { commit } : {}),
    repository: flags.scan && {
      root:
        flags.root !== undefined
          ? resolve(io.cwd, flags.root)
          : graphRepository(flags.deps, io.cwd),
      exclude: flags.exclude ?? [],
    },
  });
  const next =
    format === "markdown"
      ? `Build it with mkdocs or Backstage TechDocs from ${shownPath(io.cwd, flags.out, "mkdocs.yml")}`
      : `Open ${shownPath(io.cwd, flags.out, "index.html")}`;
  io.stdout(`${flags.out}: ${describeWritten(written)}. ${next}.\n`);
  return EXIT_OK;
}

/** A file of the site, as the user would type it: relative below here, else absolute. */
function shownPath(cwd: string, out: string, file: string): string {
  const index = resolve(cwd, out, file);
  const shown = relative(cwd, index);
  return shown.startsWith("..") ? index : shown;
}
