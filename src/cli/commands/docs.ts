// `blastradius docs`: what it does once its flags are read (docs-command.ts declares them).

import { dirname, relative, resolve } from "node:path";
import { findRepoRoot } from "../../adapters/git/git.js";
import {
  buildDocs,
  buildTime,
  DEFAULT_MAX_ROWS,
  DOCS_FORMATS,
  describeWritten,
  graphCommit,
  graphRepository,
} from "../../app/docs/build-docs.js";
import type { HistorySource } from "../../app/read-history.js";
import { InputError } from "../../core/errors.js";
import { parseSince } from "../../core/since.js";
import type { DocsFlags } from "../command-flags.js";
import { EXIT_OK, type Io } from "../exit.js";
import { githubToken, openGitHub } from "../github.js";
import { oneOf, wholeNumber } from "../options.js";

export async function docs(flags: DocsFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, DOCS_FORMATS);
  const maxRows = wholeNumber("--max-rows", flags.maxRows) ?? DEFAULT_MAX_ROWS;
  const threads = wholeNumber("--threads", flags.threads, 1);
  const commit = graphCommit(flags.deps, io.cwd);
  const now = buildTime(io.env.SOURCE_DATE_EPOCH, new Date());
  const written = await buildDocs({
    deps: flags.deps,
    source: flags.deps,
    outDir: resolve(io.cwd, flags.out),
    shownOut: flags.out,
    format,
    maxRows,
    ...(threads !== undefined ? { threads } : {}),
    generatedAt: now,
    ...(commit ? { commit } : {}),
    cwd: io.cwd,
    contracts: flags.contracts && (flags.plan !== undefined ? { planFile: flags.plan } : {}),
    ...(await historyOf(flags, io, now)),
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

/** Where recent changes come from: the local history (--git) or merged pull requests (--repo). */
async function historyOf(
  flags: DocsFlags,
  io: Io,
  now: Date,
): Promise<{ history?: { source: HistorySource; since: number } }> {
  // Read whether or not there is a history to read: a window that makes no sense is said.
  const since = parseSince(flags.since, Math.floor(now.getTime() / 1000));
  if (!flags.git && !flags.repo?.length) return {};
  if (flags.git && flags.repo?.length)
    throw new InputError(
      "give one history: --git (the local repository) or --repo OWNER/NAME (merged pull requests)",
      "drop one of them",
    );
  if (flags.repo?.length) {
    const token = githubToken(io, "or use --git to read the local history");
    return {
      history: {
        source: { repos: flags.repo, port: await openGitHub(io, token, flags.apiUrl) },
        since,
      },
    };
  }
  const root = findRepoRoot(dirname(resolve(io.cwd, flags.deps)));
  if (!root)
    throw new InputError(
      `${flags.deps} is not inside a git repository, so --git has no history to read`,
      "run docs inside the repository, give --repo OWNER/NAME, or drop --git",
    );
  return { history: { source: { git: root }, since } };
}
