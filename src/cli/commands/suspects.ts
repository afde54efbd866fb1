// `blastradius suspects`: what it does once its flags are read (suspects-command.ts declares them).

import { findRepoRoot } from "../../adapters/git/git.js";
import { type History, readHistory } from "../../app/read-history.js";
import { closest } from "../../core/config/did-you-mean.js";
import { InputError, NodeNotFoundError } from "../../core/errors.js";
import { upstreamChangesFrom } from "../../core/explore/recent-changes.js";
import {
  renderSuspectsJson,
  renderSuspectsMarkdown,
  renderSuspectsText,
  type SuspectsReport,
} from "../../core/render/render-suspects.js";
import { parseSince } from "../../core/since.js";
import { SUSPECTS_FORMATS, type SuspectsFlags } from "../command-flags.js";
import { EXIT_OK, type Io } from "../exit.js";
import { githubToken, openGitHub } from "../github.js";
import { loadDepsFor } from "../graph-cache-option.js";
import { oneOf } from "../options.js";

export async function suspects(node: string, flags: SuspectsFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, SUSPECTS_FORMATS);
  const now = Math.floor(Date.now() / 1000);
  const since = parseSince(flags.since, now);
  const { model } = loadDepsFor(flags, io);
  if (!model.config.nodes.has(node))
    throw new NodeNotFoundError(node, closest(node, model.config.nodes.keys()));
  let history: History;
  if (flags.repo?.length && !flags.git) {
    const token = githubToken(io, "or use --git to read the local history");
    const port = await openGitHub(io, token, flags.apiUrl);
    history = await readHistory({ repos: flags.repo, port }, { since, now, model });
  } else {
    const root = findRepoRoot(io.cwd);
    if (!root) {
      throw new InputError(
        `${io.cwd} is not inside a git repository`,
        "run suspects inside the repository whose changes you want to see, or give --repo",
      );
    }
    history = await readHistory({ git: root }, { since, now, model });
  }
  const report: SuspectsReport = {
    node,
    since,
    source: history.origin,
    suspects: upstreamChangesFrom(model, node, history.located),
  };
  if (format === "json") io.stdout(renderSuspectsJson(report));
  else if (format === "markdown") io.stdout(renderSuspectsMarkdown(report));
  else io.stdout(renderSuspectsText(report));
  return EXIT_OK;
}
