// The one analysis every entry point shares: changed files in, Impact out. Pure.

import { blastRadius } from "./graph/blast-radius.js";
import type { DepGraph } from "./graph/dep-graph.js";
import { locateFileChanges } from "./locate/changed-nodes.js";
import { PathIndex } from "./locate/path-index.js";
import type { DepsConfig, FileChange, Impact } from "./model.js";
import { ownersToNotify } from "./owners.js";
import { riskOf } from "./risk.js";

/** A loaded graph with the indexes the analysis needs, built once. */
export interface AnalysisModel {
  readonly config: DepsConfig;
  readonly graph: DepGraph;
  readonly paths: PathIndex;
}

export function prepareModel(config: DepsConfig, graph: DepGraph): AnalysisModel {
  return { config, graph, paths: PathIndex.fromNodes(config.nodes.values()) };
}

export interface AnalyzeOptions {
  readonly maxDepth?: number;
}

export function analyze(
  model: AnalysisModel,
  files: readonly FileChange[],
  options: AnalyzeOptions = {},
): Impact {
  const { changed, unmatchedFiles } = locateFileChanges(files, model.paths, (id) =>
    model.config.nodes.get(id),
  );
  const radius = blastRadius(model.graph, changed, { maxDepth: options.maxDepth });
  return {
    changed,
    impacted: radius.impacted,
    owners: ownersToNotify(radius.impacted, model.config.owners),
    risk: riskOf(radius.impacted),
    unmatchedFiles,
    truncated: radius.truncated,
  };
}
