// A change on this machine, analysed: its files from a list or from git, what changed inside
// those that match a node (read at the base commit and in the working tree), and a Terraform
// plan or CloudFormation change sets if given; then the one pure analysis. `check`'s pipeline, beside the
// pull-request one (analyzePullRequest): everything is read first, then analysed once.

import { relative, resolve, sep } from "node:path";
import { gitContents } from "../adapters/git/git-contents.js";
import { analyze } from "../core/analyze.js";
import type { DiscoveredReference } from "../core/classify/evidence.js";
import type { Impact, Unjudged } from "../core/model.js";
import { type ChangeContext, type ChangeSource, resolveChanges } from "./change-source.js";
import { classifyChanges } from "./classify-changes.js";
import type { LoadedModel } from "./load-model.js";
import { readChangeSetInputs } from "./read-change-set.js";
import { readPlanFile } from "./read-plan.js";
import { type RenderedQuery, readRenderedChange } from "./read-rendered.js";

export interface LocalChangeQuery {
  /** Undefined: no files at all (a plan alone). */
  readonly source?: ChangeSource;
  /** A Terraform plan in JSON. */
  readonly planFile?: string;
  /** CloudFormation change sets in JSON (describe-change-set), and the templates their stacks deploy. */
  readonly changeSetFiles?: readonly string[];
  readonly stackTemplates?: readonly string[];
  /** Manifests rendered at the base and at the head. */
  readonly rendered?: RenderedQuery;
  readonly maxDepth?: number;
  /** Today (YYYY-MM-DD), for contracts' waivers. */
  readonly today?: string;
}

export interface LocalChangeAnalysis {
  readonly impact: Impact;
  /** Said to the user: files not compared, and why. */
  readonly notes: readonly string[];
}

export async function analyzeLocalChange(
  loaded: LoadedModel,
  query: LocalChangeQuery,
  context: ChangeContext,
): Promise<LocalChangeAnalysis> {
  const plan = query.planFile === undefined ? undefined : readPlanFile(query.planFile);
  const inputs = readChangeSetInputs(
    query.changeSetFiles ?? [],
    query.stackTemplates ?? [],
    "--stack-template",
  );
  const rendered = query.rendered ? readRenderedChange(query.rendered, context.cwd) : undefined;
  const repoMatters = [...loaded.model.config.nodes.values()].some((node) =>
    node.match.paths.some((rule) => rule.repo !== undefined),
  );
  const changes = query.source ? resolveChanges(query.source, context, repoMatters) : { files: [] };
  // The repository is stamped once, here: every later step sees it on each file.
  let files = changes.files.map((f) => (changes.repo ? { ...f, repo: changes.repo } : f));
  const notes: string[] = [];
  const unjudged: Unjudged[] = [...(rendered?.unjudged ?? [])];
  if (rendered) notes.push(...rendered.notes);
  const references: DiscoveredReference[] = [];
  if (changes.git) {
    // The graph is read from the working tree: a change to it (a waiver, a contract, a
    // pending flag) judges the very change that brings it. Said, so a gate knows.
    const root = changes.git.root;
    const changedGraph = [...loaded.sources.keys()]
      .map((file) => relative(root, resolve(context.cwd, file)).split(sep).join("/"))
      .filter((file) => changes.files.some((f) => f.path === file));
    if (changedGraph.length > 0)
      notes.push(
        `${changedGraph.join(", ")} ${changedGraph.length === 1 ? "is" : "are"} changed by this change too, and read as changed: its contracts, waivers and pending flags judge the change that brings them. To gate on the graph as it was, run with --deps from the base (git show BASE:deps.yaml > base-deps.yaml), or use the Action or \`blastradius pr\`, which read the base's graph.`,
      );
    // With a base commit, what changed inside each file can be read, not only that it
    // changed; only files that match a node are read.
    const classified = await classifyChanges(files, {
      ...gitContents(changes.git.root, changes.git.base),
      paths: loaded.model.paths,
    });
    files = classified.files;
    notes.push(...classified.notes);
    unjudged.push(...classified.unjudged);
    references.push(...classified.references);
  }
  const impact = analyze(loaded.model, files, {
    maxDepth: query.maxDepth,
    ...(query.today ? { today: query.today } : {}),
    unjudged,
    ...(plan ? { plan } : {}),
    ...(inputs.length > 0 || rendered
      ? { inputs: [...inputs, ...(rendered ? [rendered.input] : [])] }
      : {}),
    ...(references.length > 0 ? { references } : {}),
  });
  return { impact, notes };
}
