import type { Command } from "commander";
import { commitsBetween, findRepoRoot, originRepo } from "../adapters/git/git.js";
import { loadModel } from "../app/load-model.js";
import { closest } from "../core/config/did-you-mean.js";
import { InputError, NodeNotFoundError } from "../core/errors.js";
import { recentUpstreamChanges } from "../core/explore/recent-changes.js";
import { parseSince } from "../core/explore/since.js";
import {
  renderSuspectsMarkdown,
  renderSuspectsText,
  suspectsToJson,
} from "../core/render/render-suspects.js";
import { EXIT_OK, type Io, type RunAction } from "./exit.js";
import { oneOf } from "./options.js";

const FORMATS = ["text", "markdown", "json"] as const;

interface SuspectsFlags {
  deps: string;
  since: string;
  git?: boolean;
  format: string;
}

export function registerSuspects(program: Command, io: Io, run: RunAction): void {
  program
    .command("suspects")
    .argument("<node>", "the node that is broken")
    .description("Recent changes to a node or anything upstream of it, nearest first, then newest.")
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--since <when>", "how far back: 24h, 7d, 2w, or a date", "24h")
    .option("--git", "read commits from the local repository (the default)")
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "text")
    .action((node: string, flags: SuspectsFlags) => run(() => suspects(node, flags, io)));
}

function suspects(node: string, flags: SuspectsFlags, io: Io): number {
  const format = oneOf("--format", flags.format, FORMATS);
  const since = parseSince(flags.since, Math.floor(Date.now() / 1000));
  const { model } = loadModel(flags.deps);
  if (!model.config.nodes.has(node))
    throw new NodeNotFoundError(node, closest(node, model.config.nodes.keys()));
  const root = findRepoRoot(io.cwd);
  if (!root) {
    throw new InputError(
      `${io.cwd} is not inside a git repository`,
      "run suspects inside the repository whose changes you want to see",
    );
  }
  const report = {
    node,
    since,
    source: `git history of ${root}`,
    suspects: recentUpstreamChanges(model, node, commitsBetween(root, since), originRepo(root)),
  };
  if (format === "json") io.stdout(`${JSON.stringify(suspectsToJson(report), null, 2)}\n`);
  else if (format === "markdown") io.stdout(renderSuspectsMarkdown(report));
  else io.stdout(renderSuspectsText(report));
  return EXIT_OK;
}
