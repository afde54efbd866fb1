// A change on this machine, analysed: its files from a list or from git, what changed inside
// those that match a node (read at the base commit and in the working tree), and a Terraform
// plan if one is given; then the one pure analysis. `check`'s pipeline, beside the
// pull-request one (analyzePullRequest): everything is read first, then analysed once.

import { analyze } from "../core/analyze.js";
import type { DiscoveredReference } from "../core/classify/evidence.js";
import type { Impact, Unjudged } from "../core/model.js";
import { type ChangeContext, type ChangeSource, resolveChanges } from "./change-source.js";
import { classifyChanges } from "./classify-changes.js";
import { gitContents } from "./git-contents.js";
import type { LoadedModel } from "./load-model.js";
import { readPlanFile } from "./read-plan.js";

export interface LocalChangeQuery {
  /** Undefined: no files at all (a plan alone). */
  readonly source?: ChangeSource;
  /** A Terraform plan in JSON. */
  readonly planFile?: string;
  readonly maxDepth?: number;
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
  const changes = query.source ? resolveChanges(query.source, context) : { files: [] };
  // The repository is stamped once, here: every later step sees it on each file.
  let files = changes.files.map((f) => (changes.repo ? { ...f, repo: changes.repo } : f));
  const notes: string[] = [];
  const unjudged: Unjudged[] = [];
  const references: DiscoveredReference[] = [];
  if (changes.git) {
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
    unjudged,
    ...(plan ? { plan } : {}),
    ...(references.length > 0 ? { references } : {}),
  });
  return { impact, notes };
}
