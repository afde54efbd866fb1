// `blastradius explore`: what it does once its flags are read (explore-command.ts declares them).

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { commitsSince, findRepoRoot, originRepo } from "../../adapters/git/git.js";
import { classifyCommits } from "../../app/classify-commits.js";
import { analyzeNodes } from "../../core/analyze.js";
import { closest } from "../../core/config/did-you-mean.js";
import { InputError, NodeNotFoundError } from "../../core/errors.js";
import type { CommitInfo } from "../../core/explore/recent-changes.js";
import { recentUpstreamChanges } from "../../core/explore/recent-changes.js";
import { renderMarkdown } from "../../core/render/render-markdown.js";
import type { ExplorerApi, ExplorerProps } from "../../ui/explorer-api.js";
import type { ExploreFlags } from "../command-flags.js";
import { EXIT_INPUT, EXIT_OK, type Io } from "../exit.js";
import { loadDepsFor } from "../graph-cache-option.js";
import { wholeNumber } from "../options.js";

export async function explore(flags: ExploreFlags, io: Io): Promise<number> {
  if (!io.stdoutIsTTY || !io.stdinIsTTY) {
    io.stderr(
      "blastradius: explore needs a terminal (standard input and output must be a TTY)\n  in scripts and CI, use `blastradius check` or `blastradius graph`\n",
    );
    return EXIT_INPUT;
  }
  const days = wholeNumber("--days", flags.days, 1) ?? 7;
  // The same errors as validate, before anything is drawn.
  const { model } = loadDepsFor(flags, io);
  if (flags.node !== undefined && !model.config.nodes.has(flags.node))
    throw new NodeNotFoundError(flags.node, closest(flags.node, model.config.nodes.keys()));
  const root = findRepoRoot(io.cwd);
  // Read before the screen is drawn, the way `check --git` reads a change: the recent view
  // then gives a commit the same classes as check does.
  const repo = root ? originRepo(root) : undefined;
  const recent = root ? commitsSince(root, days).filter((c) => !c.root) : [];
  // Many commits take seconds to classify, before anything is drawn: say what the wait is.
  if (recent.length > 50)
    io.stderr(
      `blastradius: reading ${recent.length.toLocaleString("en-US")} commits of the last ${days} day(s) for the recent-changes view (fewer with --days)…\n`,
    );
  const commits: CommitInfo[] | undefined = root
    ? (await classifyCommits(root, model.paths, recent, repo)).map(({ changes, ...commit }) => ({
        ...commit,
        changes,
      }))
    : undefined;
  const api: ExplorerApi = {
    whatIf: (id, changeClass) => analyzeNodes(model, [{ id, classes: [changeClass] }]),
    markdown: (impact) => renderMarkdown(impact),
    recentDays: days,
    ...(commits
      ? { recentChanges: (id: string) => recentUpstreamChanges(model, id, commits, repo) }
      : {}),
  };
  if (typeof __dirname !== "string") {
    throw new InputError(
      "explore runs from the built CLI",
      "run `npm run build`, then `npx blastradius explore`",
    );
  }
  // ink draws only a last frame when it sees CI or CONTINUOUS_INTEGRATION. explore has checked
  // that it runs in a terminal, so a shell inside a CI job still gets the interactive screen.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // The bundle lives in lib/; the explorer's modules beside it, compiled as ES modules.
  const entry = pathToFileURL(join(__dirname, "ui", "run-explorer.js")).href;
  const ui = (await (io.importModule ?? ((url: string) => import(url)))(entry)) as {
    runExplorer: (props: Omit<ExplorerProps, "onQuit">) => Promise<string | undefined>;
  };
  const printed = await ui.runExplorer({
    model,
    api,
    ...(flags.node ? { initialNode: flags.node } : {}),
  });
  if (printed) io.stdout(printed);
  return EXIT_OK;
}
